/**
 * The tenth round's lexicon (issue 10, MECHANISM and ANATOMY classes) on the real FY2026
 * encoder: a sample of each group (an External Cause Index main term, an injury Index main term,
 * a body site) finds the code its Index term leads to. (Every target word being a FY2026 title or
 * Index word is checked for all abbreviation rows by lexicon-7-fy2026.test.ts.)
 * See: Official Guidelines FY2026 §I.C.19 (injuries), §I.C.20 (external causes), §I.B.1
 * (Alphabetic Index), §I.C.19.a (7th character A, initial encounter), §I.C.19.e.5.b (a poisoning
 * of unknown intent is accidental).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';
import { ABBREVIATIONS } from '../../src/domain/codes/search/abbreviations';
import { INJURY } from '../../src/domain/codes/search/lexicon-injury';
import { ANATOMY } from '../../src/domain/codes/search/lexicon-anatomy';

const present = fy2026Present('FY2026 lexicon tests (round 10)');
const keysOf = (row: string) => row.replace(/^[+!]/, '').split('=')[0]!.split(',');

describe('injury and anatomy rows (round 10)', () => {
  it('are part of the abbreviation table and well formed', () => {
    for (const row of [...INJURY, ...ANATOMY]) {
      expect(ABBREVIATIONS).toContain(row);
      expect(row.split('=')).toHaveLength(2);
      for (const k of keysOf(row)) expect(k).toMatch(/^[a-z0-9][a-z0-9 ]*$/);
    }
  });
  it('write every V00 conveyance out whole ("fell off", "-ing fall", "accident")', () => {
    const keys = new Set(INJURY.flatMap(keysOf));
    for (const k of [
      'fell off skateboard',
      'skateboarding fall',
      'fell off scooter',
      'rollerblading fall',
      'fell off sled',
      'snowboarding accident',
      'skiing accident',
      'fell off electric scooter',
    ])
      expect(keys).toContain(k);
  });
});

describe.skipIf(!present)('mechanism lexicon on FY2026 ICD-10-CM (round 10)', () => {
  const { top } = useFy2026Search();

  it('injury words typed in the past tense: Dislocation, Laceration, Abrasion, Burn', () => {
    expect(top('dislocated lt elbow', 1)).toEqual(['S53.105A']);
    expect(top('lacerated rt hand', 1)).toEqual(['S61.411A']);
    expect(top('scraped rt knee', 1)).toEqual(['S80.211A']); // Abrasion, knee
    expect(top('rug burn knee', 1)).toEqual(['S80.219A']);
    expect(top('burned rt hand', 1)).toEqual(['T23.001A']);
  });
  it('Caught between moving objects / Crush, finger; Striking against; Struck by falling object', () => {
    expect(top('finger caught in door rt middle', 1)).toEqual(['S67.192A']);
    expect(top('caught in door', 1)).toEqual(['W23.0XXA']);
    expect(top('hit head on door frame', 1)).toEqual(['W22.09XA']); // other stationary object
    expect(top('ran into door', 1)).toEqual(['W22.09XA']);
    expect(top('struck by tree branch', 1)).toEqual(['W20.8XXA']);
    expect(top('hit my head on cabinet', 1)).toEqual(['W22.8XXA']); // round 9 unchanged
  });
  it('Bitten or scratched: by another person W50.3, by dog (contact) W54.8', () => {
    expect(top('bitten by another child on arm', 1)).toEqual(['W50.3XXA']);
    expect(top('bitten by another person', 1)).toEqual(['W50.3XXA']);
    expect(top('scratched by dog', 1)).toEqual(['W54.8XXA']);
  });
  it('Accident, transport: pedestrian hit by car or bus, driver and passenger of an MVC', () => {
    expect(top('hit by car while walking', 1)).toEqual(['V03.10XA']);
    expect(top('hit by bus', 1)).toEqual(['V04.10XA']);
    expect(top('mvc driver', 1)).toEqual(['V49.40XA']);
    expect(top('passenger mvc', 1)).toEqual(['V49.50XA']);
  });
  it('Fall, from each pedestrian conveyance (V00) and playground equipment, in shower', () => {
    expect(top('fell off e scooter', 1)).toEqual(['V00.841A']);
    expect(top('sledding accident', 1)).toEqual(['V00.221A']);
    expect(top('fell off skateboard', 2)).toContain('V00.131A');
    expect(top('fell off trampoline', 1)).toEqual(['W09.8XXA']);
    expect(top('slipped in shower', 1)).toEqual(['W18.2XXA']);
  });
  it('Foreign body: alimentary tract, esophagus (food), superficial; Degloving - see Wound, open', () => {
    expect(top('swallowed coin child', 1)).toEqual(['T18.9XXA']);
    expect(top('ingested button battery', 1)).toEqual(['T18.9XXA']);
    expect(top('food stuck in esophagus', 1)).toEqual(['T18.128A']);
    expect(top('foreign body skin left foot', 1)).toEqual(['S90.852A']);
    expect(top('degloving injury finger', 1)).toEqual(['S61.209A']);
  });
  it('Contact with: sharp object, saws and garden tools, hot drinks; Discharge, airgun', () => {
    expect(top('cut on metal', 1)).toEqual(['W26.8XXA']);
    expect(top('table saw injury', 1)).toEqual(['W31.2XXA']);
    expect(top('chainsaw injury', 1)).toEqual(['W29.3XXA']);
    expect(top('scalded by coffee', 1)).toEqual(['X10.0XXA']);
    expect(top('shot with bb gun', 1)).toEqual(['W34.010A']);
  });
  it('Assault by blunt object; a drug toxicity is its accidental poisoning; toxic effect of ethanol', () => {
    expect(top('assaulted with bat', 1)).toEqual(['Y00.XXXA']);
    expect(top('digoxin toxicity', 1)).toEqual(['T46.0X1A']);
    expect(top('alcohol poisoning', 1)).toEqual(['T51.0X1A']);
    expect(top('anaphylaxis to peanuts', 1)).toEqual(['T78.01XA']);
    expect(top('supratherapeutic inr on warfarin', 1)).toEqual(['R79.1']);
    expect(top('stingray', 1)).toEqual(['T63.511A']);
  });
  it('Burn by depth (partial / full thickness), Scald - see Burn, chemical in the eye (Corrosion)', () => {
    expect(top('partial thickness burn rt arm', 2)).toContain('T22.211A'); // second degree
    expect(top('full thickness burn lt foot', 1)).toEqual(['T25.322A']); // third degree
    expect(top('scald rt hand', 1)).toEqual(['T23.001A']);
    expect(top('bleach splash eye rt', 1)).toEqual(['T26.91XA']);
    expect(top('chemical burn eye rt', 1)).toEqual(['T26.91XA']);
  });
  it('Injury, head; Hematoma - see Contusion; nail avulsion; open (compound) and buckle fractures', () => {
    expect(top('head trauma', 1)).toEqual(['S09.90XA']);
    expect(top('scalp hematoma', 1)).toEqual(['S00.03XA']);
    expect(top('hematoma lt thigh', 1)).toEqual(['S70.12XA']);
    expect(top('subdural hematoma', 2)).toContain('S06.5X0A'); // its own Index entry
    expect(top('nail avulsion rt great toe', 1)).toEqual(['S91.201A']);
    expect(top('compound fracture lt femur', 1)).toEqual(['S72.92XB']);
    expect(top('buckle fracture distal radius lt', 1)).toEqual(['S52.522A']);
    expect(top('skin tear rt forearm', 1)).toEqual(['S51.811A']);
  });
  it('Foreign body entering through an orifice: eye, nostril, ear; glass in a wound', () => {
    expect(top('something in eye', 1)).toEqual(['T15.90XA']);
    expect(top('bead in nose', 1)).toEqual(['T17.1XXA']);
    expect(top('bug in ear', 1)).toEqual(['T16.9XXA']);
    expect(top('glass in rt hand', 1)).toEqual(['S61.421A']);
  });
  it('Accident, transport: role in an MVC, rollover, car vs bike, pedestrian vs bike, ATV, tractor, airbag', () => {
    expect(top('mvc unrestrained passenger', 1)).toEqual(['V49.50XA']);
    expect(top('restrained driver in mva', 1)).toEqual(['V49.40XA']);
    expect(top('rollover mvc', 1)).toEqual(['V48.9XXA']); // noncollision
    expect(top('car vs bike', 1)).toEqual(['V13.4XXA']);
    expect(top('hit by bike', 1)).toEqual(['V01.10XA']);
    expect(top('mcc', 1)).toEqual(['V29.99XA']);
    expect(top('fell off atv', 1)).toEqual(['V86.95XA']);
    expect(top('tractor accident', 1)[0]).toMatch(/^V84\./); // special agricultural vehicle
    expect(top('airbag injury', 1)).toEqual(['W22.10XA']);
  });
  it('Fall while walking, from a height, missed step, from a couch; Overexertion; a room at home', () => {
    expect(top('fell while walking', 1)).toEqual(['W18.30XA']);
    expect(top('fall from height', 1)).toEqual(['W17.89XA']);
    expect(top('missed a step', 1)).toEqual(['W10.9XXA']);
    expect(top('fell off couch', 1)).toEqual(['W08.XXXA']);
    expect(top('overexertion', 2)).toContain('X50.9XXA'); // not T73.3 exhaustion
    expect(top('overuse injury', 1)).toEqual(['X50.3XXA']);
    expect(top('home bathroom', 1)).toEqual(['Y92.012']);
  });
  it('Assault: fist fight, bodily force, strangulation, firearm, blunt object; legal intervention; abuse', () => {
    expect(top('hit in face with fist', 1)).toEqual(['Y04.0XXA']);
    expect(top('slapped', 1)).toEqual(['Y04.8XXA']);
    expect(top('strangled', 1)).toEqual(['T71.193A']);
    expect(top('shot in leg', 1)).toEqual(['X95.9XXA']);
    expect(top('pistol whipped', 1)).toEqual(['Y00.XXXA']);
    expect(top('shot by police', 1)).toEqual(['Y35.009A']);
    expect(top('shaken baby', 1)).toEqual(['T74.4XXA']);
    expect(top('nonaccidental trauma', 1)).toEqual(['T74.12XA']);
    expect(top('flu shot', 1)).toEqual(['Z23']); // a shot that is not a gunshot
  });
});

describe.skipIf(!present)('anatomy lexicon on FY2026 ICD-10-CM (round 10)', () => {
  const { top } = useFy2026Search();

  it('lay and short site names: kneecap, earlobe, pinky toe, ribs, groin', () => {
    expect(top('laceration kneecap', 1)).toEqual(['S81.019A']); // Laceration, knee
    expect(top('laceration earlobe', 1)).toEqual(['S01.319A']); // Laceration, ear
    expect(top('fx pinky toe', 1)).toEqual(['S92.503A']); // Fracture, toe, lesser
    expect(top('contusion rt ribs', 1)).toEqual(['S20.211A']); // Contusion, thorax, front wall
    expect(top('fx rt ribs', 1)).toEqual(['S22.31XA']); // still the rib
    expect(top('strain rt groin', 1)).toEqual(['S76.211A']); // Strain, thigh, adductor
    expect(top('groin pain rt', 1)).toEqual(['R10.31']); // Pain, groin - see abdominal, lower
    expect(top('achilles rupture rt', 1)).toEqual(['S86.011A']);
  });
  it('spine: thoracic strain (back wall), osteoporotic vertebral fracture, tailbone', () => {
    expect(top('thoracic strain', 1)).toEqual(['S29.012A']);
    expect(top('osteoporotic compression fracture l1', 1)).toEqual(['M80.08XA']);
    expect(top('coccydynia', 1)).toEqual(['M53.3']);
  });
  it('small joints and named lesions: Bouchard, Heberden, first CMC, SLAP, labrum', () => {
    expect(top('pip oa fingers bilat', 1)).toEqual(['M15.2']);
    expect(top('dip joint oa', 1)).toEqual(['M15.1']);
    expect(top('cmc arthritis thumb rt', 1)).toEqual(['M18.11']);
    expect(top('slap tear rt shoulder', 1)).toEqual(['S43.431A']);
    expect(top('labral tear lt hip', 3)).toContain('S73.192A');
  });
  it('other sites: scalp (capitis), intercostal, ventricle, sigmoid (large intestine)', () => {
    expect(top('seb derm scalp', 1)).toEqual(['L21.0']);
    expect(top('intercostal neuralgia', 1)).toEqual(['G58.0']);
    expect(top('lv hypertrophy', 1)).toEqual(['I51.7']);
    expect(top('sigmoid diverticulitis', 1)).toEqual(['K57.32']);
  });
  it('swelling of a joint is its effusion, of a limb localized swelling; patellofemoral; thumb pain', () => {
    expect(top('swollen knee lt', 1)).toEqual(['M25.462']);
    expect(top('knee swelling rt', 1)).toEqual(['M25.461']);
    expect(top('swollen hand rt', 1)).toEqual(['R22.31']);
    expect(top('swollen leg lt', 1)).toEqual(['R22.42']);
    expect(top('patellofemoral pain rt', 1)).toEqual(['M22.2X1']);
    expect(top('thumb pain rt', 1)).toEqual(['M79.644']);
  });
  it('digits and long bones by number, anatomical site synonyms (hallux, thenar, nostril, sole, lid)', () => {
    expect(top('lac rt 2nd digit', 1)).toEqual(['S61.210A']); // index finger
    expect(top('lac lt 5th digit hand', 1)).toEqual(['S61.217A']); // little finger
    expect(top('fx lt 4th mc', 1)).toEqual(['S62.305A']);
    expect(top('fx rt 5th mt', 1)).toEqual(['S92.351A']);
    expect(top('lac rt hallux', 1)).toEqual(['S91.111A']);
    expect(top('left hallux valgus', 1)).toEqual(['M20.12']); // the typed word is kept
    expect(top('lac rt thenar', 1)).toEqual(['S61.411A']);
    expect(top('lac lt nostril', 1)).toEqual(['S01.21XA']);
    expect(top('lac lt plantar foot', 1)).toEqual(['S91.312A']);
    expect(top('plantar fasciitis rt', 1)).toEqual(['M72.2']);
    expect(top('lac lt upper eyelid', 1)).toEqual(['S01.112A']);
    expect(top('chalazion rt lower lid', 1)).toEqual(['H00.12']);
  });
  it('spine regions: lumbar disc degeneration by the pain typed (M51.36-), stenosis, spasm', () => {
    expect(top('ddd lumbar spine', 1)).toEqual(['M51.369']); // no pain typed
    expect(top('lumbar ddd with back pain', 1)).toEqual(['M51.360']);
    expect(top('lumbar ddd w leg pain', 1)).toEqual(['M51.361']);
    expect(top('lumbar ddd with back and leg pain', 1)).toEqual(['M51.362']);
    expect(top('c spine stenosis', 1)).toEqual(['M48.02']); // not the cervix uteri
    expect(top('spinal stenosis ls', 1)).toEqual(['M48.07']);
    expect(top('si joint dysfunction', 1)).toEqual(['M53.3']);
    expect(top('paraspinal spasm', 1)).toEqual(['M62.830']);
    expect(top('trapezius spasm', 1)).toEqual(['M62.838']);
  });
  it('skin sites: armpit (axilla), facial, pressure injury, non-healing wound, itchy scalp', () => {
    expect(top('armpit abscess rt', 1)).toEqual(['L02.411']);
    expect(top('facial cellulitis', 1)).toEqual(['L03.211']);
    expect(top('facial droop', 1)).toEqual(['R29.810']); // the typed word is kept
    expect(top('hip pressure injury lt stage 2', 1)).toEqual(['L89.222']);
    expect(top('non healing wound rt foot', 1)).toEqual(['L97.519']);
    expect(top('itchy scalp', 1)).toEqual(['L29.89']);
  });
  it('named fractures by the site their Index entry leads to; thigh is femur', () => {
    expect(top('nightstick fracture', 1)).toEqual(['S52.209A']);
    expect(top('chauffeur fracture rt', 1)).toEqual(['S52.511A']);
    expect(top('jefferson fracture', 1)).toEqual(['S12.01XA']);
    expect(top('le fort fracture', 1)).toEqual(['S02.411A']);
    expect(top('thigh fracture rt', 1)).toEqual(['S72.91XA']);
  });
  it('lay site words: bum, boob, nipple, knuckle, back of head, above the eye', () => {
    expect(top('contusion bum', 1)).toEqual(['S30.0XXA']); // Contusion, buttock
    expect(top('lac nipple', 1)).toEqual(['S21.019A']);
    expect(top('nipple discharge', 1)).toEqual(['N64.52']);
    expect(top('contusion knuckles rt', 1)).toEqual(['S60.221A']);
    expect(top('lac back of head', 1)).toEqual(['S01.01XA']);
    expect(top('lac below eye rt', 1)).toEqual(['S01.111A']);
  });
});
