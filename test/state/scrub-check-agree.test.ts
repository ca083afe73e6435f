/**
 * The app's Scrub and `claimlab check` give the same findings (issue 10 "The scrubber and the
 * payer agree", "In the app"): the payer service's scrub (src/services/payer.ts, what the Scrub
 * button and the code-set worker run) with the claim's reading, against `check`'s output line for
 * the same claim, over the same service (the shipped packs and the built bundles). The expert
 * audit claims include what pricing denies (pricing-checks.ts: a code the fee schedule does not
 * price on the date, CO-96 + N130; a GY line, PR-96 + N425; an assistant at surgery without the
 * documentation, CO-252 + N706): the app reports those too.
 * See: src/domain/payer/pricing-checks.ts; Pub. 100-04 ch. 12 §20.4.3, ch. 30 §40.3.6.2.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, prepare } from '../../src/cli/commands/check';
import { cliPayerService } from '../../src/cli/commands/payer-service';
import { parseClaim } from '../../src/domain/claim/parse';
import { dedupeFindings, findingJson, type Finding } from '../../src/domain/findings';
import type { CodeCatalog } from '../../src/domain/codes/catalog';
import type { PayerService } from '../../src/services/payer';
import type { InputRecord } from '../../src/cli/io';
import { captureIo } from '../support/cli-io';
import { expertRecords } from '../fidelity/records';

/** The audit claims a case could hold: no plan named (the page passes a plan's payer itself). */
function auditClaims(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const r of expertRecords<{ claim?: Record<string, unknown>; reopen?: unknown }>())
    if (r.claim && !r.reopen && !('planId' in r.claim)) out.push(r.claim);
  return out;
}

const key = (f: Finding) => JSON.stringify(findingJson(f));
const sorted = (fs: readonly Finding[]) => fs.map(key).sort();

/** What the message of a pricing finding says (pricing-checks.ts), to count them. */
const PRICING = /would be denied (CO|PR)-96 \+ N130|PR-96 \+ N425|CO-252 \+ N706|CO-54/;

let service: PayerService;
let catalog: CodeCatalog;
let check: (r: InputRecord) => string;
beforeAll(async () => {
  const t = captureIo('');
  service = cliPayerService(t.io, { insteadOfMpfs: 'global days from the pack fee table' });
  catalog = await loadCatalog(t.io);
  check = await prepare(['check'], t.io);
}, 120_000);

describe("the app's Scrub gives claimlab check's findings", () => {
  it('the same findings on every audit claim, pricing findings included', () => {
    const claims = auditClaims();
    const differ: string[] = [];
    let pricing = 0;
    claims.forEach((raw, index) => {
      const line = JSON.parse(check({ kind: 'json', index, value: raw } as InputRecord)) as {
        findings: Finding[];
      };
      // The page: the claim as read, then the payer service's scrub (case-session.svelte.ts).
      const parsed = parseClaim(raw, `claim-${index + 1}`);
      if (parsed.overLimits || parsed.findings.some((f) => f.field)) return;
      const app = dedupeFindings([...parsed.findings, ...service.scrub(parsed.claim, catalog)]);
      if (app.some((f) => PRICING.test(f.message))) pricing++;
      if (JSON.stringify(sorted(app)) !== JSON.stringify(sorted(line.findings)))
        differ.push(
          `${parsed.claim.claimId}: app ${sorted(app).length}, check ${line.findings.length}`,
        );
    });
    expect(differ).toEqual([]);
    // The audits price-deny some lines: the app reports them as check does.
    expect(pricing).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
