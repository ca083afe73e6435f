/**
 * Procedure/modifier search rules (issue 10 "codes lookup and codes search cover CPT/HCPCS
 * numbers and modifiers"), on a small hand-made catalog (our own wording, descriptor shapes
 * like the HCPCS Level II file's).
 */
import { describe, expect, it } from 'vitest';
import type { CodeCatalog, ModifierEntry, ProcedureEntry } from '../../../src/domain/codes/catalog';
import {
  looksLikeProcedure,
  namedModifier,
  searchProcedures,
} from '../../../src/domain/codes/procedure-search';

const proc = (code: string, display: string): ProcedureEntry => ({
  code,
  system: 'HCPCS',
  display,
  effective: '2002-01-01',
  terminated: null,
  ownWording: false,
  source: 'test',
});
const mod = (code: string, display: string): ModifierEntry => ({
  code,
  display,
  effective: null,
  terminated: null,
});
const PROCS = [
  proc('V9001', 'Hearing aid, digital, binaural, bte'),
  proc('V9002', 'Hearing aid, digital, binaural, ite'),
  proc('V9003', 'Hearing aid, monaural, behind the ear'),
  proc('J9001', 'Injection, something, per 10 mg'),
  proc('A9001', 'Tubing w/o filter, each'),
  proc('A9002', 'Replacement supplies for durable medical equipment'),
  proc('G2501', 'Visit for 25 minutes'),
];
const MODS = [
  mod('25', 'Significant, separately identifiable evaluation service on the day of a procedure'),
  mod('59', 'Distinct procedural service'),
  mod('XS', 'Separate structure'),
  mod('RT', 'Right side'),
  mod('50', 'Bilateral procedure'),
];
const catalog = {
  procedures: () => PROCS,
  modifiers: () => MODS,
  procedure: (c: string) => PROCS.find((p) => p.code === c),
  modifier: (c: string) => MODS.find((m) => m.code === c.toUpperCase()),
} as unknown as CodeCatalog;
const D = '2026-03-02';
const codes = (q: string) => searchProcedures(catalog, q, D).map((r) => r.code);

describe('a query naming a modifier returns it first (CPT Appendix A; HCPCS Level II modifiers)', () => {
  // See: issue 10 ("codes search 'modifier 25'"); CPT Appendix A lists modifiers by their
  // two-character code, so "modifier 25" / "mod XS" / "59 modifier" name one.
  it.each([
    ['modifier 25', '25'],
    ['Modifier 59', '59'],
    ['mod XS', 'XS'],
    ['modifier-59', '59'],
    ['rt modifier', 'RT'],
    ['modifier 50', '50'],
  ])('%s -> %s', (q, code) => {
    expect(namedModifier(q)).toBe(code);
    expect(looksLikeProcedure(q)).toBe(true);
    expect(codes(q)[0]).toBe(code);
  });

  it('words after the named modifier add other modifiers, never procedures', () => {
    const r = searchProcedures(catalog, 'modifier 25 distinct', D);
    expect(r[0]!.code).toBe('25');
    expect(r.every((x) => x.system === 'modifier')).toBe(true);
    expect(r.map((x) => x.code)).toEqual(['25', '59']);
  });

  it('plain words and a word without a modifier code are not a named modifier', () => {
    expect(namedModifier('hearing aid')).toBeUndefined();
    expect(namedModifier('modifier')).toBeUndefined();
    expect(namedModifier('25')).toBeUndefined();
    expect(looksLikeProcedure('hearing aid bte')).toBe(false);
  });

  it('an unknown two-character code after "modifier" falls back to the word search', () => {
    expect(codes('modifier ZZ')).toEqual([]);
  });
});

describe('HCPCS descriptor abbreviations match their words both ways', () => {
  // See: CMS HCPCS Level II descriptors (hearing aids V5xxx say bte/ite; supplies say w/o, ea,
  // dme, supp; drugs say inj, per).
  it('"behind the ear" finds a descriptor that says bte', () => {
    expect(codes('hearing aid binaural behind the ear')[0]).toBe('V9001');
  });
  it('"bte" finds a descriptor that says behind the ear', () => {
    expect(codes('hearing aid bte')).toEqual(expect.arrayContaining(['V9001', 'V9003']));
    expect(codes('hearing aid bte')).not.toContain('V9002');
  });
  it('"in the ear" finds ite', () => {
    expect(codes('binaural in the ear')).toContain('V9002');
  });
  it('w/o reads as without, either side', () => {
    expect(codes('tubing without filter')).toEqual(['A9001']);
    expect(codes('tubing w/o filter')).toEqual(['A9001']);
  });
  it('ea / each / per, inj / injection, dme / durable medical equipment, supp / supplies', () => {
    expect(codes('tubing ea')).toEqual(['A9001']);
    expect(codes('inj something each 10 mg')).toEqual(['J9001']);
    expect(codes('dme supp')).toEqual(['A9002']);
  });
});
