/**
 * The practice engine and `claimlab simulate`: determinism for a seed (two runs compared byte
 * for byte), the balance check on every remittance line, the automatic biller's policy outcomes,
 * save/restore through plain JSON mid-run, a trainee's manual path with its wrong moves, and the
 * command's usage errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { practiceEffects, simulate } from '../../src/cli/commands/simulate';
import { starterCatalog } from '../../src/codesets/starter';
import { shippedPayerService } from '../../src/services/shipped';
import { Practice, type PracticeEffects } from '../../src/machines/practice/engine';
import { autoBiller, codingFor } from '../../src/machines/practice/biller';
import { fixedEncounterSource } from '../../src/machines/practice/fixed-source';
import { WRONG_MOVES } from '../../src/machines/practice/decisions';
import type { CodeCatalog } from '../../src/domain/codes/catalog';
import type { PayerService } from '../../src/services/payer';
import { captureIo } from '../support/cli-io';

let service: PayerService;
let catalog: CodeCatalog;
beforeAll(() => {
  service = shippedPayerService();
  catalog = starterCatalog();
});

/** Runs `n` encounters to the end; `pause` saves and restores the practice on that day. */
function runPractice(seed: number, n: number, effects: PracticeEffects, pause?: number) {
  const source = fixedEncounterSource(seed, { encounters: n });
  let p = new Practice(
    { seed, start: source.world.startDate, behaviour: source.world.payers },
    effects,
  );
  const work = autoBiller({ coderAccuracy: 0.8 });
  let next = source.next();
  for (let day = 0; day < 2000; day++) {
    while (next && next.serviceDate <= p.today) {
      p.admit(next);
      next = source.next();
    }
    if (!next && p.open === 0) break;
    if (day === pause) p = Practice.restore(JSON.parse(JSON.stringify(p.toJSON())), effects);
    p.advance(1, work);
  }
  return p;
}

describe('claimlab simulate', () => {
  it('is deterministic for a seed: two runs print the same bytes', async () => {
    const args = ['simulate', '--seed', '5', '--encounters', '240', '--json'];
    const a = captureIo();
    const b = captureIo();
    expect(await main(args, a.io)).toBe(0);
    expect(await main(args, b.io)).toBe(0);
    expect(a.out.join('\n')).toBe(b.out.join('\n'));
    const j = JSON.parse(a.out.join('\n'));
    expect(j.encounters).toBe(240);
    expect(j.balanceCheck.violations).toBe(0);
    expect(j.balanceCheck.linesChecked).toBeGreaterThan(240);
    const c = captureIo();
    await main(['simulate', '--seed', '6', '--encounters', '240', '--json'], c.io);
    expect(c.out.join('\n')).not.toBe(a.out.join('\n'));
  });

  it("draws the visits from the synthetic world over the packs' case templates", async () => {
    const { io, out } = captureIo();
    const args = ['--seed', '3', '--encounters', '40', '--pack', 'practice-templates', '--json'];
    expect(await main(['simulate', ...args], io)).toBe(0);
    const j = JSON.parse(out.join('\n'));
    expect(j.encounters).toBe(40);
    expect(j.balanceCheck.violations).toBe(0);
  });

  it('prints the figures as text without --json', async () => {
    const { io, out } = captureIo();
    expect(await main(['simulate', '--seed', '1', '--encounters', '30'], io)).toBe(0);
    const text = out.join('\n');
    for (const label of [
      'clean-claim rate',
      'denials by group-CARC',
      'appeals (filed/won)',
      'mean days in A/R',
      'balance check',
    ])
      expect(text).toContain(label);
  });

  it('usage errors exit 2 with a message naming the option', async () => {
    for (const [args, needle] of [
      [['--coder-accuracy', '1.5'], '--coder-accuracy'],
      [['--encounters', 'ten'], '--encounters'],
      [['--pack', 'no-such-pack'], '--pack'],
      // A pack without case templates cannot feed the synthetic world.
      [['--pack', 'starter'], 'has no case templates'],
      [['--speed', '3'], '--speed'],
    ] as const) {
      const { io, err } = captureIo();
      expect(await main(['simulate', ...args], io)).toBe(2);
      expect(err.join('\n')).toContain(needle);
    }
  });
});

