/**
 * The practice screen's state (src/state/practice.svelte.ts) over the shipped packs: a seed gives
 * the same practice (visits, remittances, decisions) byte for byte; every action is saved and a
 * new state over the same store resumes with the queues, the clock and the decisions intact; a
 * record that cannot be read is kept aside with a message.
 * See: issue 15 ("The practice, in the app": progress survives reload and a killed browser).
 */
import { describe, expect, it } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { memoryStore } from '../../src/persistence/kv';
import { PracticeStore } from '../../src/persistence/practice-store';
import { PRACTICE_KEY } from '../../src/persistence/practice.record';
import { loadShippedPacks } from '../../src/scenarios/load-node';
import { newestVersions } from '../../src/scenarios/versions';
import { PracticeState } from '../../src/state/practice.svelte';
import { expectedLinePostings } from '../../src/machines/posting';
import { WRONG_MOVES } from '../../src/machines/practice/decisions';

const shipped = loadShippedPacks();
const catalog = starterCatalog();

function state(kv = memoryStore()) {
  const store = new PracticeStore(kv, { now: () => '2026-01-01T00:00:00.000Z' });
  return new PracticeState({
    store,
    templates: () => shipped.full,
    payerPacks: () => newestVersions(shipped.packs),
    catalog: () => catalog,
    pause: async () => {},
  });
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );

/** Posts a remittance line by line exactly as the 835 says (the trainee's own, right, posting). */
async function postRight(s: PracticeState, id: string) {
  const problems = await s.postLines(id, expectedLinePostings(s.practice!.remittance(id)!));
  expect(problems).toEqual([]);
}

/** Works every queue the way a careful biller would, for `days` days. */
async function run(s: PracticeState, days: number) {
  for (let d = 0; d < days; d++) {
    for (const r of s.view!.queues.toCode) await s.acceptSuggested(r.id);
    for (const r of s.view!.queues.toPost) await postRight(s, r.id);
    await s.advance(1);
  }
}

