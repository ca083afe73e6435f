/**
 * Seventh round of issue 10: more standard clinical abbreviations as charted on problem lists and
 * in office, urgent-care and ED notes, by specialty, each mapped to the Alphabetic Index main term
 * (and subterm) or Tabular title words it stands for. Same row format as abbreviations.ts
 * (`keys=target;target`, `+` keeps the typed words, `!` a drug); an abbreviation with several
 * common meanings lists them all and ranking decides. ClaimLab's own list from general clinical
 * knowledge; every target word is checked against the FY2026 titles and the Index
 * (test/search/lexicon-7-fy2026.test.ts).
 */
/** Ear conditions typed before AD/AS/AU, with the title words of their codes. */
const EAR_CONDITIONS: readonly (readonly [string, string])[] = [
  [
    'cerumen impaction,impacted cerumen,cerumen,ear wax,earwax,impacted ear wax,ear wax impaction,wax impaction,impacted wax',
    'impacted cerumen',
  ],
  ['otitis media,om,aom,acute otitis media,ear infection,middle ear infection', 'otitis media'],
  [
    'ome,serous otitis media,otitis media with effusion,middle ear effusion',
    'nonsuppurative otitis media',
  ],
  ['otitis externa,oe,swimmers ear,outer ear infection', 'otitis externa'],
  ['tinnitus,ringing', 'tinnitus'],
  ['otalgia,ear pain,earache', 'otalgia'],
  ['snhl,sensorineural hearing loss', 'sensorineural hearing loss'],
  ['hearing loss,decreased hearing,hl', 'hearing loss'],
  [
    'tm perforation,perforated tm,perforated eardrum,ruptured eardrum,ruptured tm,tympanic membrane perforation',
    'perforation tympanic membrane',
  ],
  ['otorrhea,ear drainage', 'otorrhea'],
  ['cholesteatoma', 'cholesteatoma'],
];
const EAR_SIDES: readonly (readonly [string, string])[] = [
  ['ad', 'right ear'],
  ['as', 'left ear'],
  ['au', 'bilateral'],
  ['a d', 'right ear'],
  ['a s', 'left ear'],
  ['a u', 'bilateral'],
];

