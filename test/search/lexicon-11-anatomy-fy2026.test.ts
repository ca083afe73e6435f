/**
 * The eleventh round's anatomy and mechanism rows (issue 10) on the real FY2026 encoder: lymph
 * nodes enlarged at one site (Index "Enlargement, lymph gland or node, localized" R59.0), a lump,
 * mass or soft-tissue swelling by body region (Index "Mass, localized" / "Swelling, localized",
 * R22.0-R22.4-, sided on the limbs) and pain typed at a site the Index sends elsewhere (sternum:
 * "Pain, chest, wall (anterior)" R07.89; temple: "Pain, head" R51.9; umbilicus: "Pain,
 * abdominal, periumbilic" R10.33). Samples are siblings of the rows, not the analysed queries.
 * See: Official Guidelines FY2026 §I.B.1 (Alphabetic Index), §I.C.18 (symptoms and signs).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';
import { ABBREVIATIONS } from '../../src/domain/codes/search/abbreviations';
import { ANATOMY } from '../../src/domain/codes/search/lexicon-anatomy';

const present = fy2026Present('FY2026 lexicon tests (round 11, anatomy)');
const keysOf = (row: string) => row.replace(/^[+!]/, '').split('=')[0]!.split(',');

describe('anatomy rows (round 11)', () => {
  it('cover every node group and every region with a side on the limbs', () => {
    const keys = new Set(ANATOMY.flatMap(keysOf));
    for (const k of [
      'supraclavicular lymphadenopathy',
      'popliteal lad',
      'swollen epitrochlear lymph nodes',
      'lump on back',
      'rt forearm mass',
      'soft tissue mass lt thigh',
      'neck lump',
    ])
      expect(keys).toContain(k);
    for (const row of ANATOMY) expect(ABBREVIATIONS).toContain(row);
  });
});

describe.skipIf(!present)('anatomy lexicon on FY2026 ICD-10-CM (round 11)', () => {
  const { top } = useFy2026Search();

  it('localized lymph node enlargement by node group (R59.0), generalized unchanged', () => {
    expect(top('supraclavicular lymphadenopathy', 1)).toEqual(['R59.0']);
    expect(top('swollen submandibular lymph nodes', 1)).toEqual(['R59.0']);
    expect(top('femoral lad', 1)).toEqual(['R59.0']);
    expect(top('generalized lymphadenopathy', 1)).toEqual(['R59.1']);
  });
  it('a lump or mass by region: head, neck, trunk, and sided limbs (R22.-)', () => {
    expect(top('scalp lump', 1)).toEqual(['R22.0']);
    expect(top('lump on neck', 1)).toEqual(['R22.1']);
    expect(top('mass on chest wall', 1)).toEqual(['R22.2']);
    expect(top('soft tissue mass lt forearm', 1)).toEqual(['R22.32']);
    expect(top('lump on right thigh', 1)).toEqual(['R22.41']);
  });
  it('pain at a site the Index sends to chest wall, head or periumbilic pain', () => {
    expect(top('breastbone pain', 1)).toEqual(['R07.89']);
    expect(top('temporal pain', 1)).toEqual(['R51.9']);
    expect(top('belly button pain', 1)).toEqual(['R10.33']);
  });
  it('coronary arteries by name, ventricular dysfunction, conjunctival injection', () => {
    expect(top('rca occlusion', 1)).toEqual(['I25.10']); // Arteriosclerosis, coronary
    expect(top('left main stenosis', 1)).toEqual(['I25.10']);
    expect(top('rv dysfunction', 1)).toEqual(['I51.9']); // Dysfunction, ventricular
    expect(top('injected conjunctiva', 1)).toEqual(['H11.439']); // Hyperemia, conjunctiva
  });
  it('small joints and ligaments by abbreviation, with the side typed inside', () => {
    expect(top('ucl tear rt thumb', 1)).toEqual(['S63.641A']); // Sprain, thumb, MCP joint
    expect(top('left mtp oa', 1)).toEqual(['M19.072']);
    expect(top('swollen mcp joint left', 1)).toEqual(['M25.442']); // Swelling, joint - see Effusion
    expect(top('sij pain', 1)).toEqual(['M53.3']);
  });
  it('ribs by number: one rib S22.3-, two or more S22.4-', () => {
    expect(top('fx right 7th rib', 1)).toEqual(['S22.31XA']);
    expect(top('fracture of left 5th and 6th ribs', 1)).toEqual(['S22.42XA']);
  });
  it('a mass or lesion of a named organ: its other specified disorders code', () => {
    expect(top('mass of bladder', 1)).toEqual(['N32.89']);
    expect(top('adrenal gland lesion', 1)).toEqual(['E27.8']);
    expect(top('hepatic lesion', 1)).toEqual(['K76.89']);
    expect(top('buccal mucosa lesion', 1)).toEqual(['K13.79']);
  });
  it('limb abbreviations with weakness (R53.1), a swelling at the neck (R22.1)', () => {
    expect(top('rue weakness', 1)).toEqual(['R53.1']);
    expect(top('neck swelling', 1)).toEqual(['R22.1']);
  });
  it('mechanism: curb falls, needlesticks, other mammals, repetitive movements (I.C.20)', () => {
    expect(top('stumbled over the curb', 1)).toEqual(['W10.1XXA']);
    expect(top('needle stick injury', 1)).toEqual(['W46.0XXA']);
    expect(top('bitten by skunk', 1)).toEqual(['W55.81XA']);
    expect(top('bitten by raccoon', 1)).toEqual(['W55.51XA']); // its own code, untouched
    expect(top('overexertion due to repetitive motion', 1)).toEqual(['X50.3XXA']);
  });
});