describe('the automatic biller', () => {
  it('answers each denial by policy and keeps every line balanced', () => {
    // The fixed visits (starter codes, an unsupported A1c, a routine physical): the policy answers.
    const r = simulate(
      { seed: 2, encounters: 300, coderAccuracy: 0.85 },
      service,
      catalog,
      fixedEncounterSource(2, { encounters: 300 }),
    );
    const f = r.figures;
    expect(f.closed).toBe(300);
    expect(f.balanceCheck.violations).toBe(0);
    // The routine physical (PR-96) goes to the patient; the unsupported A1c (CO-50) is written off.
    expect(f.denials.byReason['PR-96']).toBeGreaterThan(0);
    expect(f.writeOffs['medical-necessity']?.count).toBeGreaterThan(0);
    expect(f.writeOffs['medical-necessity']!.count).toBeLessThanOrEqual(
      f.denials.byReason['CO-50']!,
    );
    // Records requested (commercial modifier-25 policy) are appealed with the records and won.
    expect(f.appeals['level1']!.won).toBe(f.appeals['level1']!.filed);
    expect(f.rejections).toBeGreaterThan(0);
    expect(f.cleanClaimRate).toBeGreaterThan(0.3);
    expect(f.cleanClaimRate).toBeLessThan(0.9);
    expect(f.collectedShare).toBeGreaterThan(0.4);
    expect(f.decisions.wrong).toBeGreaterThan(0);
  });
});

describe('the practice engine', () => {
  it('saves to plain JSON mid-run and restores to the same end', () => {
    // The payer keeps its own ledger across the save (it is the payer's state, not the office's).
    const straight = runPractice(4, 120, practiceEffects(service, catalog, 4));
    const resumed = runPractice(4, 120, practiceEffects(service, catalog, 4), 20);
    expect(resumed.figures()).toEqual(straight.figures());
    expect(resumed.decisions).toEqual(straight.decisions);
  });

  it('a payer that answers later (adjudicateLater) gives the same run, read only when due', () => {
    const straight = runPractice(6, 150, practiceEffects(service, catalog, 6));
    // The payer adjudicates in the order of the calls (as simulate's payer thread does); the
    // practice reads each answer on its clearinghouse or secondary-remittance day, or at a save.
    const base = practiceEffects(service, catalog, 6);
    let asked = 0;
    let read = 0;
    const later: PracticeEffects = {
      ...base,
      adjudicateLater: (claim, date) => {
        asked++;
        const r = base.adjudicate(claim, date);
        let seen = false;
        return () => {
          if (!seen) read++;
          seen = true;
          return r;
        };
      },
    };
    const deferred = runPractice(6, 150, later, 30);
    expect(deferred.figures()).toEqual(straight.figures());
    expect(deferred.decisions).toEqual(straight.decisions);
    expect(asked).toBe(straight.figures().claimsSubmitted);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(asked);
  });

  it('a trainee works a rejection: appealing it is a wrong move, fixing it is right', () => {
    const source = fixedEncounterSource(9, { encounters: 1 });
    const effects = practiceEffects(service, catalog, 9);
    const p = new Practice(
      { seed: 9, start: source.world.startDate, behaviour: source.world.payers },
      effects,
    );
    const enc = source.next()!;
    p.admit(enc);
    expect(p.queue('toCode')).toEqual([enc.id]);
    p.code(enc.id, { ...codingFor(p, enc.id, 1, 0), memberIdMissing: true });
    p.advance(3);
    expect(p.queue('rejections')).toEqual([enc.id]);
    p.appealRejection(enc.id);
    expect(p.decisions.at(-1)).toMatchObject({
      right: false,
      rationale: WRONG_MOVES.appealRejection,
    });
    p.fixRejection(enc.id, codingFor(p, enc.id, 1, 0));
    expect(p.decisions.at(-2)).toMatchObject({ kind: 'rejection', right: true });
    p.advance(40);
    expect(p.queue('toPost')).toEqual([enc.id]);
    expect(p.decisions.every((d) => typeof d.at === 'string' && d.rationale.length > 10)).toBe(
      true,
    );
  });
});
