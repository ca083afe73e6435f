/**
 * 10,000 malformed or hostile packs: mutations of a valid pack (wrong types, missing parts, huge
 * strings, `__proto__`/`constructor` keys, invalid codes, deep nesting) and arbitrary values.
 * `pack validate` must never throw, never pollute a prototype, and report every rejection with
 * a path that names the file.
 * See: issue 12 "Tests"; src/scenarios/validate-pack.ts.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { packContext } from '../../src/cli/commands/pack';
import type { Io } from '../../src/cli/io';
import { assemblePack } from '../../src/scenarios/format/assemble';
import { readPackPath } from '../../src/scenarios/format/read-node';
import type { PackCheckContext } from '../../src/scenarios/validate-pack';
import { starterPayers } from '../../src/services/shipped';
import { validatePackV2 } from '../../src/scenarios/validate-pack';

const io: Io = { out: () => {}, err: () => {}, readStdin: async () => '' };
let ctx: PackCheckContext;
let base: Record<string, unknown>;
/** A format-1 pack with its cases inline (read through migration 1 → 2). */
let base1: Record<string, unknown>;

type Path = (string | number)[];
function allPaths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...at, i], out));
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) allPaths((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

function deep(n: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

const HUGE = 'x'.repeat(100_000);
const HOSTILE: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1e308,
  Number.NaN,
  true,
  '',
  HUGE,
  [],
  {},
  [HUGE, HUGE],
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('[{"__proto__": {"polluted": "yes"}, "id": "__proto__"}]'),
  'E11.99',
  '99999',
  'ZZ',
  '0000000000',
  '2026-02-30',
  '__proto__',
  'constructor',
  deep(2000),
  { kind: 'essay' },
  { schemaVersion: 1 },
];
const KEYS = ['__proto__', 'constructor', 'prototype', 'modifers', 'toString', 'hasOwnProperty'];

function mutate(
  root: unknown,
  ops: { path: number; value: number; op: 'set' | 'delete' | 'addKey'; key: number }[],
  paths: Path[],
): unknown {
  let doc = structuredClone(root);
  for (const o of ops) {
    const path = paths[o.path % paths.length]!;
    const value = HOSTILE[o.value % HOSTILE.length];
    if (path.length === 0) {
      if (o.op === 'set') doc = value;
      continue;
    }
    let parent: unknown = doc;
    for (const k of path.slice(0, -1)) {
      if (!parent || typeof parent !== 'object') break;
      parent = (parent as Record<string | number, unknown>)[k];
    }
    if (!parent || typeof parent !== 'object') continue;
    const last = path[path.length - 1]!;
    const target = parent as Record<string | number, unknown>;
    if (o.op === 'delete') {
      if (Array.isArray(target) && typeof last === 'number') target.splice(last, 1);
      else delete target[last];
    } else if (o.op === 'addKey') {
      const obj = target[last];
      if (obj && typeof obj === 'object')
        Object.defineProperty(obj, KEYS[o.key % KEYS.length]!, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    } else
      Object.defineProperty(target, last, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return doc;
}

const protoKeys = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
    Object.getOwnPropertyNames(p).sort().join(','),
  );

beforeAll(async () => {
  // Every starter payer built in, so the base pack stays small (10,000 runs in seconds).
  ctx = { ...(await packContext(io)), builtinPayers: starterPayers() };
  // The example pack, trimmed: one case with a short note, its plan and rule, a template, the
  // questions that do not need the second case, and one payer profile inline.
  const ex = readPackPath('test/fixtures/packs/v2-example').raw as Record<string, unknown>;
  const starter = readPackPath('scenarios/starter').raw as { payers: { id: string }[] };
  const [dm2] = ex.cases as Record<string, unknown>[];
  const banks = ex.questionBanks as { questions: { kind: string }[] }[];
  base = {
    ...ex,
    dependencies: [],
    payers: starter.payers.filter((p) => p.id === 'medicaid'),
    cases: [
      {
        ...dm2,
        documentation: {
          kind: 'soap',
          sections: ['Subjective', 'Objective', 'Assessment', 'Plan'].map((heading) => ({
            heading,
            text: 'Type 2 diabetes with hyperglycemia, hypertension, hyperlipidemia.',
          })),
        },
      },
    ],
    questionBanks: [
      { ...banks[0], questions: banks[0]!.questions.filter((q) => q.kind !== 'claim-outcome') },
    ],
  };
  const f1 = 'test/fixtures/packs/format1';
  const man = JSON.parse(readFileSync(`${f1}/pack.json`, 'utf8')) as { cases: string[] };
  base1 = {
    ...man,
    payers: [],
    cases: man.cases.map((c) => JSON.parse(readFileSync(`${f1}/${c}`, 'utf8')) as unknown),
  };
});

describe('hostile packs', () => {
  it('the base packs are valid (so mutations start from a clean pack)', () => {
    const r = validatePackV2(assemblePack(new Map([['pack.json', base]])), ctx);
    expect(r.problems).toEqual([]);
    const r1 = validatePackV2(assemblePack(new Map([['pack.json', base1]])), ctx);
    expect(r1.problems).toEqual([]);
    expect(r1.migratedFrom).toBe(1);
  });

  it('10,000 malformed or hostile packs never throw, never pollute prototypes, always report a path', () => {
    const paths = allPaths(base);
    const before = protoKeys();
    const op = fc.record({
      path: fc.nat(),
      value: fc.nat(),
      op: fc.constantFrom('set' as const, 'delete' as const, 'addKey' as const),
      key: fc.nat(),
    });
    const paths1 = allPaths(base1);
    // The arbitraries give the mutation (printable); the hostile document is built in the property.
    const input = fc.oneof(
      {
        weight: 2,
        arbitrary: fc.record({
          v1: fc.constant(true),
          ops: fc.array(op, { minLength: 1, maxLength: 4 }),
        }),
      },
      {
        weight: 7,
        arbitrary: fc.record({
          v1: fc.constant(false),
          ops: fc.array(op, { minLength: 1, maxLength: 4 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ any: fc.anything({ withObjectString: true, maxDepth: 4 }) }),
      },
    );
    let rejected = 0;
    const runs = Number(process.env.PACK_FUZZ_RUNS ?? 10_000);
    fc.assert(
      fc.property(input, (x) => {
        const doc =
          'any' in x ? x.any : x.v1 ? mutate(base1, x.ops, paths1) : mutate(base, x.ops, paths);
        const r = validatePackV2(assemblePack(new Map([['pack.json', doc]])), ctx);
        // Plain checks (not expect) in the hot loop: 10,000 runs stay within seconds.
        if (({} as Record<string, unknown>).polluted !== undefined)
          throw new Error('prototype polluted');
        if (r.ok) return;
        rejected++;
        if (r.problems.length === 0) throw new Error('rejected without a problem');
        for (const p of r.problems)
          if (
            typeof p.path !== 'string' ||
            !p.path.startsWith('pack.json') ||
            typeof p.message !== 'string' ||
            !p.message
          )
            throw new Error(
              `problem without a path or message: ${JSON.stringify(p).slice(0, 300)}`,
            );
      }),
      { numRuns: runs, seed: 20261207 },
    );
    expect(protoKeys()).toEqual(before);
    // Nearly every mutation breaks something (a few set a value to an equally valid one).
    expect(rejected).toBeGreaterThan(runs * 0.7);
  }, 180_000); // 10,000 runs: ~15 s alone, up to 4× that on a loaded 2-core machine
});
