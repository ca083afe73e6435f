/**
 * Eighth round of issue 10: the STATUS and ANATOMY classes, built from the Alphabetic Index main
 * terms rather than from misses. Status: "Status (post)", "Presence (of)", "Transplant (status)",
 * "Dependence (on) ... (enabling machine)", "Long-term (current) (prescribed) drug therapy (use
 * of)", "Aftercare", "Encounter (for)" and "History (personal)", each subterm in the forms coders
 * type ("s/p X", "h/o X", "hx X", "hx of X", "PMH X", "prior X", "previous X", "post X", "X
 * status", "on X"). Anatomy: joint and digit abbreviations and named fractures mapped to the
 * Tabular's site words. Same row format as abbreviations.ts (`keys=target;target`, `+` keeps the
 * typed words, `!` a drug). ClaimLab's own list from general clinical knowledge; every target word
 * is checked against the FY2026 titles and the Index (test/search/lexicon-8-fy2026.test.ts).
 * See: Guidelines I.C.21.c.3 (status Z codes), I.C.21.c.4 (history), I.C.21.c.7 (aftercare).
 */

/** How a history is typed before its name: "h/o", "hx of", "pmh", "prior". */
const HISTORY_OF = ['h o', 'hx', 'hx of', 'history of', 'pmh', 'prior', 'previous'];

/** How a past operation or device is typed before (or after) its name. */
const PAST = ['s p', 'status post', ...HISTORY_OF, 'post'];

/** Every typing of an operation or device status: "s/p cabg", "h/o cabg", "cabg status". */
function statusRow(names: string, target: string): string {
  const keys = names.split(',');
  return `${[...keys.flatMap((k) => PAST.map((p) => `${p} ${k}`)), ...keys.map((k) => `${k} status`)].join(',')}=${target}`;
}

/** The same for Z94 "Transplanted organ and tissue status": "s/p kidney transplant", "kidney tx". */
function transplantRow(organs: string, target: string): string {
  const names = organs
    .split(',')
    .flatMap((o) => [`${o} transplant`, `${o} tx`, `${o} transplantation`]);
  return statusRow(names.join(','), target);
}

/** A past condition or treatment ("h/o preeclampsia", "hx of steroid therapy"): history only. */
// Round 11: "personal history of X" is typed as often as "history of X" (the synonym table reads
// "personal history" alone as history, which would split the phrase before these rows).
const HISTORY = [...HISTORY_OF, 'past', 'personal history of', 'personal hx of', 'personal hx'];
function historyRow(names: string, target: string): string {
  return `${names
    .split(',')
    .flatMap((k) => HISTORY.map((p) => `${p} ${k}`))
    .join(',')}=${target}`;
}

/** "codeine allergy", "allergy to codeine", "allergic to codeine": Index "Allergy, status, to". */
function allergyRow(names: string, target: string): string {
  const keys = names
    .split(',')
    .flatMap((k) => [
      `${k} allergy`,
      `allergy to ${k}`,
      `allergic to ${k}`,
      `${k} allergic`,
      `${k} intolerance`,
    ])
    .flatMap((k) => [k, ...['h o', 'hx', 'hx of', 'history of'].map((p) => `${p} ${k}`)]);
  return `${keys.join(',')}=${target}`;
}

/**
 * A small joint typed by its abbreviation with a symptom ("pip joint pain", "mcp swelling"): the
 * Tabular classes the symptom by the hand or foot (M25.54- "Pain in joints of hand", M25.44-
 * "Effusion, hand", M25.64- "Stiffness of hand"; Index "Swelling, joint - see Effusion, joint").
 */
function smallJointRows(joints: string, region: string, pain: string): string[] {
  const names = joints.split(',').flatMap((j) => [j, `${j} joint`, `${j} joints`]);
  const row = (symptoms: string[], target: string) =>
    `${names.flatMap((n) => symptoms.map((x) => `${n} ${x}`)).join(',')}=${target}`;
  return [
    row(['pain', 'arthralgia', 'tenderness'], pain),
    row(['swelling', 'effusion'], `effusion ${region}`),
    row(['stiffness'], `stiffness ${region}`),
  ];
}

/**
 * A drug by brand or generic name taken long term ("on januvia", "chronic tramadol"): only the
 * phrase with "on", "long term", "chronic", "taking" is read as the Z79 class, so the name alone
 * still finds its Table of Drugs row (a poisoning or adverse effect).
 */
function onDrugRow(names: string, target: string): string {
  const forms = [
    'on',
    'long term',
    'chronic',
    'taking',
    'takes',
    'maintained on',
    'lt use',
    'long term use of',
  ];
  const keys = names
    .split(',')
    .flatMap((d) => [...forms.map((f) => `${f} ${d}`), `${d} long term`, `${d} daily`]);
  return `${keys.join(',')}=${target}`;
}

/** "aftercare following cardiac surgery", "aftercare after appendectomy": Z48.81- by system. */
function aftercareRow(names: string, system: string): string {
  const keys = names
    .split(',')
    .flatMap((n) => [
      `aftercare following ${n}`,
      `aftercare after ${n}`,
      `aftercare ${n}`,
      `aftercare s p ${n}`,
    ]);
  return `${keys.join(',')}=surgical aftercare following surgery ${system}`;
}

/** A relative's condition ("fhx pancreatic cancer", "family history of lupus"): Z80-Z84. */
function familyRow(names: string, target: string): string {
  const forms = ['fhx', 'fh', 'fh of', 'fhx of', 'family history of', 'family hx', 'fam hx'];
  return `${names
    .split(',')
    .flatMap((k) => forms.map((f) => `${f} ${k}`))
    .join(',')}=${target}`;
}

/**
 * Round 10: a cancer's site typed the way coders type it ("hx colon ca", "h/o throat cancer",
 * "fh melanoma"), each a word the Z85/Z80 titles do not use, to the title words of its class.
 * Index "History, personal, malignant neoplasm (of), large intestine Z85.038 / rectum Z85.048 /
 * oral cavity, pharynx Z85.81- / larynx Z85.21 / skin Z85.828 / melanoma Z85.820 / bone Z85.830 /
 * soft tissue Z85.831 / brain Z85.841 / uterus Z85.42 / testis Z85.47 / lymphoid Z85.79" and
 * "History, family, malignant neoplasm (of), digestive Z80.0 / genital Z80.4- / urinary Z80.5- /
 * lymphatic and hematopoietic Z80.7 / other organs or systems Z80.8".
 */
const CANCER = [
  'cancer',
  'ca',
  'carcinoma',
  'malignancy',
  'malignant neoplasm',
  'tumor',
  'neoplasm',
];
function cancerNames(sites: string): string {
  return sites
    .split(',')
    .flatMap((s) => [
      ...CANCER.map((c) => `${s} ${c}`),
      // Round 11: the site typed after the neoplasm ("cancer of the colon", "carcinoma of skin").
      ...['cancer', 'carcinoma'].flatMap((c) => [`${c} of ${s}`, `${c} of the ${s}`]),
    ])
    .join(',');
}
/** Personal (h/o, hx, s/p...) and family (fh, fhx...) history of a cancer by typed site. */
function cancerHistoryRows(sites: string, personal: string, family: string): string[] {
  const names = cancerNames(sites);
  return [
    historyRow(names, `personal history ${personal}`),
    `${names
      .split(',')
      .flatMap((k) => [`s p ${k}`, `survivor ${k}`, `${k} survivor`])
      .join(',')}=personal history ${personal}`,
    familyRow(names, `family history ${family}`),
  ];
}
/** Cancers typed by their type name alone ("h/o melanoma", "fh of sarcoma"). */
function cancerTypeRows(names: string, personal: string, family: string): string[] {
  return [
    historyRow(names, `personal history ${personal}`),
    familyRow(names, `family history ${family}`),
  ];
}

