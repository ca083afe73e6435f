/**
 * Edit families memoised by the codes and dates they read (src/domain/edits/finding-memo.ts,
 * issue 11 speed): the memo must never change a finding. The same claim gives the same
 * findings every time, a claim on another date or with its codes in another order gets its own
 * messages and line numbers, and each call gets a list of its own.
 * See: CMS Pub. 100-04 ch. 23 §20.7 (HCPCS/CPT codes valid on the date of service).
 */
import { describe, expect, it } from 'vitest';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { checkClaim, type EditContext } from '../../src/domain/edits/index';
import { procedureValidity } from '../../src/domain/edits/validity';
import { modifierEdits } from '../../src/domain/edits/modifiers';
import { ncciEdits } from '../../src/domain/edits/ncci';
import { exclusionFindings, type ExclusionPolicy } from '../../src/domain/edits/exclusions';
import { FindingMemo, isSharedFinding } from '../../src/domain/edits/finding-memo';
import { parseClaim } from '../../src/domain/claim/parse';
import { claimInput } from '../factories';
import { testCatalog } from './support/catalog';

const ctx = (): EditContext => ({ catalog: testCatalog(), ncci: curatedNcci() });

const line = (code: string, serviceDate?: string) => ({
  code,
  modifiers: [],
  units: 1,
  dxPointers: [1],
  charge: '100.00',
  ...(serviceDate ? { serviceDate } : {}),
});

describe('procedure validity, memoised', () => {
  it('the same claim gives the same findings every time', () => {
    const c = ctx();
    const input = claimInput({ lines: [line('99213'), line('J9998'), line('9921')] });
    const first = JSON.stringify(checkClaim(input, c).findings);
    expect(first).toMatch(/code\.invalid/);
    for (let i = 0; i < 50; i++) expect(JSON.stringify(checkClaim(input, c).findings)).toBe(first);
  });

  it('another date, another order or a line date gives its own messages and lines', () => {
    const c = ctx();
    const on = (serviceDate: string, lines: ReturnType<typeof line>[]) =>
      procedureValidity(parseClaim(claimInput({ serviceDate, lines })).claim, c.catalog);
    const text = (fs: { message: string; line: number | null }[]) =>
      fs.map((f) => `${f.line}:${f.message}`).join(' ');
    const a = on('2026-03-02', [line('99213'), line('J9998')]);
    const b = on('2026-03-03', [line('99213'), line('J9998')]);
    const swapped = on('2026-03-02', [line('J9998'), line('99213')]);
    const dated = on('2026-03-02', [line('99213'), line('J9998', '2026-03-04')]);
    expect(text(a)).toMatch(/2:.*J9998.*2026-03-02/);
    expect(text(b)).toMatch(/2026-03-03/);
    expect(text(b)).not.toMatch(/2026-03-02/);
    expect(text(swapped)).toMatch(/1:.*J9998/);
    expect(text(dated)).toMatch(/2:.*J9998.*2026-03-04/);
    // Lengths keep the key parts apart: a code and a date that would run together differ.
    const odd = on('2026-03-02', [line('99213'), line('J99982026-03-0')]);
    expect(text(odd)).toMatch(/J99982026-03-0/);
  });

  it('each call gets its own list; the findings are shared (marked) between claims', () => {
    const c = ctx();
    const claim = parseClaim(claimInput({ lines: [line('J9998')] })).claim;
    const first = procedureValidity(claim, c.catalog);
    const n = first.length;
    expect(n).toBeGreaterThan(0);
    expect(first.every(isSharedFinding)).toBe(true);
    first.length = 0;
    const again = procedureValidity(claim, c.catalog);
    expect(again).toHaveLength(n);
  });
});

describe('modifier edits, memoised per line', () => {
  it('a line gives its own place, code and modifiers whatever came before', () => {
    const c = ctx();
    const mods = (code: string, modifiers: string[]) => ({ ...line(code), modifiers });
    const run = (lines: ReturnType<typeof mods>[], serviceDate = '2026-03-02') =>
      modifierEdits(parseClaim(claimInput({ serviceDate, lines })).claim, c)
        .map((f) => `${f.line}:${f.field}:${f.message}`)
        .join(' ');
    const a = run([mods('99213', ['QQ'])]);
    expect(a).toMatch(/^1:lines\[0\]\.modifiers\[0\]:Modifier QQ on line 1 .*2026-03-02/);
    expect(run([mods('99213', [])]).length).toBe(0);
    expect(run([mods('99213', []), mods('99213', ['QQ'])])).toMatch(
      /^2:lines\[1\]\.modifiers\[0\]:Modifier QQ on line 2/,
    );
    expect(run([mods('99213', ['QQ'])], '2026-03-03')).toMatch(/2026-03-03/);
    expect(run([mods('99213', ['25', '25'])])).toMatch(/appears twice/);
    expect(run([mods('99213', ['25'])])).not.toMatch(/appears twice/);
    for (let i = 0; i < 20; i++) expect(run([mods('99213', ['QQ'])])).toBe(a);
  });
});

