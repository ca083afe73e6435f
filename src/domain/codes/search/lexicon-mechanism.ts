/**
 * Ninth round of issue 10: the MECHANISM class, built from the Alphabetic Index injury main
 * terms ("Laceration", "Sprain", "Strain", "Fracture", "Dislocation", "Contusion") and the
 * External Cause Index main terms ("Fall", "Assault", "Overexertion", "Accident, transport,
 * pedal cyclist") rather than from misses: the everyday word a patient or a triage note uses for
 * the injury type or its cause, mapped to the Index's own words. Same row format as
 * abbreviations.ts (`keys=target;target`, `+` keeps the typed words). Rows already in
 * abbreviations.ts or the other lexicon files ("road rash", "jammed finger", "twisted ankle",
 * "punched", "scald") are not repeated. ClaimLab's own list from general clinical knowledge;
 * every target word is checked against the FY2026 titles (test/search/lexicon-9-fy2026.test.ts).
 * See: Guidelines I.C.19 (injuries), I.C.20 (external causes).
 */
export const MECHANISM: readonly string[] = [
  // Index "Laceration (see also Wound, open)": a cut by any everyday name.
  'gash,gashed,sliced,slice,sliced open,split open=laceration',
  // Index "Sprain" (a twisted or wrenched joint); "Strain" (a pulled or tweaked muscle).
  'twisted,twisting injury,wrenched=sprain',
  'tweaked,pulled=strain',
  'tweaked back,tweaked my back,pulled back,pulled my back,threw out back,threw out my back=strain muscle lower back',
  // Index "Fracture, traumatic": "broke", "busted", "cracked" a bone.
  'broke,broke my=fracture',
  'busted nose,broke nose,broke my nose,broken nose=fracture nasal bones',
  // Index "Dislocation": a joint that "popped out".
  'popped out,popped shoulder,shoulder popped out=dislocation shoulder',
  // Index "Laceration, lip" and "Contusion, lip": a "busted" or "split" lip.
  'busted lip,split lip,fat lip=laceration lip;contusion lip',
  // External Cause Index "Assault (homicidal) (by) (in), knife X99.1".
  'stabbed,stabbed with knife,knifed=assault knife',
  // External Cause Index "Accident, transport, pedal cyclist, noncollision V18.-".
  'fell off bike,fell off bicycle,fell off my bike,fall from bike,fall from bicycle,fell from bike,fell from bicycle,bicycle fall,bike fall=pedal cyclist noncollision transport accident',
  // External Cause Index "Overexertion (lifting) (pulling) (pushing) X50.0-".
  'lifting injury,heavy lifting,lifting heavy,lifted heavy,injured lifting,hurt lifting=overexertion strenuous movement load',
  // External Cause Index "Striking against, object W22.8": "hit my head on", "banged head on".
  'hit head on,hit my head on,banged head on,banged my head on,bumped head on,bumped my head on=striking against object',
  // Index "Sprain, back - see also Sprain, spine, lumbar" S33.5-.
  'back sprain,sprained back,sprained my back,lower back sprain,low back sprain,lumbar sprain=sprain ligaments lumbar spine',
  // Index "Fracture, rib" S22.3-: a "cracked" rib ("cracked tooth" K03.81 is its own title).
  'cracked rib,cracked ribs,cracked my rib,cracked my ribs=fracture rib',
  // Index "Crush, crushed, crushing": a "smashed" finger or toe.
  'smashed,smashed my=crushing injury',
  // External Cause Index "Contact, with, glass (sharp) (broken) W25".
  'stepped on glass,stepped on broken glass,cut on glass,cut by glass,cut on broken glass=contact sharp glass',
  // Index "Bite, insect (nonvenomous)"; External Cause Index "Bitten, by, insect W57".
  'mosquito bite,mosquito bites,bug bite,bug bites,bitten by bug,bitten by mosquito=insect bite nonvenomous',
  // External Cause Index "Fall, same level" W18.30 (from standing height).
  'fell from standing,fall from standing,fall from standing height,fell from standing height=fall same level',
  // External Cause Index "Accident, transport, car occupant, collision with car V43.-".
  'rear ended,got rear ended,rear end collision,rear end mvc,rear ended mvc=car driver injured collision car traffic',
  // External Cause Index "Accident, transport, pedal cyclist, collision with car V13.-".
  'bicycle hit by car,bike hit by car,cyclist hit by car,bicyclist hit by car,bicycle vs car,bike vs car=pedal cycle driver injured collision car pick up truck van traffic',
  // External Cause Index "Striking against or struck by, person W50.0"; "Bumping against person".
  'head butted,headbutted,elbowed,got elbowed=accidental strike another person',
  // Index "Amputation, traumatic, finger" S68.-: a fingertip "cut off".
  'cut off,chopped off,sliced off=traumatic amputation',
  // Index "Sprain, knee, cruciate, anterior S83.51-" (a torn ACL; "Tear, meniscus" is its own).
  'torn acl,acl torn,acl tear,torn anterior cruciate ligament=sprain anterior cruciate ligament',
  'hyperextended,hyperextension injury=sprain',
  // Index "Dislocation, tooth S03.2" (knocked out); "Fracture, tooth (traumatic) S02.5".
  'knocked out tooth,knocked out teeth,tooth knocked out,knocked out my tooth=dislocation tooth',
  'chipped tooth,chipped teeth,chipped my tooth,chipped front tooth=fracture tooth traumatic',
  // External Cause Index "Accident, transport, pedestrian, collision with car V03.1-".
  'run over by car,ran over by car,run over by a car=pedestrian injured collision car traffic',
  // External Cause Index "Struck by, object, falling W20.8" (a weight dropped on the foot).
  'dropped on foot,dropped on my foot,dropped weight on foot,dropped weight on my foot,dropped on toe=other cause strike thrown projected falling object',
  // Index "Electrocution T75.4"; "Sunburn L55.9"; "Contusion, toe" (stubbed), "Sprain, ankle".
  'electrocuted,electrocution injury=electrocution',
  'sunburned,sun burned,sun burn=sunburn',
  'stubbed,stubbed my=contusion',
  'ankle roll,ankle rolled,rolled my ankle=sprain ankle',
];