/**
 * Round 10: a joint replacement typed without "replacement" or by its abbreviation with a side
 * between ("s/p rt total knee", "lt tka", "h/o right total hip"): Index "Presence (of),
 * artificial, joint, knee Z96.65- / hip Z96.64- / shoulder Z96.61- / elbow Z96.62- / wrist
 * Z96.63- / ankle Z96.66-"; the side is read by the side ranking.
 */
function jointRows(joint: string, abbrevs: string): string {
  const keys = [
    `total ${joint}`,
    `partial ${joint}`,
    `${joint} replacement`,
    `total ${joint} replacement`,
    `partial ${joint} replacement`,
    `${joint} arthroplasty`,
    `total ${joint} arthroplasty`,
    `${joint} prosthesis`,
    `artificial ${joint}`,
    `prosthetic ${joint}`,
    ...abbrevs.split(',').filter(Boolean),
  ];
  return `${keys.join(',')}=artificial ${joint} joint;${joint} prosthesis;${joint} joint replacement`;
}

/**
 * Round 10: "on X" / "X dependent" / "dependent on X" for the Index "Dependence (on) (enabling
 * machine)" and "Long-term (current) drug therapy" terms as coders type them.
 */
function dependentRow(names: string, target: string): string {
  return `${names
    .split(',')
    .flatMap((n) => [
      `${n} dependent`,
      `${n} dependence`,
      `dependent on ${n}`,
      `dependence on ${n}`,
      `${n} dependency`,
    ])
    .join(',')}=${target}`;
}

/**
 * A past operation on a sided part with its side typed in between ("status post left knee
 * arthroscopy", "s/p rt carpal tunnel release"): only for operations whose status code has no
 * side (Z98.890), so dropping the typed side loses nothing.
 */
const SIDES = ['left', 'right', 'lt', 'rt', 'l', 'r', 'bilateral', 'bilat', 'b l', 'both'];
function sidedStatusRow(names: string, target: string): string {
  return `${names
    .split(',')
    .flatMap((n) => PAST.flatMap((p) => SIDES.map((side) => `${p} ${side} ${n}`)))
    .join(',')}=${target}`;
}

