/**
 * The accuracy fixture: every claim in test/fixtures/claims/edit-cases.json scrubs to exactly
 * its known findings (id + line, multiset; severity and suggestion where given). Errors and
 * warnings must match exactly; info reminders are checked only when a case lists one.
 */
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/claims/edit-cases.json';
import context from '../fixtures/claims/edit-context.json';
import {
  checkClaim,
  type EditContext,
  type MueEdit,
  type PayerPolicy,
  type PtpEdit,
} from '../../src/domain/edits/index';
import { withImported, curatedNcci } from '../../src/codesets/ncci/curated';
import { parseClaim } from '../../src/domain/claim/parse';
import { FINDING_IDS, type FindingId } from '../../src/domain/findings';
import { testCatalog } from './support/catalog';

interface Expected {
  id: FindingId;
  line: number | null;
  severity?: string;
  suggestion?: string;
}
interface Case {
  name: string;
  claim: unknown;
  expect: Expected[];
  /** globalDays: MPFS GLOB DAYS by code, as the MPFS bundle or the pack fee table would give. */
  context?: {
    ncci?: string;
    policy?: string;
    history?: unknown[];
    globalDays?: Record<string, string>;
  };
  why?: string;
}

const catalog = testCatalog();
const synthetic = withImported(
  context.ncci.ptp as PtpEdit[],
  context.ncci.mue as MueEdit[],
  'synthetic test rows',
);
const policies = context.policies as unknown as Record<string, PayerPolicy>;
const cases = (fixture as unknown as { cases: Case[] }).cases;

function ctxFor(c: Case): EditContext {
  const ctx: EditContext = {
    catalog,
    ncci: c.context?.ncci === 'synthetic' ? synthetic : curatedNcci(),
  };
  if (c.context?.policy) ctx.policy = policies[c.context.policy];
  if (c.context?.history) ctx.history = c.context.history.map((h) => parseClaim(h).claim);
  const days = c.context?.globalDays;
  if (days) ctx.globalDays = (code) => days[code];
  return ctx;
}

const key = (f: { id: string; line: number | null }) => `${f.id}@${f.line ?? '-'}`;

describe('edit fixture', () => {
  it('has at least 80 claims, with positive and negative cases for every finding id', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    const clean = cases.filter((c) => c.expect.length === 0).length;
    expect(clean).toBeGreaterThanOrEqual(20);
    // These come from the payer (pricing, its claim history, reopenings, benefit years), not
    // from the scrubber: they are tested in test/payer.
    // code.list-gap needs the official lists (a HCPCS file older than the date): tested in
    // test/edits/procedure-validity.test.ts. The exclusions come from the payer's own checks
    // (payer/checks.ts): tested in test/edits/exclusions.test.ts; so does code.invalid-for-payer
    // (Medicare consultation codes): tested in test/payer/medicare-consults.test.ts. mce.list-gap needs the official MCE lists of several
    // years: tested in test/edits/mce-fy2026.test.ts. coverage.telehealth (Medicare's payer
    // check): tested in test/edits/telehealth.test.ts.
    const payerOnly =
      /^(pricing\.|payer\.|reopening\.|benefits\.|claim\.original-not-found$|(code|mce)\.list-gap$|code\.invalid-for-payer$|coverage\.(statutory|plan)-exclusion$|coverage\.telehealth$)/;
    for (const id of Object.keys(FINDING_IDS).filter((i) => !payerOnly.test(i))) {
      expect(
        cases.some((c) => c.expect.some((e) => e.id === id)),
        `a positive case for ${id}`,
      ).toBe(true);
    }
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    const years = new Set(
      cases.map((c) => String((c.claim as { serviceDate?: unknown }).serviceDate).slice(0, 4)),
    );
    expect([...years]).toEqual(expect.arrayContaining(['2020', '2021', '2026']));
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { findings } = checkClaim(c.claim, ctxFor(c));
    const checked = findings.filter(
      (f) => f.severity !== 'info' || c.expect.some((e) => e.id === f.id && e.severity === 'info'),
    );
    expect(
      checked.map(key).sort(),
      c.why ?? JSON.stringify(findings.map((f) => f.message)),
    ).toEqual(c.expect.map(key).sort());
    for (const e of c.expect) {
      const f = findings.find((x) => key(x) === key(e));
      if (e.severity) expect(f?.severity).toBe(e.severity);
      if (e.suggestion) expect(f?.suggestion).toBe(e.suggestion);
      expect(f?.reference.length).toBeGreaterThan(10);
      expect(f?.message.length).toBeGreaterThan(10);
    }
  });
});
