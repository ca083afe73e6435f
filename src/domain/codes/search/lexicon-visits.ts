/**
 * Seventh round of issue 10: visit reasons as schedulers and coders type them, mapped to the
 * Alphabetic Index terms of their Z codes (Guidelines I.C.21.c: screening, contact/exposure,
 * encounters for administrative examinations, immunization, contraceptive management,
 * supervision of pregnancy, issue of repeat prescription). Screening and exposure rows are built
 * from one table per target so every typing ("hep c screening", "screening for hep c", "screen
 * hep c") reads alike. Same row format as abbreviations.ts; ClaimLab's own list, targets checked
 * against the FY2026 titles and the Index (test/search/lexicon-7-fy2026.test.ts).
 */

/**
 * "Screening (for)" subterms of the Index and the Z11-Z13 title words they lead to. A hepatitis,
 * measles or Zika screen is "Screening, disease or disorder, viral NEC Z11.59"; an STI screen
 * "Screening, venereal / sexually-transmitted NEC Z11.3"; chlamydia "Screening, chlamydial
 * diseases Z11.8"; TB "Screening, tuberculosis Z11.1" (latent TB testing Z11.7); a Pap smear
 * "Screening, neoplasm, cervix Z12.4"; a PSA "Screening, neoplasm, prostate Z12.5"; a mammogram
 * Z12.31; a low-dose lung CT "neoplasm, respiratory organs Z12.2"; a DEXA "osteoporosis
 * Z13.820"; a depression questionnaire Z13.31; an AAA ultrasound or blood pressure
 * "cardiovascular disorder Z13.6"; a lead level "exposure to contaminants Z13.88".
 */
const SCREENING: readonly [string, string][] = [
  [
    'hep c,hepatitis c,hcv,hep b,hepatitis b,hbv,hepatitis,hep,viral hepatitis,zika,measles',
    'screening other viral diseases',
  ],
  [
    'std,stds,sti,stis,gonorrhea,gc,syphilis,rpr,trich,trichomonas,venereal disease',
    'screening infections sexual mode transmission',
  ],
  [
    'chlamydia,gc chlamydia,chlamydia gonorrhea,gc ct',
    'screening other infectious parasitic diseases;screening chlamydial',
  ],
  [
    'tb,tuberculosis,ppd,tb test,quantiferon,igra',
    'screening respiratory tuberculosis;testing latent tuberculosis infection',
  ],
  [
    'colon cancer,colon ca,colorectal cancer,colorectal ca,crc,colon',
    'screening malignant neoplasm colon',
  ],
  ['breast cancer,breast ca,breast', 'screening malignant neoplasm breast'],
  [
    'cervical cancer,cervical ca,cervical,cervix,pap,pap smear,pap test',
    'screening malignant neoplasm cervix',
  ],
  ['prostate cancer,prostate ca,prostate,psa', 'screening malignant neoplasm prostate'],
  ['lung cancer,lung ca,lung,ldct,low dose ct', 'screening malignant neoplasm respiratory organs'],
  ['skin cancer,skin ca,skin', 'screening malignant neoplasm skin'],
  ['bladder cancer,bladder ca', 'screening malignant neoplasm bladder'],
  ['ovarian cancer,ovarian ca', 'screening malignant neoplasm ovary'],
  ['testicular cancer,testicular ca', 'screening malignant neoplasm testis'],
  ['oral cancer,oral ca', 'screening malignant neoplasm oral cavity'],
  ['cancer,ca', 'screening malignant neoplasm'],
  ['diabetes,dm,a1c,glucose,blood sugar', 'screening diabetes mellitus'],
  ['depression,phq,phq9,phq 9', 'screening depression'],
  ['osteoporosis,dexa,dxa,bone density', 'screening osteoporosis'],
  ['aaa,abdominal aortic aneurysm,cardiovascular', 'screening cardiovascular disorders'],
  ['anemia,hemoglobin', 'screening disorders blood'],
  ['thyroid,tsh', 'screening other suspected endocrine disorder'],
  ['developmental,development,developmental delay', 'screening developmental delays'],
  ['autism,mchat,m chat', 'autism screening'],
  ['lead', 'screening disorder due exposure contaminants'],
  ['alcohol,alcohol use,audit c', 'screening mental health behavioral disorders'],
  ['vision,eye', 'screening eye ear disorders'],
  ['hearing', 'examination ears hearing'],
  ['cholesterol,hyperlipidemia', 'screening lipoid disorders'],
  ['hiv', 'screening human immunodeficiency virus'],
  ['hpv', 'screening human papillomavirus'],
  ['covid,covid 19', 'screening covid 19'],
];