export const STATUS_ROUND_10: readonly string[] = [
  sidedStatusRow(
    'knee arthroscopy,shoulder arthroscopy,hip arthroscopy,ankle arthroscopy,wrist arthroscopy,elbow arthroscopy,knee scope,shoulder scope,carpal tunnel release,ctr,trigger finger release,acl repair,acl reconstruction,rotator cuff repair,meniscectomy,meniscus repair,labral repair,ablation',
    'other specified postprocedural states',
  ),
  ...cancerHistoryRows(
    'colon,colonic,colorectal,sigmoid,cecal,cecum,large bowel,large intestine,ascending colon,descending colon,transverse colon',
    'other malignant neoplasm large intestine',
    'malignant neoplasm digestive organs',
  ),
  ...cancerHistoryRows(
    'rectal,rectum,anal,anus,rectosigmoid',
    'other malignant neoplasm rectum',
    'malignant neoplasm digestive organs',
  ),
  ...cancerHistoryRows(
    'throat,oropharyngeal,oropharynx,pharyngeal,pharynx,tonsil,tonsillar,nasopharyngeal,hypopharyngeal,oral,mouth,lip,head and neck,hn,salivary gland,parotid',
    'malignant neoplasm other sites lip oral cavity pharynx;malignant neoplasm unspecified site lip oral cavity pharynx',
    'malignant neoplasm other organs systems',
  ),
  ...cancerHistoryRows(
    'tongue',
    'malignant neoplasm tongue',
    'malignant neoplasm other organs systems',
  ),
  ...cancerHistoryRows(
    'laryngeal,larynx,voice box,vocal cord',
    'malignant neoplasm larynx',
    'malignant neoplasm respiratory organs',
  ),
  ...cancerHistoryRows(
    'skin,basal cell,bcc,squamous cell skin,scc skin,nonmelanoma skin,non melanoma skin,cutaneous squamous cell,cutaneous scc',
    'other malignant neoplasm skin',
    'malignant neoplasm other organs systems',
  ),
  ...cancerHistoryRows(
    'bone',
    'malignant neoplasm bone',
    'malignant neoplasm other organs systems',
  ),
  ...cancerHistoryRows(
    'brain',
    'malignant neoplasm brain',
    'malignant neoplasm other organs systems',
  ),
  ...cancerHistoryRows(
    'thyroid',
    'malignant neoplasm thyroid',
    'malignant neoplasm other organs systems',
  ),
  ...cancerHistoryRows(
    'uterine,uterus,endometrial,endometrium',
    'malignant neoplasm other parts uterus',
    'malignant neoplasm other genital organs',
  ),
  ...cancerHistoryRows(
    'testicular,testis,testicle',
    'malignant neoplasm testis',
    'malignant neoplasm testis',
  ),
  ...cancerHistoryRows(
    'stomach,gastric',
    'other malignant neoplasm stomach',
    'malignant neoplasm digestive organs',
  ),
  ...cancerHistoryRows(
    'esophageal,esophagus',
    'malignant neoplasm esophagus',
    'malignant neoplasm digestive organs',
  ),
  ...cancerHistoryRows(
    'liver,hepatic,hepatocellular,hcc',
    'malignant neoplasm liver',
    'malignant neoplasm digestive organs',
  ),
  ...cancerHistoryRows(
    'pancreatic,pancreas',
    'malignant neoplasm pancreas',
    'malignant neoplasm digestive organs',
  ),
  ...cancerTypeRows(
    'melanoma,malignant melanoma,skin melanoma,melanoma of skin',
    'malignant melanoma skin',
    'malignant neoplasm other organs systems',
  ),
  ...cancerTypeRows(
    'sarcoma,soft tissue sarcoma',
    'malignant neoplasm soft tissue',
    'malignant neoplasm other organs systems',
  ),
  ...cancerTypeRows(
    'osteosarcoma,bone sarcoma',
    'malignant neoplasm bone',
    'malignant neoplasm other organs systems',
  ),
  ...cancerTypeRows(
    'glioma,glioblastoma,gbm,brain tumor',
    'malignant neoplasm brain',
    'malignant neoplasm other organs systems',
  ),
  ...cancerTypeRows(
    'multiple myeloma,myeloma',
    'other malignant neoplasms lymphoid hematopoietic',
    'malignant neoplasms lymphoid hematopoietic',
  ),
  familyRow(
    'lymphoma,lymphomas,hodgkin,hodgkins,hodgkin lymphoma,hodgkins lymphoma',
    'family history malignant neoplasms lymphoid hematopoietic',
  ),
  ...cancerTypeRows(
    'nhl,non hodgkin,non hodgkins,non hodgkin lymphoma,non hodgkins lymphoma,nonhodgkin,nonhodgkins',
    'non hodgkin lymphomas',
    'malignant neoplasms lymphoid hematopoietic',
  ),
  ...cancerTypeRows('leukemia,aml,cll,all,cml', 'leukemia', 'leukemia'),
  // Index "History, personal, diseases of (the) skin Z87.2 / nervous system Z86.69 / dysplasia,
  // cervical Z87.410 / cervical Pap smear, abnormal (R87.61-) Z87.42... / circulatory system
  // Z86.79 / uterine scar from previous surgery Z98.891" (a cesarean's scar).
  historyRow(
    'pressure ulcer,pressure ulcers,decubitus ulcer,bed sore,bedsore,pressure sore,pressure injury,skin ulcer,eczema,psoriasis,cellulitis,skin infection,abscess,mrsa skin infection',
    'personal history diseases skin subcutaneous tissue',
  ),
  historyRow(
    'febrile seizure,febrile seizures,febrile convulsion,febrile convulsions,bells palsy,bell palsy,meningitis,migraine,migraines,guillain barre,gbs,neuropathy,encephalitis',
    'personal history other diseases nervous system sense organs',
  ),
  historyRow(
    'abnormal pap,abnormal pap smear,abnormal paps,abnormal pap smears,cin,cin 1,cin 2,cin 3,cin1,cin2,cin3,cervical dysplasia,hsil,lsil,ascus,leep',
    'personal history cervical dysplasia;personal history other diseases female genital tract',
  ),
  historyRow(
    'afib,a fib,atrial fibrillation,af,atrial flutter,svt,arrhythmia,endocarditis,pericarditis,myocarditis,aortic dissection,aneurysm,varicose veins,heart failure,chf',
    'personal history other diseases circulatory system',
  ),
  historyRow(
    'c section,c sections,c s,cesarean,cesarean section,caesarean,caesarean section,csection,cesarean delivery,lower segment cesarean,ltcs',
    'history uterine scar previous surgery',
  ),
  'c section history,cesarean history,c s history,csection history,prior c section,prior cesarean,previous c section,previous cesarean,previous c s,prev c s,prev c section,prior c s,s p c section,s p cesarean,s p c s,s p csection=history uterine scar previous surgery;previous cesarean delivery',
  // A scar from a previous cesarean in a CURRENT pregnancy is maternal care, O34.21- (Index
  // "Pregnancy, complicated by, previous cesarean delivery"): only when pregnancy words are typed.
  'previous c section in current pregnancy,prior c section in pregnancy,prev c s pregnant,previous c section pregnant,prior cesarean pregnant,vbac attempt,tolac,trial of labor after cesarean=maternal care scar previous cesarean delivery',
  // Index "Status (post), ... Z98.890": an operation that leaves no organ absent nor device.
  statusRow(
    'ileostomy reversal,colostomy reversal,ostomy reversal,takedown,ileostomy takedown,colostomy takedown,cardioversion,ablation,rfa,radiofrequency ablation,catheter ablation,pvi,pulmonary vein isolation,watchman,left atrial appendage closure,arthroscopy,arthroscopic surgery,meniscectomy,acl surgery,knee scope,shoulder scope,carpal tunnel release,ctr,trigger finger release,spinal fusion surgery,back surgery,neck surgery,sinus surgery,fess,septoplasty,lithotripsy,eswl,ureteroscopy,turbt,egd,colonoscopy,polypectomy,cystoscopy,biopsy,angiogram,cardiac cath,thrombectomy,i and d,incision and drainage,excision,mohs,skin graft',
    'other specified postprocedural states',
  ),
  // Index "Absence (of) (organ or part) (acquired), ... tonsils / adenoids Z90.89 (other
  // organs); hysterectomy with ovaries Z90.710 + Z90.722; appendix, gallbladder Z90.49".
  statusRow(
    'tonsillectomy,adenoidectomy,t a,t and a,tonsillectomy and adenoidectomy,adenoidectomy and tonsillectomy,adenotonsillectomy',
    'acquired absence other organs',
  ),
  statusRow(
    'hysterectomy with ovaries removed,hysterectomy w ovaries removed,hysterectomy and bso,hysterectomy with bso,hysterectomy with oophorectomy,hysterectomy oophorectomy,total hysterectomy with bilateral salpingo oophorectomy',
    'acquired absence cervix uterus;acquired absence ovaries bilateral',
  ),
  statusRow('bso,bilateral oophorectomy,ovaries removed', 'acquired absence ovaries bilateral'),
  statusRow(
    'whipple,whipple procedure,partial pancreatectomy,pancreaticoduodenectomy,distal pancreatectomy',
    'acquired partial absence pancreas',
  ),
  statusRow('total pancreatectomy', 'acquired total absence pancreas'),
  statusRow('splenectomy', 'acquired absence spleen'),
  statusRow(
    'nephrectomy,kidney removed,kidney removal,donor nephrectomy',
    'acquired absence kidney',
  ),
  statusRow('cystectomy,bladder removed', 'acquired absence bladder'),
  statusRow('pneumonectomy,lobectomy,wedge resection,lung resection', 'acquired absence lung part'),
  statusRow(
    'gastrectomy,partial gastrectomy,sleeve gastrectomy,gastric sleeve',
    'acquired absence stomach part;bariatric surgery status',
  ),
  statusRow(
    'prostatectomy,radical prostatectomy,ralp',
    'acquired absence prostate;acquired absence genital organs',
  ),
  statusRow('orchiectomy,orchidectomy', 'acquired absence testes;acquired absence genital organs'),
  statusRow('larygectomy,laryngectomy', 'acquired absence larynx'),
  statusRow('transmetatarsal amputation,tma,transmetatarsal', 'acquired absence foot'),
  statusRow('ray amputation,toe amputation,toe amp', 'acquired absence toe'),
  statusRow('finger amputation,finger amp,partial finger amputation', 'acquired absence finger'),
  statusRow('thumb amputation', 'acquired absence thumb'),
  statusRow('hand amputation', 'acquired absence hand'),
  statusRow(
    'bka,below knee amputation,below the knee amputation,below knee amp',
    'acquired absence leg below knee',
  ),
  statusRow(
    'aka,above knee amputation,above the knee amputation,above knee amp',
    'acquired absence leg above knee',
  ),
  statusRow('bea,below elbow amputation', 'acquired absence arm below elbow'),
  statusRow('aea,above elbow amputation', 'acquired absence arm above elbow'),
  statusRow(
    'aortic valve replacement,mitral valve replacement,aortic valve replacement mechanical,mechanical avr,mechanical mvr,savr,avr mechanical,mitral valve repair',
    'presence prosthetic heart valve',
  ),
  statusRow('cochlear implant,cochlear implants', 'presence cochlear implant'),
  statusRow('ivc filter', 'presence other vascular implants grafts'),
  statusRow(
    'vp shunt,ventriculoperitoneal shunt,csf shunt,shunt',
    'presence cerebrospinal fluid drainage device',
  ),
  statusRow('penile implant,penile prosthesis', 'presence other specified functional implants'),
  // Joints: "s/p rt total knee", "s/p lt tka", "h/o right total hip".
  jointRows('knee', 'tka,tkr,tkas,tkrs,uka,unicompartmental knee'),
  jointRows('hip', 'tha,thr,hemiarthroplasty,hip hemiarthroplasty'),
  jointRows(
    'shoulder',
    'tsa,rtsa,reverse total shoulder,reverse shoulder,reverse shoulder arthroplasty',
  ),
  jointRows('elbow', 'tea'),
  jointRows('ankle', 'tar'),
  // "Long-term (current) drug therapy, steroids, systemic Z79.52" (oral and injected steroids;
  // inhaled ones are Z79.51 and have their own rows above).
  onDrugRow(
    'steroids,steroid,corticosteroids,oral steroids,oral steroid,decadron,systemic steroids',
    'long term systemic steroids',
  ),
  'long term steroid use,long term steroids,chronic steroid use,chronic steroid therapy,steroid dependent,steroid dependence,chronic prednisone,chronic prednisone use,long term prednisone use,ltu steroids=long term systemic steroids',
  // "ltu", "ltu of", "long term use" typed before a drug: Z79 "Long term (current) use of".
  'ltu,ltu of=long term',
  'anticoag monitoring,anticoagulation monitoring,coumadin monitoring,warfarin monitoring,inr monitoring,inr check,pt inr check,protime check,inr draw,coumadin check,coumadin clinic,anticoagulation clinic=therapeutic drug level monitoring;long term anticoagulants',
  // Index "Dependence (on) ... insulin - see Long-term drug therapy, insulin Z79.4"; "respirator
  // Z99.11"; "wheelchair Z99.3"; "oxygen Z99.81"; "dialysis Z99.2"; "tracheostomy Z93.0".
  dependentRow('steroid,prednisone', 'long term systemic steroids'),
  dependentRow('ventilator,vent,respirator', 'dependence respirator ventilator status'),
  dependentRow('wheelchair,w c', 'dependence wheelchair'),
  dependentRow('oxygen,o2,home oxygen,home o2', 'dependence supplemental oxygen'),
  dependentRow('dialysis,hemodialysis,hd,peritoneal dialysis,pd', 'dependence renal dialysis'),
  dependentRow('trach,tracheostomy', 'tracheostomy status'),
  dependentRow('g tube,peg,peg tube,gastrostomy tube,feeding tube', 'gastrostomy status'),
  // Allergy status by typed reaction source ("allergy to bee stings", "allergic to wasp stings").
  allergyRow(
    'bee stings,wasp stings,wasp sting,hornet sting,hornet stings,insect stings,insect sting,stings',
    'bee allergy status;insect allergy status',
  ),
  allergyRow('latex', 'latex allergy status'),
  allergyRow(
    'peanut,peanuts,tree nut,tree nuts,nuts,nut',
    'peanuts allergy status;food allergy status',
  ),
  allergyRow('shellfish,seafood,fish', 'seafood allergy status;food allergy status'),
  allergyRow('egg,eggs', 'eggs allergy status'),
  allergyRow('milk,dairy,milk products', 'milk products allergy status'),
];

