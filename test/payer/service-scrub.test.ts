/**
 * The app's scrub (the payer service's `scrub`, used by the page and the code-set worker) adds
 * the claim's payer policy edits exactly as `claimlab check` does (payerChecksBeforeSubmission,
 * then dedupeFindings + orderFindings): a late claim and a missing authorization give the same
 * findings on both sides.
 * See: issue 10 "The scrubber and the payer agree"; 42 CFR 424.44 and Pub. 100-04 ch. 1 §70
 * (Medicare timely filing: 12 months from the date of service).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog, run as check } from '../../src/cli/commands/check';
import { cliPayerService } from '../../src/cli/commands/payer-service';
import { parseClaim } from '../../src/domain/claim/parse';
import { findingJson } from '../../src/domain/findings';
import { captureIo } from '../support/cli-io';

const base = {
  claimId: 'C1',
  payerId: 'medicare',
  patient: { sex: 'F', birthDate: '1955-05-01', memberId: '1EG4TE5MK73' },
  provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
  serviceDate: '2026-03-02',
  submissionDate: '2026-03-02',
  diagnoses: ['E11.9', 'I10'],
  lines: [{ code: '99213', modifiers: [], units: 1, dxPointers: [1, 2], charge: '120.00' }],
};
const late = { ...base, serviceDate: '2025-01-10', submissionDate: '2026-02-11' };
const noAuth = {
  ...base,
  payerId: 'commercial-ppo',
  patient: { sex: 'F', birthDate: '1975-05-01', memberId: 'CPP-1' },
  diagnoses: ['M17.11'],
  lines: [{ code: '29881', modifiers: [], units: 1, dxPointers: [1], charge: '900.00' }],
};

async function both(c: object) {
  const cli = captureIo(JSON.stringify(c));
  await check(['-'], cli.io);
  const fromCli = (JSON.parse(cli.out[0]!) as { findings: unknown[] }).findings;
  const { io } = captureIo();
  const service = cliPayerService(io, { insteadOfMpfs: 'the pack fee table' });
  const catalog = await loadCatalog(io);
  const fromService = service.scrub(parseClaim(c).claim, catalog).map(findingJson);
  return { fromCli, fromService };
}

describe("the service's scrub applies the payer's policy edits as claimlab check does", () => {
  it.each([
    ['a Medicare claim filed 13 months after the service', 'filing.timely', late],
    ['a commercial knee arthroscopy without prior authorization', 'auth.missing', noAuth],
  ])('%s: the same findings, %s among them', async (_, id, c) => {
    const { fromCli, fromService } = await both(c);
    expect(fromService.map((f) => f.id)).toContain(id);
    expect(fromService).toEqual(fromCli);
  });

  it('a clean claim: neither side adds a policy finding', async () => {
    const { fromCli, fromService } = await both(base);
    expect(fromService).toEqual(fromCli);
    expect(fromService.map((f) => f.id)).not.toContain('filing.timely');
  });
});
