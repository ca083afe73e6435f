/**
 * Tenth round of issue 10: the ANATOMY class. Body sites of chapter 19 and of the
 * musculoskeletal and skin chapters as coders type them (lay words, short forms, joint
 * abbreviations) mapped to the Index's site wording: "Laceration, ear" for an earlobe, "Fracture,
 * toe, lesser" for a pinky toe, "Strain, thorax, back wall" for a mid-back strain, "Pain,
 * abdominal, lower" for groin pain, "Osteoarthritis, interphalangeal, proximal / distal" for PIP /
 * DIP arthritis (Bouchard's / Heberden's nodes). Same row format as abbreviations.ts; a key
 * another file already has ("kneecap") gets these targets as further alternatives. ClaimLab's own
 * list from general clinical knowledge; target words are checked against the FY2026 titles
 * (test/search/lexicon-7-fy2026.test.ts) and samples find their codes
 * (test/search/lexicon-10-injury-fy2026.test.ts).
 * See: Guidelines I.B.1 (Alphabetic Index), I.C.13, I.C.19.
 */
/** Spine levels as typed ("c7", "t12", "l1"): every cervical, thoracic and lumbar vertebra. */
const LEVELS = [
  ...Array.from({ length: 7 }, (_, i) => `c${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `t${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `l${i + 1}`),
];
const OSTEOPOROTIC_VERTEBRA = [
  'osteoporotic compression fracture',
  'osteoporotic compression fx',
  'compression fracture osteoporotic',
  'compression fx osteoporotic',
  'osteoporotic fracture',
  'osteoporotic fx',
  'osteoporotic vertebral fracture',
];

/**
 * "swollen knee", "knee swelling", "swelling of knee": Index "Swelling, joint - see Effusion".
 * One joint only: "swollen ankles" (both) is more often edema (R60.0) and is left to the Index.
 */
function swollenJoint(joints: string): string[] {
  return joints
    .split(',')
    .map(
      (j) => `swollen ${j},${j} swelling,swelling ${j},swelling of ${j},${j} swollen=effusion ${j}`,
    );
}

/**
 * Digits by number ("2nd digit", "digit 5"; ordinals are spelt out by expand.ts before phrases):
 * on the hand the first digit is the thumb, then the index, middle, ring and little finger; on
 * the foot the first is the great toe and the others lesser toes. Both are alternatives, the
 * rest of the query ("hand", "foot", the injury) decides.
 */
const DIGITS: readonly [string, string, string][] = [
  ['first', '1', 'thumb;great toe'],
  ['second', '2', 'index finger;lesser toe'],
  ['third', '3', 'middle finger;lesser toe'],
  ['fourth', '4', 'ring finger;lesser toe'],
  ['fifth', '5', 'little finger;lesser toe'],
];
const digitRows = DIGITS.map(
  ([o, n, target]) =>
    `${o} digit,${o} digits,digit ${n},digit ${o},${o} finger digit,${o} digit of hand,${o} digit hand=${target}`,
);
/** "4th mc", "5th mt": metacarpal and metatarsal by number (S62.3-, S92.3-). */
const metaRows = DIGITS.map(
  ([o]) => `${o} mc,${o} mcp bone,${o} metacarpal bone=${o} metacarpal;${o} metacarpal bone`,
).concat(
  DIGITS.map(([o]) => `${o} mt,${o} mtt,${o} metatarsal bone=${o} metatarsal;${o} metatarsal bone`),
);

/**
 * Lumbar disc degeneration typed every way, by the pain typed with it (M51.36-, FY2025): none
 * typed is "without mention of lumbar back pain or lower extremity pain" (M51.369); back pain
 * M51.360, leg pain M51.361, both M51.362.
 */
function lumbarDiscRows(): string[] {
  const bases =
    'ddd lumbar spine,ddd of lumbar spine,ddd l spine,l spine ddd,lumbar spine ddd,lumbar ddd,lumbar degenerative disc disease,degenerative disc disease lumbar,degenerative disc disease lumbar spine,lumbar disc degeneration,disc degeneration lumbar,lumbar disc disease,degenerative lumbar disc disease'.split(
      ',',
    );
  const withPain = (pains: string[]) =>
    bases.flatMap((b) => pains.flatMap((p) => [`${b} with ${p}`, `${b} w ${p}`]));
  const back = ['back pain', 'low back pain', 'lbp', 'discogenic back pain', 'discogenic pain'];
  const leg = ['leg pain', 'lower extremity pain', 'radiating leg pain'];
  const both = ['back and leg pain', 'back pain and leg pain', 'lbp and leg pain'];
  const region = 'intervertebral disc degeneration lumbar region';
  return [
    `${bases.join(',')}=${region} without mention lumbar back pain lower extremity pain`,
    `${withPain(back).join(',')}=${region} discogenic back pain only`,
    `${withPain(leg).join(',')}=${region} lower extremity pain only`,
    `${withPain(both).join(',')}=${region} discogenic back pain lower extremity pain`,
  ];
}

/**
 * Round 11. Lymph nodes enlarged at one site ("axillary lymphadenopathy", "cervical lad",
 * "swollen inguinal lymph nodes"): Index "Enlargement, lymph gland or node, localized" R59.0;
 * generalized stays R59.1. Every regional node group, every typing.
 * See: Guidelines I.B.1 (Alphabetic Index), I.C.18.
 */
const NODE_SITES =
  'cervical,neck,anterior cervical,posterior cervical,axillary,inguinal,groin,supraclavicular,submandibular,submental,femoral,popliteal,epitrochlear,occipital,preauricular,postauricular,tonsillar,jugulodigastric,mediastinal,hilar,mesenteric,retroperitoneal,para aortic,paraaortic,periportal,pelvic,iliac';
function nodeRows(): string[] {
  const keys = NODE_SITES.split(',').flatMap((s) => [
    `${s} lymphadenopathy`,
    `${s} adenopathy`,
    `${s} lad`,
    `${s} lymph node enlargement`,
    `${s} lymph nodes enlarged`,
    `${s} node enlargement`,
    `enlarged ${s} lymph node`,
    `enlarged ${s} lymph nodes`,
    `enlarged ${s} node`,
    `enlarged ${s} nodes`,
    `swollen ${s} lymph node`,
    `swollen ${s} lymph nodes`,
    `swollen ${s} node`,
    `swollen ${s} nodes`,
    `${s} lymph node swelling`,
    `lymphadenopathy ${s}`,
    `lymphadenopathy of ${s}`,
    `${s} lymph node`,
    `${s} lymph nodes`,
  ]);
  return [`${keys.join(',')}=localized enlarged lymph nodes`];
}

/**
 * Round 11. A lump, mass, soft-tissue mass or swelling typed at a body region: Index "Mass,
 * localized (skin)" / "Swelling, localized" / "Lump - see Mass", R22.0-R22.4- by region (head,
 * neck, trunk, upper limb, lower limb). Abdomen (R19.0-) and breast (N63) are excluded by the
 * Tabular and are not listed. A side typed between ("mass rt upper arm") keeps its place.
 */
const MASS_REGIONS: readonly [string, string][] = [
  ['head', 'head,face,scalp,forehead,cheek,temple,jaw,chin,lip'],
  ['neck', 'neck,submandibular,supraclavicular,side of neck,throat area'],
  [
    'trunk',
    'back,upper back,lower back,low back,mid back,chest,chest wall,flank,trunk,shoulder blade,scapula,rib,ribs,sternum,torso',
  ],
  ['upper limb', 'arm,upper arm,forearm,elbow,wrist,hand,finger,thumb,palm,shoulder,axilla,armpit'],
  ['lower limb', 'leg,lower leg,thigh,calf,shin,knee,ankle,foot,toe,hip,buttock'],
];
const SIDES: readonly [string[], string][] = [
  [[''], ''],
  [['rt ', 'right ', 'r '], 'right '],
  [['lt ', 'left ', 'l '], 'left '],
];
function massRows(): string[] {
  return MASS_REGIONS.flatMap(([region, sites]) =>
    SIDES.map(([typed, side]) => {
      const keys = sites.split(',').flatMap((site) =>
        typed.flatMap((t) => {
          const x = `${t}${site}`;
          return [
            `lump on ${x}`,
            `lump on the ${x}`,
            `lump of ${x}`,
            `lump in ${x}`,
            `${x} lump`,
            `lump ${x}`,
            `mass on ${x}`,
            `mass of ${x}`,
            `mass ${x}`,
            `${x} mass`,
            `soft tissue mass ${x}`,
            `soft tissue mass on ${x}`,
            `soft tissue mass of ${x}`,
            `${x} soft tissue mass`,
            `soft tissue swelling ${x}`,
            `${x} soft tissue swelling`,
            `subcutaneous nodule ${x}`,
            `nodule on ${x}`,
            ...(region.endsWith('limb') || site === 'lip'
              ? []
              : [`${x} swelling`, `swelling of ${x}`, `swelling ${x}`, `swollen ${x}`]),
          ];
        }),
      );
      // Only the limbs have sided codes (R22.31-R22.43); head, neck and trunk keep one code.
      const target = region.endsWith('limb') ? `${side}${region}` : region;
      return `${keys.join(',')}=localized swelling mass lump ${target}`;
    }),
  );
}

/**
 * Round 11. Rows whose side is typed inside the phrase ("ucl sprain left thumb"): `{s}` in the
 * keys is each typing of a side (none, rt/right/r, lt/left/l), `{s}` in the target the side as
 * the titles write it, so the sided code keeps its side.
 */
function sided(keys: string, target: string): string[] {
  return SIDES.map(([typed, side]) => {
    const ks = keys
      .split(',')
      .flatMap((k) => typed.map((t) => k.replace('{s}', t).replace(/\s+/g, ' ').trim()));
    return `${[...new Set(ks)].join(',')}=${target.replace('{s}', side).replace(/\s+/g, ' ').trim()}`;
  });
}

/**
 * Limbs as abbreviated in notes (RUE, LLE, BLE) with weakness typed (Index "Weakness" R53.1).
 * expand.ts reads "lle" as "left le" before phrases, so the keys carry that form.
 */
const LIMB_ABBREVIATIONS =
  'le,ue,left le,right le,bilateral le,left ue,right ue,bilateral ue,bles,ues,les,upper extremity,lower extremity,upper extremities,lower extremities,arm,arms,leg,legs';
const limbWeakness = `${LIMB_ABBREVIATIONS.split(',')
  .flatMap((l) => [`${l} weakness`, `weakness ${l}`, `weakness of ${l}`, `weak ${l}`])
  .join(',')}=weakness`;

/**
 * Coronary arteries typed by name with a narrowing ("LAD stenosis", "RCA occlusion"): Index
 * "Disease, heart, ischemic, atherosclerotic" / "Arteriosclerosis, coronary (artery)" I25.10.
 */
const CORONARY =
  'lad,rca,lcx,lca,circumflex,left main,left anterior descending,right coronary,right coronary artery,left circumflex,obtuse marginal,diagonal,coronary,coronary artery';
const coronaryRow = `${CORONARY.split(',')
  .flatMap((a) =>
    [
      'stenosis',
      'occlusion',
      'blockage',
      'narrowing',
      'disease',
      'lesion',
      'plaque',
      'atherosclerosis',
    ].flatMap((d) => [`${a} ${d}`, `${d} ${a}`, `${d} of ${a}`]),
  )
  .join(',')}=atherosclerotic heart disease native coronary artery`;

/** Lung lobes by their abbreviations: C34.1- / C34.2 / C34.3- and the lobe words elsewhere. */
const LOBES = [
  '+rul=right upper lobe',
  '+rml=right middle lobe;middle lobe',
  '+rll=right lower lobe',
  '+lul=left upper lobe',
  '+lll=left lower lobe',
];

/**
 * Round 11. Ribs by number: one numbered rib is "Fracture, rib" S22.3- ("of one rib"), two or
 * more numbered ribs "Fracture, rib, multiple" S22.4-. The side stays where it is typed.
 */
const RIB_ORDINALS =
  'first,second,third,fourth,fifth,sixth,seventh,eighth,ninth,tenth,eleventh,twelfth'.split(',');
const ribRows = [
  `${RIB_ORDINALS.flatMap((o) => [`${o} rib`, `rib ${o}`]).join(',')}=one rib`,
  `${RIB_ORDINALS.flatMap((a, i) =>
    RIB_ORDINALS.slice(i + 1).flatMap((b) => [
      `${a} and ${b} ribs`,
      `${a} ${b} ribs`,
      `${a} through ${b} ribs`,
      `${a} to ${b} ribs`,
      `${a} and ${b} rib`,
    ]),
  ).join(',')}=multiple ribs`,
];

/**
 * Round 11. A mass or lesion of a named organ: Index "Mass, specified organ NEC - see Disease,
 * by site" and "Lesion, by site" lead to the organ's "other specified disorders" code.
 */
const ORGAN_LESIONS: readonly [string, string][] = [
  ['bladder,bladder wall,urinary bladder', 'other specified disorders bladder'],
  ['adrenal,adrenal gland', 'other specified disorders adrenal gland'],
  ['gum,gums,gingival,gingiva', 'other specified disorders gingiva'],
  [
    'palate,palatal,hard palate,buccal,buccal mucosa,oral mucosa,mouth,oral,cheek mucosa',
    'other lesions oral mucosa',
  ],
];
const organRows = ORGAN_LESIONS.map(
  ([organs, target]) =>
    `${organs
      .split(',')
      .flatMap((o) => [
        `${o} mass`,
        `mass of ${o}`,
        `mass on ${o}`,
        `${o} lesion`,
        `lesion of ${o}`,
        `lesion on ${o}`,
        `${o} swelling`,
        `swelling of ${o}`,
        `swollen ${o}`,
      ])
      .join(',')}=${target}`,
);

export const ANATOMY: readonly string[] = [
  ...digitRows,
  ...metaRows,
  // Site words of the Index by their anatomical and lay synonyms: the hallux is the great toe,
  // thenar and hypothenar eminences are of the hand, the nostril and nasal bridge are the nose,
  // the sole (plantar surface) is the foot, an upper or lower lid is the eyelid.
  '+hallux,halluces=great toe',
  'thenar,hypothenar,thenar eminence,hypothenar eminence=hand',
  'nostril,nostrils,nasal bridge,bridge of nose,nares,naris=nose',
  '+plantar,sole,sole of foot,bottom of foot,plantar foot,plantar surface=foot',
  '+upper eyelid,lower eyelid,upper lid,lower lid=eyelid periocular area',
  // Index "Laceration, knee" (kneecap: the patella's wound is of the knee); "Laceration, ear"
  // (earlobe); "Fracture, toe, lesser S92.5-" (the little toe by any name).
  'kneecap,knee cap,kneecaps=knee',
  'earlobe,ear lobe,earlobes,ear lobes=ear',
  'pinky toe,pinkie toe,baby toe,small toe,little toe,little toes,pinky toes,small toes=lesser toe',
  // "Strain, thorax, back wall S29.012" and "Sprain, spine, thoracic S23.3": the mid or upper
  // back; "Sprain, lumbosacral S33.9".
  'thoracic strain,thoracic back strain,thoracic spine strain,t spine strain,mid back strain,middle back strain,upper back strain,thoracic muscle strain,thoracic paraspinal strain,strained upper back,strained mid back,pulled upper back,pulled mid back,rhomboid strain=strain muscle tendon back wall thorax',
  'thoracic sprain,thoracic back sprain,thoracic spine sprain,t spine sprain,mid back sprain,upper back sprain=sprain ligaments thoracic spine',
  'lumbosacral sprain,ls sprain,lumbosacral joint sprain=sprain unspecified parts lumbar spine pelvis',
  // "Pain, groin - see Pain, abdominal, lower" R10.3-; "Pain, sacroiliac M53.3";
  // "Coccygodynia M53.3" (tailbone pain).
  'groin pain,inguinal pain,pain in groin,pain in inguinal,inguinal region pain=lower quadrant pain;pain localized lower abdomen',
  'sacroiliac pain,sacroiliac joint pain,sacroiliac joint dysfunction,sacrococcygeal pain,coccyx pain,tailbone pain,coccydynia,coccygodynia,coccygeal pain=sacrococcygeal disorders',
  // "Osteoarthritis, interphalangeal, distal (Heberden) M15.1 / proximal (Bouchard) M15.2";
  // "Osteoarthritis, carpometacarpal, first M18.-" (the thumb).
  'pip oa,pip osteoarthritis,pip joint oa,pip joints oa,pip joint osteoarthritis,pip arthritis,pip joint arthritis,oa pip,oa of pip,oa pip joints,oa of pip joints,pip djd,pip oa fingers,bouchard,bouchards,bouchard nodes,bouchards nodes=bouchards nodes',
  'dip oa,dip osteoarthritis,dip joint oa,dip joints oa,dip joint osteoarthritis,dip arthritis,dip joint arthritis,oa dip,oa of dip,oa dip joints,oa of dip joints,dip djd,dip oa fingers,heberden,heberdens,heberden nodes,heberdens nodes=heberdens nodes',
  'cmc arthritis,cmc oa,cmc joint arthritis,cmc joint oa,cmc osteoarthritis,cmc djd,cmc arthritis thumb,cmc oa thumb,thumb cmc arthritis,thumb cmc oa,thumb arthritis,thumb oa,thumb osteoarthritis,basal joint arthritis,basilar thumb arthritis=osteoarthritis first carpometacarpal joint',
  // "Lesion, SLAP S43.43-" (superior glenoid labrum); a torn labrum of the shoulder or hip.
  'slap tear,slap tears,slap lesion,slap lesions=superior glenoid labrum lesion',
  'labral tear,labral tears,labrum tear,torn labrum,glenoid labral tear,acetabular labral tear=superior glenoid labrum lesion;sprain hip;articular cartilage disorders',
  // "Seborrhea, capitis L21.0" / "Tinea capitis" / "Pediculosis capitis": the scalp.
  '+scalp=capitis',
  'seb derm scalp,seb derm of scalp,scalp seb derm,seborrheic dermatitis scalp,seborrheic dermatitis of scalp,scalp seborrheic dermatitis,scalp seborrhea,seborrhea scalp,seborrhea of scalp=seborrhea capitis',
  // "Neuralgia, intercostal G58.0"; "Hypertrophy, ventricle - see Hypertrophy, cardiac I51.7".
  'intercostal neuralgia,intercostal nerve pain=intercostal neuropathy',
  'lv hypertrophy,left ventricular hypertrophy,rv hypertrophy,right ventricular hypertrophy,ventricular hypertrophy,biventricular hypertrophy=cardiomegaly;cardiac hypertrophy',
  // "Hemorrhoids, internal, second degree K64.1" (grade); the sigmoid is "large intestine"
  // ("Diverticulitis, intestine, large K57.32").
  '+grade 1,grade one=first degree',
  '+grade 2,grade two=second degree',
  '+grade 3,grade three=third degree',
  '+grade 4,grade four=fourth degree',
  '+sigmoid,sigmoid colon,colonic=large intestine',
  // "Osteoporosis, age-related, with current pathological fracture M80.0-" (a fragility or
  // osteoporotic compression fracture).
  'osteoporotic compression fracture,osteoporotic compression fx,compression fracture osteoporotic,compression fx osteoporotic,osteoporotic vertebral fracture,osteoporotic vertebral fx,osteoporotic vertebral compression fracture,fragility compression fracture=age related osteoporosis current pathological fracture vertebra',
  // The same followed by its level ("osteoporotic compression fracture l1"): the level is not part
  // of the M80.08 title, so it must not pull the traumatic S12/S22/S32 level codes first. (A level
  // typed first is read as a vertebra by expand.ts before any phrase.)
  `${LEVELS.flatMap((l) => OSTEOPOROTIC_VERTEBRA.map((f) => `${f} ${l}`)).join(',')}=age related osteoporosis current pathological fracture vertebra`,
  'osteoporotic fracture,osteoporotic fx,fragility fracture,fragility fx=age related osteoporosis current pathological fracture',
  // "Contusion, rib - see Contusion, thorax";
  // "Strain, Achilles tendon S86.01-" (a torn or ruptured Achilles, traumatic: "Tear, tendon - see
  // Strain"); "Strain, thigh, adductor S76.2-" (a groin strain typed with its side between).
  'contusion ribs,contusion rib,contusion of ribs,contusion of rib,rib contusion,ribs contusion,bruised ribs,bruised rib,rib bruise,bruised ribcage,bruised rib cage,contusion rib cage,contusion ribcage=contusion wall thorax',
  'achilles rupture,achilles tendon rupture,ruptured achilles,ruptured achilles tendon,achilles tear,achilles tendon tear,torn achilles,torn achilles tendon,achilles strain,achilles tendon strain,achilles injury=strain achilles tendon',
  '+groin=adductor muscle thigh',
  '+rib,ribs,rib cage,ribcage=wall thorax',
  ...swollenJoint('knee,ankle,elbow,wrist,hip,shoulder'),
  // "Swelling, limb - see also Mass, localized": R22.3- upper, R22.4- lower limb.
  'swollen hand,swollen hands,hand swelling,swelling of hand,swollen finger,swollen fingers,finger swelling,swollen thumb,swollen arm,arm swelling,swelling of arm,swollen forearm,forearm swelling=localized swelling mass lump upper limb',
  'swollen leg,swollen legs,leg swelling,swelling of leg,swelling of legs,swollen calf,calf swelling,swollen thigh,thigh swelling,swollen shin=localized swelling mass lump lower limb',
  // "Disorder, patellofemoral M22.2-"; "Pain, limb, finger M79.64-" (the thumb is a finger).
  'patellofemoral pain,patellofemoral pain syndrome,pfps,patellofemoral syndrome,patellofemoral dysfunction,runners knee,runner knee=patellofemoral disorders',
  'thumb pain,pain in thumb,pain of thumb=pain finger',
  // Spine regions typed every way ("ddd lumbar spine", "c spine stenosis", "ls" for
  // lumbosacral): "Degeneration, intervertebral disc, lumbar region M51.36-" (the FY2025
  // expansion: without mention of back or leg pain, M51.369, when no pain is typed);
  // "Stenosis, spinal, cervical region M48.02"; "Syndrome, facet joint M47.89-"; "Spasm,
  // muscle, back M62.830 / NEC M62.838".
  ...lumbarDiscRows(),
  'ddd lumbosacral,ddd ls spine,ls spine ddd,lumbosacral ddd,lumbosacral disc degeneration,lumbosacral degenerative disc disease=intervertebral disc degeneration lumbosacral region without mention lumbar back pain lower extremity pain',
  'c spine stenosis,cervical spine stenosis,c spine spinal stenosis,cervical spinal stenosis,spinal stenosis cervical,spinal stenosis c spine,spinal stenosis of cervical spine=spinal stenosis cervical region',
  'spinal stenosis ls,ls spinal stenosis,ls stenosis,lumbosacral stenosis,spinal stenosis lumbosacral,lumbosacral spinal stenosis=spinal stenosis lumbosacral region',
  'si joint dysfunction,si dysfunction,sij dysfunction,sacroiliac dysfunction=sacrococcygeal disorders',
  'facet syndrome,facet joint syndrome,lumbar facet syndrome,cervical facet syndrome=other spondylosis',
  'paraspinal spasm,paraspinal muscle spasm,paraspinal spasms,lumbar spasm,lumbar muscle spasm,thoracic spasm,low back spasm,lower back spasm,spasm of back,back muscle spasm,back spasms,lumbar paraspinal spasm=muscle spasm back',
  'neck spasm,neck spasms,trapezius spasm,trap spasm,neck muscle spasm,cervical spasm,cervical muscle spasm,spasm of neck,muscle spasm neck,shoulder spasm,shoulder muscle spasm=other muscle spasm',
  // Skin sites and lesions: "Abscess, axilla L02.41-" (the armpit); "Cellulitis, face L03.211"
  // (facial); "Ulcer, pressure" by every nursing name (pressure injury, decub); "Ulcer, skin,
  // chronic, non-pressure L97.-" (a non-healing or chronic wound); "Pruritus, scalp L29.8".
  '+armpit,armpits,arm pit,underarm,underarms=axilla',
  '+facial=face',
  'pressure injury,pressure injuries,decub,decubs,decubiti,decubitus injury,pressure wound,pressure wounds=pressure ulcer',
  'non healing wound,nonhealing wound,non healing ulcer,nonhealing ulcer,chronic wound,chronic nonhealing wound,chronic non healing wound,chronic skin ulcer=non pressure chronic ulcer',
  'itchy scalp,scalp itching,itching scalp,scalp pruritus,pruritus scalp,itchy head,scalp itch=other pruritus',
  // Named fractures whose eponym is not a title word, by the Index site they lead to: a
  // nightstick fracture is of the ulnar shaft, a chauffeur's of the radial styloid process, a
  // hangman's the traumatic spondylolisthesis of C2, a Jefferson the burst fracture of C1, a
  // tripod (zygomaticomaxillary complex) the zygoma, a Lisfranc injury of the tarsometatarsal
  // joint; "Le Fort" is written "LeFort"; "Fracture, thigh - see Fracture, femur".
  'nightstick fracture,nightstick fx,night stick fracture=fracture shaft ulna',
  'chauffeur fracture,chauffeurs fracture,chauffeur fx,chauffeurs fx=fracture radial styloid process',
  'hangmans fracture,hangman fracture,hangmans fx,hangman fx=traumatic spondylolisthesis second cervical vertebra',
  'jefferson fracture,jeffersons fracture,jefferson fx=burst fracture first cervical vertebra',
  'tripod fracture,tripod fx,zmc fracture,zmc fx,zygomaticomaxillary complex fracture,cheek fracture,cheek bone fracture,cheekbone fracture=zygomatic fracture;malar fracture',
  'lisfranc injury,lisfranc fracture,lisfranc dislocation,lisfranc fx,lisfranc fracture dislocation=dislocation tarsometatarsal joint',
  'lisfranc sprain,lisfranc ligament sprain,lisfranc ligament injury=sprain tarsometatarsal ligament',
  '+le fort,lefort=lefort',
  'thigh fracture,fractured thigh,broken thigh,thigh fx,fx thigh,fracture of thigh,fracture thigh=fracture femur',
  // Lay site words (as "belly" in synonyms.ts): tummy, bum, boob, knuckle (the hand), nipple
  // ("Laceration, nipple - see Laceration, breast"), the back or top of the head (the scalp),
  // above, below or around the eye (the eyelid and periocular area).
  'tummy,tummies=abdominal;abdomen',
  'bum,bottom,tush,tushy,butt cheek,butt cheeks=buttock',
  'boob,boobs=breast',
  '+nipple,nipples=breast',
  '+knuckle,knuckles=hand',
  '+back of head,back of the head,top of head,top of the head,side of head,side of the head,occiput,occipital area,occipital region=scalp',
  'below eye,under eye,above eye,around eye,below the eye,under the eye,above the eye,around the eye,near eye,near the eye,below left eye,below right eye,above left eye,above right eye,under left eye,under right eye=eyelid periocular area',
  ...nodeRows(),
  ...massRows(),
  'sternum pain,sternal pain,pain in sternum,pain of sternum,breastbone pain,breast bone pain,sternal tenderness,chest wall pain,anterior chest wall pain,costochondral pain,rib pain,pain in ribs,rib cage pain=other chest pain',
  'temple pain,temporal pain,pain in temple,pain in temples,temples pain,forehead pain,pain in forehead,frontal pain=headache',
  'periumbilic pain,periumbilical pain,peri umbilical pain,umbilical pain,belly button pain,pain around belly button,pain around umbilicus,pain near belly button,navel pain=periumbilical pain',
  limbWeakness,
  coronaryRow,
  ...LOBES,
  'lv dysfunction,rv dysfunction,left ventricular dysfunction,right ventricular dysfunction,ventricular dysfunction,lv dysfunction unspecified,biventricular dysfunction=heart disease unspecified',
  ...sided(
    'ucl sprain {s} thumb,ucl injury {s} thumb,ucl tear {s} thumb,{s} thumb ucl sprain,{s} thumb ucl injury,{s} thumb ucl tear,ulnar collateral ligament sprain {s} thumb,ulnar collateral ligament tear {s} thumb,{s} gamekeepers thumb,{s} gamekeeper thumb,{s} skiers thumb,{s} skier thumb,gamekeepers thumb {s},skiers thumb {s}',
    'sprain metacarpophalangeal joint {s} thumb',
  ),
  ...sided(
    '{s} pip swelling,{s} pip joint swelling,{s} swollen pip,{s} swollen pip joint,{s} dip swelling,{s} dip joint swelling,{s} swollen dip joint,{s} mcp swelling,{s} mcp joint swelling,{s} swollen mcp joint,{s} finger joint swelling,{s} knuckle swelling,{s} swollen knuckle,pip swelling {s},dip swelling {s},mcp swelling {s},pip joint effusion {s},{s} pip effusion,{s} mcp effusion',
    'effusion {s} hand',
  ),
  ...sided(
    '{s} mtp swelling,{s} mtp joint swelling,{s} swollen mtp joint,{s} toe joint swelling,mtp swelling {s},{s} mtp effusion',
    'effusion {s} foot',
  ),
  ...sided(
    '{s} mtp arthritis,{s} mtp oa,{s} mtp osteoarthritis,{s} mtp djd,{s} mtp joint arthritis,{s} mtp joint oa,{s} first mtp arthritis,{s} first mtp oa,{s} first mtp osteoarthritis,{s} first mtp djd,{s} first mtp joint arthritis,{s} great toe arthritis,{s} big toe arthritis,{s} great toe oa,{s} big toe oa,mtp arthritis {s},mtp oa {s},first mtp arthritis {s},first mtp oa {s},big toe arthritis {s},great toe arthritis {s}',
    'primary osteoarthritis {s} ankle foot',
  ),
  'sij pain,sij joint pain,sacroiliac arthralgia,sacroiliac joint arthralgia=sacrococcygeal disorders',
  'conjunctival injection,injected conjunctiva,injected conjunctivae,conjunctival redness,red conjunctiva,conjunctival congestion,injected sclera,scleral injection=conjunctival hyperemia',
  'thrombosed external hemorrhoid,thrombosed external hemorrhoids,external thrombosed hemorrhoid,external thrombosed hemorrhoids,thrombosed external hem,thrombosed ext hemorrhoid,external hemorrhoid thrombosed,external hemorrhoids thrombosed,perianal hematoma=perianal venous thrombosis',
  ...ribRows,
  ...organRows,
  'liver lesion,liver lesions,hepatic lesion,hepatic lesions,lesion of liver,lesion on liver,lesions on liver=other specified diseases liver',
];
