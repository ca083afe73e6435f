/**
 * Tenth round of issue 10: the MECHANISM class, continued from lexicon-mechanism.ts, by External
 * Cause Index main term ("Fall, from", "Struck by", "Striking against", "Bitten", "Contact,
 * with", "Caught", "Accident, transport", "Foreign body", "Assault") and by injury Index main
 * term ("Dislocation", "Abrasion", "Crush", "Wound, open, bite", "Burn", "Corrosion"): every
 * everyday form of the injury or its cause (past tense, "-ing" form, "X fall", "fell off X")
 * reaches the Index wording. Sibling sets are written out whole (every pedestrian conveyance of
 * V00, every kind of foreign body swallowed), never a single query. Same row format as
 * abbreviations.ts (`keys=target;target`, `+` keeps the typed words); a key that another file
 * already has gets these targets as further alternatives. ClaimLab's own list from general
 * clinical knowledge; every target word is a word of some FY2026 title or Index term
 * (test/search/lexicon-7-fy2026.test.ts) and samples find their codes
 * (test/search/lexicon-10-injury-fy2026.test.ts).
 * See: Guidelines I.C.19 (injuries), I.C.20 (external causes).
 */

/** "fell off a skateboard", "skateboarding fall", "fall while skateboarding" -> "Fall from X". */
function fallFrom(nouns: string, gerunds: string, target: string): string {
  const n = nouns.split(',');
  const g = gerunds ? gerunds.split(',') : [];
  const keys = [
    ...n.flatMap((x) => [
      `fell off ${x}`,
      `fell off a ${x}`,
      `fell off my ${x}`,
      `fell off of ${x}`,
      `fell from ${x}`,
      `fell from a ${x}`,
      `fall from ${x}`,
      `fall off ${x}`,
      `fall off a ${x}`,
      `${x} fall`,
      `${x} accident`,
      `${x} injury`,
      `${x} crash`,
    ]),
    ...g.flatMap((x) => [
      `fell while ${x}`,
      `fall while ${x}`,
      `${x} fall`,
      `fell ${x}`,
      `${x} accident`,
      `${x} injury`,
      `injured ${x}`,
      `injury while ${x}`,
    ]),
  ];
  return `${keys.join(',')}=${target}`;
}

/**
 * A cause typed with "injury", "accident" or "wound" after it, or "shot with" / "cut on" before it
 * ("table saw injury", "shot with bb gun"): the bare word "injury" must not pull T14.90 first.
 */
function cause(keys: string, target: string): string {
  const k = keys.split(',');
  const forms = k.flatMap((x) => [
    x,
    `${x} injury`,
    `${x} accident`,
    `${x} wound`,
    `injured by ${x}`,
    `injured with ${x}`,
    `cut on ${x}`,
    `cut by ${x}`,
    `cut with ${x}`,
    `shot with ${x}`,
    `shot by ${x}`,
    `shot with a ${x}`,
  ]);
  return `${forms.join(',')}=${target}`;
}

/** An anticoagulant by name, for "bleeding on X" (Index "Hemorrhage, due to anticoagulant"). */
const ANTICOAGULANTS =
  'anticoagulants,anticoagulant,anticoagulation,blood thinners,blood thinner,warfarin,coumadin,eliquis,apixaban,xarelto,rivaroxaban,pradaxa,dabigatran,heparin,lovenox,enoxaparin';

/**
 * A motor vehicle collision typed with the patient's role ("mvc driver", "restrained passenger
 * in mva", "car crash unrestrained driver"): External Cause Index "Accident, transport, car
 * occupant, driver / passenger, collision, unspecified motor vehicle, traffic V49.40 / V49.50".
 */
function mvcRole(role: string, target: string): string {
  const crash =
    'mvc,mva,car accident,car crash,motor vehicle accident,motor vehicle collision,motor vehicle crash,auto accident,car wreck'.split(
      ',',
    );
  const who = [role, `restrained ${role}`, `unrestrained ${role}`];
  const keys = crash.flatMap((c) =>
    who.flatMap((w) => [`${c} ${w}`, `${w} ${c}`, `${w} in ${c}`, `${w} in a ${c}`]),
  );
  return `${[...who, ...keys].join(',')}=${target}`;
}

/**
 * A room of the patient's home ("home kitchen", "in the bathroom at home"): Place of occurrence
 * "Residence, house, single-family" Y92.01- by room (I.C.20.b: the place code once, at the
 * initial encounter; Index "Place of occurrence, residence").
 */
