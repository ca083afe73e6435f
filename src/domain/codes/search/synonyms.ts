/**
 * Abbreviations and lay words coders and trainees type, mapped to the words the classification
 * uses. Curated by hand (ClaimLab's own table, not taken from any licensed vocabulary); each
 * expansion names the ICD-10-CM title words it leads to. Rules are data: add a row, not code.
 *
 * `keep: true` keeps the typed words as an alternative (a lay word that may also be in a title:
 * "stroke" appears in some titles); abbreviations are replaced.
 * Sources: common clinical abbreviations as used in documentation (e.g. The Joint Commission's
 * abbreviation guidance lists which are discouraged, not which exist); ICD-10-CM FY2026 titles and
 * Alphabetic Index main terms for the target words.
 */
export interface SynonymRule {
  /** What is typed: one or more words, lower case. */
  from: string[];
  /** Phrases it stands for; a title matching any of them matches. */
  to: string[];
  keep?: boolean;
  /** A drug or drug class: "chronic" or "on" beside it asks for long-term use (Z79). */
  drug?: boolean;
  /**
   * A sting or bite of a venomous animal: a toxic effect (T63) by the animal, whatever the site,
   * so the other words of the query are not required of a code. See: Guidelines I.C.19.e
   * (toxic effects), the Index "Sting - see Table of Drugs and Chemicals, by animal".
   */
  venom?: boolean;
}

export const SYNONYM_SOURCE =
  'ClaimLab curated synonym table v1 (targets: ICD-10-CM FY2026 titles and Alphabetic Index terms)';

