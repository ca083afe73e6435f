/**
 * The scrubber and the payer agree: `claimlab check` applies the payer's own policy edits
 * (timely filing, prior authorization, medical necessity, coordination of benefits) through the
 * function `adjudicate` calls, and `adjudicate` reports each finding once.
 * See: DOMAIN.md §5; 42 CFR 424.44 and Pub. 100-04 ch. 1 §70 (Medicare: 12 months from the date
 * of service); issue 10 "The scrubber and the payer agree".
 */
import { describe, expect, it } from 'vitest';
import { run as check } from '../../src/cli/commands/check';
import { run as adjudicateCli } from '../../src/cli/commands/adjudicate';
import type { Io } from '../../src/cli/io';
import { claimInput, lineInput } from '../factories';

function fakeIo(stdin: string) {
  const out: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: () => {}, readStdin: async () => stdin };
  return { io, out };
}

const claim = (over: Record<string, unknown> = {}) =>
  claimInput({
    claimId: 'C1',
    serviceDate: '2025-01-10',
    submissionDate: '2026-02-11',
    lines: [lineInput('99213', '120.00', { dxPointers: [1, 2] })],
    ...over,
  });

async function both(c: Record<string, unknown>) {
  const a = fakeIo(JSON.stringify(c));
  await check(['-'], a.io);
  const b = fakeIo(JSON.stringify(c));
  await adjudicateCli(['-'], b.io);
  const scrub = JSON.parse(a.out[0]!) as { findings: { id: string; line: number | null }[] };
  const remit = JSON.parse(b.out[0]!) as {
    status: string;
    findings: { id: string; line: number | null }[];
    lines: { adjustments: { group: string; carc: string }[] }[];
  };
  return { scrub, remit };
}

const POLICY = [
  'filing.timely',
  'auth.missing',
  'coverage.medical-necessity',
  'cob.other-payer-primary',
];
const policyIds = (fs: { id: string; line: number | null }[]) =>
  fs.filter((f) => POLICY.includes(f.id)).map((f) => `${f.id}@${f.line ?? '-'}`);

describe('check applies the payer policy adjudicate applies', () => {
  it('a Medicare claim filed 13 months after the service: check flags it, adjudicate denies CO-29 and reports it once', async () => {
    const { scrub, remit } = await both(claim());
    expect(policyIds(scrub.findings)).toEqual(['filing.timely@-']);
    expect(policyIds(remit.findings)).toEqual(['filing.timely@-']);
    expect(remit.lines[0]!.adjustments).toContainEqual(
      expect.objectContaining({ group: 'CO', carc: '29' }),
    );
  });

  it('a claim filed on time scrubs and pays without a filing finding', async () => {
    const { scrub, remit } = await both(claim({ submissionDate: '2025-12-31' }));
    expect(policyIds(scrub.findings)).toEqual([]);
    expect(remit.status).toBe('paid');
  });

  it('medical necessity (NCD 190.21: HbA1c) and commercial prior authorization: the same findings on both sides', async () => {
    const lab = claim({
      serviceDate: '2026-03-02',
      submissionDate: '2026-03-02',
      diagnoses: ['I10'],
      lines: [{ code: '83036', modifiers: [], units: 1, dxPointers: [1], charge: '40.00' }],
    });
    const a = await both(lab);
    expect(policyIds(a.scrub.findings)).toEqual(['coverage.medical-necessity@1']);
    expect(policyIds(a.remit.findings)).toEqual(policyIds(a.scrub.findings));
    const mri = claim({
      payerId: 'commercial-ppo',
      patient: { sex: 'F', birthDate: '1975-05-01', memberId: 'CPP-1' },
      serviceDate: '2026-03-02',
      submissionDate: '2026-03-02',
      diagnoses: ['M17.11'],
      lines: [{ code: '29881', modifiers: [], units: 1, dxPointers: [1], charge: '900.00' }],
    });
    const b = await both(mri);
    expect(policyIds(b.scrub.findings)).toEqual(['auth.missing@1']);
    expect(policyIds(b.remit.findings)).toEqual(['auth.missing@1']);
  });

  it('a claim that names another payer as primary: cob.other-payer-primary on both sides', async () => {
    const c = claim({
      serviceDate: '2026-03-02',
      submissionDate: '2026-03-02',
      otherPayers: [{ payerId: 'commercial-ppo', memberId: 'X1', sequence: 'primary' }],
    });
    const { scrub, remit } = await both(c);
    expect(policyIds(scrub.findings)).toEqual(['cob.other-payer-primary@-']);
    expect(policyIds(remit.findings)).toEqual(['cob.other-payer-primary@-']);
  });
});
