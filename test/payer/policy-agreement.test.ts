/**
 * The scrubber predicts every payer policy edit the payer applies: a varied claim set (Medicare
 * and the commercial PPO; timely filing, prior authorization, medical necessity, coordination of
 * benefits, the plan's modifier-25 policies, plan exclusions) runs through `claimlab check` and
 * `claimlab adjudicate`, and for every claim both report the same policy findings (id, line and
 * rule citation), each once.
 * See: issue 10 "The scrubber and the payer agree"; DOMAIN.md §5; Pub. 100-04 ch. 1 §70 (timely
 * filing); CPT modifier 25 and Pub. 100-04 ch. 12 §30.6.6; the commercial PPO's behaviour
 * entries (scenarios/starter/payers/commercial-ppo.json).
 */
import { describe, expect, it } from 'vitest';
import { run as check } from '../../src/cli/commands/check';
import { run as adjudicateCli } from '../../src/cli/commands/adjudicate';
import type { Io } from '../../src/cli/io';
import { claimInput } from '../factories';

function fakeIo(stdin: string) {
  const out: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: () => {}, readStdin: async () => stdin };
  return { io, out };
}

/** The finding ids that are payer policy edits (what the payer decides from its own rules). */
const POLICY = new Set([
  'filing.timely',
  'auth.missing',
  'coverage.medical-necessity',
  'coverage.statutory-exclusion',
  'coverage.plan-exclusion',
  'cob.other-payer-primary',
  'payer.modifier-policy',
]);

interface Out {
  claimId: string;
  findings: { id: string; line: number | null; reference: string }[];
}
const policyOf = (o: Out) =>
  o.findings
    .filter((f) => POLICY.has(f.id))
    .map((f) => `${f.id}@${f.line ?? '-'} ${f.reference}`)
    .sort();

const line = (code: string, dxPointers: number[], modifiers: string[] = [], charge = '150.00') => ({
  code,
  modifiers,
  units: 1,
  dxPointers,
  charge,
});

let n = 0;
/** Each claim its own member, so the batch ledger finds no duplicates between them. */
const c = (over: Record<string, unknown>) => {
  n += 1;
  const payerId = (over.payerId as string | undefined) ?? 'medicare';
  return claimInput({
    claimId: `P${n}`,
    patient: { sex: 'F', birthDate: '1956-04-01', memberId: `M${n}` },
    serviceDate: '2026-03-02',
    submissionDate: '2026-03-04',
    payerId,
    ...over,
  });
};
const PPO = { payerId: 'commercial-ppo' };

/** Claims written from the rules, each meant to trigger (or not) one payer policy. */
const CLAIMS = [
  // Timely filing: Medicare 12 months (42 CFR 424.44); the PPO 180 days.
  c({ serviceDate: '2025-01-10', submissionDate: '2026-02-11' }),
  c({ ...PPO, serviceDate: '2025-06-10', submissionDate: '2026-01-05' }),
  c({ ...PPO, serviceDate: '2025-12-10', submissionDate: '2026-01-05' }),
  // Prior authorization (the PPO's list) absent.
  c({ ...PPO, diagnoses: ['M23.221'], lines: [line('29881', [1], [], '900.00')] }),
  // Medical necessity: NCD 190.21 (HbA1c) with and without a covered diagnosis.
  c({ diagnoses: ['I10'], lines: [line('83036', [1], [], '40.00')] }),
  c({ diagnoses: ['E11.9'], lines: [line('83036', [1], [], '40.00')] }),
  // The PPO's diagnosis-to-procedure policies (CARC 11): psychotherapy for hypertension; a
  // screening mammogram for a breast lump.
  c({ ...PPO, diagnoses: ['I10'], lines: [line('90834', [1])] }),
  c({ ...PPO, diagnoses: ['N63.10'], lines: [line('77067', [1])] }),
  // Another payer primary.
  c({ otherPayers: [{ payerId: 'commercial-ppo', memberId: 'X1', sequence: 'primary' }] }),
  // The PPO's modifier-25 policy: same diagnosis (CO-4 + N823), distinct diagnosis (paid),
  // and from 2026-07-01 records required (CO-252 + M127).
  c({ ...PPO, diagnoses: ['L98.9'], lines: [line('99213', [1], ['25']), line('11102', [1])] }),
  c({
    ...PPO,
    diagnoses: ['L98.9', 'I10'],
    lines: [line('99213', [2], ['25']), line('11102', [1])],
  }),
  c({
    ...PPO,
    serviceDate: '2026-07-10',
    submissionDate: '2026-07-11',
    diagnoses: ['L98.9', 'I10'],
    lines: [line('99213', [2], ['25']), line('11102', [1])],
  }),
  // Medicare takes modifier 25 as NCCI does: no plan policy.
  c({ diagnoses: ['L98.9'], lines: [line('99213', [1], ['25']), line('11102', [1])] }),
  // 25 with no procedure on the claim: nothing to separate, no policy denial.
  c({ ...PPO, diagnoses: ['I10'], lines: [line('99213', [1], ['25'])] }),
  // A claim rejected at the front end (unassigned place of service) is never adjudicated: no
  // policy finding on either side.
  c({
    ...PPO,
    provider: { npi: '1234567893', pos: '35', locality: '10112-00' },
    diagnoses: ['L98.9'],
    lines: [line('99213', [1], ['25']), line('11102', [1])],
  }),
  // A plan exclusion (acupuncture is not a benefit of the PPO: PR-204).
  c({ ...PPO, diagnoses: ['M54.50'], lines: [line('97810', [1])] }),
  // A Medicare routine physical (statutory exclusion, SSA §1862(a)(7): PR-96 + N425).
  c({ diagnoses: ['Z00.00'], lines: [line('99397', [1])] }),
];

async function run(cmd: typeof check, input: string): Promise<Out[]> {
  const f = fakeIo(input);
  await cmd(['-'], f.io);
  return f.out.map((l) => JSON.parse(l) as Out);
}

describe('check predicts every payer policy edit adjudicate applies', async () => {
  const input = CLAIMS.map((x) => JSON.stringify(x)).join('\n');
  const scrubs = await run(check, input);
  const remits = await run(adjudicateCli, input);

  it('runs the whole set', () => {
    expect(scrubs).toHaveLength(CLAIMS.length);
    expect(remits).toHaveLength(CLAIMS.length);
  });

  it.each(CLAIMS.map((x, i) => [x.claimId as string, i] as const))(
    '%s: the same policy findings, with the same rule citation, on both sides',
    (_id, i) => {
      expect(policyOf(scrubs[i]!)).toEqual(policyOf(remits[i]!));
    },
  );

  it('adjudicate reports each finding once', () => {
    for (const r of remits) {
      const keys = r.findings.map((f) => JSON.stringify(f));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('the set exercises every kind of policy edit', () => {
    const seen = new Set(remits.flatMap((r) => r.findings.map((f) => f.id)));
    for (const id of POLICY) expect(seen, id).toContain(id);
  });
});