/**
 * "Exposure (to)" and "Contact (with)" subterms of the Index and the Z20/Z77 titles: "Contact
 * with and (suspected) exposure to ..." (Z20.818 other bacterial: strep, pertussis; Z20.828 other
 * viral: influenza, RSV; Z20.2 sexually transmitted; Z20.7 pediculosis and scabies; Z77.011
 * lead; Z77.22 environmental tobacco smoke; Z77.120 mold).
 */
const EXPOSURE: readonly [string, string][] = [
  [
    'strep,strep throat,streptococcus,pertussis,whooping cough,mrsa,bacterial',
    'contact exposure other bacterial communicable diseases',
  ],
  [
    'flu,influenza,rsv,viral illness,virus,measles,mumps',
    'contact exposure other viral communicable diseases',
  ],
  ['covid,covid 19,coronavirus', 'contact exposure covid 19'],
  ['tb,tuberculosis', 'contact exposure tuberculosis'],
  ['hiv', 'contact exposure human immunodeficiency virus'],
  ['hepatitis,hep c,hep b,hepatitis c,hepatitis b,hcv,hbv', 'contact exposure viral hepatitis'],
  [
    'std,sti,chlamydia,gonorrhea,syphilis,trich',
    'contact exposure infections sexual mode transmission',
  ],
  ['chickenpox,chicken pox,varicella,shingles', 'contact exposure varicella'],
  ['scabies,lice,head lice,bed bugs', 'contact exposure pediculosis acariasis infestations'],
  ['meningitis,meningococcus,meningococcal', 'contact exposure meningococcus'],
  ['rabies,bat', 'contact exposure rabies'],
  ['lead', 'contact exposure lead'],
  ['asbestos', 'contact exposure asbestos'],
  ['mold', 'contact exposure mold'],
  ['secondhand smoke,second hand smoke,smoke', 'exposure environmental tobacco smoke'],
];

const forms = (aliases: string, pattern: (a: string) => string[]) =>
  aliases.split(',').flatMap(pattern).join(',');

/** Infections are also "tested for" ("std testing", "hiv test"): read as their screening. */
const TESTED =
  /screening (other viral|infections|other infectious|respiratory tuberculosis|human|covid)/;
const screened = (a: string) => [
  `${a} screening`,
  `screening ${a}`,
  `screening for ${a}`,
  `${a} screen`,
  `screen for ${a}`,
  `screen ${a}`,
];
const tested = (a: string) => [`${a} testing`, `${a} test`, `testing for ${a}`, `test for ${a}`];
const exposed = (a: string) => [
  `${a} exposure`,
  `exposure to ${a}`,
  `exposed to ${a}`,
  `${a} exposed`,
  `${a} contact`,
  `contact with ${a}`,
  `exposure ${a}`,
];
const SCREENING_ROWS = SCREENING.map(
  ([aliases, target]) =>
    `${forms(aliases, (a) => [...screened(a), ...(TESTED.test(target) ? tested(a) : [])])}=${target}`,
);
const EXPOSURE_ROWS = EXPOSURE.map(([aliases, target]) => `${forms(aliases, exposed)}=${target}`);

