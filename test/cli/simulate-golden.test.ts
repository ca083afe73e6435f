/**
 * `claimlab simulate` stays byte for byte what it was before its speed work (issue 15, "Batch
 * simulation": 10,000 encounters ≤ 5 s): the figures of fixed seeds, and a digest of everything
 * the run decided and the payer recorded (every decision, every remittance and claim in the
 * ledger's journal), compared with goldens captured from the code before the optimisations.
 * A change that alters the simulation on purpose regenerates them: `GOLDEN_UPDATE=1 npx vitest
 * run test/cli/simulate-golden.test.ts`, and says why in its commit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { figuresJson, simulate } from '../../src/cli/commands/simulate';
import { encounterSource } from '../../src/cli/commands/simulate-source';
import { loadNodeCatalog } from '../../src/codesets/load-node';
import { fixedEncounterSource } from '../../src/machines/practice/fixed-source';
import type { EncounterSource } from '../../src/domain/world/encounter';
import { starterCatalog } from '../../src/codesets/starter';
import { shippedPayerService } from '../../src/services/shipped';
import { practiceEffects, type LedgerEntry } from '../../src/services/practice-payer';
import { Practice } from '../../src/machines/practice/engine';
import { autoBiller } from '../../src/machines/practice/biller';
import { addDays } from '../../src/domain/time/dates';
import type { CodeCatalog } from '../../src/domain/codes/catalog';
import type { PayerService } from '../../src/services/payer';

const GOLDEN = new URL('../fixtures/simulate/golden.json', import.meta.url);
const update = process.env['GOLDEN_UPDATE'] === '1';

let service: PayerService;
let catalog: CodeCatalog;
let official: CodeCatalog | null = null;
let golden: Record<string, unknown> = {};
beforeAll(async () => {
  service = shippedPayerService();
  catalog = starterCatalog();
  official = await loadNodeCatalog().catch(() => null);
  if (existsSync(GOLDEN)) golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as typeof golden;
});

function check(key: string, actual: unknown): void {
  if (update) {
    golden[key] = actual;
    writeFileSync(GOLDEN, JSON.stringify(golden, null, 2) + '\n');
    return;
  }
  expect(actual).toEqual(golden[key]);
}

/** Visits through the practice as `simulate` runs them, keeping the payer's journal. */
function journalRun(
  seed: number,
  source: EncounterSource,
  cat: CodeCatalog,
  coderAccuracy: number,
) {
  const journal: LedgerEntry[] = [];
  const p = new Practice(
    { seed, start: source.world.startDate, behaviour: source.world.payers },
    practiceEffects(service, cat, seed, journal),
  );
  const work = autoBiller({ coderAccuracy });
  let next = source.next();
  let last = p.today;
  for (;;) {
    while (next && next.serviceDate <= p.today) {
      p.admit(next);
      last = next.serviceDate;
      next = source.next();
    }
    if (!next && (p.open === 0 || p.today > addDays(last, 730))) break;
    p.advance(1, work);
  }
  const text = JSON.stringify({ decisions: p.decisions, journal, figures: p.figures() });
  return { sha256: createHash('sha256').update(text).digest('hex'), length: text.length };
}

describe('simulate output is unchanged for a seed (starter code set, fixed visits)', () => {
  it.each([
    [11, 400, 0.9],
    [12, 300, 0.5],
  ])('seed %i, %i encounters, coder accuracy %f: the same figures', (seed, n, acc) => {
    const source = fixedEncounterSource(seed, { encounters: n });
    const r = simulate({ seed, encounters: n, coderAccuracy: acc }, service, catalog, source);
    check(
      `figures-${seed}-${n}-${acc}`,
      figuresJson(r.figures, { seed, days: r.days, until: r.until }),
    );
  });

  it('the same decisions and the same payer journal, byte for byte', () => {
    check(
      'journal-13-300-0.8',
      journalRun(13, fixedEncounterSource(13, { encounters: 300 }), catalog, 0.8),
    );
  });
});

// The synthetic world's templates are written against the official code sets: with the starter
// set most visits are rejected again and again, so this part needs the built bundles.
describe.skipIf(!existsSync(new URL('../../codesets/build/', import.meta.url)))(
  'simulate output is unchanged for a seed (official code sets, the synthetic world)',
  () => {
    it('the same figures, decisions and payer journal', (ctx) => {
      if (!official)
        return ctx.skip(
          'official code-set bundles not built: run `npm run -s claimlab -- codesets build` with ../shared/reference',
        );
      const r = simulate(
        { seed: 21, encounters: 1000, coderAccuracy: 0.9 },
        service,
        official,
        encounterSource(21, { encounters: 1000 }),
      );
      check(
        'official-figures-21-1000-0.9',
        figuresJson(r.figures, { seed: 21, days: r.days, until: r.until }),
      );
      check(
        'official-journal-22-600-0.7',
        journalRun(22, encounterSource(22, { encounters: 600 }), official, 0.7),
      );
    });
  },
);
