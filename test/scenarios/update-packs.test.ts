/**
 * The two-version packs of issue 12 (content parts 3 and 4) validate, and their versions really
 * differ: the payer-rules cases bill the same claim in both versions and at least six adjudicate
 * differently (the plan's dated policies take effect in `pack validate`); the ICD-10-CM update
 * cases keep their ids and change codes, each change named by a 2.0.0 changelog entry.
 * Needs the official bundles (FY2025 is rebuilt from the FY2026 order addenda): skipped with a
 * message when codesets/build has no FY2025 release.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io';
import { packContext, validatePath } from '../../src/cli/commands/pack';
import { diffPacks } from '../../src/scenarios/diff';
import type { PackV2 } from '../../src/scenarios/format/v2';

const built = existsSync('codesets/build/icd10cm-fy2025.txt.gz');
if (!built)
  console.warn(
    'update-packs: skipped: codesets/build has no FY2025 release. Run npm run -s claimlab -- codesets build (with ../shared/reference holding the FY2026 order file and order addenda).',
  );

describe.skipIf(!built)('two-version update packs', () => {
  const packs: Record<string, PackV2> = {};
  beforeAll(async () => {
    const io: Io = { out: () => {}, err: () => {}, readStdin: async () => '' };
    const ctx = await packContext(io);
    for (const dir of [
      'payer-rules-v1',
      'payer-rules-v2',
      'icd10cm-fy2026-update-v1',
      'icd10cm-fy2026-update-v2',
    ]) {
      const r = validatePath(`scenarios/${dir}`, ctx);
      expect(r.problems, dir).toEqual([]);
      packs[dir] = r.pack!;
    }
  }, 120_000);

  it('payer-rules: the same claims, and at least six adjudicate differently between versions', () => {
    const [a, b] = [packs['payer-rules-v1']!, packs['payer-rules-v2']!];
    expect(a.cases.map((c) => c.id)).toEqual(b.cases.map((c) => c.id));
    const outcome = (p: PackV2, id: string) => {
      const e = p.cases.find((c) => c.id === id)!.answer.expected;
      return `${e.status} ${e.adjustments.map((x) => `${x.group}-${x.carc}`).join(',')}`;
    };
    const differ = a.cases.filter((c) => outcome(a, c.id) !== outcome(b, c.id));
    expect(differ.length).toBeGreaterThanOrEqual(6);
    for (const c of a.cases) {
      const other = b.cases.find((x) => x.id === c.id)!;
      expect(other.encounter, c.id).toEqual(c.encounter);
      expect(other.answer.lines, c.id).toEqual(c.answer.lines);
    }
  });

  it('pack diff explains every change, including each changed plan policy', () => {
    const d = diffPacks(packs['payer-rules-v1']!, packs['payer-rules-v2']!);
    expect(d.summary.unexplained).toBe(0);
    expect(d.items.filter((i) => i.kind === 'policy').map((i) => i.ref)).toEqual([
      'policy:acme-gold-ppo/modifiers',
      'policy:acme-gold-ppo/priorAuthorization',
      'policy:acme-gold-ppo/timelyFiling',
    ]);
    const icd = diffPacks(packs['icd10cm-fy2026-update-v1']!, packs['icd10cm-fy2026-update-v2']!);
    expect(icd.summary.unexplained).toBe(0);
    const refs = icd.items.map((i) => `${i.change} ${i.ref}`);
    for (const r of [
      'added code:E11.A',
      'removed code:E78.01',
      'added code:E78.011',
      'changed case:fy26-hefh',
    ])
      expect(refs).toContain(r);
  });

  it('icd10cm-fy2026-update: at least 8 cases per version and 25 questions across the two', () => {
    const [a, b] = [packs['icd10cm-fy2026-update-v1']!, packs['icd10cm-fy2026-update-v2']!];
    expect(a.cases.length).toBeGreaterThanOrEqual(8);
    expect(b.cases.map((c) => c.id)).toEqual(a.cases.map((c) => c.id));
    const ids = new Set(
      [a, b].flatMap((p) => p.questionBanks.flatMap((q) => q.questions.map((x) => x.id))),
    );
    expect(ids.size).toBeGreaterThanOrEqual(25);
    expect([...ids].every((id) => id.startsWith('qu-'))).toBe(true);
    expect(a.cases.every((c) => c.encounter.serviceDate <= '2025-09-30')).toBe(true);
    expect(b.cases.every((c) => c.encounter.serviceDate >= '2025-10-01')).toBe(true);
  });
});
