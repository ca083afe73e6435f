/**
 * Runs a seeded practice to its end: the fixed source's visits are admitted on their dates and
 * `work` (the biller, or a test's own worker) acts each simulated day until nothing is open.
 */
import { Practice, type PracticeEffects } from '../../src/machines/practice/engine';
import { fixedEncounterSource } from '../../src/machines/practice/fixed-source';

export function runPracticeToEnd(
  seed: number,
  encounters: number,
  effects: PracticeEffects,
  work: (p: Practice) => void,
  maxDays = 1500,
): Practice {
  const source = fixedEncounterSource(seed, { encounters });
  const p = new Practice(
    { seed, start: source.world.startDate, behaviour: source.world.payers },
    effects,
  );
  let next = source.next();
  for (let day = 0; day < maxDays; day++) {
    while (next && next.serviceDate <= p.today) {
      p.admit(next);
      next = source.next();
    }
    if (!next && p.open === 0) break;
    p.advance(1, work);
  }
  return p;
}