/**
 * A patient's age as typed before or after the visit reason ("well child 15 mo", "wcc 4 yo",
 * "18 month old well visit"): not part of any code (newborn days, which Z00.11- titles do
 * name, are left alone).
 */
const AGES = Array.from({ length: 99 }, (_, i) => i + 1)
  .flatMap((n) => [
    ...[' yo', ' y o', ' year old', ' years old', ' yr old', ' yrs old', ' yr', ' yrs'].map(
      (u) => `${n}${u}`,
    ),
    ...(n <= 36
      ? [' mo', ' mos', ' month', ' months', ' mo old', ' month old', ' months old'].map(
          (u) => `${n}${u}`,
        )
      : []),
  ])
  .join(',')
  .concat('=');

/** A size typed with a finding ("aaa 4 cm", "nodule 8 mm"): not part of any code. */
const SIZES = Array.from({ length: 30 }, (_, i) => i + 1)
  .flatMap((n) => [`${n} cm`, `${n}cm`, `${n} mm`, `${n}mm`])
  .join(',')
  .concat('=');

export const VISIT_REASONS: readonly string[] = [
  ...SCREENING_ROWS,
  ...EXPOSURE_ROWS,
  // Index "Examination, employment (pre-employment) Z02.1; driving license Z02.4; sport Z02.5;
  // insurance Z02.6; school admission Z02.0; armed forces Z02.3; medical certificate Z02.79";
  // "Examination, general (adult) Z00.00"; "Examination, newborn Z00.11-".
  'pre employment physical,preemployment physical,employment physical,work physical,job physical,pre employment exam,preemployment exam,employment exam,pre employment,preemployment=pre employment examination',
  'dot physical,cdl physical,drivers license physical,driver license physical,drivers physical=examination driving license',
  'sport physical,athletic physical,preparticipation physical,pre participation physical,school sports physical,sports exam,sports pe,sport pe=examination participation sport',
  'well visit,well check,well exam,wellness check,well care,well care visit=routine child health examination;general adult medical examination',
  'school physical,school exam,college physical,daycare physical=examination admission educational institution',
  'insurance physical,insurance exam=examination insurance purposes',
  'military physical,military exam=examination recruitment armed forces',
  'disability exam,disability evaluation=disability determination',
  'paperwork,form completion,forms completion=issue other medical certificate',
  'routine physical,yearly physical,general physical,routine exam,routine checkup,routine check up,health maintenance,health maintenance exam,annual pe,routine pe,complete pe,preventive visit,preventative visit,preventive exam,annual wellness visit,medicare wellness,physical examination,adult physical,adult wellness=general adult medical examination',
  // Index "Prescription of contraceptives"; "Surveillance (of) (for) contraceptive, pills Z30.41,
  // injectable Z30.42, subdermal implantable Z30.46, vaginal ring Z30.44, intrauterine device
  // Z30.431"; "Counseling, contraceptive Z30.09"; "Contraception, emergency Z30.012".
  'depo,depo provera,depo shot,depo injection,depo provera injection,contraceptive injection=injectable contraceptive',
  'nexplanon,implanon,arm implant,contraceptive implant=implantable subdermal contraceptive',
  'nuvaring,vaginal ring=vaginal ring',
  'mirena,paragard,kyleena,liletta,skyla=intrauterine contraceptive device',
  'plan b,morning after pill,emergency contraceptive=emergency contraception',
  'contraception counseling,contraceptive counseling,birth control counseling,family planning counseling=counseling advice contraception',
  // Index "Issue of, repeat prescription Z76.0"; a refill of a contraceptive is its surveillance
  // (Z30.4-): "refill" reads both and the other words choose.
  'med refill,meds refill,medication refill,medications refill,rx refill,prescription refill,script refill,refill request,refill meds,refill medication,refill medications,medication refills,med refills=issue repeat prescription',
  'refill,refills=issue repeat prescription;surveillance',
  // Index "Pregnancy, supervision (of) (for), normal Z34.9-; high-risk O09.9-"; "Test,
  // pregnancy Z32.0-"; "Examination, newborn Z00.11-".
  'prenatal visit,prenatal care,prenatal check,prenatal exam,routine prenatal,routine prenatal visit,routine ob,routine ob visit,ob visit,ob check,ob care,antenatal visit,antenatal care,pnc,prenatal f u,ob f u=supervision normal pregnancy',
  'high risk pregnancy,high risk ob,high risk ob visit=supervision high risk pregnancy',
  'pregnancy test,preg test,upt=pregnancy test',
  // Index "Vaccination - see Immunization" (Z23 Encounter for immunization).
  'tdap,dtap,td shot,tetanus shot,tetanus booster,mmr vaccine,hpv vaccine,gardasil,pneumovax,prevnar,pneumonia vaccine,pneumococcal vaccine,shingrix,shingles vaccine,zoster vaccine,covid vaccine,covid booster,hep b vaccine,hep a vaccine,imms,immunizations,vaccinations,vax,shots,booster,rsv vaccine,varicella vaccine,polio vaccine,ipv=encounter immunization',
  // Index "Test, tuberculin - see also Reaction, tuberculin skin test"; "Testing, latent
  // tuberculosis Z11.7"; "Reaction, tuberculin skin test, abnormal R76.11".
  'ppd reading,ppd read,ppd placement,ppd test,tb test read,tb skin test,tb test reading,tst read,tst,tb skin test read,ppd check=testing latent tuberculosis infection;screening respiratory tuberculosis',
  'positive ppd,ppd positive,pos ppd,ppd pos,positive tb test,tb test positive,positive quantiferon,quantiferon positive=nonspecific reaction tuberculin skin test;abnormal result cell mediated immunity',
  // Index "Examination, pre-procedural (pre-operative), cardiovascular Z01.810, respiratory
  // Z01.811, laboratory Z01.812".
  'preop ekg,ekg preop,preop ecg,ecg preop,pre op ekg,pre op ecg,preoperative ekg,preop cardiac,cardiac clearance,preop cardiac clearance,cardiac preop=preprocedural cardiovascular examination',
  'preop labs,pre op labs,preop lab,pre op lab,preoperative labs,labs preop,preop bloodwork=preprocedural laboratory examination',
  'preop cxr,pre op cxr,pulmonary clearance,preop pulmonary,preop pft=preprocedural respiratory examination',
  // Index "Follow-up (examination) Z09"; "Observation"; "Monitoring, therapeutic drug Z51.81".
  'recheck,re check,followup visit,follow up visit,f u visit,fu visit=follow up',
  'drug level,drug levels,therapeutic drug monitoring,inr check,coumadin check,warfarin check=therapeutic drug level monitoring',
  // Index "Counseling, dietary Z71.3; exercise Z71.82; specified NEC Z71.89"; "Care, palliative
  // Z51.5" (hospice); "Consultation, for explanation of findings Z71.2"; "Status (post), cesarean
  // delivery - see Pregnancy, complicated by, previous cesarean / History, uterine scar Z98.891".
  'weight loss counseling,weight management counseling,nutrition counseling,nutritional counseling,dietary counseling,diet counseling=dietary counseling surveillance',
  'advance care planning,advance directive,advance directives,goals of care discussion=other specified counseling',
  'hospice,hospice care=palliative care',
  'lab review,labs review,review labs,review of labs,results review,review results,discuss results,test results review=explanation examination test findings',
  's p c section,status post c section,s p cesarean,hx of c section,history of c section=previous cesarean delivery;history uterine scar previous surgery',
  // Note words for the patient's age: not part of any code.
  'mo,yo,y o,year old,years old,yr old,yrs old,month old,months old,mo old,week old,weeks old=',
  AGES,
  SIZES,
];
