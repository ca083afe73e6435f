/**
 * Two workers adjudicating one file (src/cli/sharded.ts) must see every claim of a member on the
 * same worker. The main thread reads each record's member id from its text (scannedMemberId)
 * instead of parsing every record a second time (issue 11): whenever it answers, the answer must
 * be the member id JSON.parse gives (parsedMemberId): the last `patient`, its last `memberId`,
 * trimmed; nested look-alikes, arrays, non-object patients and spacing included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedMemberId, scannedMemberId } from '../../src/cli/sharded';

const expectSame = (text: string) => {
  const scanned = scannedMemberId(text);
  if (scanned !== null) expect(scanned).toBe(parsedMemberId(JSON.parse(text)));
};

describe('member id read from the record text', () => {
  it('is what JSON.parse gives for hand-picked records', () => {
    const cases = [
      '{"patient":{"memberId":"M1"}}',
      ' { "patient" : { "sex":"F" , "memberId" : "  M 2 " } } ',
      '{"patient":{"memberId":"A"},"patient":{"sex":"F"}}',
      '{"patient":{"memberId":"A","memberId":"B"}}',
      '{"patient":{"x":{"memberId":"A"},"memberId":"B"}}',
      '{"patient":{"x":{"memberId":"A"}}}',
      '{"memberId":"A","patient":{}}',
      '{"other":{"patient":{"memberId":"A"}},"patient":{"memberId":"B"}}',
      '{"patient":["memberId","A"]}',
      '{"patient":"memberId"}',
      '{"patient":null}',
      '{"lines":[{"memberId":"x"}],"patient":{"memberId":"é — “x”"}}',
      '{"patient":{"memberId":"C"},"note":"\\"patient\\":{\\"memberId\\":\\"D\\"}"}',
      '{"patient":{"memberId":12}}',
      '{"patient":{"memberId":null}}',
      '{"patient":{"memberId":"p}a]t{i[ent"},"x":"}}]]"}',
      '["patient"]',
      '"x"',
      '{}',
    ];
    for (const c of cases) expectSame(c);
    expect(scannedMemberId('{"patient":{"memberId":"A"},"patient":{"sex":"F"}}')).toBe('');
    expect(scannedMemberId('{"patient":{"x":{"memberId":"A"},"memberId":"B"}}')).toBe('B');
    expect(scannedMemberId('{"patient":{"memberId":" M 2 "}}')).toBe('M 2');
  });

  it('is what JSON.parse gives for generated records (fast-check)', () => {
    const key = fc.constantFrom('patient', 'memberId', 'sex', 'lines', 'x');
    const leaf = fc.oneof(
      fc.string(),
      fc.constantFrom('patient', 'memberId', ' M1 ', '}', ']', '{"memberId":"Z"}'),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }),
      ),
    })).node;
    // Objects as key/value pair lists, so that a key can repeat (JSON.parse keeps the last).
    const write = (v: unknown, space: string): string => {
      if (
        Array.isArray(v) &&
        v.every(
          (e) =>
            Array.isArray(e) &&
            e.length === 2 &&
            typeof e[0] === 'string' &&
            ['patient', 'memberId', 'sex', 'lines', 'x'].includes(e[0] as string),
        )
      )
        return `{${v.map(([k, x]) => `${space}${JSON.stringify(k)}${space}:${space}${write(x, space)}`).join(',')}${space}}`;
      if (Array.isArray(v)) return `[${v.map((x) => write(x, space)).join(`,${space}`)}]`;
      return JSON.stringify(v);
    };
    const record = fc.array(fc.tuple(key, value), { maxLength: 5 });
    fc.assert(
      fc.property(record, fc.constantFrom('', ' ', '\t', ' \n'), (pairs, space) => {
        expectSame(write(pairs, space));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});