const HOME_ROOMS: readonly [string, string][] = [
  ['kitchen', 'kitchen'],
  ['bathroom', 'bathroom'],
  ['bedroom', 'bedroom'],
  ['dining room', 'dining room'],
  ['driveway', 'private driveway'],
  ['garage', 'private garage'],
  ['pool', 'swimming pool'],
  ['yard', 'garden yard'],
  ['backyard', 'garden yard'],
  ['garden', 'garden yard'],
];
const homeRoomRows = HOME_ROOMS.map(([room, target]) => {
  const keys = [
    `home ${room}`,
    `${room} at home`,
    `at home ${room}`,
    `at home in ${room}`,
    `at home in the ${room}`,
    `in ${room} at home`,
    `in the ${room} at home`,
    `${room} of home`,
    `${room} of house`,
    `house ${room}`,
  ];
  return `${keys.join(',')}=${target} single family private house`;
});

export const INJURY: readonly string[] = [
  ...homeRoomRows,
  // Injury Index main terms in their past-tense and adjective forms ("dislocated" was read as a
  // typo of "dissociated"; "lacerated" as an electrolyte): "Dislocation", "Laceration",
  // "Abrasion" (a scrape, a rug or carpet burn), "Crush" (crushed), "Burn" (burned).
  'dislocated,dislocate,dislocating=dislocation',
  'lacerated,lacerating=laceration',
  'scraped,scraped up,scrapes,skinned,skinned up,rug burn,rug burns,carpet burn,carpet burns=abrasion',
  '+crushed=crushing injury',
  'burned,burnt,got burned,burned by,burned on=burn',
  // Index "Bite, human - see Bite, by site" (Wound, open, bite) with External Cause Index
  // "Bite, human (accidental) W50.3".
  'bitten by another child,bitten by child,bitten by a child,bitten by kid,bitten by another kid,bit by another child,bit by child,bitten by human,bit by human,bitten by sibling,bitten by brother,bitten by sister,bitten by classmate,bitten by patient=bite another person',
  // External Cause Index "Contact, with, dog W54.8" (a scratch, not a bite); "cat W55.03".
  'scratched by dog,scratched by a dog,dog scratch,dog scratches,dog scratched=other contact dog',
  'cat scratch,cat scratched,scratched by a cat=scratched cat',
  // External Cause Index "Caught, between, moving objects W23.0" (a finger slammed in a door)
  // and Index "Crush, finger S67.1-".
  'caught in door,caught in a door,caught in car door,slammed in door,slammed in car door,shut in door,shut in car door,closed in door,closed in car door,pinched in door,door slammed on=caught crushed jammed pinched between moving objects',
  'finger caught in door,fingers caught in door,finger caught in car door,caught finger in door,caught finger in car door,slammed finger in door,slammed finger in car door,finger slammed in door,finger slammed in car door,shut finger in door,finger shut in door,finger closed in door,finger pinched in door=crushing injury finger;caught crushed jammed pinched between moving objects',
  'hand caught in door,hand caught in car door,caught hand in door,slammed hand in door,hand slammed in door,hand slammed in car door,hand shut in door=crushing injury hand;caught crushed jammed pinched between moving objects',
  // External Cause Index "Striking against, person W51" / "Bumping against, person W51"
  // (another player, another person).
  'hit by another player,hit by player,hit by a player,hit by teammate,hit by opponent,collided with player,collided with another player,collision with another player,collided with teammate,ran into another player,ran into player,ran into another person,bumped into another person,bumped into someone,collided with another person,collided with someone,hit by another person=striking against bumped into another person',
  // External Cause Index "Struck by, object, falling W20.8" (a branch, a tree, a box falling).
  'struck by falling object,hit by falling object,falling object,object fell on,struck by tree branch,hit by tree branch,struck by branch,hit by branch,branch fell on,tree branch fell on,tree fell on,struck by falling tree,hit by falling tree,struck by falling box,hit by falling box,box fell on=strike thrown projected falling object',
  // External Cause Index "Accident, transport, pedestrian, collision with car V03.1-" (traffic,
  // the default for an unspecified place) and "bus V06.1-" (heavy transport vehicle or bus).
  'hit by car while walking,hit by a car while walking,struck by car while walking,hit by car walking,struck by car,struck by a car,hit by car,hit by a car,ped vs car,pedestrian vs car,ped vs auto,pedestrian vs auto,ped vs mvc,pedestrian vs mvc,ped struck,pedestrian struck,pedestrian struck by car,pedestrian hit by car,ped hit by car,hit by truck,struck by truck=pedestrian injured collision car traffic',
  'hit by bus,struck by bus,hit by a bus,struck by a bus=pedestrian injured collision heavy transport vehicle bus traffic',
  // "Accident, transport, car occupant, driver / passenger, collision, unspecified motor
  // vehicle, traffic V49.40 / V49.50" for a motor vehicle collision typed with the role.
  mvcRole('driver', 'driver injured collision unspecified motor vehicles traffic'),
  mvcRole('passenger', 'passenger injured collision unspecified motor vehicles traffic'),
  // External Cause Index "Accident, transport, pedestrian conveyance" V00: "Fall from" each
  // conveyance (skateboard, scooter, in-line and other roller-skates, heelies, ice-skates, sled,
  // snowboard, snow-skis, electric scooter, baby stroller, motorized mobility scooter).
  fallFrom(
    'skateboard,skate board,longboard',
    'skateboarding,skate boarding,longboarding',
    'fall from skateboard',
  ),
  fallFrom('scooter,kick scooter,razor scooter', 'scootering', 'fall from scooter nonmotorized'),
  fallFrom(
    'rollerblades,roller blades,rollerblade,inline skates,in line skates',
    'rollerblading,roller blading,inline skating,in line skating',
    'fall from in line roller skates',
  ),
  fallFrom(
    'roller skates,rollerskates',
    'roller skating,rollerskating',
    'fall from non in line roller skates',
  ),
  fallFrom('heelies', '', 'fall from heelies'),
  fallFrom('ice skates', 'ice skating', 'fall from ice skates'),
  fallFrom('sled,toboggan,sledge', 'sledding,sledging,tobogganing', 'fall from sled'),
  fallFrom('snowboard', 'snowboarding', 'fall from snowboard'),
  fallFrom('skis,snow skis', 'skiing,snow skiing', 'fall from snow skis'),
  fallFrom(
    'electric scooter,e scooter,escooter,lime scooter,bird scooter,electric standing scooter',
    'e scootering',
    'fall from standing electric scooter',
  ),
  fallFrom('stroller,baby stroller,pram', '', 'fall from baby stroller'),
  fallFrom(
    'mobility scooter,motorized scooter,power scooter',
    '',
    'fall from motorized mobility scooter',
  ),
  // External Cause Index "Fall, from, playground equipment, other W09.8" (a trampoline);
  // "Fall, in, shower / bathtub W18.2"; "Fall, due to, ice or snow W00.-"; "Fall, from, tree W14".
  fallFrom(
    'trampoline,playground equipment',
    'trampolining',
    'fall on from other playground equipment',
  ),
  'slipped in shower,slipped in the shower,fell in shower,fell in the shower,slipped in tub,fell in tub,slipped in bathtub,fell in bathtub,fall in shower,fall in bathtub,slipped in bath,fell in bath,slipped and fell in shower,slip in shower=fall shower bathtub',
  'slipped on ice,fell on ice,slip on ice,slipped on the ice,fell on the ice,slipped on snow,fell on snow,slipped on icy,fell on icy,icy fall=fall same level ice snow',
  'fell out of tree,fell out of a tree,fell from tree,fell from a tree,fell off tree,fall out of tree,fall from a tree=fall from tree',
  // Index "Foreign body, alimentary tract T18.9" (swallowed), "esophagus, food T18.12-" (a food
  // bolus); "Foreign body, superficial, by site" (in the skin); Index "Wound, open, puncture,
  // with foreign body" (a fish hook).
  'swallowed coin,swallowed a coin,swallowed coins,ingested coin,coin ingestion,swallowed battery,swallowed a battery,swallowed button battery,ingested battery,ingested button battery,button battery ingestion,battery ingestion,swallowed magnet,swallowed magnets,ingested magnet,ingested magnets,magnet ingestion,swallowed marble,swallowed toy,swallowed a toy,swallowed object,swallowed an object,swallowed foreign body,ingested foreign body,foreign body ingestion,swallowed pin,swallowed a pin,swallowed key,swallowed earring,swallowed screw,swallowed nail,swallowed bead,swallowed lego=foreign body alimentary tract',
  'food stuck in esophagus,food stuck in throat,food bolus,food bolus impaction,food impaction,esophageal food impaction,food impaction esophagus,meat stuck in esophagus,meat stuck in throat,steak stuck,bone stuck in throat,fish bone stuck,fishbone stuck,fish bone in throat,chicken bone in throat,chicken bone stuck=food esophagus causing other injury',
  'foreign body skin,foreign body in skin,fb skin,fb in skin,skin foreign body,fb under skin,foreign body under skin,something under skin=superficial foreign body',
  'fish hook,fishhook,fishing hook,fish hook in,fishhook in=puncture wound foreign body',
  // Index "Degloving - see Wound, open" (by site).
  'degloving injury,degloving,degloved=unspecified open wound',
  // External Cause Index "Contact, with, sharp object NEC W26.8" (metal edge, tin can).
  'cut on metal,cut by metal,cut on sheet metal,cut by sheet metal,cut on metal edge,cut on tin can,cut on a can,cut on can lid,cut by can lid,cut on can,cut by tin can=contact other sharp object',
  // External Cause Index "Assault, blunt object Y00" (a bat, pipe, stick, club, bottle).
  'assaulted with bat,assaulted with a bat,assault with bat,beaten with bat,beaten with a bat,struck with bat,assaulted with baseball bat,beaten with baseball bat,assaulted with pipe,beaten with pipe,assaulted with stick,beaten with stick,assaulted with club,beaten with club,assaulted with bottle,hit with bottle,assaulted with blunt object,beaten with blunt object,hit with blunt object,struck with blunt object,blunt assault,blunt force assault=assault blunt object',
  // Index "Poisoning" for a drug's "toxicity" or "toxic level" (Table of Drugs, poisoning
  // column, accidental unless an intent is typed: I.C.19.e.5.b); "Toxic effect, alcohol,
  // ethanol T51.0X-"; "Anaphylactic reaction due to food"; "Reaction, drug - see Table of Drugs,
  // adverse effect".
  '+toxicity,toxic level,toxic levels,supratherapeutic level,supratherapeutic levels=poisoning accidental',
  'alcohol poisoning,ethanol poisoning,etoh poisoning,alcohol toxicity,etoh toxicity,ethanol toxicity,alcohol overdose,etoh overdose=toxic effect ethanol accidental',
  'anaphylaxis to,anaphylactic reaction to,anaphylaxis from,anaphylaxis due to,anaphylactic to=anaphylactic reaction due',
  'adverse reaction to,adverse drug reaction to,drug reaction to,side effect of,side effects of,side effect from,side effects from,allergic reaction to medication,allergic reaction to drug=adverse effect',
  'vaccine reaction,reaction to vaccine,vaccination reaction,reaction to vaccination,post vaccine reaction,adverse reaction to vaccine,immunization reaction,reaction to immunization,reaction to shot,shot reaction=adverse effect other vaccines biological substances;complications following immunization',
  'flu shot reaction,reaction to flu shot,adverse reaction to flu shot,adverse reaction to flu vaccine,reaction to flu vaccine,flu vaccine reaction=adverse effect viral vaccines;complications following immunization',
  'supratherapeutic inr,elevated inr,high inr,inr elevated,inr high,inr supratherapeutic=abnormal coagulation profile',
  // External Cause Index "Striking against, object, stationary NEC W22.09" (a door, a door
  // frame, a glass door), "wall W22.01" (walked or ran into), "object NEC W22.8" (a punched wall).
  'ran into door,run into door,walked into door,bumped into door,walked into door frame,ran into door frame,walked into glass door,ran into glass door,hit head on door frame,hit my head on door frame,hit head on doorframe,hit head on door,hit my head on door,bumped head on door,bumped head on door frame,hit head on door jamb=striking against other stationary object',
  'ran into wall,run into wall,ran into a wall,bumped into wall,bumped into a wall=walked into wall',
  'punched wall,punched a wall,punched the wall,punching wall,punched door,punched a door,hit wall with fist,punched window,punched a window=striking against other objects',
  // External Cause Index "Contact, with, saw": powered woodworking machines W31.2 (table,
  // circular, band saw), chain saw W29.3 (powered garden and outdoor hand tools), hand saw W27.0.
  cause(
    'table saw,tablesaw,circular saw,band saw,bandsaw,miter saw,mitre saw,radial arm saw,wood planer,jointer',
    'powered woodworking forming machines',
  ),
  cause(
    'chainsaw,chain saw,weed eater,weedeater,weed whacker,hedge trimmer,leaf blower',
    'powered garden outdoor hand tools',
  ),
  cause('hand saw,handsaw', 'workbench tool'),
  // External Cause Index "Contact, with, hot, drinks X10.0 / food X10.1 / fats, cooking oils
  // X10.2" (a scald by coffee or soup).
  'scalded by coffee,scalded with coffee,spilled coffee,spilled hot coffee,hot coffee,coffee burn,coffee spill,scalded by tea,spilled tea,spilled hot tea,hot tea,tea burn,hot chocolate,hot drink,hot beverage,spilled hot drink,spilled hot beverage=contact hot drinks',
  'hot soup,spilled soup,spilled hot soup,soup burn,scalded by soup,hot food burn=contact hot food',
  // External Cause Index "Discharge, airgun W34.010 / paintball gun W34.011" (BB and pellet guns).
  cause('bb gun,pellet gun,air gun,air rifle,airsoft gun,airsoft', 'airgun'),
  cause('paintball,paintball gun', 'paintball gun'),
  // Index "Puncture, foot" with External Cause Index "Contact, with, nail W45.0".
  'nail in foot,nail through foot,nail went through foot,nail through shoe,nail in my foot,stepped on a nail=puncture wound foot;nail entering through skin',
  // External Cause Index "Caught, in machinery" (between moving objects W23.0).
  'caught in machine,caught in machinery,caught in a machine,crushed by machine,crushed by machinery,hand caught in machine,finger caught in machine,arm caught in machine,caught in conveyor,caught in roller=caught crushed jammed pinched between moving objects',
  // Venoms by animal (Index "Venom, venomous - see Table of Drugs, by animal"): sting rays.
  'stingray,sting ray,stung by stingray,stingray sting,stingray injury=contact stingray',
  'poison ivy rash,poison oak rash,poison sumac rash,rash from poison ivy,rash from poison oak,poison ivy dermatitis,poison oak dermatitis=allergic contact dermatitis plants',
  // Index "Burn, partial thickness - see Burn, by site, second degree"; "full thickness skin
  // loss - see Burn, by site, third degree"; "Scald - see Burn"; "Burn, chemical - see Corrosion"
  // (an eye splashed with bleach, acid, lye or a cleaner: "Corrosion, eye T26.9-").
  'partial thickness burn,partial thickness burns,superficial partial thickness burn,deep partial thickness burn=burn second degree',
  'full thickness burn,full thickness burns=burn third degree',
  'superficial burn,superficial burns,superficial thickness burn=burn first degree',
  '+scald,scalded,scalding,scald burn,scald injury=burn',
  'chemical in eye,chemical in my eye,chemical splash eye,chemical splash to eye,chemical splash in eye,chemical eye injury,chemical eye burn,chemical burn eye,chemical burn to eye,chemical burn of eye,chemical burn in eye,bleach in eye,bleach in my eye,bleach splash eye,bleach splash to eye,bleach splash in eye,acid in eye,acid splash eye,acid splash to eye,alkali in eye,alkali burn eye,lye in eye,cleaner in eye,cleaning solution in eye,chemical conjunctivitis=corrosion eye adnexa',
  // Index "Injury, head S09.90" (closed head injury, head trauma); "Hematoma (traumatic) (skin
  // surface intact) - see also Contusion" (a goose egg); "Hematoma, subungual - see Contusion,
  // finger/toe, with damage to nail"; "Avulsion, nail - see Wound, open, with damage to nail".
  'chi,closed head injury,closed head trauma,head trauma,blunt head trauma,minor head injury,minor head trauma,head injury=unspecified injury head',
  '+hematoma,hematomas=contusion',
  'goose egg,goose egg on head,goose egg on forehead,bump on head,knot on head,bump on forehead,knot on forehead,lump on head=contusion',
  'subungual hematoma,subungal hematoma,subungual hematomas,blood under nail,blood under fingernail,blood under toenail,blood under the nail=contusion damage nail',
  'nail avulsion,avulsion of nail,avulsed nail,avulsed toenail,avulsed fingernail,toenail avulsion,fingernail avulsion,nail torn off,torn toenail,torn fingernail,ripped off nail,ripped off toenail,ripped toenail,toenail ripped off,fingernail ripped off=open wound damage nail',
  // Index "Fracture, open" (a compound fracture: 7th character B); "torus" (buckle).
  'compound fracture,compound fx,compound fractures=open fracture',
  '+buckle fracture,buckle fx=torus fracture',
  // A skin tear and a flap laceration are lacerations (Index "Laceration").
  'skin tear,skin tears,flap laceration,flap lac,flap tear=laceration',
  // Index "Foreign body, entering through orifice: eye, external T15.9-; nostril T17.1; ear
  // T16.-" (something, a bead, a bug in it).
  'something in eye,something in my eye,something in the eye,debris in eye,dirt in eye,sand in eye,sawdust in eye,metal in eye,metal shaving in eye,metal fragment in eye,eyelash in eye,speck in eye,particle in eye=foreign body external eye',
  'bead in nose,object in nose,toy in nose,something in nose,something in the nose,bean in nose,pea in nose,rock in nose,eraser in nose,button in nose,tissue in nose=foreign body nostril',
  'bead in ear,object in ear,something in ear,something in the ear,bug in ear,insect in ear,cotton in ear,cotton swab in ear,q tip in ear,toy in ear,rock in ear,eraser in ear=foreign body ear',
  'glass in,glass shard in,shard of glass in,piece of glass in,glass splinter in,glass stuck in,glass embedded in,glass shard,glass splinter=laceration foreign body;superficial foreign body',
  // Table of Drugs "Detergent (laundry) T55.1X-" (a pod); "Contrast medium, radiography
  // T50.8X-" (diagnostic agents); a drink of a chemical is an ingestion (accidental, I.C.19.e.5.b).
  `${'laundry pod,laundry pods,detergent pod,detergent pods,tide pod,tide pods,laundry detergent,dishwasher pod,dishwasher pods,dishwasher detergent'
    .split(',')
    .flatMap((x) => [
      x,
      `${x} ingestion`,
      `ingested ${x}`,
      `ate ${x}`,
      `swallowed ${x}`,
      `ate a ${x}`,
      `swallowed a ${x}`,
    ])
    .join(',')}=toxic effect detergents`,
  'reaction to contrast,reaction to iv contrast,reaction to contrast dye,contrast reaction,contrast dye reaction,iv contrast reaction,adverse reaction to contrast,adverse reaction to iv contrast,contrast induced reaction=adverse effect diagnostic agents',
  '+drank,accidentally drank,child drank,toddler drank=poisoning accidental;toxic effect accidental',
  // "Hemorrhagic disorder due to extrinsic circulating anticoagulants D68.32" (bleeding on a
  // blood thinner, with the drug's adverse effect T45.515-).
  `${ANTICOAGULANTS.split(',')
    .flatMap((d) => [
      `bleeding on ${d}`,
      `bleeding due to ${d}`,
      `bleed on ${d}`,
      `${d} bleeding`,
      `${d} related bleeding`,
      `${d} associated bleeding`,
      `${d} coagulopathy`,
      `coagulopathy due to ${d}`,
    ])
    .join(',')}=hemorrhagic disorder due extrinsic circulating anticoagulants`,
  // External Cause Index "Exposure, fire, uncontrolled, in building or structure X00.-".
  'house fire,building fire,apartment fire,home fire,structure fire,house burned down,house caught fire=uncontrolled fire building structure',
  // "Accident, transport, car occupant, noncollision V48.-" (a rollover); "collision with car
  // V43.-" (t-boned, head-on); "pedal cyclist, collision with car V13.-" (car vs bike, the
  // cyclist the patient); "pedestrian, collision with pedal cycle V01.1-"; "motorcyclist V29.9-";
  // "electric (assisted) bicycle"; "all-terrain vehicle V86.-" (off-road, nontraffic);
  // "agricultural vehicle V84.-" (a tractor); "Striking against, airbag W22.1-".
  'rollover,roll over,rolled over car,car rolled over,vehicle rollover,rollover accident,rollover mvc,mvc rollover,rollover crash,rolled car,rolled vehicle=unspecified car occupant noncollision transport accident traffic',
  't boned,tboned,got t boned,broadsided,side impact collision,head on collision,head on crash,head on mvc,frontal collision=unspecified car occupant injured collision car traffic',
  'car vs bike,car vs bicycle,car vs cyclist,car vs bicyclist,bicyclist struck by car,cyclist struck by car,bicycle struck by car,bike struck by car,hit by car while biking,struck by car while biking,hit by car while riding bike,hit by car on bike,hit by car on bicycle=pedal cycle driver injured collision car pick up truck van traffic',
  'hit by bike,hit by a bike,struck by bike,struck by a bike,hit by bicycle,struck by bicycle,hit by cyclist,struck by cyclist,hit by a cyclist,pedestrian hit by bike,pedestrian struck by bike,pedestrian hit by bicycle,pedestrian struck by bicycle,ped vs bike,pedestrian vs bike,pedestrian vs bicycle=pedestrian foot injured collision pedal cycle traffic',
  'mcc,mca,motorcycle collision,motorbike accident,motorbike crash,motorcycle wreck,motorbike=motorcycle',
  'ebike,e bike,ebikes,e bikes,electric bike,electric bikes=electric assisted bicycle',
  fallFrom(
    'atv,four wheeler,quad,quad bike,all terrain vehicle',
    'four wheeling,atving',
    'unspecified occupant 3 4 wheeled all terrain vehicle atv nontraffic',
  ),
  'atv rollover,atv rolled over,atv flipped,four wheeler rollover,four wheeler flipped=unspecified occupant 3 4 wheeled all terrain vehicle atv nontraffic',
  'tractor,tractors,farm tractor,combine harvester,tractor rollover,tractor accident,tractor rolled over=special agricultural vehicle',
  'airbag injury,airbag burn,airbag burns,airbag abrasion,air bag injury,air bag burn,struck by airbag,hit by airbag,airbag deployment injury,airbag deployed=striking against struck automobile airbag',
  // External Cause Index "Fall, same level W18.30" while walking, running, playing (not a
  // railway "while boarding"); "Fall, from, one level to another NEC W17.89" (from a height);
  // "Fall, stairs W10.9" (a missed step); "Fall, from, furniture NEC W08" (couch, sofa).
  `${'walking,running,jogging,hiking,playing,dancing,exercising,working,standing,turning,shopping'
    .split(',')
    .flatMap((g) => [`fell while ${g}`, `fall while ${g}`, `tripped while ${g}`, `fell when ${g}`])
    .join(',')}=fall same level;unspecified fall`,
  'fall from height,fell from height,fall from a height,fell from a height,fall from significant height,fell from significant height,fall from elevation=other fall one level another',
  'missed a step,missed step,missed the step,missed last step,missed the last step,missed bottom step,missed a stair=fall stairs steps',
  fallFrom('couch,sofa,futon,ottoman,loveseat', '', 'fall from other furniture'),
  'rolled off couch,rolled off sofa,rolled off the couch,rolled off changing table,rolled off table=fall from other furniture',
  'slipped on water,slipped on wet floor,slipped on floor,slipped on spill,slipped on the floor,slipped on a wet floor,slipped on wet surface=fall same level slipping tripping stumbling',
  // External Cause Index "Overexertion" X50.- (not "Exhaustion, due to excessive exertion"):
  // from repetitive movements X50.3 (overuse).
  'overexertion,over exertion,overexerted,overexert=overexertion strenuous movements',
  'overuse injury,overuse injuries,overuse,repetitive motion injury,repetitive motion,repetitive strain injury,repetitive strain,repetitive use injury,repetitive movements,repetitive movement injury=overexertion repetitive movements',
  // External Cause Index "Assault": "fight (hand) (fists) (foot) (unarmed) Y04.0", "bodily force
  // Y04.8" (slapped); "Asphyxia, traumatic, due to mechanical threat, other causes, assault
  // T71.193" (strangled), "firearm X95.9" (shot), "blunt object Y00" (pistol-whipped); "Legal
  // intervention, firearm discharge Y35.0-" (shot by police); "Syndrome, shaken infant T74.4";
  // "Abuse, child, physical" (nonaccidental trauma); "Maltreatment, adult" (elder abuse).
  'hit with fist,hit in face with fist,hit in the face with fist,punched with fist,struck with fist,hit by fist,fist fight,fistfight=assault unarmed brawl fight',
  'got jumped,was jumped,jumped by,got mugged,mugged,was mugged=assault unspecified means',
  'slapped,slapped in face,slapped in the face,got slapped,slapped by,was slapped=assault other bodily force',
  'strangled,strangulation,strangled by partner,strangled by someone,choked by partner,choked by spouse,choked by boyfriend,choked by husband,choked by girlfriend,choked by someone,manual strangulation=asphyxiation mechanical threat breathing other causes assault',
  'shot in,was shot,got shot,been shot,shot in the,shot at=assault firearm discharge;firearm discharge',
  'shot by police,shot by officer,shot by police officer,police shooting=legal intervention firearm discharge',
  'pistol whipped,pistol whip,pistol whipping,hit with gun,struck with gun,hit with pistol,struck with pistol=assault blunt object',
  'shaken baby,shaken baby syndrome,shaken infant,shaken child=shaken infant syndrome',
  'nonaccidental trauma,non accidental trauma,nonaccidental injury,non accidental injury=child physical abuse confirmed',
  'elder abuse,elderly abuse,abuse of elderly,abuse of elder=adult maltreatment',
  // Round 11 (issue 10). External Cause Index "Fall, from, curb (sidewalk) W10.1" for every
  // way a trip or step off a curb is typed; "Contact, with, hypodermic needle W46.0"
  // (needlestick); "Bite, mammal, other specified W55.81" for the wild mammals without their
  // own code (bat, fox, skunk, opossum; a raccoon has W55.51); "Overexertion, from repetitive
  // movements X50.3" with "overexertion" typed.
  // See: Guidelines I.C.20, External Cause Index.
  'tripped over curb,tripped over the curb,tripped over a curb,tripped over sidewalk curb,tripped over the sidewalk curb,tripped over kerb,tripped on curb,tripped on the curb,tripped on a curb,tripped on sidewalk curb,tripped on the sidewalk curb,tripped on kerb,trip over curb,trip over the curb,trip over a curb,trip over sidewalk curb,trip over the sidewalk curb,trip over kerb,trip on curb,trip on the curb,trip on a curb,trip on sidewalk curb,trip on the sidewalk curb,trip on kerb,tripping over curb,tripping over the curb,tripping over a curb,tripping over sidewalk curb,tripping over the sidewalk curb,tripping over kerb,tripping on curb,tripping on the curb,tripping on a curb,tripping on sidewalk curb,tripping on the sidewalk curb,tripping on kerb,fell off curb,fell off the curb,fell off a curb,fell off sidewalk curb,fell off the sidewalk curb,fell off kerb,fell from curb,fell from the curb,fell from a curb,fell from sidewalk curb,fell from the sidewalk curb,fell from kerb,fell on curb,fell on the curb,fell on a curb,fell on sidewalk curb,fell on the sidewalk curb,fell on kerb,fall from curb,fall from the curb,fall from a curb,fall from sidewalk curb,fall from the sidewalk curb,fall from kerb,fall off curb,fall off the curb,fall off a curb,fall off sidewalk curb,fall off the sidewalk curb,fall off kerb,fall on curb,fall on the curb,fall on a curb,fall on sidewalk curb,fall on the sidewalk curb,fall on kerb,stepped off curb,stepped off the curb,stepped off a curb,stepped off sidewalk curb,stepped off the sidewalk curb,stepped off kerb,stumbled on curb,stumbled on the curb,stumbled on a curb,stumbled on sidewalk curb,stumbled on the sidewalk curb,stumbled on kerb,stumbled over curb,stumbled over the curb,stumbled over a curb,stumbled over sidewalk curb,stumbled over the sidewalk curb,stumbled over kerb,missed curb,missed the curb,missed a curb,missed sidewalk curb,missed the sidewalk curb,missed kerb=fall sidewalk curb',
  'needlestick,needlestick injury,needlestick injuries,needle stick,needle stick injury,needlestick exposure,needle stick exposure,stuck by needle,stuck with needle,stuck by a needle,stuck with a needle,accidental needlestick,accidental needle stick,needle prick,sharps injury,hypodermic needle stick,used needle stick=contact hypodermic needle',
  'bat bite,bat bites,bitten by bat,bitten by a bat,bite by bat,fox bite,bitten by fox,bitten by a fox,skunk bite,bitten by skunk,bitten by a skunk,opossum bite,possum bite,bitten by opossum,bitten by possum=bitten by other mammals',
  'overexertion from repetitive motion,overexertion from repetitive motions,overexertion from repetitive movement,overexertion from repetitive movements,overexertion repetitive motion,overexertion due to repetitive motion,overexertion from repetitive use,repetitive motion overexertion=overexertion repetitive movements',
];