describe('NCCI edits asked again', () => {
  it('units, modifiers, order and dates each give their own findings', () => {
    const c = ctx();
    const l = (code: string, units: number, modifiers: string[] = [], serviceDate?: string) => ({
      ...line(code, serviceDate),
      units,
      modifiers,
    });
    const run = (lines: ReturnType<typeof l>[]) =>
      ncciEdits(parseClaim(claimInput({ serviceDate: '2026-03-02', lines })).claim, c)
        .map((f) => `${f.id}@${f.line}:${f.message}`)
        .join(' ');
    const fresh = (lines: ReturnType<typeof l>[]) =>
      ncciEdits(parseClaim(claimInput({ serviceDate: '2026-03-02', lines })).claim, ctx())
        .map((f) => `${f.id}@${f.line}:${f.message}`)
        .join(' ');
    const claims = [
      [l('99213', 1), l('99213', 1)],
      [l('99213', 1), l('99213', 2)],
      [l('99213', 3)],
      [l('99213', 1), l('20610', 1)],
      [l('99213', 1, ['25']), l('20610', 1)],
      [l('20610', 1), l('99213', 1)],
      [l('99213', 1), l('20610', 1, [], '2026-03-03')],
    ];
    const first = claims.map(run);
    expect(first.join(' ')).toMatch(/ncci\.mue/);
    expect(first.join(' ')).toMatch(/ncci\.ptp/);
    // Asked again (memo hit), and by a context of its own (no memo yet): the same text.
    claims.forEach((cl, i) => {
      expect(run(cl)).toBe(first[i]);
      expect(fresh(cl)).toBe(first[i]);
    });
  });
});

describe('exclusions, memoised per line', () => {
  const policy: ExclusionPolicy = {
    name: 'Medicare Part B',
    kind: 'medicare',
    exclusions: [
      {
        procedures: ['99381-99397'],
        group: 'PR',
        carc: '96',
        remarks: ['N425'],
        title: 'Routine physical examinations are excluded from Medicare by statute',
        source: 'SSA §1862(a)(7)',
        effective: '2020-01-01',
        terminated: null,
      },
    ],
  };
  const run = (codes: [string, string[]][], serviceDate = '2026-03-02', p = policy) =>
    exclusionFindings(
      parseClaim(
        claimInput({
          serviceDate,
          lines: codes.map(([code, modifiers]) => ({ ...line(code), modifiers })),
        }),
      ).claim,
      p,
    )
      .map((f) => `${f.line}:${f.field}:${f.suggestion ?? '-'}:${f.message}`)
      .join(' ');

  it('each line gets its own place, and GY, dates and the payer still count', () => {
    const a = run([['99396', []]]);
    expect(a).toMatch(/^1:lines\[0\]\.code:Bill it to the patient/);
    expect(
      run([
        ['99213', []],
        ['99396', []],
      ]),
    ).toMatch(/^2:lines\[1\]\.code:/);
    expect(run([['99396', ['GY']]])).toMatch(/^1:lines\[0\]\.code:-:/);
    expect(run([['99396', []]], '2019-03-02')).toBe('');
    expect(run([['99396', []]], '2026-03-02', { ...policy, name: 'Other' })).toMatch(/Other/);
    for (let i = 0; i < 20; i++) expect(run([['99396', []]])).toBe(a);
  });
});

describe('FindingMemo', () => {
  const f = (message: string) => ({
    id: 'code.invalid' as const,
    severity: 'error' as const,
    line: null,
    codes: [],
    message,
    reference: 'r',
  });
  it('tells strings from numbers, and starts again when over its bound', () => {
    const memo = new FindingMemo(4);
    let runs = 0;
    const get = (...path: (string | number)[]) => {
      let at = memo.start();
      for (const v of path) at = memo.step(at, v);
      return memo.get(at, () => [f(`${++runs}:${path.join(',')}`)])[0]!.message;
    };
    expect(get('1')).toBe('1:1');
    expect(get(1)).toBe('2:1');
    expect(get('1')).toBe('1:1');
    expect(get('a', 'b', 'c', 'd')).toBe('3:a,b,c,d');
    // Over four steps: the next key starts a fresh memo, and every answer is worked out again.
    expect(get('1')).toBe('4:1');
    expect(get('1')).toBe('4:1');
  });
});
