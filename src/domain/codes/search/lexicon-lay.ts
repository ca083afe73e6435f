/**
 * Seventh round of issue 10: lay and patient words, as chief complaints and triage notes record
 * them, mapped to the Alphabetic Index term they are indexed under (the Index's own "see"
 * references where it has them: "Coldsore B00.1", "Hives - see Urticaria", "Mole - see Nevus",
 * "Indigestion - see Dyspepsia", "Miscarriage - see Abortion, spontaneous"). Same row format as
 * abbreviations.ts. ClaimLab's own list; targets checked against the FY2026 titles and the Index
 * (test/search/lexicon-7-fy2026.test.ts).
 */
export const LAY_TERMS: readonly string[] = [
  // Skin. Index "Coldsore B00.1"; "Nevus" (mole); "Tinea pedis B35.3 / cruris B35.6 / corporis
  // B35.4"; "Dermatitis, diaper L22"; "Miliaria rubra L74.0"; "Dermatitis, due to, plants,
  // allergic contact L23.7"; "Ingrowing, nail L60.0"; "Acne"; "Pruritus"; "Alopecia".
  'cold sore,cold sores,fever blister,fever blisters=coldsore;herpesviral vesicular dermatitis',
  '+mole,moles=nevus',
  'athletes foot,athlete foot=tinea pedis',
  'jock itch=tinea cruris',
  'ring worm=tinea corporis;dermatophytosis',
  'diaper rash=diaper dermatitis',
  'heat rash,prickly heat=miliaria rubra',
  'poison ivy,poison oak,poison sumac=allergic contact dermatitis plants',
  'ingrown toenail,ingrown toe nail,ingrown nail,ingrown nails,ingrown toenails=ingrowing nail',
  'pimples,zit,zits=acne',
  '+itchy,itching,itch,itchiness=pruritus',
  // Index "Rash (toxic) R21": an itchy (pruritic) rash is the rash; the itch is part of it.
  'itchy rash,itching rash,pruritic rash,itchy rashes,pruritic rashes=rash',
  'hair loss,losing hair,thinning hair=alopecia',
  'canker sore,canker sores,mouth ulcer,mouth ulcers=aphthae;aphthous stomatitis',
  '+thrush=candidal stomatitis;oral candidiasis',
  'bad breath=halitosis',
  'road rash=abrasion',
  'black eye=contusion eyelid periocular area',
  // Ear, nose, eye. Index "Impaction, cerumen H61.2-"; "Tinnitus H93.1-"; "Rhinorrhea J34.89";
  // "Congestion, nasal R09.81"; "Amblyopia"; "Strabismus"; "Myopia"; "Hypermetropia"; "Floaters,
  // vitreous H43.39-"; "Deafness - see Loss, hearing".
  'ear wax,earwax,wax impaction,impacted wax,impacted ear wax,cerumen impaction=impacted cerumen',
  'ringing in ears,ringing in the ears,ear ringing,ears ringing=tinnitus',
  'runny nose=rhinorrhea',
  'stuffy nose,stuffed nose,stuffed up nose,nose congestion=nasal congestion',
  'hard of hearing,cant hear,trouble hearing,decreased hearing=hearing loss',
  'lazy eye=amblyopia',
  'crossed eyes,cross eyed=strabismus',
  'nearsighted,near sighted=myopia',
  'farsighted,far sighted=hypermetropia',
  'floaters,eye floaters=vitreous floaters',
  // General and nervous system. Index "Lightheadedness R42"; "Syncope R55"; "Vomiting";
  // "Nausea"; "Palpitations R00.2"; "Anorexia R63.0" (loss of appetite); "Insomnia";
  // "Amnesia R41.3"; "Tremor R25.1"; "Paresthesia R20.2"; "Cramp, muscle R25.2".
  'lightheaded,lightheadedness,light headed,light headedness=dizziness',
  'passed out,passing out,fainted,blacked out,black out=syncope collapse',
  'throwing up,threw up,vomited,puking=vomiting',
  'nauseous,nauseated,queasy=nausea',
  'racing heart,heart racing,heart pounding,heart fluttering,fluttering heart,skipped beats,skipping beats=palpitations',
  'irregular heartbeat,irregular heart beat,irregular heart rate,irregular heart rhythm=cardiac arrhythmia',
  'no appetite,poor appetite,loss of appetite,decreased appetite,not eating=anorexia',
  'trouble sleeping,cant sleep,difficulty sleeping,unable to sleep=insomnia',
  'memory loss,memory problems,memory problem,forgetful,forgetfulness=amnesia',
  '+shaking,shakiness,shaky,tremors=tremor',
  'pins and needles=paresthesia',
  'charley horse,leg cramp,leg cramps,muscle cramp,muscle cramps=cramp',
  'losing weight,weight loss unintentional,unintentional weight loss,unexplained weight loss=abnormal weight loss',
  'low blood pressure,low bp=hypotension',
  'mini stroke,ministroke=transient cerebral ischemic attack',
  'hardening of the arteries=atherosclerosis',
  'blood clot,blood clots=thrombosis;embolism',
  'water on the knee=effusion knee',
  // Digestive and urinary. Index "Indigestion - see Dyspepsia"; "Bloating R14.0";
  // "Eructation R14.2"; "Diarrhea"; "Gastroenteritis"; "Dysuria R30.0"; "Incontinence, urine";
  // "Enuresis"; "Nocturia R35.1"; "Hemorrhoids"; "Constipation".
  'upset stomach,stomach upset,sour stomach=dyspepsia',
  'bloated,belly bloating=bloating',
  'burping=eructation',
  'loose stools,loose stool,runny stools,watery stools=diarrhea',
  'stomach bug,tummy bug,stomach virus=gastroenteritis',
  'constipated=constipation',
  'burning urination,burning with urination,burning on urination,burning when urinating,burning when peeing,pain with urination=dysuria',
  'peeing blood,blood in urine,blood in the urine=hematuria',
  'leaking urine,leaky bladder,bladder leakage,bladder leaks,urine leakage=incontinence urine',
  'bed wetting,wets the bed=enuresis',
  'frequent urination at night,frequent nighttime urination,urination at night,nighttime urination,night time urination,nocturnal urination,urinating at night,peeing at night=nocturia',
  'frequent urination,urinating frequently,urinary frequency,peeing a lot=frequency micturition',
  'bladder infection,bladder infections=cystitis',
  // Lumps and bumps. Index "Lump - see also Mass"; "Mass, testis"? the Tabular "Other specified
  // disorders of testis" (N50.8-) and "Mass" rows by site.
  '+lump,lumps=mass',
  'bump,bumps=mass;swelling',
  // Bones by their lay names. Index "Clavicle", "Patella", "Scapula", "Sternum", "Tibia",
  // "Femur", "Mandible", "Zygoma".
  'collar bone,collarbone=clavicle',
  'kneecap,knee cap=patella',
  'shoulder blade=scapula',
  'breastbone,breast bone=sternum',
  'shinbone,shin bone=tibia',
  'thigh bone,thighbone=femur',
  '+jaw,jawbone=mandible',
  'cheekbone,cheek bone=zygoma;malar',
  // Women's and men's health. Index "Menstruation"; "Contraception".
  '+period,periods=menstruation',
  'birth control=contraception;contraceptive',
];