export const CLINICAL_ABBREVIATIONS: readonly string[] = [
  // Cardiology. Index "Block, atrioventricular, first degree I44.0 / second degree I44.1";
  // "Fibrillation, atrial, paroxysmal I48.0"; "Disease, heart, ischemic I25.9"; "Insufficiency,
  // aortic / mitral / tricuspid (valve)"; "Stenosis, carotid I65.2-"; "Aneurysm, aorta,
  // thoracic I71.2"; "Hypertension, urgency I16.0 / emergency I16.1 / crisis I16.9";
  // "Insufficiency, venous (chronic) (peripheral) I87.2"; "Endocarditis, subacute, bacterial".
  'first degree av block,1st degree av block,first degree heart block,1st degree heart block,1st degree avb=atrioventricular block first degree',
  '+second degree av block,2nd degree av block,second degree heart block,2nd degree heart block,mobitz,mobitz 1,mobitz 2,mobitz i,mobitz ii,wenckebach=atrioventricular block second degree',
  'paf,paroxysmal afib,paroxysmal a fib=paroxysmal atrial fibrillation',
  'persistent afib,persistent a fib=persistent atrial fibrillation',
  'permanent afib,permanent a fib=permanent atrial fibrillation',
  'chronic afib,chronic a fib=chronic atrial fibrillation',
  'psvt=paroxysmal supraventricular tachycardia;supraventricular tachycardia',
  'ihd=ischemic heart disease',
  // Index "Cardiomyopathy, hypertrophic I42.2 / obstructive I42.1"; "Stenosis, aortic (valve)
  // I35.0"; "Flutter, atrial I48.92"; "Block, intraventricular (nonspecific) I45.4"; "Status,
  // heart assist device Z95.811"; "Angina, unstable I20.0".
  'hcm=hypertrophic cardiomyopathy',
  'nicm,non ischemic cardiomyopathy,nonischemic cardiomyopathy=cardiomyopathy',
  'severe as,moderate as,mod as,mild as,critical as=aortic stenosis',
  'afl=atrial flutter',
  'ivcd=intraventricular block',
  'lvad=presence heart assist device',
  'uap=unstable angina',
  'ccf=congestive heart failure',
  'ascvd=atherosclerotic heart disease;atherosclerotic cardiovascular disease',
  'ai=aortic insufficiency;adrenal insufficiency',
  'mr=mitral insufficiency;mitral regurgitation',
  '+tr=tricuspid insufficiency;tricuspid regurgitation',
  'aortic regurg,aortic regurgitation=aortic insufficiency',
  'mitral regurg=mitral insufficiency',
  'cvd=cerebrovascular disease;cardiovascular disease',
  'cas,carotid stenosis,carotid artery stenosis=stenosis carotid artery',
  'ras=renal artery stenosis',
  '+taa=thoracic aortic aneurysm',
  'htn urgency,hypertensive urgency=hypertensive urgency',
  'htn emergency,hypertensive emergency=hypertensive emergency',
  'htn crisis,hypertensive crisis=hypertensive crisis',
  'cvi=chronic venous insufficiency;venous insufficiency',
  '+sbe=subacute bacterial endocarditis',
  'pleuritic cp,pleuritic chest pain,pleuritic pain=pleurodynia',
  'atypical cp=atypical chest pain',
  'abn ekg,abnormal ekg,abn ecg,abnormal ecg,abnl ekg=abnormal electrocardiogram',
  'enlarged heart=cardiomegaly',
  // Pulmonary. Index "Apnea, sleep, central G47.31"; "Syndrome, obesity hypoventilation
  // E66.2"; "Tuberculosis, latent Z22.7"; "Effusion, pleural J90"; "Nodule, lung, solitary
  // R91.1"; "Pneumonia, aspiration J69.0"; "Wheezing R06.2"; "Hemoptysis R04.2".
  'csa=central sleep apnea',
  'community acquired pna,cap pna,hcap pna=pneumonia',
  '+ohs=obesity hypoventilation syndrome',
  '+ltbi=latent tuberculosis',
  'pleural eff,pl eff,pleural effusions=pleural effusion',
  'spn,pulm nodule,pulmonary nodule,lung nodule,lung nodules=solitary pulmonary nodule;nodule lung',
  'pulm=pulmonary',
  'asp=aspiration',
  'wheeze,wheezes,wheezy=wheezing',
  'coughing up blood=hemoptysis',
  'walking pneumonia=mycoplasma pneumoniae pneumonia',
  'chest cold=bronchitis',
  // Gastroenterology and hepatology. Index "Gastroenteritis"; "Disease, liver, alcoholic
  // K70.9"; "Esophagitis, eosinophilic K20.0"; "Syndrome,
  // short bowel K91.2"; "Polyposis, familial (adenomatous) D12.6"; "Hernia, hiatal K44.9";
  // "Dyspepsia R10.13"; "Eructation R14.2"; "Adenoma - see also Neoplasm, benign, by site".
  'ge=gastroenteritis;gastroesophageal',
  'gej=gastroesophageal junction',
  'ald=alcoholic liver disease',
  'eoe=eosinophilic esophagitis',
  'sbs=short bowel syndrome',
  'fap=familial adenomatous polyposis',
  '+tubular adenoma,tubulovillous adenoma,villous adenoma,adenomatous polyp,sessile serrated adenoma,serrated adenoma=benign neoplasm',
  'colon polyps,colonic polyps,polyps colon=polyp colon',
  'cdi=clostridium difficile',
  // Renal and urology. Index "Glomerulonephritis"; "Acidosis, renal tubular N25.89";
  // "Incontinence, urge N39.41 / mixed N39.46"; "Hypofunction, testicular E29.1";
  // "Pyelonephritis"; "Dialysis (status) Z99.2".
  'gn=glomerulonephritis',
  'rta=renal tubular acidosis',
  'fsgs=focal segmental glomerular',
  'uui,urge incontinence=urge incontinence',
  'mui,mixed incontinence=mixed incontinence',
  'hd=dialysis;hemodialysis',
  'kidney infection=pyelonephritis',
  // "AKI on CKD": the acute failure is coded first (N17.-), the CKD stage beside it.
  'aki on ckd,arf on ckd,acute on chronic kidney disease,acute on chronic renal failure=acute kidney failure',
  'low t,low testosterone=testicular hypofunction;hypogonadism',
  // Endocrine. Index "Prediabetes, prediabetic R73.03"; "Impaired, fasting glucose R73.01 /
  // glucose tolerance R73.02"; "Goiter, multinodular (nontoxic) E04.2"; "Abnormal, thyroid
  // function studies R94.6"; "Obesity, morbid E66.01"; "Hypercalcemia E83.52".
  'pre dm,predm,pre diabetic,prediabetic,borderline diabetes,borderline dm=prediabetes',
  'ifg=impaired fasting glucose',
  'igt=impaired glucose tolerance',
  'mng=multinodular goiter',
  'abnormal tsh,abn tsh,elevated tsh,high tsh,low tsh=abnormal results thyroid function studies',
  'morbidly obese,morbid obese=morbid obesity',
  'hyperca,hypercalc=hypercalcemia',
  'high blood sugar,high sugar,high sugars,elevated blood sugar,elevated glucose,high glucose,elevated sugars=hyperglycemia',
  '+def,defic,deficient,deficency,defficiency=deficiency',
  // Neurology. Index "Sclerosis, multiple, relapsing-remitting G35.A / primary progressive
  // G35.B- / secondary progressive G35.C-" (FY2026); "Syndrome, postconcussional F07.81";
  // "Hypertension, intracranial, benign G93.2"; "Myasthenia gravis G70.0-"; "Dementia, in,
  // Lewy bodies G31.83"; "Dementia, frontotemporal G31.09"; "Neuralgia, postherpetic B02.22";
  // "Syndrome, cubital tunnel - see Lesion, nerve, ulnar"; "Seizure, psychogenic F44.5".
  'rrms,relapsing remitting ms=relapsing remitting multiple sclerosis',
  'ppms,primary progressive ms=primary progressive multiple sclerosis',
  'spms,secondary progressive ms=secondary progressive multiple sclerosis',
  'pcs,post concussion syndrome,postconcussion syndrome,post concussive syndrome=postconcussional syndrome',
  'iih,pseudotumor cerebri=benign intracranial hypertension;idiopathic intracranial hypertension',
  '+mg=myasthenia gravis;magnesium',
  'lbd,dlb=lewy bodies',
  'ftd=frontotemporal dementia',
  'phn=postherpetic neuralgia',
  'hz,hzv=zoster',
  'cubital tunnel,cubital tunnel syndrome=lesion ulnar nerve',
  'pnes=conversion disorder seizures',
  'ad=alzheimer;atopic dermatitis',
  // Mental and behavioural health. Index "Attack, panic F41.0"; "Dysthymia F34.1"; "Ideation,
  // homicidal R45.850"; "Dependence, drug, nicotine, other tobacco product F17.29-" (vaping),
  // "chewing tobacco F17.22-", "cigarettes F17.21-"; "History, personal, nicotine dependence
  // Z87.891"; "Cocaine"; "Stimulant (methamphetamine) F15.-".
  // DSM-5 use disorders as ICD-10-CM codes them (the DSM-5-TR crosswalk): mild is abuse,
  // moderate or severe dependence; unqualified, either. Index "Use, alcohol/opioid/... - see
  // Abuse / Dependence".
  ...(
    [
      'alcohol',
      'opioid',
      'cannabis',
      'cocaine',
      'stimulant',
      'sedative',
      'hallucinogen',
      'inhalant',
    ] as const
  ).flatMap((s) => [
    `${s} use disorder,${s} use d o=${s} dependence;${s} abuse`,
    `mild ${s} use disorder,${s} use disorder mild=${s} abuse`,
    `moderate ${s} use disorder,severe ${s} use disorder,${s} use disorder moderate,${s} use disorder severe=${s} dependence`,
  ]),
  'tobacco use disorder,nicotine use disorder=nicotine dependence',
  'panic attack,panic attacks,anxiety attack,anxiety attacks=panic disorder',
  'pdd,persistent depressive disorder=dysthymic disorder;dysthymia',
  'homicidal ideation,hi si=homicidal ideations',
  'self harm,self injury,sib,self injurious behavior=self harm',
  '+vape,vapes,vaping,vaper,e cig,e cigs,ecig,e cigarette,e cigarettes,juul=nicotine dependence other tobacco product',
  '+chewing tobacco,smokeless tobacco,snuff,chew=nicotine dependence chewing tobacco',
  '+cigarette smoker,cigarettes,cigs,cigarette=nicotine dependence cigarettes',
  'former smoker,ex smoker,quit smoking,past smoker,hx smoking,history of smoking,h o smoking,hx of smoking,previous smoker,prior smoker=history nicotine dependence',
  '+coke,crack=cocaine',
  'meth,crystal meth=stimulant;methamphetamines',
  // Skin. Index "Dermatitis, contact, allergic L23.9"; "Cyst, epidermal L72.0"; "Abscess"
  // (what an incision and drainage treats is coded, the procedure is not).
  'eic,epidermal inclusion cyst,epidermoid cyst=epidermal cyst',
  'i d,i and d,incision and drainage=',
  // Eye. Index "Degeneration, macula, age-related, dry / nonexudative H35.31- ; wet / exudative
  // H35.32-"; "Glaucoma, angle-closure H40.2-"; "Retinopathy, diabetic"; "Detachment, retina";
  // "Detachment, vitreous H43.81-"; "Cataract, nuclear, age-related H25.1-"; "Pseudophakia
  // Z96.1"; "Conjunctivitis"; "Hemorrhage, conjunctiva H11.3-"; "Asthenopia H53.1-".
  'dry amd,dry armd,dry macular degeneration,nonexudative amd=nonexudative age related macular degeneration',
  'wet amd,wet armd,wet macular degeneration,exudative amd=exudative age related macular degeneration',
  'acg,angle closure=angle closure glaucoma',
  'dr=diabetic retinopathy',
  'pvd eye,posterior vitreous detachment=vitreous detachment;vitreous degeneration',
  'ns cataract,nsc,nuclear sclerosis=age related nuclear cataract',
  'iol=intraocular lens;pseudophakia',
  'conj=conjunctivitis;conjunctiva',
  'subconj hemorrhage,subconjunctival hemorrhage,subconjunctival bleed=conjunctival hemorrhage',
  '+eye strain,eyestrain=asthenopia',
  'astig=astigmatism',
  'presby=presbyopia',
  // Ear, nose and throat. Index "Status, myringotomy tube(s) Z96.22"; "Sinusitis, chronic
  // J32.9"; "Deviation, septum (nasal) J34.2"; "Abscess, peritonsillar J36".
  'pe tube,pe tubes,ear tube,ear tubes,tympanostomy tube,tympanostomy tubes,tubes in ears=myringotomy tube',
  'crs=chronic sinusitis',
  'dns,deviated septum=deviated nasal septum',
  '+pta=peritonsillar abscess',
  // Infectious disease. Index "Pneumonia, Pneumocystis (jirovecii) B59"; "Fever, spotted, Rocky
  // Mountain A77.0"; "Candidiasis, vulvovaginal B37.3-"; "Lice, head B85.0 / pubic B85.3".
  'pjp=pneumocystosis',
  'rmsf=rocky mountain spotted fever',
  'vvc=candidiasis vulva vagina',
  'head lice=pediculosis capitis',
  '+lice=pediculosis',
  '+pubic lice,crabs=phthiriasis',
  // Hematology and oncology. Index "Leukocytosis D72.829"; "Leukopenia D72.819";
  // "Thrombocytosis D75.83-"; "Polycythemia, vera D45"; "Disease, von Willebrand D68.0";
  // "Syndrome, antiphospholipid D68.61"; "Thalassemia"; "Lymphadenopathy R59.-".
  'elevated wbc,high wbc,wbc elevated=leukocytosis',
  'low wbc,wbc low=leukopenia',
  'high platelets,elevated platelets=thrombocytosis',
  'low hgb,low hemoglobin,low h h,low blood count=anemia',
  'pv=polycythemia vera',
  // Index "Deficiency, lipoprotein, high density E78.6"; "Abnormal, chest x-ray R91.8" ("Findings,
  // abnormal, lung field").
  'low hdl=lipoprotein deficiency',
  'abnormal cxr,abn cxr,abnormal chest xray,abnormal chest x ray,abnl cxr=abnormal finding lung field',
  'vwd,von willebrands,vwf deficiency=von willebrand disease',
  'fvl,factor v leiden=factor v leiden;activated protein c resistance',
  'aps=antiphospholipid syndrome',
  'thal=thalassemia',
  'ln,lns=lymph node',
  'swollen glands,swollen gland,swollen lymph nodes,swollen lymph node=enlarged lymph node;enlarged lymph gland',
  // Obstetrics and gynecology. Index "Hypertension, gestational O13.-"; "Pre-eclampsia";
  // "Labor, preterm O60.0-"; "Hemorrhage, postpartum O72.1"; "Carrier (suspected) of,
  // streptococcus, group B, in pregnancy O99.82-"; "Pregnancy, complicated by, previous cesarean
  // delivery O34.21-"; "Diabetes, gestational, diet controlled O24.410 / insulin controlled
  // O24.414"; "Abortion, missed O02.1 / threatened O20.0 / spontaneous O03"; "Oligohydramnios".
  'ghtn,gest htn,gestational htn=gestational hypertension',
  'pre e,pree,pre eclamptic=pre eclampsia',
  'ptl,preterm contractions=preterm labor',
  'pph=postpartum hemorrhage',
  'gbs positive,gbs pos,gbs carrier,gbs colonization,group b strep positive,group b strep carrier=streptococcus b carrier state',
  'vbac,tolac,prior c section,previous c section,hx c section,prior cesarean,previous cesarean=previous cesarean delivery',
  'a1gdm,gdma1,gdm a1,diet controlled gdm=gestational diabetes diet controlled',
  'a2gdm,gdma2,gdm a2=gestational diabetes insulin controlled;gestational diabetes controlled oral hypoglycemic drugs',
  'missed ab=missed abortion',
  'threatened ab=threatened abortion',
  '+spontaneous ab,miscarriage,miscarried,miscarrage=spontaneous abortion',
  'oligo=oligohydramnios',
  'tri,trimster=trimester',
  '+twins=twin pregnancy',
  'rh neg,rh negative=rh negative',
  'btl,tubes tied=tubal ligation status;sterilization',
  '+fibroid,fibroids,uterine fibroid,uterine fibroids=leiomyoma uterus',
  '+heavy period,heavy periods,heavy menses,heavy menstrual bleeding,menorrhagia=excessive menstruation',
  'irregular period,irregular periods,irregular menses,irregular cycles=irregular menstruation',
  'no period,no periods,missed period,missed periods,absent periods=amenorrhea',
  'menopausal sx,menopausal symptoms=menopausal climacteric states',
  'breast pain,breast tenderness=mastodynia',
  // Orthopedics and injury. Index "Dislocation, acromioclavicular joint S43.1-" ("Separation,
  // acromioclavicular - see Dislocation"); "Fracture, hip - see Fracture, femur, neck";
  // "Fracture, boxer's - see Fracture, metacarpal, neck"; "Strain, thigh, posterior muscle
  // (hamstring) S76.3-"; "Tear, meniscus"; "Stenosis, spinal, lumbar region M48.06-";
  // "Tendinitis"; "Epicondylitis, medial M77.0-"; "Patellofemoral disorder M22.2-".
  'ac joint,a c joint=acromioclavicular joint',
  'ac separation,ac joint separation,shoulder separation,separated shoulder=dislocation acromioclavicular joint',
  'cmc=carpometacarpal',
  'ip=interphalangeal',
  'tmt=tarsometatarsal',
  '+glenohumeral=shoulder',
  'ucl=ulnar collateral ligament',
  'mmt=tear medial meniscus',
  'lmt=tear lateral meniscus',
  'lss,lumbar stenosis,lumbar spinal stenosis=spinal stenosis lumbar region',
  'radic=radiculopathy',
  'listhesis=spondylolisthesis',
  'spondy=spondylosis;spondylolisthesis',
  'hip fx,hip fracture,fractured hip,broken hip=fracture femur neck;fracture hip',
  'boxers fx,boxer fx,boxers fracture,boxer fracture=fracture neck fifth metacarpal',
  '+hamstring,hamstrings=posterior muscle thigh',
  '+quad,quads,quadriceps=anterior muscle thigh',
  '+tib,tibial=tibia',
  'fib=fibula;fibrillation',
  '+lat=lateral',
  'prox=proximal',
  'golfers elbow=medial epicondylitis',
  'pfps,patellofemoral pain syndrome,runners knee=patellofemoral',
  // Index "Tendonitis - see Tendinitis".
  'tendonitis,tendonosis,tendinopathy=tendinitis',
  'pulled muscle,muscle pull,muscle strain=strain muscle',
  // Index "Strain, thigh, adductor S76.2-" (groin pull); a stubbed toe is its contusion (S90.1-),
  // a jammed finger its sprain (S63.6-); "Keloid L91.0" (hypertrophic scar).
  '+pulled=strain',
  'groin strain,groin pull,pulled groin,adductor strain=strain adductor muscle thigh',
  'stubbed toe,stubbed my toe,toe stub,jammed toe,toe jam=contusion toe',
  'jammed finger,finger jam,jammed fingers=sprain finger',
  'jammed thumb=sprain thumb',
  '+keloid,keloids,keloid scar=hypertrophic scar',
  'twisted ankle,rolled ankle,turned ankle=sprain ankle',
  'slipped disc,slipped disk,bulging disc,disc bulge,bulging disk,disk bulge=disc displacement',
  'disk=disc',
  // Index "Osteoarthritis, spine - see Spondylosis" (M47.81- by region); "Arthropathy, facet -
  // see Spondylosis"; "Fracture, torus (buckle) - see Fracture, by site, torus"; "Hammer toe
  // M20.4-"; "Flat foot M21.4-".
  ...(
    [
      ['c spine,cervical spine,cervical,neck', 'cervical region'],
      ['t spine,thoracic spine,thoracic', 'thoracic region'],
      ['l spine,lumbar spine,lumbar,low back', 'lumbar region'],
      ['ls spine,lumbosacral spine,lumbosacral', 'lumbosacral region'],
    ] as const
  ).map(
    ([sites, region]) =>
      `${sites
        .split(',')
        .flatMap((s) => [
          `djd ${s}`,
          `${s} djd`,
          `oa ${s}`,
          `${s} oa`,
          `${s} osteoarthritis`,
          `osteoarthritis ${s}`,
          `${s} arthritis`,
          `arthritis ${s}`,
          `${s} facet arthropathy`,
          `facet arthropathy ${s}`,
        ])
        .join(',')}=spondylosis ${region}`,
  ),
  'facet arthropathy,facet arthritis,facet oa,facet djd,facet joint arthritis,spinal oa,spine oa,djd spine,oa spine,spinal arthritis=spondylosis',
  'buckle fx,buckle fracture,torus fx=torus fracture',
  'hammertoe,hammertoes=hammer toe',
  'flat feet,flatfoot,flatfeet,fallen arches,flat foot=flat foot',
  // Adjectives coders type for the bone or organ a title names by its noun (synonyms.ts has the
  // organs of the trunk): "radial head" is the head of the radius (S52.12-).
  '+radial=radius',
  '+ulnar=ulna',
  '+femoral=femur',
  '+humeral=humerus',
  '+fibular=fibula',
  '+clavicular=clavicle',
  '+scapular=scapula',
  '+patellar=patella',
  '+sternal=sternum',
  '+calcaneal=calcaneus',
  '+vertebral=vertebra',
  '+mandibular=mandible',
  '+maxillary=maxilla',
  '+orbital=orbit',
  '+duodenal=duodenum',
  '+anal=anus',
  '+penile=penis',
  '+scrotal=scrotum',
  '+endometrial=endometrium',
  '+corneal=cornea',
  '+conjunctival=conjunctiva',
  '+tracheal=trachea',
  '+pleural=pleura',
  '+pericardial=pericardium',
  '+aortic=aorta',
  '+umbilical=umbilicus',
  '+gluteal=buttock',
  '+gingival=gingiva',
  '+lingual=tongue',
  // Skin and soft tissue, injuries. Index "Paronychia L03.0-" / "Felon - see Cellulitis,
  // digit"; "Splinter - see Foreign body, superficial, by site"; "Keratosis, seborrheic, inflamed
  // L82.0" (irritated); "Ulcer, stasis (venous) - see Varix, leg, with ulcer"; "Stab - see also
  // Laceration / Puncture" (and "Assault, cutting or piercing instrument X99"); external cause
  // index "Caught, between moving objects W23.0"; "Collision" (a vehicle "vs" another).
  '+paronychia,felon,whitlow=cellulitis finger;cellulitis toe',
  'splinter,splinters,sliver=superficial foreign body',
  '+irritated=inflamed',
  '+venous stasis ulcer,stasis ulcer,venous ulcer,venous leg ulcer=varicose veins ulcer',
  '+caught in,caught between,jammed in,slammed in,pinched in,shut in=caught crushed jammed pinched',
  'vs,versus=collision',
  // A flare is an exacerbation where a title says so (J44.1, J45.-1); elsewhere it adds nothing.
  'flare,flares,flare up,flareup,flare ups,flaring=exacerbation',
  // External causes (Index of External Causes): "Striking against, object W22.8"; "Bite, dog
  // W54.0"; "Contact, with, hot, drinks X10.0 / fats and cooking oils X10.2"; "Contact, with,
  // paper (edge) W26.2"; "Contact, with, chain saw W29.3 / woodworking machines W31.2";
  // "Maltreatment, child T74.92 / adult T74.91" (Index "Abuse - see Maltreatment"); "Self-harm,
  // intentional"; "Poisoning, drug NOS T50.90-" (Table of Drugs); "Rodenticide T60.4-".
  'hit head on,hit head,hit his head,hit her head,hit my head,struck head on,bumped head,bumped head on,banged head,banged head on=striking against other objects;injury head',
  'dog attack,attacked by dog,dog mauling,mauled by dog=bitten by dog;open bite',
  'hot coffee,hot tea,hot drink,hot drinks,hot beverage,coffee spill=contact hot drinks',
  'hot grease,grease burn,hot oil,cooking oil burn=contact fats cooking oils',
  'paper cut=contact edge stiff paper;laceration',
  'chainsaw,chain saw=powered garden outdoor hand tools machinery',
  'table saw,circular saw,band saw=powered woodworking forming machines',
  '+crash=collision;accident',
  'fell off,fall off=fall',
  'child abuse,child maltreatment=child maltreatment',
  'elder abuse,adult abuse=adult maltreatment',
  'self inflicted=intentional self harm',
  'intentional overdose,suicidal overdose,suicide attempt by overdose,overdose suicide attempt,od suicide attempt=poisoning unspecified drugs medicaments biological substances intentional self harm',
  'drug overdose,medication overdose,overdose of medication,pill overdose=poisoning unspecified drugs medicaments biological substances accidental',
  'rat poison,mouse poison=rodenticides',
  'monkey bars,jungle gym=jungle gym',
  'ate,eaten=',
  // Pregnancy. Index "Hypertension, complicating pregnancy, pre-existing, essential O10.01-"
  // (chronic hypertension); "Smoking complicating pregnancy O99.33-"; "Diabetes, gestational,
  // insulin controlled O24.414 / controlled by oral hypoglycemic drugs O24.415"; "Vomiting,
  // pregnancy O21.9"; "At risk for falling Z91.81".
  'chronic htn,chronic hypertension=hypertension;pre existing essential hypertension',
  'gdm on insulin,gdm insulin,gdm insulin controlled,gestational diabetes on insulin=gestational diabetes insulin controlled',
  'gdm on metformin,gdm on glyburide,gdm on oral meds,gestational diabetes on metformin=gestational diabetes controlled oral hypoglycemic drugs',
  'n v of pregnancy,n v in pregnancy,n v pregnancy,nausea and vomiting of pregnancy,nausea and vomiting in pregnancy,nvp=vomiting of pregnancy',
  'fall risk,falls risk,risk for falls,risk of falls,at risk for falls,at risk for falling,high fall risk=at risk falling;history falling',
  // Index "Status, anticoagulant (long term) Z79.01"; "Arteritis, giant cell M31.6"; "Allergy,
  // seafood Z91.013"; "Conjunctivitis, allergic - see Conjunctivitis, acute, atopic H10.1-";
  // "Deficiency, iron E61.1"; "Hypersomnia"; "Somnolence R40.0"; "Picky eater R63.39";
  // "Fibromyalgia M79.7". (A bare "lupus" stays the Index's lupus vulgaris A18.4: an SLE reading
  // beside it put "discoid lupus" on D68.62.)
  'anticoagulated,chronically anticoagulated,on anticoagulation,on anticoagulants=long term current use anticoagulants',
  'gca=giant cell arteritis',
  '+shellfish=seafood',
  'allergic conjunctivitis=acute atopic conjunctivitis;allergic conjunctivitis',
  'low iron,iron low,low ferritin=iron deficiency',
  'daytime sleepiness,excessive daytime sleepiness,sleepiness,sleepy,drowsiness,drowsy=hypersomnia;somnolence',
  'picky eater,picky eating,selective eater,selective eating=feeding difficulties',
  'fibro=fibromyalgia',
  'childhood obesity,obesity child,pediatric obesity,obese child,child obesity=obesity',
  'elevated bmi,high bmi=overweight;obesity',
  // Tabular Z68 "Body mass index [BMI] 19.9 or less / 40.0-44.9 / ... / 70 or greater, adult":
  // a BMI typed as a number below 20 or from 40 reads as its range (20-39 are in the titles).
  ...Array.from({ length: 70 }, (_, i) => (i < 10 ? i + 10 : i + 30)).map((n) => {
    const range =
      n < 20
        ? '19 9 less'
        : n < 45
          ? '40 0 44 9'
          : n < 50
            ? '45 0 49 9'
            : n < 60
              ? '50 0 59 9'
              : n < 70
                ? '60 0 69 9'
                : '70 greater';
    return `bmi ${n},bmi of ${n},bmi is ${n}=body mass index ${range} adult`;
  }),
  // Status (Guidelines I.C.21.c.3; Index "Status (post)"): "Status, cataract extraction Z98.4-"
  // / "Pseudophakia Z96.1"; "Status, arthrodesis Z98.1" (spinal fusion, ACDF, TLIF); "Absence,
  // uterus with cervix Z90.710, ovaries bilateral Z90.722" (TAH/BSO); "Absence, kidney Z90.5"
  // (a kidney donor); "Status, bariatric surgery Z98.84"; "Dependence, renal dialysis Z99.2";
  // "Status, gastrostomy Z93.1 / colostomy Z93.3 / ileostomy Z93.2 / cystostomy Z93.5- /
  // nephrostomy, ureterostomy Z93.6"; "Presence, external hearing-aid Z97.4 / spectacles Z97.3";
  // "Dependence, wheelchair Z99.3"; "Susceptibility, genetic, breast Z15.01" (BRCA); a relative
  // "with" a condition is its family history (Z80-Z84).
  'cataract surgery,cataract extraction,cataract removal,cataract sx=cataract extraction status;presence intraocular lens',
  'spinal fusion,spine fusion,lumbar fusion,cervical fusion,acdf,alif,tlif,plif=arthrodesis status',
  'tah bso,tah and bso,tahbso=acquired absence both cervix uterus',
  'tah,total abdominal hysterectomy=acquired absence both cervix uterus',
  'bso,bilateral oophorectomy,bilateral salpingo oophorectomy=acquired absence ovaries bilateral',
  'kidney donation,kidney donor,donated kidney,donated a kidney=acquired absence kidney',
  '+lap band,lapband,gastric band,sleeve gastrectomy,gastric sleeve,roux en y,rny,rygb=bariatric surgery status',
  '+hemodialysis=dependence renal dialysis',
  '+colostomy=colostomy status',
  '+ileostomy=ileostomy status',
  'urostomy,nephrostomy,nephrostomy tube,ureterostomy=artificial openings urinary tract status',
  'suprapubic catheter,sp catheter,suprapubic tube=cystostomy status',
  'hearing aid,hearing aids=presence external hearing aid',
  'glasses,eyeglasses,contact lenses,wears glasses=presence spectacles contact lenses',
  '+wheelchair=dependence wheelchair',
  'brca,brca1,brca2,brca positive,brca carrier,brca mutation,brca1 positive,brca2 positive,brca1 carrier,brca2 carrier=genetic susceptibility malignant neoplasm breast',
  'mother with,father with,sister with,brother with,mom with,dad with,mother had,father had,mom had,dad had,parent with,sibling with=family history',
  // Pediatrics and newborn. Index "Examination, newborn Z00.11-"; "Tongue tie Q38.1".
  'newborn check,newborn exam,newborn visit,newborn weight check,nb check,newborn wt check=health examination newborn',
  'tongue tie=ankyloglossia',
  // Round 10: a relative's history typed with the relative first ("pt's mother h/o breast ca",
  // "dad hx mi"): Index "History, family (of)".
  `${[
    'mother',
    'mom',
    'father',
    'dad',
    'sister',
    'brother',
    'parent',
    'sibling',
    'grandmother',
    'grandfather',
    'aunt',
    'uncle',
    'maternal',
    'paternal',
  ]
    .flatMap((r) =>
      ['h o', 'hx', 'hx of', 'history of', 'has', 'had', 'w', 'dx with', 'diagnosed with'].map(
        (h) => `${r} ${h}`,
      ),
    )
    .join(',')}=family history`,
  // Round 10: words that say who the patient is or is not, never part of a code ("h/o c-section,
  // not pregnant", "fever in child", "uti w delirium elderly"): dropped, so the condition's own
  // code is not outranked by a pregnancy or newborn title.
  'not pregnant,non pregnant,nonpregnant,currently not pregnant,not currently pregnant,in child,in a child,in children,in kid,in toddler,in elderly,in elderly patient,in an elderly patient,elderly patient,elderly pt,in adult,in an adult,in adults=',
  // Round 10, shorthand by specialty. Each row cites the Index term the typed form stands for.
  // Neuro/ED: "Injury, head S09.90" (closed head injury, CHI).
  'chi,closed head injury,closed head injuries,closed head trauma,blunt head trauma,blunt head injury=injury head',
  // Endocrine: "Addison's disease (bronze) or syndrome E27.1"; "Diabetes, due to drug or
  // chemical E09.-" (steroid-induced); "Asymptomatic HIV" Z21 (Guidelines I.C.1.a.2.d: "HIV
  // positive", "known HIV", "HIV test positive" without an HIV-related illness is Z21).
  'addisons,addisons disease,addison disease,addisons syndrome,addison syndrome=primary adrenocortical insufficiency',
  'steroid induced dm,steroid induced diabetes,steroid induced diabetes mellitus,drug induced dm,drug induced diabetes,medication induced diabetes,steroid diabetes=drug chemical induced diabetes mellitus',
  'hiv positive,hiv pos,hiv positive asymptomatic,asymptomatic hiv,hiv asymptomatic,known hiv,hiv test positive,hiv seropositive,hiv carrier=asymptomatic human immunodeficiency virus infection status',
  // Rheumatology: "Pseudogout - see Chondrocalcinosis M11.2-"; "Arthralgia - see Pain, joint
  // M25.5-"; a gout "flare" or "attack" is the gout itself (M10.-, Index "Gout, acute").
  'pseudogout,pseudo gout,cppd,cppd disease,cpdd,calcium pyrophosphate deposition,calcium pyrophosphate deposition disease=other chondrocalcinosis',
  'arthralgia,arthralgias,polyarthralgia,polyarthralgias=pain joint;pain',
  'gout flare,gout attack,gouty flare,gout exacerbation,acute gout flare,flare of gout,gouty attack=gout',
  // Heme/onc: "Anemia, in (due to) chronic disease classified elsewhere D63.8"; "Neutropenia,
  // due to cytoreductive cancer chemotherapy D70.1"; "Anemia, due to antineoplastic chemotherapy
  // D64.81"; "Pancytopenia, due to antineoplastic chemotherapy D61.810"; "Status, estrogen
  // receptor positive Z17.0 / negative Z17.1".
  'anemia of chronic disease,anemia chronic disease,anemia of chronic illness,anemia of chronic inflammation,anemia of inflammation=anemia other chronic diseases classified elsewhere',
  'neutropenic fever after chemo,neutropenic fever due to chemo,chemo induced neutropenia,chemotherapy induced neutropenia,neutropenia due to chemo,neutropenia after chemo,neutropenia secondary to chemo,post chemo neutropenia,neutropenia from chemo=agranulocytosis secondary cancer chemotherapy',
  'chemo induced anemia,chemotherapy induced anemia,anemia due to chemo,anemia after chemo,anemia from chemo,anemia secondary to chemo=anemia antineoplastic chemotherapy',
  'chemo induced pancytopenia,chemotherapy induced pancytopenia,pancytopenia due to chemo,pancytopenia after chemo=antineoplastic chemotherapy induced pancytopenia',
  'er positive,er pos,er pr positive,er pr pos,er pr,estrogen receptor positive,hormone receptor positive,hr positive=estrogen receptor positive status',
  'er negative,er neg,estrogen receptor negative,triple negative,tnbc=estrogen receptor negative status',
  // Cancer by cell type typed with its organ ("lung adenocarcinoma", "adenocarcinoma of the
  // colon", "squamous cell carcinoma of lung"): Neoplasm Table, by site, Malignant Primary.
  `${[
    'adenocarcinoma',
    'adenoca',
    'carcinoma',
    'squamous cell carcinoma',
    'small cell carcinoma',
    'non small cell carcinoma',
    'large cell carcinoma',
    'scc',
  ]
    .flatMap((t) => [
      `lung ${t}`,
      `${t} of lung`,
      `${t} of the lung`,
      `${t} lung`,
      `pulmonary ${t}`,
    ])
    .join(
      ',',
    )},nsclc,sclc,non small cell lung cancer,small cell lung cancer=malignant neoplasm unspecified part bronchus lung`,
  `${['adenocarcinoma', 'adenoca', 'carcinoma']
    .flatMap((t) => [
      `colon ${t}`,
      `${t} of colon`,
      `${t} of the colon`,
      `colonic ${t}`,
      `${t} colon`,
    ])
    .join(',')}=malignant neoplasm colon unspecified`,
  `${['adenocarcinoma', 'adenoca', 'carcinoma']
    .flatMap((t) => [
      `pancreatic ${t}`,
      `${t} of pancreas`,
      `${t} of the pancreas`,
      `pancreas ${t}`,
    ])
    .join(',')}=malignant neoplasm pancreas unspecified`,
  `${['adenocarcinoma', 'adenoca', 'carcinoma']
    .flatMap((t) => [`prostate ${t}`, `prostatic ${t}`, `${t} of prostate`, `${t} of the prostate`])
    .join(',')}=malignant neoplasm prostate`,
  `${[
    'adenocarcinoma',
    'adenoca',
    'carcinoma',
    'ductal carcinoma',
    'lobular carcinoma',
    'idc',
    'ilc',
  ]
    .flatMap((t) => [`breast ${t}`, `${t} of breast`, `${t} of the breast`, `${t} breast`])
    .join(',')}=malignant neoplasm unspecified site breast`,
  // Cardiology: "Arteriosclerosis, coronary (artery), native vessel I25.10" (titles say "native
  // coronary artery").
  'native vessel,native vessels,native coronary,native coronary vessel,native vessel cad=native coronary artery',
  // Vascular: "Raynaud's disease, phenomenon or syndrome I73.00" (typed with either word).
  'raynauds phenomenon,raynaud phenomenon,raynauds disease,raynaud disease,raynauds syndrome,raynaud syndrome,raynauds,raynaud=raynauds syndrome',
  // Ortho: "Scheuermann's disease or osteochondrosis M42.0-" (typed as a kyphosis).
  'scheuermanns,scheuermann,scheuermanns kyphosis,scheuermann kyphosis,scheuermanns disease,scheuermann disease=juvenile osteochondrosis spine',
  // Peds/speech: "Delay, development, speech F80.9"; "Delay, language F80.9".
  'speech delay,speech delayed,delayed speech,speech and language delay,language delay,expressive language delay,speech language delay=developmental disorder speech language unspecified',
  // OB: "Mastitis, puerperal, postpartum O91.2-" (nonpurulent); "Pregnancy, normal, supervision
  // of Z34.9-" (IUP, intrauterine pregnancy, typed at a routine visit).
  'mastitis postpartum,postpartum mastitis,puerperal mastitis,lactational mastitis,lactation mastitis,mastitis breastfeeding,mastitis while breastfeeding,mastitis in breastfeeding=nonpurulent mastitis associated puerperium',
  'nl preg,nl pregnancy,normal preg,normal pregnancy,nl iup,normal iup,iup,routine pregnancy,low risk pregnancy,low risk preg=supervision normal pregnancy',
  // Smoking amount ("1 ppd", "2 packs per day", "30 pack year"): cigarettes, Index "Dependence,
  // nicotine, cigarettes F17.210" (a smoker typed with an amount is dependent).
  `${['1 2', 'half', '0 5', '1', '1 5', '2', '3', '4']
    .flatMap((n) => [
      `${n} ppd`,
      `${n} pack per day`,
      `${n} packs per day`,
      `${n} pack a day`,
      `${n} packs a day`,
      `${n} pk day`,
    ])
    .join(
      ',',
    )},ppd smoker,packs per day,pack per day,pack a day,packs a day,pack year,pack years,pack yr,pack yrs,pk yr,pk yrs=nicotine dependence cigarettes`,
  'tb screening ppd,tb screen ppd,ppd tb screening,ppd screening tb,tb test ppd,ppd for tb=screening respiratory tuberculosis;testing latent tuberculosis infection',
  // Skin/ID: "Paronychia - see also Cellulitis, digit" (finger L03.01-, toe L03.03-).
  'paronychia,paronychias=cellulitis finger;cellulitis toe',
  // Sides typed with a one-sided deficit: "Hemiplegia, unspecified affecting left nondominant
  // side G81.94"; Guidelines I.C.6.a: when dominance is not documented, the right side is
  // dominant and the left non-dominant.
  `${['left', 'lt', 'l', 'left sided', 'lt sided', 'l sided']
    .flatMap((side) =>
      ['hemiplegia', 'hemiparesis', 'hemiplegic', 'hemi'].flatMap((h) => [
        `${side} ${h}`,
        `${h} ${side}`,
        `${h} ${side} side`,
      ]),
    )
    .join(',')}=hemiplegia left nondominant;hemiplegia left non dominant`,
  `${['right', 'rt', 'r', 'right sided', 'rt sided', 'r sided']
    .flatMap((side) =>
      ['hemiplegia', 'hemiparesis', 'hemiplegic', 'hemi'].flatMap((h) => [
        `${side} ${h}`,
        `${h} ${side}`,
        `${h} ${side} side`,
      ]),
    )
    .join(',')}=hemiplegia right dominant`,
  // A finger's pain by its name ("lt thumb pain", "rt index finger pain"): "Pain, limb, upper,
  // finger M79.64-" (the thumb is a finger there); toes: "Pain, limb, lower, toe M79.67-".
  `${[
    'thumb',
    'index finger',
    'middle finger',
    'ring finger',
    'little finger',
    'pinky',
    'pinky finger',
    'small finger',
    'pinkie',
    'long finger',
    'fifth finger',
    '5th finger',
  ]
    .flatMap((f) => [`${f} pain`, `pain in ${f}`, `pain ${f}`, `${f} ache`, `sore ${f}`])
    .join(',')}=pain finger`,
  // Ortho and allergy shorthand: "Tear, rotator cuff (nontraumatic) M75.10-";
  // AR "Rhinitis, allergic J30.9" (or aortic regurgitation, "Insufficiency, aortic").
  'rc tear,rc tears,rc rupture,rc partial tear,rc full thickness tear=rotator cuff tear rupture',
  'ar=allergic rhinitis;aortic insufficiency',
  // Round 10, sides typed every way: "right and left", "r and l" are both sides; "bl" is b/l.
  'bl,right and left,left and right,rt and lt,lt and rt,r and l,l and r,r l,both sides,on both sides,bilat ly=bilateral',
  // Ears as charted: AD right ear (auris dextra), AS left ear, AU both ears, typed after an ear
  // condition ("cerumen impaction ad", "aom au"): the condition's title words and the side the
  // Tabular writes ("right ear", "left ear", "bilateral"). Alone, "ad" and "as" stay words.
  ...EAR_CONDITIONS.flatMap(([names, target]) =>
    EAR_SIDES.map(
      ([abbr, side]) =>
        `${names
          .split(',')
          .map((n) => `${n} ${abbr}`)
          .join(',')}=${target} ${side}`,
    ),
  ),
  // Round 11 (shorthand and punctuation, from the Index): "Enuresis, nocturnal N39.44";
  // "Roseola B08.20" (exanthema subitum); "Rhinitis, allergic, seasonal NEC J30.2"; "Abuse, drug,
  // psychoactive NEC F19.10"; "Menopause, symptomatic N95.1"; "Discharge, vaginal N89.8";
  // "Findings, abnormal, chemistry,
  // blood R79.89"; "Congestion, nasal R09.81"; "Hypercapnia R06.89"; "Syndrome, Munchausen's
  // F68.1-"; "Psychosis, Korsakoff's (alcoholic) F10.96"; "Sprain, elbow, ulnar collateral S53.44-".
  'bed wetting,bedwetting,wets the bed,wetting the bed,wets bed,night time wetting,nighttime wetting,nocturnal wetting=nocturnal enuresis',
  'roseola,roseola infantum,sixth disease,6th disease=exanthema subitum',
  'seasonal allergies,seasonal allergy,seasonal allergic rhinitis,seasonal rhinitis,spring allergies,fall allergies=other seasonal allergic rhinitis',
  'polysubstance abuse,polysubstance,poly substance abuse,polysub abuse,polydrug abuse,multiple drug abuse=other psychoactive substance abuse',
  'polysubstance dependence,poly substance dependence,polydrug dependence=other psychoactive substance dependence',
  'menopause sx,menopausal sx,menopause symptoms,menopausal symptoms,menopausal syndrome,perimenopausal symptoms,perimenopause symptoms,perimenopausal sx,climacteric symptoms,symptomatic menopause=menopausal female climacteric states',
  'vaginal d c,vag d c,vag discharge,vaginal discharge,vaginal dc=other specified noninflammatory disorders vagina',
  'elevated creatinine,high creatinine,creatinine elevated,increased creatinine,raised creatinine,elevated cr,high cr,elevated bun,elevated bun and creatinine,abnormal creatinine=other specified abnormal findings blood chemistry',
  'sinus congestion,congested sinuses,sinus pressure,sinus stuffiness,stuffy nose,nasal stuffiness,congested nose=nasal congestion',
  'co2 retention,co2 retainer,retaining co2,carbon dioxide retention,hypercarbia,hypercarbic=hypercapnia',
  'b p=blood pressure',
  'hba1c elevated,a1c elevated,hgba1c elevated,hemoglobin a1c elevated,a1c high,hba1c high,hgba1c high,high hba1c,high hgba1c,elevated hgba1c,elevated hemoglobin a1c,raised a1c=other abnormal glucose',
  'infxn,infxns,infxn of=infection',
  'munchausen syndrome,munchausens syndrome,munchausen,munchausen disease=factitious disorder imposed on self',
  'munchausen by proxy,munchausen syndrome by proxy,munchausens by proxy=factitious disorder imposed on another',
  'korsakoff psychosis,korsakoffs psychosis,korsakoff syndrome,korsakoffs syndrome,korsakoff,korsakoffs,wernicke korsakoff=alcohol use unspecified alcohol induced persisting amnestic disorder',
  'tommy john injury,tommy john tear,tommy john,elbow ucl tear,ucl tear elbow,ucl sprain elbow,elbow ucl sprain,ucl injury elbow=ulnar collateral ligament sprain elbow',
  'merkel cell carcinoma,merkel cell cancer,merkel carcinoma,merkel cell tumor=merkel cell carcinoma',
];