export const SYNONYMS: SynonymRule[] = [
  // Sides, quadrants and limbs as abbreviated in notes (issue 10): ICD-10-CM titles spell them out
  // ("Right lower quadrant pain", "Cellulitis of left lower limb", "... of right lower extremity").
  { from: ['rt', 'rgt', 'r'], to: ['right'] },
  { from: ['lt', 'lft', 'l'], to: ['left'] },
  { from: ['bilat', 'b l', 'both'], to: ['bilateral'] },
  { from: ['rlq'], to: ['right lower quadrant'] },
  { from: ['ruq'], to: ['right upper quadrant'] },
  { from: ['llq'], to: ['left lower quadrant'] },
  { from: ['luq'], to: ['left upper quadrant'] },
  // "rle", "lle", "ble", "rue", "lue" are read as a side and "le"/"ue" (expand.ts SIDED_LIMB).
  { from: ['le', 'lower ext', 'lower extremity'], to: ['lower limb', 'lower extremity', 'leg'] },
  { from: ['ue', 'upper ext', 'upper extremity'], to: ['upper limb', 'upper extremity', 'arm'] },
  // Status and history (Guidelines I.C.21.c.3 status Z codes, c.4 history): "s/p" is written
  // "status", "presence of" or "acquired absence" in titles; the Index has "Status (post)".
  {
    from: ['s p', 'sp', 'status post'],
    to: ['status', 'presence', 'acquired absence', 'history'],
  },
  { from: ['hx', 'h o', 'hx of', 'h o of', 'personal history'], to: ['history'] },
  // "post-op" before a condition is a postprocedural one ("post-op fever" R50.82), not a status.
  { from: ['post op', 'postop', 'post operative'], to: ['postprocedural', 'postoperative'] },
  { from: ['fhx', 'fh', 'fam hx', 'family hx', 'fam history'], to: ['family history'] },
  { from: ['cabg'], to: ['aortocoronary bypass', 'coronary artery bypass'] },
  {
    from: ['knee replacement', 'tka', 'tkr'],
    to: ['artificial knee joint'],
  },
  { from: ['hip replacement', 'tha', 'thr'], to: ['artificial hip joint'] },
  { from: ['joint replacement'], to: ['artificial joint', 'joint prosthesis'] },
  { from: ['mastectomy'], to: ['mastectomy', 'absence of breast'] },
  { from: ['cholecystectomy'], to: ['cholecystectomy', 'absence of gallbladder'] },
  { from: ['colectomy'], to: ['colectomy', 'absence of intestine'] },
  { from: ['hysterectomy'], to: ['hysterectomy', 'absence of uterus'] },
  { from: ['opioid', 'opioids'], to: ['opioid', 'opiate'], drug: true },
  // Drug names and classes -> the drug class of the Z79 titles (long-term drug therapy,
  // Guidelines I.C.21.c.3 "Z79 Long-term (current) drug therapy"). `drug: true` marks a drug, so
  // "chronic" beside it reads as "long term" (expand.ts). Class membership: the FDA established
  // pharmacologic class of each drug (DailyMed labels); targets: FY2026 Z79 titles.
  {
    from: [
      'warfarin',
      'coumadin',
      'eliquis',
      'apixaban',
      'xarelto',
      'rivaroxaban',
      'dabigatran',
      'pradaxa',
      'enoxaparin',
      'lovenox',
      'heparin',
      'anticoagulation',
      'anticoagulant',
      'blood thinner',
      'blood thinners',
    ],
    to: ['anticoagulants'],
    keep: true,
    drug: true,
  },
  {
    from: ['plavix', 'clopidogrel', 'brilinta', 'ticagrelor', 'prasugrel', 'antiplatelet'],
    to: ['antiplatelets'],
    keep: true,
    drug: true,
  },
  {
    from: [
      'prednisone',
      'prednisolone',
      'methylprednisolone',
      'medrol',
      'dexamethasone',
      'hydrocortisone',
    ],
    to: ['systemic steroids'],
    keep: true,
    drug: true,
  },
  {
    from: ['fluticasone', 'budesonide', 'flovent', 'pulmicort', 'inhaled steroid'],
    to: ['inhaled steroids'],
    keep: true,
    drug: true,
  },
  {
    from: ['ibuprofen', 'naproxen', 'meloxicam', 'celecoxib', 'diclofenac', 'nsaids'],
    to: ['nsaid'],
    keep: true,
    drug: true,
  },
  {
    from: ['metformin', 'glipizide', 'glyburide', 'glimepiride', 'sitagliptin', 'pioglitazone'],
    to: ['oral hypoglycemic drugs'],
    keep: true,
    drug: true,
  },
  {
    from: ['ozempic', 'semaglutide', 'liraglutide', 'dulaglutide', 'trulicity', 'victoza'],
    to: ['injectable non insulin antidiabetic drugs'],
    keep: true,
    drug: true,
  },
  {
    from: ['oxycodone', 'hydrocodone', 'morphine', 'narcotic', 'narcotics'],
    to: ['opiate analgesic'],
    keep: true,
    drug: true,
  },
  { from: ['methotrexate'], to: ['antimetabolite agent'], keep: true, drug: true },
  {
    from: ['tamoxifen', 'raloxifene'],
    to: ['selective estrogen receptor modulators'],
    keep: true,
    drug: true,
  },
  {
    from: ['letrozole', 'anastrozole', 'exemestane'],
    to: ['aromatase inhibitors'],
    keep: true,
    drug: true,
  },
  { from: ['alendronate', 'fosamax'], to: ['bisphosphonates'], keep: true, drug: true },
  { from: ['insulin', 'lantus', 'humalog', 'novolog'], to: ['insulin'], drug: true },
  { from: ['aspirin', 'asa'], to: ['aspirin'], drug: true },
  { from: ['antibiotic', 'antibiotics'], to: ['antibiotics'], drug: true },
  { from: ['steroid', 'steroids'], to: ['steroid', 'steroids', 'corticosteroids'], drug: true },
  // Mechanism words (Guidelines I.C.19 and I.C.20): a bite by an animal or person is an "open
  // bite" (S-codes) and "bitten by" (W-codes); a superficial "insect bite" is another code.
  {
    from: ['dog bite', 'dog bit', 'bitten by dog', 'bitten by a dog'],
    to: ['bitten by dog', 'open bite'],
  },
  {
    from: ['cat bite', 'cat bit', 'bitten by cat', 'bitten by a cat'],
    to: ['bitten by cat', 'open bite'],
  },
  { from: ['human bite'], to: ['bitten by another person', 'open bite'] },
  { from: ['animal bite'], to: ['open bite', 'bitten'] },
  {
    from: ['snake bite', 'snakebite', 'bitten by snake', 'bitten by a snake'],
    to: ['snake venom'],
    venom: true,
  },
  {
    from: ['spider bite', 'bitten by spider', 'bitten by a spider', 'spider bit'],
    to: ['spider venom'],
    venom: true,
  },
  { from: ['insect bite', 'bug bite'], to: ['insect bite', 'nonvenomous insect'] },
  { from: ['crush', 'crushed', 'crush injury'], to: ['crushing injury', 'crushing'] },
  { from: ['puncture'], to: ['puncture wound'] },
  // Ticks, mites, chiggers and fleas are nonvenomous arthropods: W57 "Bitten or stung by
  // nonvenomous insect and other nonvenomous arthropods"; by site, an "insect bite (nonvenomous)".
  {
    from: ['tick bite', 'mite bite', 'chigger bite', 'flea bite', 'bitten by tick'],
    to: ['bitten nonvenomous arthropods', 'insect bite'],
  },
  { from: ['scrape'], to: ['abrasion'] },
  { from: ['bruise', 'bruised'], to: ['contusion'] },
  // Third round of issue 10 (ClaimLab's own rows, targets checked against FY2026 titles and the
  // Alphabetic Index). Eyes as charted: OD right eye, OS left eye, OU both eyes (sides only:
  // titles say "right eye", "bilateral" or "of bilateral lacrimal glands").
  { from: ['od'], to: ['right'] },
  { from: ['os'], to: ['left'] },
  { from: ['ou'], to: ['bilateral'] },
  { from: ['bil', 'bilaterally'], to: ['bilateral'] },
  {
    from: ['right sided', 'right side', 'rt sided', 'r sided', 'right-sided'],
    to: ['right'],
  },
  { from: ['left sided', 'left side', 'lt sided', 'l sided', 'left-sided'], to: ['left'] },
  // Breast quadrants (N63.1-/N63.2- lumps, C50.- neoplasms: "upper-outer quadrant").
  { from: ['uoq'], to: ['upper outer quadrant'] },
  { from: ['uiq'], to: ['upper inner quadrant'] },
  { from: ['loq'], to: ['lower outer quadrant'] },
  { from: ['liq'], to: ['lower inner quadrant'] },
  // Lung lobes: titles name the lobe and side (C34.11 "upper lobe, right bronchus or lung"); the
  // Index reaches a lobe's nodule or pneumonia through "lung" and "lobar".
  { from: ['rul'], to: ['right upper lobe', 'lung', 'lobar'] },
  { from: ['rml'], to: ['right middle lobe', 'lung', 'lobar'] },
  { from: ['rll'], to: ['right lower lobe', 'lung', 'lobar'] },
  { from: ['lul'], to: ['left upper lobe', 'lung', 'lobar'] },
  { from: ['lll'], to: ['left lower lobe', 'lung', 'lobar'] },
  // Arteries as abbreviated in imaging and stroke notes (I63.- name the artery, I65.2- "carotid").
  { from: ['mca'], to: ['middle cerebral artery'] },
  { from: ['aca'], to: ['anterior cerebral artery'] },
  { from: ['pca'], to: ['posterior cerebral artery'] },
  { from: ['ica'], to: ['internal carotid artery', 'carotid artery'] },
  // Adjectives coders type for the organ a title names by its noun ("ovarian" cancer ->
  // "malignant neoplasm of ovary"; "ureteral" stone -> "calculus of ureter").
  { from: ['ovarian'], to: ['ovary'], keep: true },
  { from: ['testicular'], to: ['testis'], keep: true },
  { from: ['uterine'], to: ['uterus'], keep: true },
  { from: ['prostatic'], to: ['prostate'], keep: true },
  { from: ['pancreatic'], to: ['pancreas'], keep: true },
  { from: ['hepatic'], to: ['liver'], keep: true },
  { from: ['gastric'], to: ['stomach'], keep: true },
  { from: ['colonic'], to: ['colon', 'large intestine'], keep: true },
  { from: ['rectal'], to: ['rectum'], keep: true },
  { from: ['esophageal'], to: ['esophagus'], keep: true },
  { from: ['laryngeal'], to: ['larynx'], keep: true },
  { from: ['pulmonary'], to: ['lung'], keep: true },
  { from: ['bronchial'], to: ['bronchus'], keep: true },
  { from: ['ureteral', 'ureteric'], to: ['ureter'], keep: true },
  { from: ['urethral'], to: ['urethra'], keep: true },
  { from: ['splenic'], to: ['spleen'], keep: true },
  { from: ['vaginal'], to: ['vagina'], keep: true },
  { from: ['vulvar'], to: ['vulva'], keep: true },
  { from: ['cutaneous'], to: ['skin'], keep: true },
  { from: ['ocular'], to: ['eye'], keep: true },
  { from: ['stone', 'stones'], to: ['calculus'], keep: true },
  {
    from: ['nephrolithiasis', 'renal calculus', 'renal calculi'],
    to: ['calculus of kidney'],
    keep: true,
  },
  { from: ['urolithiasis'], to: ['urinary calculus'], keep: true },
  { from: ['heel'], to: ['foot'], keep: true },
  { from: ['great toe', 'big toe'], to: ['toe'], keep: true },
  // Operations and devices a status is charted by (Guidelines I.C.21.c.3): an "-ectomy" is an
  // acquired absence (Z90.-, Z89.-), a device a presence (Z95.-, Z96.-, Z98.2).
  {
    from: ['appendectomy', 'appy'],
    to: ['acquired absence digestive tract'],
  },
  { from: ['tonsillectomy', 't a'], to: ['acquired absence other organs'] },
  { from: ['splenectomy'], to: ['acquired absence spleen'], keep: true },
  { from: ['nephrectomy'], to: ['acquired absence kidney'], keep: true },
  { from: ['thyroidectomy'], to: ['absence thyroid', 'postprocedural hypothyroidism'], keep: true },
  {
    from: ['prostatectomy', 'orchiectomy'],
    to: ['acquired absence genital organ'],
    keep: true,
  },
  { from: ['pancreatectomy'], to: ['acquired absence pancreas'], keep: true },
  { from: ['lobectomy', 'pneumonectomy'], to: ['acquired absence lung'], keep: true },
  { from: ['bka', 'below knee amputation'], to: ['absence leg below knee'] },
  { from: ['aka', 'above knee amputation'], to: ['absence leg above knee'] },
  { from: ['trach'], to: ['tracheostomy'] },
  { from: ['peg', 'peg tube', 'g tube'], to: ['gastrostomy status', 'gastrostomy'] },
  {
    from: ['cardiac stent', 'coronary stent', 'heart stent', 'cardiac stents', 'coronary stents'],
    to: ['coronary angioplasty implant'],
  },
  { from: ['ptca', 'pci'], to: ['coronary angioplasty'] },
  { from: ['aicd'], to: ['automatic implantable cardiac defibrillator'] },
  { from: ['vp shunt'], to: ['cerebrospinal fluid drainage device', 'cerebrospinal fluid shunt'] },
  { from: ['ivc filter'], to: ['other vascular implants'] },
  // Electrolytes and labs as shorthand.
  { from: ['hypok', 'hypo k', 'low k', 'low potassium'], to: ['hypokalemia'] },
  { from: ['hyperk', 'hyper k', 'high k', 'high potassium'], to: ['hyperkalemia'] },
  { from: ['hypona', 'hypo na', 'low sodium'], to: ['hyponatremia'] },
  { from: ['hyperna', 'hyper na', 'high sodium'], to: ['hypernatremia'] },
  { from: ['hypomag', 'hypo mg', 'low mag', 'low magnesium'], to: ['hypomagnesemia'] },
  { from: ['hypocal', 'low calcium'], to: ['hypocalcemia'] },
  { from: ['hypophos', 'low phosphorus'], to: ['hypophosphatemia'] },
  { from: ['low blood sugar'], to: ['hypoglycemia'] },
  { from: ['lft', 'lfts'], to: ['liver function', 'liver transaminase'] },
  { from: ['mci'], to: ['mild cognitive impairment'] },
  { from: ['f u', 'fu', 'follow up', 'followup'], to: ['follow up'] },
  { from: ['crohns colitis', 'crohn colitis'], to: ['crohns disease of large intestine'] },
  // Round 11: "Ileitis, regional K50.00" / Crohn's of the ileum or small bowel.
  {
    from: [
      'crohns ileitis',
      'crohn ileitis',
      'ileal crohns',
      'crohns of ileum',
      'crohns of the ileum',
      'crohns ileum',
      'crohns of small bowel',
      'crohns of the small bowel',
      'small bowel crohns',
      'crohns small bowel',
      'crohns of small intestine',
      'crohns terminal ileitis',
      'terminal ileal crohns',
    ],
    to: ['crohns disease of small intestine'],
  },
  {
    from: [
      'non small cell lung cancer',
      'small cell lung cancer',
      'non small cell',
      'nsclc',
      'sclc',
    ],
    to: ['malignant neoplasm lung'],
  },
  { from: ['ddd', 'degenerative disc disease'], to: ['disc degeneration'] },
  { from: ['hnp', 'herniated disc', 'disc herniation'], to: ['disc displacement'] },
  // Organisms as written in notes ("E. coli", "C. diff", "H. pylori", "strep", "staph").
  { from: ['e coli', 'ecoli'], to: ['escherichia coli'] },
  {
    from: ['c diff', 'cdiff', 'c difficile', 'c dif', 'cdif'],
    to: ['clostridium difficile'],
  },
  { from: ['h pylori', 'hpylori'], to: ['helicobacter pylori'] },
  { from: ['strep'], to: ['streptococcal', 'streptococcus'] },
  { from: ['staph'], to: ['staphylococcal', 'staphylococcus'] },
  { from: ['mssa'], to: ['methicillin susceptible staphylococcus aureus'] },
  { from: ['hsv'], to: ['herpes simplex'] },
  { from: ['hpv'], to: ['papillomavirus'] },
  { from: ['cmv'], to: ['cytomegaloviral', 'cytomegalovirus'] },
  { from: ['ebv'], to: ['epstein barr'] },
  {
    from: ['flu a', 'flu b', 'influenza a', 'influenza b'],
    to: ['influenza due to other identified influenza virus'],
  },
  // Connectives of notes: "panic d/o", "sepsis d/t e coli".
  { from: ['d o'], to: ['disorder'] },
  { from: ['d t', 'due to', 'secondary to', '2 2'], to: ['due'] },
  { from: ['ibs d'], to: ['irritable bowel syndrome with diarrhea'] },
  { from: ['ibs c'], to: ['irritable bowel syndrome with constipation'] },
  { from: ['ibs m'], to: ['mixed irritable bowel syndrome'] },
  // Drugs with no Z79 code of their own: "Other long term (current) drug therapy" (Z79.899).
  {
    from: [
      'statin',
      'statins',
      'atorvastatin',
      'simvastatin',
      'rosuvastatin',
      'levothyroxine',
      'synthroid',
      'lisinopril',
      'amlodipine',
      'metoprolol',
      'diuretic',
      'diuretics',
      'furosemide',
      'lasix',
      'digoxin',
      'amiodarone',
      'hydroxychloroquine',
      'plaquenil',
      'gabapentin',
      'lithium',
      'antidepressant',
      'antidepressants',
      'antipsychotic',
      'antipsychotics',
      'antiepileptic',
      'anticonvulsant',
      'ppi',
      'omeprazole',
      'pantoprazole',
    ],
    to: ['other drug therapy'],
    keep: true,
    drug: true,
  },
  // Eponyms typed without the possessive, or by another name.
  {
    from: ['lou gehrigs', 'lou gehrig', 'lou gehrigs disease'],
    to: ['amyotrophic lateral sclerosis'],
  },
  { from: ['stye', 'sty'], to: ['hordeolum'] },
  { from: ['om'], to: ['otitis media'] },
  // Connectives as written in notes: "dm2 w neuropathy", "gerd w/o esophagitis".
  { from: ['w'], to: ['with'] },
  { from: ['w o', 'wo'], to: ['without'] },
  // Alphabetic Index: "Diabetes, uncontrolled - meaning hyperglycemia - see Diabetes, by type,
  // with hyperglycemia"; "Diabetes, poorly controlled - code to Diabetes, by type, with
  // hyperglycemia" (FY2026 Index).
  {
    from: ['uncontrolled', 'poorly controlled', 'out of control', 'inadequately controlled'],
    to: ['hyperglycemia'],
    keep: true,
  },
  { from: ['ear pain', 'earache', 'ear ache'], to: ['otalgia', 'ear pain'] },
  { from: ['breast mass', 'breast lump'], to: ['lump breast', 'mass breast'] },
  // Cardiovascular
  {
    from: ['htn', 'hbp', 'high blood pressure', 'elevated blood pressure', 'hypertensive'],
    to: ['hypertension'],
  },
  { from: ['chf', 'congestive heart failure'], to: ['congestive heart failure', 'heart failure'] },
  { from: ['hfref'], to: ['systolic heart failure'] },
  { from: ['hfpef'], to: ['diastolic heart failure'] },
  { from: ['mi', 'ami', 'heart attack'], to: ['myocardial infarction', 'infarction myocardial'] },
  { from: ['stemi'], to: ['st elevation myocardial infarction'] },
  { from: ['nstemi'], to: ['non st elevation myocardial infarction'] },
  {
    from: ['cad', 'ashd', 'coronary artery disease'],
    to: ['atherosclerotic heart disease', 'coronary artery'],
  },
  { from: ['afib', 'a fib', 'af'], to: ['atrial fibrillation'] },
  { from: ['aflutter', 'a flutter'], to: ['atrial flutter'] },
  { from: ['svt'], to: ['supraventricular tachycardia'] },
  { from: ['vtach', 'v tach'], to: ['ventricular tachycardia'] },
  { from: ['dvt'], to: ['deep vein thrombosis', 'embolism thrombosis deep vein'] },
  { from: ['pe'], to: ['pulmonary embolism'] },
  { from: ['cva', 'stroke', 'brain attack'], to: ['cerebral infarction', 'stroke'] },
  { from: ['tia'], to: ['transient cerebral ischemic attack'] },
  // In a diabetic, PVD is "diabetic peripheral angiopathy" (E11.51; Index "Diabetes, with, peripheral
  // angiopathy"; Guidelines I.A.15 "with").
  { from: ['pvd', 'pad'], to: ['peripheral vascular disease', 'peripheral angiopathy'] },
  { from: ['aaa'], to: ['abdominal aortic aneurysm'] },
  { from: ['hld'], to: ['hyperlipidemia'] },
  { from: ['high cholesterol'], to: ['hypercholesterolemia', 'hyperlipidemia'] },
  { from: ['palpitation'], to: ['palpitations'] },
  { from: ['chest pain'], to: ['chest pain'] },
  { from: ['cardiac'], to: ['heart', 'cardiac'] },
  // Endocrine
  {
    from: [
      'dm2',
      't2dm',
      'dm ii',
      'dmii',
      'niddm',
      'type ii diabetes',
      'dm type 2',
      'diabetes type 2',
      'type 2 dm',
    ],
    to: ['type 2 diabetes mellitus'],
  },
  {
    from: [
      'dm1',
      't1dm',
      'dm i',
      'iddm',
      'type i diabetes',
      'dm type 1',
      'diabetes type 1',
      'type 1 dm',
    ],
    to: ['type 1 diabetes mellitus'],
  },
  { from: ['dm'], to: ['diabetes mellitus'] },
  { from: ['gdm'], to: ['gestational diabetes'] },
  { from: ['dka'], to: ['diabetic ketoacidosis', 'diabetes mellitus with ketoacidosis'] },
  { from: ['sugar diabetes'], to: ['diabetes mellitus'] },
  { from: ['hypothyroid', 'underactive thyroid'], to: ['hypothyroidism'] },
  { from: ['hyperthyroid', 'overactive thyroid'], to: ['hyperthyroidism'] },
  { from: ['obese'], to: ['obesity'] },
  { from: ['bmi'], to: ['body mass index'] },
  { from: ['vit d deficiency', 'low vitamin d'], to: ['vitamin d deficiency'] },
  // Respiratory
  { from: ['copd'], to: ['chronic obstructive pulmonary disease'] },
  { from: ['uri'], to: ['acute upper respiratory infection'] },
  { from: ['common cold', 'head cold'], to: ['acute nasopharyngitis', 'common cold'] },
  { from: ['cold'], to: ['nasopharyngitis', 'cold'], keep: true },
  { from: ['sob', 'short of breath', 'shortness of breath'], to: ['shortness of breath'] },
  { from: ['doe'], to: ['dyspnea'] },
  { from: ['pna', 'cap', 'community acquired pneumonia'], to: ['pneumonia'] },
  { from: ['flu'], to: ['influenza'] },
  { from: ['osa'], to: ['obstructive sleep apnea', 'sleep apnea'] },
  { from: ['strep throat'], to: ['streptococcal pharyngitis'] },
  { from: ['sore throat'], to: ['pharyngitis', 'sore throat'] },
  { from: ['rsv'], to: ['respiratory syncytial virus'] },
  { from: ['covid', 'covid19', 'covid 19', 'sars cov 2', 'coronavirus 2019'], to: ['covid 19'] },
  { from: ['tb'], to: ['tuberculosis'] },
  { from: ['ards'], to: ['acute respiratory distress syndrome'] },
  { from: ['sinus infection'], to: ['sinusitis'] },
  // Digestive, renal, genitourinary
  { from: ['gerd', 'acid reflux', 'reflux'], to: ['gastro esophageal reflux disease'] },
  { from: ['heartburn'], to: ['heartburn'] },
  { from: ['ibs'], to: ['irritable bowel syndrome'] },
  { from: ['ibd'], to: ['inflammatory bowel disease', 'crohn', 'ulcerative colitis'] },
  { from: ['pud'], to: ['peptic ulcer'] },
  {
    from: ['gi bleed', 'gib', 'ugi bleed', 'ugib', 'lgi bleed', 'lgib', 'gi bleeding'],
    to: ['gastrointestinal hemorrhage'],
  },
  { from: ['bleed', 'bleeding'], to: ['hemorrhage', 'bleeding'], keep: true },
  {
    from: ['sbo', 'small bowel obstruction', 'bowel obstruction'],
    to: ['intestinal obstruction'],
  },
  { from: ['bowel'], to: ['intestine', 'intestinal'], keep: true },
  // The colon is the large intestine (Z85.038 "... of large intestine"), a digestive organ
  // (Z80.0 "Family history of malignant neoplasm of digestive organs").
  { from: ['colon'], to: ['large intestine', 'digestive organs'], keep: true },
  { from: ['n v', 'n/v'], to: ['nausea with vomiting'] },
  { from: ['stomach flu'], to: ['gastroenteritis'] },
  { from: ['stomach ache', 'stomachache', 'belly pain', 'tummy ache'], to: ['abdominal pain'] },
  { from: ['stomach'], to: ['stomach', 'gastric', 'abdominal'], keep: true },
  { from: ['belly'], to: ['abdominal', 'abdomen'] },
  { from: ['ckd'], to: ['chronic kidney disease'] },
  { from: ['esrd'], to: ['end stage renal disease'] },
  { from: ['aki', 'arf'], to: ['acute kidney failure'] },
  { from: ['uti'], to: ['urinary tract infection'] },
  { from: ['bph', 'enlarged prostate'], to: ['benign prostatic hyperplasia', 'enlarged prostate'] },
  { from: ['kidney stone', 'kidney stones', 'renal stone'], to: ['calculus of kidney'] },
  { from: ['kidney'], to: ['kidney', 'renal'], keep: true },
  { from: ['renal'], to: ['kidney', 'renal'], keep: true },
  { from: ['ed'], to: ['erectile dysfunction'] },
  { from: ['std', 'sti'], to: ['sexually transmitted'] },
  { from: ['pid'], to: ['pelvic inflammatory disease'] },
  { from: ['pcos'], to: ['polycystic ovarian syndrome'] },
  { from: ['hep c', 'hcv'], to: ['hepatitis c'] },
  { from: ['hep b', 'hbv'], to: ['hepatitis b'] },
  { from: ['cirrhosis'], to: ['cirrhosis'] },
  // Musculoskeletal and injury
  { from: ['fx', 'broken', 'break', 'fracture', 'fractured'], to: ['fracture'] },
  { from: ['oa', 'djd', 'degenerative joint disease'], to: ['osteoarthritis'] },
  { from: ['ra'], to: ['rheumatoid arthritis'] },
  { from: ['sle'], to: ['systemic lupus erythematosus'] },
  { from: ['pmr'], to: ['polymyalgia rheumatica'] },
  { from: ['lbp', 'low back pain', 'lower back pain'], to: ['low back pain'] },
  { from: ['back pain'], to: ['back pain', 'dorsalgia'] },
  { from: ['sprained'], to: ['sprain'] },
  // Titles name a limb three ways: "left leg", "left lower limb", "left lower extremity"
  // (I82.40- deep veins "of left lower extremity", L03.11- "of left lower limb").
  { from: ['leg', 'legs'], to: ['leg', 'limb', 'lower extremity'], keep: true },
  { from: ['arm'], to: ['arm', 'humerus', 'forearm', 'upper extremity'], keep: true },
  { from: ['acl'], to: ['anterior cruciate ligament'] },
  { from: ['mcl'], to: ['medial collateral ligament'] },
  { from: ['tbi'], to: ['traumatic brain injury', 'intracranial injury'] },
  { from: ['concussed'], to: ['concussion'] },
  {
    from: ['mva', 'mvc', 'car accident', 'car crash'],
    to: ['motor vehicle accident', 'car driver injured in collision'],
  },
  { from: ['fall'], to: ['fall'], keep: true },
  { from: ['cut'], to: ['laceration'], keep: true },
  {
    from: ['bee sting', 'stung by bee', 'bee stung', 'honeybee sting'],
    to: ['venom of bees'],
    venom: true,
  },
  {
    from: ['wasp sting', 'stung by wasp', 'yellow jacket sting'],
    to: ['venom of wasps'],
    venom: true,
  },
  { from: ['hornet sting', 'stung by hornet'], to: ['venom of hornets'], venom: true },
  { from: ['scorpion sting', 'stung by scorpion'], to: ['venom of scorpion'], venom: true },
  { from: ['jellyfish sting', 'stung by jellyfish'], to: ['venom of jellyfish'], venom: true },
  { from: ['fire ant bite', 'fire ant sting'], to: ['venom of ants'], venom: true },
  { from: ['gout'], to: ['gout'] },
  { from: ['carpal tunnel'], to: ['carpal tunnel syndrome'] },
  { from: ['frozen shoulder'], to: ['adhesive capsulitis of shoulder'] },
  { from: ['tennis elbow'], to: ['lateral epicondylitis'] },
  // Neuro, mental health
  // MS alone is multiple sclerosis: with "mitral stenosis" as a second reading the ranking put
  // I05.0 first for a bare "ms" (round 7); mitral stenosis is typed out.
  { from: ['ms'], to: ['multiple sclerosis'] },
  { from: ['als'], to: ['amyotrophic lateral sclerosis'] },
  { from: ['adhd', 'add'], to: ['attention deficit hyperactivity disorder'] },
  { from: ['mdd'], to: ['major depressive disorder'] },
  { from: ['depression', 'depressed'], to: ['depression', 'depressive'], keep: true },
  { from: ['gad'], to: ['generalized anxiety disorder'] },
  { from: ['ptsd'], to: ['post traumatic stress disorder'] },
  { from: ['ocd'], to: ['obsessive compulsive disorder'] },
  { from: ['bipolar'], to: ['bipolar'] },
  { from: ['migraines'], to: ['migraine'] },
  { from: ['headache', 'ha'], to: ['headache'] },
  { from: ['seizures', 'seizure disorder'], to: ['epilepsy', 'seizures'] },
  { from: ['dementia'], to: ['dementia'] },
  { from: ['alzheimers', 'alzheimer'], to: ['alzheimer'] },
  { from: ['parkinsons', 'parkinson'], to: ['parkinson'] },
  { from: ['etoh', 'alcoholism'], to: ['alcohol dependence'] },
  { from: ['aud'], to: ['alcohol use disorder', 'alcohol dependence'] },
  { from: ['oud'], to: ['opioid dependence'] },
  // Round 11: "Smoker - see Dependence, drug, nicotine" (F17.2-); smoking and tobacco use as before.
  { from: ['smoker'], to: ['nicotine dependence', 'smoking'] },
  {
    from: ['smoking', 'tobacco use'],
    to: ['nicotine dependence', 'tobacco use', 'smoking'],
  },
  { from: ['insomnia'], to: ['insomnia'] },
  // Skin, eye, ear
  { from: ['pink eye'], to: ['conjunctivitis'] },
  { from: ['aom'], to: ['acute otitis media'] },
  // Round 11: "Infection, ear (middle) - see Otitis, media" typed short ("infxn", "infx").
  { from: ['ear infection', 'ear infxn', 'ear infx', 'ear inf'], to: ['otitis media'] },
  { from: ['cellulitis'], to: ['cellulitis'] },
  { from: ['shingles'], to: ['zoster'] },
  { from: ['chickenpox', 'chicken pox'], to: ['varicella'] },
  { from: ['rash'], to: ['rash'] },
  { from: ['eczema'], to: ['dermatitis', 'eczema'] },
  { from: ['hives'], to: ['urticaria'] },
  { from: ['acne'], to: ['acne'] },
  { from: ['wart', 'warts'], to: ['verruca', 'wart'] },
  { from: ['bedsore', 'bed sore', 'decubitus', 'pressure sore'], to: ['pressure ulcer'] },
  { from: ['glaucoma'], to: ['glaucoma'] },
  { from: ['cataracts'], to: ['cataract'] },
  { from: ['amd', 'armd'], to: ['age related macular degeneration'] },
  // Hematology, infection, general
  { from: ['ida'], to: ['iron deficiency anemia'] },
  { from: ['anaemia'], to: ['anemia'] },
  { from: ['hiv'], to: ['human immunodeficiency virus'] },
  { from: ['aids'], to: ['human immunodeficiency virus disease'] },
  { from: ['mrsa'], to: ['methicillin resistant staphylococcus aureus'] },
  { from: ['sepsis', 'septicemia'], to: ['sepsis'] },
  { from: ['ams'], to: ['altered mental status'] },
  { from: ['loc'], to: ['loss of consciousness'] },
  { from: ['fever'], to: ['fever'] },
  { from: ['fatigue', 'tired'], to: ['fatigue'] },
  { from: ['dehydrated'], to: ['dehydration'] },
  {
    from: ['cancer', 'ca', 'carcinoma', 'malignancy', 'tumor malignant'],
    to: ['malignant neoplasm'],
  },
  { from: ['mets', 'metastatic', 'metastasis'], to: ['secondary malignant neoplasm'] },
  { from: ['tumor', 'tumour', 'mass'], to: ['neoplasm', 'mass'], keep: true },
  {
    from: [
      'annual physical',
      'physical exam',
      'checkup',
      'check up',
      'wellness visit',
      'annual exam',
    ],
    to: ['general adult medical examination'],
  },
  {
    from: ['well child', 'well baby', 'well child visit', 'well child check'],
    to: ['routine child health examination'],
  },
  {
    from: ['flu shot', 'flu vaccine', 'vaccination', 'immunization', 'vaccine'],
    to: ['encounter for immunization'],
  },
  { from: ['pregnant', 'pregnancy test positive'], to: ['pregnancy'], keep: true },
  { from: ['nsvd'], to: ['delivery'] },
  { from: ['lmp'], to: ['last menstrual period'] },
  { from: ['h/o', 'hx', 'history of'], to: ['personal history'] },
  { from: ['fhx', 'family history of'], to: ['family history'] },
  { from: ['ltc'], to: ['long term'] },
  {
    from: ['long term anticoagulant', 'on coumadin', 'on warfarin', 'on blood thinners'],
    to: ['long term current use of anticoagulants'],
  },
  { from: ['allergy', 'allergies'], to: ['allergy', 'allergic'], keep: true },
  // Round 11: seasonal allergies are "Rhinitis, allergic, seasonal NEC J30.2" (lexicon-clinical.ts).
  { from: ['hay fever'], to: ['allergic rhinitis'] },
  { from: ['dizzy'], to: ['dizziness'] },
  { from: ['nosebleed', 'nose bleed'], to: ['epistaxis'] },
  { from: ['pinworm'], to: ['enterobiasis'] },
  { from: ['lyme'], to: ['lyme disease'] },
  { from: ['mono'], to: ['infectious mononucleosis'] },
];
