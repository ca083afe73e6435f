/**
 * The claim machine's context stays small enough for V8 to keep its copies fast: XState's
 * `assign` copies the context with `Object.assign({}, context, update)`, and a copy of 20 keys
 * or more lands in dictionary mode (every read and copy after that a hash-table walk). This is
 * about `claimlab simulate`'s speed (issue 15, "Batch simulation": 10,000 encounters ≤ 5 s), so
 * a new key must make room (nest it, or drop one nothing reads) rather than pass this silently.
 * See: src/machines/claim.machine.ts (ClaimMachineContext).
 */
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import {
  claimMachine,
  initialClaimContext,
  type ClaimMachineEvent,
} from '../../src/machines/claim.machine';

const input = {
  encounterId: 'enc-000001',
  payerId: 'commercial-ppo',
  corrections: 'frequency-7-8' as const,
  qmb: false,
  hasSecondary: false,
  serviceDate: '2026-03-02',
};

/** The most keys `Object.assign({}, o)` copies with fast properties in Node 20's V8. */
const FAST_COPY_KEYS = 19;

describe('claim machine context size', () => {
  it(`has at most ${FAST_COPY_KEYS} keys, from the start and after assigns`, () => {
    expect(Object.keys(initialClaimContext(input)).length).toBeLessThanOrEqual(FAST_COPY_KEYS);
    const at = '2026-03-21';
    let [s] = initialTransition(claimMachine, input);
    const events: ClaimMachineEvent[] = [
      { type: 'coding.start', at },
      { type: 'claim.create', at },
      { type: 'claim.scrub', at, errors: 0 },
      { type: 'claim.submit', at, dueOn: '2026-03-22' },
      { type: 'clearinghouse.rejected', at, reasons: ['claim.missing-field'] },
      { type: 'claim.fix', at },
    ];
    for (const e of events) [s] = transition(claimMachine, s, e);
    expect(s.value).toBe('coding');
    expect(s.context.claimSeq).toBe(2);
    expect(Object.keys(s.context).length).toBeLessThanOrEqual(FAST_COPY_KEYS);
  });

  it('the copy XState makes of it keeps fast properties in V8', () => {
    // V8's own check (%HasFastProperties), reachable once natives syntax is allowed.
    setFlagsFromString('--allow-natives-syntax');
    const hasFast = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    const at = '2026-03-21';
    let [s] = initialTransition(claimMachine, input);
    [s] = transition(claimMachine, s, { type: 'coding.start', at });
    [s] = transition(claimMachine, s, { type: 'claim.create', at });
    [s] = transition(claimMachine, s, { type: 'claim.scrub', at, errors: 0 });
    [s] = transition(claimMachine, s, { type: 'claim.submit', at, dueOn: '2026-03-22' });
    expect(s.context.submissions).toBe(1);
    expect(hasFast(s.context)).toBe(true);
  });
});