export const STATUS_ANATOMY: readonly string[] = [
  // Index "Status (post), aortocoronary bypass Z95.1 / angioplasty (peripheral), coronary artery
  // Z98.61 / with implant Z95.5 / pacemaker, cardiac Z95.0 / cardiac, device, defibrillator
  // Z95.810 / heart valve prosthesis Z95.2 / xenogenic Z95.3 / bariatric surgery Z98.84";
  // "Presence (of), coronary artery graft or prosthesis Z95.5".
  statusRow(
    'cabg,coronary bypass,bypass surgery,heart bypass,bypass graft',
    'aortocoronary bypass',
  ),
  statusRow(
    'pci,ptca,coronary stent,coronary stents,stent,stents,stenting,coronary angioplasty,angioplasty,des',
    'coronary angioplasty status;presence coronary angioplasty implant',
  ),
  statusRow('pacemaker,ppm,cardiac pacemaker', 'presence cardiac pacemaker'),
  statusRow(
    'aicd,icd,defibrillator,implanted defibrillator,implantable defibrillator',
    'presence automatic cardiac defibrillator',
  ),
  statusRow(
    'valve replacement,heart valve replacement,mvr,avr,tavr,tavi,prosthetic valve,mechanical valve,mechanical heart valve',
    'presence prosthetic heart valve;presence xenogenic heart valve',
  ),
  statusRow(
    'tissue valve,bioprosthetic valve,porcine valve,bovine valve',
    'presence xenogenic heart valve',
  ),
  'mechanical heart valve,mechanical valve,prosthetic heart valve=presence prosthetic heart valve',
  'tissue valve,bioprosthetic valve,porcine valve,bioprosthetic heart valve=presence xenogenic heart valve',
  statusRow('bariatric surgery,gastric bypass,weight loss surgery', 'bariatric surgery status'),
  // Index "Status (post) ... Z98.890" (postprocedural states with no code of their own);
  // "Absence (of) (organ or part) (acquired), eye Z90.01 / pancreas Z90.41- / intestine Z90.49 /
  // genital organs Z90.79"; "Status, vasectomy Z98.52 / artificial opening Z93.9"; "Presence, bone
  // and tendon implants Z96.7" (plates and screws of an ORIF).
  statusRow(
    'ablation,cardiac ablation,afib ablation,heart cath,cardiac cath,cardiac catheterization,carotid endarterectomy,cea,endarterectomy,aaa repair,craniotomy,lumpectomy,acl repair,acl reconstruction,rotator cuff repair,arthroscopy,knee arthroscopy,shoulder arthroscopy,laminectomy,discectomy,microdiscectomy,hernia repair,chest tube,lasik,surgery',
    'other specified postprocedural states',
  ),
  statusRow(
    'orif,internal fixation,hardware,plate and screws,rod',
    'presence other bone tendon implants;other specified postprocedural states',
  ),
  statusRow('turp,prostatectomy,orchiectomy', 'acquired absence genital organs'),
  statusRow('whipple,pancreatectomy', 'acquired absence pancreas'),
  statusRow('enucleation,eye removal', 'acquired absence eye'),
  statusRow('bowel resection,small bowel resection,sbr', 'acquired absence digestive tract'),
  statusRow('ostomy,stoma', 'artificial opening status'),
  statusRow('ileal conduit', 'artificial openings urinary tract status'),
  statusRow('vasectomy', 'vasectomy status'),
  // Index "History (personal), irradiation Z92.3 / steroid therapy, systemic Z92.241 / in situ
  // neoplasm, breast Z86.000 / complications of pregnancy Z87.59 / abuse, childhood Z62.81- /
  // adult Z91.41- (intimate partner Z91.414) / traumatic brain injury Z87.820".
  historyRow(
    'radiotherapy,radiation therapy,radiation treatment,xrt,irradiation',
    'history irradiation',
  ),
  historyRow(
    'steroid use,steroid therapy,long term steroid use,steroids,chronic steroids,prednisone use',
    'history systemic steroid therapy',
  ),
  historyRow(
    'dcis,lcis,breast dcis,carcinoma in situ of breast',
    'history in situ neoplasm breast',
  ),
  historyRow(
    'htn in pregnancy,hypertension in pregnancy,htn during pregnancy,hypertension during pregnancy,gestational htn,gestational hypertension,dm in pregnancy,diabetes in pregnancy,preeclampsia,pre eclampsia,eclampsia,pih,stillbirth,ectopic,ectopic pregnancy,placental abruption,postpartum hemorrhage,pph,hellp',
    'history other complications pregnancy childbirth puerperium',
  ),
  historyRow(
    'child abuse,childhood abuse,abuse as a child,childhood trauma',
    'personal history abuse childhood',
  ),
  historyRow(
    'childhood sexual abuse,child sexual abuse,sexual abuse as a child,childhood physical abuse',
    'personal history physical sexual abuse childhood',
  ),
  historyRow(
    'domestic violence,dv,ipv,intimate partner violence,spousal abuse,partner abuse',
    'personal history adult intimate partner abuse',
  ),
  historyRow('adult abuse,elder abuse', 'personal history adult abuse'),
  historyRow(
    'concussion,concussions,tbi,traumatic brain injury,head injury',
    'history traumatic brain injury',
  ),
  // Index "History, family (of), malignant neoplasm (of), digestive organ Z80.0 / musculoskeletal
  // and connective tissue disease Z82.69".
  familyRow(
    'pancreatic cancer,pancreas cancer,pancreatic ca,stomach cancer,gastric cancer,esophageal cancer,liver cancer,rectal cancer,colorectal cancer,crc',
    'family history malignant neoplasm digestive organs',
  ),
  familyRow(
    'lupus,sle,systemic lupus',
    'family history diseases musculoskeletal connective tissue',
  ),
  // Index "Allergy, status, to drug: penicillin Z88.0 / antibiotic, other Z88.1 / sulfonamides
  // Z88.2 / anesthetic Z88.4 / narcotic Z88.5 / analgesic Z88.6 / serum, vaccine Z88.7";
  // "Allergy, insect, bee Z91.030"; "Allergy, radiographic dye Z91.041".
  allergyRow(
    'codeine,morphine,opioid,opioids,opiate,opiates,narcotic,narcotics,hydrocodone,oxycodone,tramadol,dilaudid,percocet,vicodin',
    'allergy status narcotic agent',
  ),
  allergyRow(
    'aspirin,asa,nsaid,nsaids,ibuprofen,naproxen,motrin,advil,aleve,toradol',
    'allergy status analgesic agent',
  ),
  allergyRow(
    'cephalosporin,cephalosporins,keflex,cephalexin,erythromycin,azithromycin,zithromax,macrolide,macrolides,quinolone,quinolones,fluoroquinolone,cipro,ciprofloxacin,levaquin,levofloxacin,doxycycline,tetracycline,vancomycin,clindamycin,antibiotic,antibiotics',
    'allergy status other antibiotic agents',
  ),
  allergyRow('amoxicillin,augmentin,ampicillin,pcn', 'allergy status penicillin'),
  allergyRow('sulfa,sulfa drugs,bactrim,sulfonamide,sulfonamides', 'allergy status sulfonamides'),
  allergyRow(
    'lidocaine,novocaine,local anesthetic,anesthetic,anesthesia',
    'allergy status anesthetic agent',
  ),
  allergyRow(
    'contrast,iv contrast,contrast dye,iodinated contrast,iodine,ct contrast,dye',
    'radiographic dye allergy status',
  ),
  allergyRow(
    'bee,bee sting,bees,wasp,hornet,yellow jacket',
    'bee allergy status;insect allergy status',
  ),
  allergyRow('vaccine,flu shot,flu vaccine', 'allergy status serum vaccine'),
  // Index "Transplant (status), kidney Z94.0 / heart Z94.1 / lung Z94.2 / heart and lung Z94.3 /
  // liver Z94.4 / skin Z94.5 / bone Z94.6 / cornea Z94.7 / bone marrow Z94.81 / stem cells Z94.84
  // / pancreas Z94.83 / intestine Z94.82".
  transplantRow('kidney,renal', 'kidney transplant status'),
  transplantRow('heart,cardiac', 'heart transplant status'),
  transplantRow('lung', 'lung transplant status'),
  transplantRow('liver', 'liver transplant status'),
  transplantRow('cornea,corneal', 'cornea transplant status'),
  transplantRow('pancreas', 'pancreas transplant status'),
  transplantRow('bone marrow', 'bone marrow transplant status'),
  transplantRow('stem cell', 'stem cells transplant status'),
  statusRow('bmt,sct', 'bone marrow transplant status;stem cells transplant status'),
  // Index "Dependence (on), enabling machine, oxygen Z99.81 / renal dialysis Z99.2"; "Presence
  // (of), insulin pump Z96.41".
  'home oxygen,home o2,on home oxygen,on home o2,on oxygen,on o2,on supplemental oxygen,supplemental oxygen,oxygen therapy,chronic oxygen,on chronic oxygen=dependence supplemental oxygen',
  'hemodialysis status,hd status,pd status=dependence renal dialysis',
  'insulin pump status,insulin pump in place,has insulin pump,on insulin pump,with insulin pump,uses insulin pump=presence insulin pump',
  // Index "History (personal) (of)": "PMH", "past history" and "prior"/"previous" before a
  // condition (an old myocardial infarction is I25.2, Index "Infarct, myocardial, old").
  'pmh,pmhx,past medical history,past medical hx,past hx,past history=history',
  'prior mi,previous mi,old mi,past mi,prior myocardial infarction,previous myocardial infarction,remote mi=old myocardial infarction',
  'prior stroke,previous stroke,prior cva,previous cva,remote stroke,remote cva,prior tia,previous tia=history cerebral infarction;history transient ischemic attack;sequelae cerebral infarction',
  'prior dvt,previous dvt,remote dvt=history venous thrombosis embolism',
  'prior pe,previous pe,remote pe=history pulmonary embolism',
  // Index "Long-term (current) (prescribed) drug therapy (use of)": aspirin Z79.82, estrogen /
  // hormone replacement Z79.890, immunosuppressive biologic Z79.620, calcineurin inhibitor
  // Z79.621, Janus kinase inhibitor Z79.622, mTOR inhibitor Z79.623, inhibitors of nucleotide
  // synthesis Z79.624, injectable non-insulin antidiabetic Z79.85, other Z79.899. Class
  // membership: the FDA established pharmacologic class (DailyMed labels).
  'daily aspirin,baby aspirin,low dose aspirin,asa 81,aspirin 81,daily asa,asa daily,aspirin daily=long term aspirin',
  'on estrogen,estrogen therapy,estrogen replacement,estrogen replacement therapy,on premarin,on estradiol,hormone therapy,on hormone therapy=hormone replacement therapy',
  'on antihypertensives,on antihypertensive,on bp meds,on bp medication,on blood pressure medication,on blood pressure meds,on thyroid medication,on thyroid meds,on thyroid hormone,on thyroid replacement,on chronic medication,on chronic medications=other long term drug therapy',
  '!humira,adalimumab,enbrel,etanercept,remicade,infliximab,stelara,ustekinumab,rituximab,rituxan,ocrelizumab,ocrevus,cimzia,simponi,orencia,actemra,tocilizumab=immunosuppressive biologic',
  '!tacrolimus,prograf,cyclosporine,calcineurin inhibitor=calcineurin inhibitor',
  '!xeljanz,tofacitinib,rinvoq,upadacitinib,olumiant,baricitinib,jak inhibitor=janus kinase inhibitor',
  '!sirolimus,everolimus,rapamune=mtor inhibitor',
  '!mycophenolate,cellcept,myfortic,azathioprine,imuran,leflunomide,arava=inhibitors nucleotide synthesis',
  '!mounjaro,tirzepatide,byetta,exenatide,bydureon,glp 1,glp1,glp 1 agonist,glp1 agonist,wegovy,zepbound=injectable non insulin antidiabetic drugs',
  // The same by brand and generic name (FDA established pharmacologic class, DailyMed labels):
  // oral hypoglycemics Z79.84, inhaled steroids Z79.51, opiate analgesics Z79.891, NSAIDs Z79.1,
  // bisphosphonates Z79.83, antibiotics Z79.2, insulin Z79.4, chemotherapeutic agents Z79.63,
  // hormone replacement Z79.890 and "Other long term (current) drug therapy" Z79.899.
  onDrugRow(
    'januvia,sitagliptin,tradjenta,linagliptin,dpp4,dpp 4,dpp4 inhibitor,jardiance,empagliflozin,farxiga,dapagliflozin,invokana,canagliflozin,sglt2,sglt 2,sglt2 inhibitor,glimepiride,amaryl,actos,glucotrol,janumet,synjardy,xigduo',
    'long term oral hypoglycemic drugs',
  ),
  onDrugRow(
    'advair,symbicort,breo,trelegy,dulera,qvar,arnuity,asmanex,wixela,inhaled corticosteroid,inhaled corticosteroids,steroid inhaler',
    'long term inhaled steroids',
  ),
  onDrugRow(
    'tramadol,ultram,norco,percocet,vicodin,fentanyl,fentanyl patch,oxycontin,dilaudid,hydromorphone,tapentadol,nucynta,opiates,narcotics,narcotic pain medication,pain medication,pain meds,opioid therapy,opioid pain medication',
    'long term opiate analgesic',
  ),
  'chronic opioid therapy,long term opioid therapy,chronic narcotic use,chronic opiate use,chronic pain medication use=long term opiate analgesic',
  onDrugRow(
    'celebrex,mobic,aleve,motrin,advil,indomethacin,nabumetone,etodolac,nsaid,anti inflammatories',
    'long term nsaid',
  ),
  onDrugRow(
    'boniva,ibandronate,actonel,risedronate,reclast,zoledronic acid,bisphosphonate',
    'long term bisphosphonates',
  ),
  onDrugRow(
    'doxycycline,minocycline,bactrim,nitrofurantoin,macrobid,keflex,cephalexin,azithromycin,amoxicillin,suppressive antibiotics,antibiotic prophylaxis,prophylactic antibiotics',
    'long term antibiotics',
  ),
  onDrugRow(
    'basal insulin,long acting insulin,levemir,tresiba,toujeo,basaglar,humulin,novolin,insulin glargine',
    'long term insulin',
  ),
  onDrugRow(
    'oral chemotherapy,oral chemo,capecitabine,xeloda,imatinib,gleevec,chemotherapy,chemo',
    'long term chemotherapeutic agent',
  ),
  onDrugRow(
    'testosterone,testosterone replacement,trt,androgel,testosterone injections',
    'hormone replacement therapy',
  ),
  onDrugRow(
    'lipitor,crestor,zocor,pravastatin,pravachol,lovastatin,ezetimibe,zetia,hctz,hydrochlorothiazide,chlorthalidone,spironolactone,losartan,valsartan,carvedilol,coreg,diltiazem,entresto,antiepileptics,anticonvulsants,antiepileptic,anticonvulsant,keppra,levetiracetam,depakote,valproate,lamotrigine,lamictal,topiramate,topamax,gabapentin,neurontin,lyrica,pregabalin,seroquel,quetiapine,abilify,aripiprazole,risperdal,risperidone,olanzapine,zyprexa,antipsychotics,antipsychotic,sertraline,zoloft,fluoxetine,prozac,citalopram,celexa,escitalopram,lexapro,paroxetine,paxil,venlafaxine,effexor,duloxetine,cymbalta,bupropion,wellbutrin,trazodone,antidepressants,antidepressant,adderall,ritalin,methylphenidate,vyvanse,concerta,stimulants,stimulant,benzodiazepines,benzodiazepine,benzos,xanax,alprazolam,klonopin,clonazepam,ativan,lorazepam,valium,diazepam,ppi,omeprazole,pantoprazole,protonix,nexium,prilosec,prolia,denosumab,allopurinol,colchicine,plaquenil,hydroxychloroquine,amiodarone,digoxin,antiarrhythmics,antiarrhythmic',
    'other long term drug therapy',
  ),
  // Index "Aftercare, following surgery (for) (on) ... circulatory system Z48.812 / digestive
  // Z48.815 / genitourinary Z48.816 / nervous Z48.811 / respiratory Z48.813 / sense organs
  // Z48.810 / skin Z48.817"; "Check-up, postoperative - see Aftercare, surgical Z48.8-";
  // "Management, vascular access device Z45.2"; "Attention to, artificial opening Z43.-";
  // "Sterilization, admission for Z30.2".
  aftercareRow(
    'cardiac surgery,heart surgery,cabg,bypass surgery,vascular surgery,valve replacement,pacemaker placement',
    'circulatory system',
  ),
  aftercareRow(
    'appendectomy,cholecystectomy,colectomy,bowel surgery,bowel resection,abdominal surgery,gi surgery,hernia repair',
    'digestive system',
  ),
  aftercareRow(
    'prostatectomy,nephrectomy,hysterectomy,urologic surgery,bladder surgery',
    'genitourinary system',
  ),
  aftercareRow('brain surgery,craniotomy,neurosurgery', 'nervous system'),
  aftercareRow('lung surgery,lobectomy,thoracic surgery', 'respiratory system'),
  aftercareRow('eye surgery,cataract surgery,ear surgery', 'sense organs'),
  aftercareRow('skin surgery,mohs,excision,skin graft', 'skin subcutaneous tissue'),
  'postop check,post op check,postoperative check,post op visit,postop visit,postoperative visit,post op follow up,postop follow up,post op f u,postop f u,post operative check,post operative visit,surgical follow up,postop appointment,post op appointment=encounter surgical aftercare',
  'port flush,port a cath flush,portacath flush,port access,port check,picc flush,picc line flush,picc removal,picc line removal,picc care,port removal,central line flush,central line care,mediport flush=adjustment management vascular access device',
  'ostomy care,stoma care,encounter for ostomy care=attention artificial opening',
  'colostomy care=attention colostomy',
  'ileostomy care=attention ileostomy',
  'encounter for vasectomy,vasectomy consult,vasectomy consultation,vasectomy encounter,encounter for sterilization,sterilization consult=encounter sterilization',
  // Index "Aftercare (see also Care) Z51.89, following surgery, joint replacement Z47.1";
  // "Removal (from) (of), internal fixation device Z47.2"; "Attention (to), gastrostomy Z43.1 /
  // tracheostomy Z43.0 / colostomy Z43.3"; "Adjustment, device, urinary Z46.6".
  'aftercare hip replacement,aftercare knee replacement,aftercare joint replacement,aftercare after hip replacement,aftercare after knee replacement,aftercare after joint replacement,aftercare following hip replacement,aftercare following knee replacement,aftercare tka,aftercare tha,aftercare tkr,aftercare thr,aftercare shoulder replacement,aftercare hip arthroplasty,aftercare knee arthroplasty=aftercare following joint replacement surgery',
  'hardware removal,removal of hardware,pin removal,removal of pins,screw removal,plate removal,removal of plate,removal of internal fixation,orif hardware removal=removal internal fixation device',
  'foley change,change foley,foley catheter change,catheter change,urinary catheter change,change of foley=adjustment urinary device',
  'g tube change,peg change,peg tube change,gastrostomy tube change,change g tube=attention gastrostomy',
  'trach change,tracheostomy change,trach tube change,trach care=attention tracheostomy',
  // Anatomy. "Sprain, sternoclavicular joint S43.2-"; "Fracture, metatarsal, fifth S92.35-" (a
  // Jones fracture); "Pneumonia, lobar J18.1".
  'sc joint,s c joint,scj=sternoclavicular joint',
  ...smallJointRows('mcp,pip,dip,cmc,ip,mcpj,pipj,dipj,knuckle', 'hand', 'pain joints hand'),
  ...smallJointRows('mtp,mtpj', 'foot', 'pain ankle joints foot'),
  'ac joint pain,ac pain,ac joint arthralgia=pain shoulder',
  'ac joint arthritis,ac joint oa,ac arthritis,ac oa,ac joint djd=primary osteoarthritis shoulder',
  // Index "Osteoarthritis, carpometacarpal, first M18.-" (the thumb's basal joint); "Fracture,
  // sacrum S32.1-"; "Fracture, calcaneus S92.0-" (heel bone); "Strain, low back S39.012";
  // "Radiculopathy, lumbosacral region M54.17"; a tib-fib fracture is of the tibia and fibula.
  'thumb cmc,cmc thumb,1st cmc,first cmc,thumb basal joint,basal joint,basilar thumb=first carpometacarpal joint',
  'sacral fracture,sacral fx,sacrum fracture,sacrum fx,s1 fracture,s1 fx,s2 fracture,s2 fx=fracture sacrum',
  'heel fracture,heel fx,heel bone fracture,heel bone fx,calcaneal fracture,calcaneal fx=fracture calcaneus',
  'ls strain,lumbosacral strain,ls spine strain,l spine strain=strain muscle fascia tendon lower back',
  // Round 11: the Index sends "Sprain, lumbosacral" to S33.9 (unspecified parts of lumbar spine and
  // pelvis), not to the S39.012 strain of the lower back.
  'lumbosacral sprain,ls sprain,sprain lumbosacral,lumbosacral joint sprain,ls spine sprain=sprain unspecified parts lumbar spine pelvis',
  'ls radiculopathy,ls radic,lumbosacral radic=radiculopathy lumbosacral region',
  'ls spine pain,ls pain,lumbosacral pain,ls back pain,lumbosacral back pain=low back pain',
  // Index "Dislocation, shoulder, anterior S43.01- / posterior S43.02-" (of the humerus); "Strain,
  // calf S86.11-" (posterior muscle group at lower leg level); "Strain, knee - see Sprain, knee".
  'ant shoulder dislocation,ant dislocation shoulder,anterior shoulder dislocation,ant dislocation humerus=anterior dislocation humerus',
  'post shoulder dislocation,post dislocation shoulder,posterior shoulder dislocation,post dislocation humerus=posterior dislocation humerus',
  'calf strain,calf muscle strain,gastrocnemius strain,gastroc strain,strained calf,calf pull,pulled calf=strain posterior muscle group lower leg',
  'knee strain,strained knee=sprain knee;strain lower leg',
  'tib fib,tibfib,tib and fib,tibia and fibula,tibia fibula=tibia;fibula',
  'jones fracture,jones fx,dancers fracture,pseudo jones fracture,pseudojones fracture=fracture fifth metatarsal',
  'lower lobe pneumonia,upper lobe pneumonia,middle lobe pneumonia,lobe pneumonia=lobar pneumonia;pneumonia',
  // Index "History, family (of), kidney disease Z84.1- (other Z84.19)"; "congenital anomalies /
  // chromosomal anomaly Z82.79"; "History, personal, tuberculosis Z86.11 / fracture (healed),
  // traumatic Z87.81 / eating disorder, mental disorder NEC Z86.59".
  familyRow(
    'kidney disease,ckd,chronic kidney disease,renal disease,kidney problems,kidney failure,renal failure,esrd',
    'family history other disorders kidney ureter',
  ),
  familyRow(
    'congenital heart disease,congenital heart defect,chd,down syndrome,downs syndrome,trisomy 21,birth defect,birth defects,congenital anomaly,congenital anomalies,chromosomal abnormality,chromosome abnormality',
    'family history other congenital malformations deformations chromosomal abnormalities',
  ),
  historyRow('tb,tuberculosis,active tb,pulmonary tb', 'personal history tuberculosis'),
  historyRow(
    'fracture,fractures,fx,fxs,broken bone,broken bones,hip fracture,hip fx,wrist fracture,wrist fx,ankle fracture,ankle fx,traumatic fracture',
    'personal history healed traumatic fracture',
  ),
  historyRow(
    'anorexia,anorexia nervosa,bulimia,bulimia nervosa,eating disorder,eating disorders,psychosis,mental illness,psychiatric illness,psychiatric disorder',
    'personal history other mental behavioral disorders',
  ),
  // Index "Long-term (current) drug therapy, immunosuppressive, unspecified Z79.60 / biologic
  // Z79.620 / contraceptive, oral Z79.3" by the class typed.
  onDrugRow(
    'immunosuppressants,immunosuppressant,immunosuppression,immunosuppressive therapy,immunosuppressive drugs,immunosuppressive medication,immunosuppressive medications,immunomodulators',
    'long term unspecified immunomodulators immunosuppressants',
  ),
  onDrugRow(
    'biologic,biologics,biologic therapy,biologic agent',
    'long term immunosuppressive biologic',
  ),
  onDrugRow(
    'birth control,birth control pills,birth control pill,ocp,ocps,oral contraceptive,oral contraceptives,the pill,bcp,bcps,combined oral contraceptive,hormonal contraception,hormonal contraceptive',
    'long term hormonal contraceptives',
  ),
  '!mtx=methotrexate;antimetabolite agent',
  // Index "Dependence (on), enabling machine, specified NEC Z99.89" (CPAP,
  // BiPAP, walker, cane); "Presence (of), dental prosthetic device Z97.2"; "Status, cystostomy
  // Z93.5-"; "Awaiting organ transplant status Z76.82"; "Underimmunization status Z28.3-";
  // "Immunization not carried out because of patient refusal Z28.21".
  'on cpap,uses cpap,cpap at night,cpap nightly,wears cpap,on bipap,uses bipap,uses walker,uses a walker,walks with walker,ambulates with walker,walker dependent,uses cane,uses a cane,walks with cane,ambulates with cane,cane dependent,uses rollator=dependence other enabling machines devices',
  'dentures,wears dentures,has dentures,full dentures,partial dentures,upper dentures,lower dentures,denture wearer=presence dental prosthetic device',
  statusRow(
    'suprapubic cath,suprapubic catheter,spc,suprapubic tube,cystostomy,vesicostomy',
    'other cystostomy status',
  ),
  'awaiting transplant,awaiting kidney transplant,awaiting liver transplant,awaiting heart transplant,awaiting lung transplant,awaiting organ transplant,transplant list,on transplant list,on the transplant list,transplant candidate,listed for transplant,on kidney transplant list,transplant waitlist,waiting for transplant,waiting for kidney transplant,pre transplant=awaiting organ transplant status',
  'not vaccinated,not immunized,unimmunized,non immunized,no vaccines,never vaccinated,behind on vaccines,behind on immunizations,overdue vaccines,overdue immunizations,delinquent immunizations,not up to date on vaccines,vaccines not up to date,immunizations not up to date=underimmunization status',
  'vaccine refused,vaccines refused,refused vaccine,refused vaccines,declined vaccine,declined vaccines,vaccine declined,vaccines declined,refused flu shot,declined flu shot,flu shot declined,flu vaccine declined,vaccine refusal,refuses vaccines,refuses vaccination,refused immunization,refused immunizations,declined immunizations=immunization not carried out patient refusal',
  // A lifelong condition typed as a history in a problem list ("hx dm2", "h/o htn", "known
  // cad") is the condition itself, not a history code: Guidelines I.C.21.c.4 reserves personal
  // history codes for a condition that no longer exists, and these do not resolve.
  ...(
    [
      [
        'dm,dm2,t2dm,dm 2,dm ii,type 2 dm,type 2 diabetes,diabetes,diabetes mellitus,niddm,t2d',
        'type 2 diabetes mellitus',
      ],
      ['dm1,t1dm,dm 1,type 1 dm,type 1 diabetes,iddm,t1d', 'type 1 diabetes mellitus'],
      ['htn,hypertension,essential hypertension,high blood pressure', 'hypertension'],
      ['cad,coronary artery disease,ashd', 'atherosclerotic heart disease native coronary artery'],
      ['hld,hyperlipidemia,dyslipidemia,high cholesterol,hypercholesterolemia', 'hyperlipidemia'],
      ['copd', 'chronic obstructive pulmonary disease'],
    ] as const
  ).map(
    ([names, target]) =>
      `${names
        .split(',')
        .flatMap((n) =>
          [...HISTORY, 'known', 'known hx', 'known history of', 'hx of known'].map(
            (p) => `${p} ${n}`,
          ),
        )
        .join(',')}=${target}`,
  ),
];

