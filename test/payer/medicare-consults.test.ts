/**
 * Consultation codes are not valid for Medicare (PFS status I: "Medicare uses another code"):
 * since 2010-01-01 Medicare Part B does not recognise 99241–99245 and 99251–99255, and the
 * consultant bills the E/M code for the setting. The scrubber says so with the code to bill;
 * the payer denies the line CO-181 (procedure code invalid on the date of service) with N56 and
 * N657 (bill the code that fits); commercial plans that pay consultation codes keep paying.
 * See: Pub. 100-04 ch. 12 §30.6.10; CMS RVU file read-me, status I.
 */
import { describe, expect, it } from 'vitest';
import { run as check } from '../../src/cli/commands/check';
import { run as adjudicateCli } from '../../src/cli/commands/adjudicate';
import type { Io } from '../../src/cli/io';
import { parseClaim } from '../../src/domain/claim/parse';
import { invalidForMedicareFindings } from '../../src/domain/edits/medicare-codes';
import { claimInput, lineInput } from '../factories';

function fakeIo(stdin: string) {
  const out: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: () => {}, readStdin: async () => stdin };
  return { io, out };
}
type F = {
  id: string;
  severity: string;
  line: number | null;
  message: string;
  suggestion?: string;
};
type Remit = {
  findings: F[];
  lines: {
    adjustments: { group: string; carc: string; amount: string }[];
    remarks: string[];
    paid: string;
  }[];
};

const input = (code: string, payerId = 'medicare', pos = '11', date = '2025-11-12') =>
  claimInput({
    payerId,
    serviceDate: date,
    submissionDate: date,
    provider: { ...(claimInput().provider as object), pos },
    diagnoses: ['R07.9'],
    lines: [lineInput(code, '250.00', { dxPointers: [1] })],
  });

async function both(c: Record<string, unknown>) {
  const a = fakeIo(JSON.stringify(c));
  await check(['-'], a.io);
  const b = fakeIo(JSON.stringify(c));
  await adjudicateCli(['-'], b.io);
  return {
    scrub: JSON.parse(a.out[0]!) as { findings: F[] },
    remit: JSON.parse(b.out[0]!) as Remit,
  };
}

describe('Medicare: consultation codes are not valid (Pub. 100-04 ch. 12 §30.6.10)', () => {
  it('99243 in the office: check says bill 99202–99205/99212–99215; adjudicate denies CO-181 + N56 + N657', async () => {
    const { scrub, remit } = await both(input('99243'));
    const f = scrub.findings.filter((x) => x.id === 'code.invalid-for-payer');
    expect(f.map((x) => [x.severity, x.line])).toEqual([['error', 1]]);
    expect(f[0]!.message).toMatch(/not valid for Medicare/);
    expect(f[0]!.message).toMatch(/99202–99205/);
    expect(f[0]!.suggestion).toMatch(/99212–99215/);
    expect(remit.findings.filter((x) => x.id === 'code.invalid-for-payer').length).toBe(1);
    expect(remit.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '181', amount: '250.00' }]);
    expect(remit.lines[0]!.remarks).toEqual(['N56', 'N657']);
  });

  it('an inpatient consultation (99253, POS 21) points to initial hospital care 99221–99223', async () => {
    const { scrub } = await both(input('99253', 'medicare', '21'));
    const f = scrub.findings.find((x) => x.id === 'code.invalid-for-payer');
    expect(f?.suggestion).toMatch(/99221–99223/);
  });

  it('every consultation code, never the visit codes, never before 2010', () => {
    const claimOf = (code: string, date = '2025-11-12') =>
      parseClaim(input(code, 'medicare', '11', date)).claim;
    for (const c of ['99242', '99243', '99244', '99245', '99252', '99253', '99254', '99255'])
      expect(invalidForMedicareFindings(claimOf(c), 'medicare').map((f) => f.id)).toEqual([
        'code.invalid-for-payer',
      ]);
    for (const c of ['99203', '99213', '99222', '99283'])
      expect(invalidForMedicareFindings(claimOf(c), 'medicare')).toEqual([]);
    expect(invalidForMedicareFindings(claimOf('99243', '2009-12-31'), 'medicare')).toEqual([]);
    // 99241 and 99251 left CPT on 2023-01-01: before that they were consultations too.
    expect(invalidForMedicareFindings(claimOf('99241', '2022-06-01'), 'medicare').length).toBe(1);
    expect(invalidForMedicareFindings(claimOf('99251', '2024-06-01'), 'medicare')).toEqual([]);
  });

  it('any other status I code from the RVU file: 97014 names G0283, the code Medicare uses', async () => {
    const { scrub, remit } = await both(input('97014'));
    const f = scrub.findings.filter((x) => x.id === 'code.invalid-for-payer');
    if (f.length === 0) return; // no MPFS bundle built: the status is not known (npm run codesets)
    expect(f.map((x) => [x.severity, x.line])).toEqual([['error', 1]]);
    expect(f[0]!.suggestion).toMatch(/G0283/);
    expect(remit.lines[0]!.adjustments.map((a) => a.carc)).toEqual(['181']);
    expect(
      invalidForMedicareFindings(parseClaim(input('97014')).claim, 'medicare', () => true),
    ).toHaveLength(1);
    expect(
      invalidForMedicareFindings(parseClaim(input('97110')).claim, 'medicare', () => false),
    ).toEqual([]);
  });

  it('a commercial plan that pays consultation codes keeps paying them', async () => {
    const { scrub, remit } = await both(input('99243', 'commercial-ppo'));
    expect(scrub.findings.map((x) => x.id)).not.toContain('code.invalid-for-payer');
    expect(remit.lines[0]!.adjustments.map((a) => a.carc)).not.toContain('181');
    expect(Number(remit.lines[0]!.paid)).toBeGreaterThan(0);
  });
});