describe('PracticeState', () => {
  it('starts a seeded practice from the shipped templates and reports generation progress', async () => {
    const s = state();
    const seen: string[] = [];
    const p = s.start({ seed: 7, weeks: 2, guided: true });
    seen.push(s.status.kind);
    await p;
    expect(seen).toEqual(['generating']);
    expect(s.status).toEqual({ kind: 'ready' });
    const v = s.view!;
    expect(v.queues.toCode.length).toBeGreaterThan(0);
    expect(v.upcoming + v.queues.toCode.length).toBe(30);
    expect(v.queues.toCode[0]!.note.length).toBeGreaterThan(0);
  });

  it('is deterministic for a seed: two runs save the same practice', async () => {
    const a = memoryStore();
    const b = memoryStore();
    const sa = state(a);
    const sb = state(b);
    await sa.start({ seed: 11, weeks: 2, guided: true });
    await sb.start({ seed: 11, weeks: 2, guided: true });
    await run(sa, 14);
    await run(sb, 14);
    await sa.flush();
    await sb.flush();
    const strip = (kv: ReturnType<typeof memoryStore>) =>
      JSON.stringify((kv.dump()[PRACTICE_KEY] as { practice: unknown }).practice);
    expect(strip(a)).toBe(strip(b));
    expect(sa.view!.decisions.length).toBeGreaterThan(10);
  });

  it('a practice reloaded mid-way goes on exactly as one never reloaded (the payer ledger too)', async () => {
    const straight = memoryStore();
    const a = state(straight);
    await a.start({ seed: 5, weeks: 2, guided: true });
    await run(a, 40);
    await a.flush();
    const reloaded = memoryStore();
    const b = state(reloaded);
    await b.start({ seed: 5, weeks: 2, guided: true });
    await run(b, 9);
    await b.flush();
    const c = state(reloaded);
    await c.resume();
    await run(c, 31);
    await c.flush();
    const saved = (kv: ReturnType<typeof memoryStore>) => {
      const r = kv.dump()[PRACTICE_KEY] as { practice: unknown; ledger: unknown[] };
      // Key order aside (a record read back through its schema lists the checked keys first).
      return canonical([r.practice, r.ledger]);
    };
    expect(saved(reloaded)).toBe(saved(straight));
    expect((straight.dump()[PRACTICE_KEY] as { ledger: unknown[] }).ledger.length).toBeGreaterThan(
      10,
    );
  });

  it('saves after every action; a new state over the same store resumes where it was', async () => {
    const kv = memoryStore();
    const s = state(kv);
    await s.start({ seed: 3, weeks: 2, guided: false });
    await run(s, 10);
    await s.flush();
    const before = s.view!;
    const again = state(kv);
    await again.resume();
    expect(again.status).toEqual({ kind: 'ready' });
    const after = again.view!;
    expect(after.today).toBe(before.today);
    expect(after.upcoming).toBe(before.upcoming);
    for (const q of Object.keys(before.queues) as (keyof typeof before.queues)[])
      expect(
        after.queues[q].map((r) => [r.id, r.state]),
        q,
      ).toEqual(before.queues[q].map((r) => [r.id, r.state]));
    expect(after.decisions).toEqual(before.decisions);
    expect(after.figures).toEqual(before.figures);
    expect(again.options).toEqual({ seed: 3, weeks: 2, guided: false });
  });

  it('keeps an unreadable saved practice aside with a message', async () => {
    const kv = memoryStore({ [PRACTICE_KEY]: { format: 1, kind: 'practice', revision: 1 } });
    const s = state(kv);
    await s.resume();
    expect(s.status).toEqual({ kind: 'idle' });
    expect(s.message).toMatch(/could not be read.*kept aside as “claimlab\/corrupt\/practice\//);
    expect(Object.keys(kv.dump()).some((k) => k.startsWith('claimlab/corrupt/practice/'))).toBe(
      true,
    );
  });

  it('refuses a bad seed or week count with a message naming the field', async () => {
    const s = state();
    await s.start({ seed: -1, weeks: 2, guided: true });
    expect(s.status).toMatchObject({ kind: 'failed', message: expect.stringMatching(/^Seed/) });
    await s.start({ seed: 1, weeks: 0, guided: true });
    expect(s.status).toMatchObject({ kind: 'failed', message: expect.stringMatching(/^Weeks/) });
  });
});

describe('PracticeState: a denial through a first-level appeal', () => {
  it('appeals a denial; the payer decides on its review day; the decisions are judged', async () => {
    const s = state();
    await s.start({ seed: 3, weeks: 2, guided: true });
    let appealed: string | null = null;
    for (let d = 0; d < 90 && !appealed; d++) {
      for (const r of s.view!.queues.toCode) await s.acceptSuggested(r.id);
      for (const r of s.view!.queues.toPost) await postRight(s, r.id);
      const denial = s.view!.queues.denials.find((r) => r.denial?.appealable);
      if (denial) {
        await s.work(denial.id, { kind: 'appeal', evidence: 'records' });
        appealed = denial.id;
      } else await s.advance(1);
    }
    expect(appealed).not.toBeNull();
    const row = s.view!.queues.appeals.find((r) => r.id === appealed)!;
    expect(row.appeal).toMatchObject({ state: 'review', level: 1 });
    expect(s.message).toMatch(/^Filed a first-level appeal .* (Right|Wrong): /);
    const due = row.appeal!.decisionDue!;
    while (s.view!.today < due) await s.advance(1);
    const after = s.view!.queues.appeals.find((r) => r.id === appealed);
    const decided = after ? after.appeal!.history[0]!.result : 'won';
    expect(['won', 'lost']).toContain(decided);
    const kinds = new Set(s.view!.decisions.map((d) => d.kind));
    expect(kinds).toEqual(new Set(['coding', 'posting', 'appeal']));
    expect(
      s.view!.decisions.every((d) => d.rationale.length > 20 && /\d{4}-\d{2}-\d{2}/.test(d.at)),
    ).toBe(true);
  });
});

describe('PracticeState: the trainee posts, files at a level, and codes outside the starter set', () => {
  it('a posting that does not balance is refused; a wrong one is posted, judged and shown in the ledger', async () => {
    const s = state();
    await s.start({ seed: 3, weeks: 2, guided: true });
    let id: string | null = null;
    for (let d = 0; d < 40 && !id; d++) {
      for (const r of s.view!.queues.toCode) await s.acceptSuggested(r.id);
      const r = s.view!.queues.toPost.find((x) => {
        const e = expectedLinePostings(s.practice!.remittance(x.id)!);
        return e.lines.some((l) => l.coinsurance + l.deductible + l.copay > 0);
      });
      if (r) id = r.id;
      else {
        for (const x of s.view!.queues.toPost) await postRight(s, x.id);
        await s.advance(1);
      }
    }
    expect(id).not.toBeNull();
    const right = expectedLinePostings(s.practice!.remittance(id!)!);
    const n = right.lines.findIndex((l) => l.coinsurance + l.deductible + l.copay > 0);
    const l = right.lines[n]!;
    const pr = l.coinsurance + l.deductible + l.copay;
    const decisions = s.view!.decisions.length;
    // Unbalanced: refused, nothing posted, the problem names the line and the field.
    const short = {
      ...right,
      lines: right.lines.map((x, i) =>
        i === n ? { ...x, contractual: (x.contractual - 1) as never } : x,
      ),
    };
    const refused = await s.postLines(id!, short);
    expect(refused[0]).toMatchObject({ line: l.line, field: 'contractual' });
    expect(s.message).toMatch(/^Not posted: Line \d+ \(\w+\) does not balance/);
    expect(s.view!.queues.toPost.some((r) => r.id === id)).toBe(true);
    expect(s.view!.decisions.length).toBe(decisions);
    // PR written off as contractual: posted, judged wrong, the ledger shows the error.
    const prOff = {
      ...right,
      lines: right.lines.map((x, i) =>
        i === n
          ? {
              ...x,
              deductible: 0 as never,
              coinsurance: 0 as never,
              copay: 0 as never,
              contractual: (x.contractual + pr) as never,
            }
          : x,
      ),
    };
    expect(await s.postLines(id!, prOff)).toEqual([]);
    const d = s.view!.decisions.at(-1)!;
    expect(d).toMatchObject({ kind: 'posting', right: false, manual: true, encounterId: id });
    expect(d.rationale).toContain(WRONG_MOVES.prAsContractual);
    expect(s.view!.ledger[0]).toMatchObject({ encounterId: id, by: 'trainee', right: false });
    expect(s.view!.ledger[0]!.errors[0]).toContain(WRONG_MOVES.prAsContractual);
    expect(s.message).toMatch(/Wrong: .*loses revenue/);
    // The labelled shortcut posts the next one without a decision, marked in the ledger.
    for (let d2 = 0; d2 < 30 && !s.view!.queues.toPost.length; d2++) await s.advance(1);
    const next = s.view!.queues.toPost[0]!;
    const before = s.view!.decisions.length;
    await s.post(next.id);
    expect(s.view!.decisions.length).toBe(before);
    expect(s.view!.ledger[0]).toMatchObject({ encounterId: next.id, by: 'shortcut', right: null });
  });

  it('an appeal filed at level 2 before any decision is refused and recorded as wrong', async () => {
    const s = state();
    await s.start({ seed: 3, weeks: 2, guided: true });
    let denial: string | null = null;
    for (let d = 0; d < 90 && !denial; d++) {
      for (const r of s.view!.queues.toCode) await s.acceptSuggested(r.id);
      for (const r of s.view!.queues.toPost) await postRight(s, r.id);
      const r = s.view!.queues.denials.find((x) => x.denial?.appealable);
      if (r) denial = r.id;
      else await s.advance(1);
    }
    expect(denial).not.toBeNull();
    const row = s.view!.queues.denials.find((r) => r.id === denial)!;
    expect(row.appealLevels.length).toBeGreaterThan(1);
    await s.work(denial!, {
      kind: 'appeal',
      evidence: 'records',
      level: row.appealLevels[1]!.level,
    });
    const d = s.view!.decisions.at(-1)!;
    expect(d).toMatchObject({ kind: 'appeal', right: false, level: row.appealLevels[1]!.level });
    expect(d.rationale).toMatch(/is not open/);
    expect(s.view!.queues.denials.some((r) => r.id === denial)).toBe(true);
  });

  it('says which codes are known; with official code sets a valid code outside them is looked up and kept', async () => {
    const s = state();
    await s.start({ seed: 3, weeks: 1, guided: true });
    expect(s.officialCodes).toBe(false);
    expect(s.codesNote).toMatch(/official code sets are not imported.*refused as invalid/);
    const row = s.view!.queues.toCode[0]!;
    const odd = { diagnoses: ['Q99.8'], lines: [{ ...row.suggested.lines[0]!, code: '0001A' }] };
    expect(s.unknownCodes(row.serviceDate, odd)).toEqual(['Q99.8', '0001A']);

    const asked: string[] = [];
    const official = new PracticeState({
      store: new PracticeStore(memoryStore(), { now: () => '2026-01-01T00:00:00.000Z' }),
      templates: () => shipped.full,
      payerPacks: () => newestVersions(shipped.packs),
      catalog: () => catalog,
      pause: async () => {},
      engine: {
        mode: 'official',
        ready: async () => 'official',
        client: {
          request: (async (req: { type: string; code: string; date: string }) => {
            asked.push(`${req.type} ${req.code} ${req.date}`);
            if (req.type === 'lookup')
              return {
                exists: true,
                billable: true,
                short: 'Other chromosome abnormality',
                description: 'Other specified chromosome abnormalities',
              };
            return {
              code: req.code,
              system: 'CPT',
              display: 'vaccine administration',
              effective: null,
              terminated: null,
              ownWording: true,
              source: 'test',
            };
          }) as never,
        } as never,
      },
    });
    await official.start({ seed: 3, weeks: 1, guided: true });
    expect(official.codesNote).toMatch(/imported official code sets/);
    const r2 = official.view!.queues.toCode[0]!;
    await official.code(r2.id, odd);
    expect(asked).toEqual([`lookup Q99.8 ${r2.serviceDate}`, `procedure 0001A ${r2.serviceDate}`]);
    expect(official.unknownCodes(r2.serviceDate, odd)).toEqual([]);
  });
});

describe('PracticeState: coordination of benefits', () => {
  it('billing the patient before the secondary payer is judged wrong', async () => {
    const s = state();
    await s.start({ seed: 7, weeks: 3, guided: true });
    let id: string | null = null;
    for (let d = 0; d < 60 && !id; d++) {
      for (const r of s.view!.queues.toCode) await s.acceptSuggested(r.id);
      for (const r of s.view!.queues.toPost) await postRight(s, r.id);
      const r = s.view!.queues.paid.find(
        (x) => x.hasSecondary && s.practice!.machine(x.id)!.context.patientOwes > 0,
      );
      if (r) id = r.id;
      else await s.advance(1);
    }
    expect(id).not.toBeNull();
    await s.billPatient(id!);
    expect(s.view!.decisions.at(-1)).toMatchObject({
      kind: 'patient-billing',
      right: false,
      encounterId: id,
    });
    expect(s.view!.decisions.at(-1)!.rationale).toMatch(/secondary payer is on file/);
  });
});