/** A drug with no Z79 code of its own: "Long-term drug therapy, specified NEC Z79.899". */
const OTHER_LONG_TERM = [
  'diuretic',
  'diuretics',
  'lasix',
  'furosemide',
  'ppi',
  'proton pump inhibitor',
  'statin',
  'statins',
  'antihypertensive',
  'antihypertensives',
  'antidepressant',
  'antidepressants',
  'antipsychotic',
  'antipsychotics',
  'anticonvulsant',
  'anticonvulsants',
  'antiepileptic',
  'levothyroxine',
  'synthroid',
  'beta blocker',
  'digoxin',
];

/**
 * Eleventh round of issue 10 (STATUS, SHORTHAND, PUNCTUATION): causes of the misses of the
 * analysed two thirds of holdout-8, each covered from the Alphabetic Index for all its siblings.
 * See: Guidelines I.C.21.c.3 (status), I.C.21.c.4 (history), I.B.1 (Alphabetic Index).
 */
export const STATUS_ROUND_11: readonly string[] = [
  // "Status, tubal ligation Z98.51"; "Status, angioplasty, peripheral, with implant Z95.820";
  // "Presence, vascular implant or device, specified NEC Z95.828" (bypass grafts of the limbs).
  statusRow(
    'tubal ligation,btl,tubes tied,bilateral tubal ligation,tubal sterilization',
    'tubal ligation status',
  ),
  statusRow(
    'carotid stent,carotid stents,stent in carotid,stents in carotid,carotid stenting,iliac stent,sfa stent,femoral stent,peripheral stent,peripheral stents,renal artery stent,subclavian stent',
    'peripheral vascular angioplasty status implants grafts;presence other vascular implants grafts',
  ),
  statusRow(
    'fem pop bypass,fem pop,femoral popliteal bypass,femoropopliteal bypass,fem fem bypass,femoral bypass,aortobifemoral bypass,aorto bifem,aortofemoral bypass,peripheral bypass,leg bypass,bypass graft leg',
    'presence other vascular implants grafts',
  ),
  // "Presence, orthopedic-joint implant ... bone implant NEC Z96.7"; "Presence, contact lenses /
  // spectacles Z97.3".
  'retained hardware,retained orthopedic hardware,orthopedic hardware,ortho hardware,hardware in place,retained screws,retained plate,retained plates and screws,retained rod,retained pins,hardware status=presence other bone tendon implants',
  'wears contacts,wears contact lenses,contact lens wearer,contact lens user,uses contact lenses,wears glasses,wears eyeglasses,eyeglasses wearer,glasses wearer=presence spectacles contact lenses',
  // "Late effect(s) - see Sequelae"; "Problem, living in residential institution Z59.3".
  'late effect of,late effects of,late effect,late effects,residual of=sequelae',
  'nursing home resident,lives in nursing home,resides in nursing home,nursing home patient,snf resident,lives in snf,ltc resident,long term care resident,lives in assisted living,assisted living resident,group home resident,lives in group home,lives in a nursing home,resident of nursing home=problems related living residential institution',
  // "Dependence (on), enabling machine, specified NEC Z99.89", typed as a dependence or "home X".
  'walker dependence,dependence on walker,dependent on walker,cane dependence,dependence on cane,dependent on cane,home bipap,on home bipap,bipap dependence,dependence on bipap,dependent on bipap,home cpap,on home cpap,cpap dependence,dependence on cpap,dependent on cpap,bipap at night,nocturnal bipap=dependence other enabling machines devices',
  // "Long-term (current) drug therapy, specified NEC Z79.899".
  OTHER_LONG_TERM.flatMap((d) => [
    `long term ${d} use`,
    `long term ${d}`,
    `long term use of ${d}`,
    `chronic ${d} use`,
    `${d} long term use`,
  ]).join(',') + '=other long term current drug therapy',
  // "History, personal, malignant neoplasm, skin Z85.828" with the cell type and "of skin" typed.
  historyRow(
    'squamous cell carcinoma of skin,squamous cell carcinoma of the skin,squamous cell cancer of skin,scc of skin,scc of the skin,basal cell carcinoma of skin,basal cell carcinoma of the skin,basal cell cancer of skin,bcc of skin,bcc of the skin',
    'personal history other malignant neoplasm skin',
  ),
];
