/**
 * `claimlab simulate --seed S --encounters N [--pack ID] [--coder-accuracy P] [--json]`: runs N
 * encounters through the whole lifecycle (the claim, appeal and patient-balance machines on one
 * simulated clock, the shipped payers adjudicating) with an automatic biller, then prints the
 * office's figures: one JSON object with --json, else aligned text. Deterministic for a seed.
 * Exit codes: 0 done, 2 usage error (bad option).
 * See: issue 15 ("Batch simulation"); src/machines/practice/.
 */
import type { CodeCatalog } from '../../domain/codes/catalog';
import { formatMoney } from '../../domain/money';
import { addDays } from '../../domain/time/dates';
import { autoBiller } from '../../machines/practice/biller';
import { Practice, type PracticeEffects } from '../../machines/practice/engine';
import type { Figures } from '../../machines/practice/figures';
import { loadShippedPacks } from '../../scenarios/load-node';
import type { PayerService } from '../../services/payer';
import { CliError, emit, parseArgs, type Io } from '../io';
import { loadCatalog } from './check';
import { cliPayerService } from './payer-service';
import { encounterSource } from './simulate-source';
import { practiceEffects } from '../../services/practice-payer';
import type { EncounterSource, GeneratedEncounter } from '../../domain/world/encounter';
import { useSimulateWorker, workerPracticeEffects } from './simulate-payer';

/** The practice's payer (services/practice-payer.ts), as the simulation and the app use it. */
export { practiceEffects };

export interface SimulationOptions {
  seed: number;
  encounters: number;
  coderAccuracy: number;
  pack?: string;
  /** Days after the last visit the run goes on for open claims (730). */
  tailDays?: number;
  /** `--check-postings`: the biller posts through the trainee's posting checks (biller.ts). */
  checkPostings?: boolean;
}

/** What the posting checks found (with `checkPostings`): postings judged, wrong, errors by kind. */
export interface PostingSummary {
  checked: number;
  wrong: number;
  errors: Record<string, number>;
}

type SimulationResult = {
  figures: Figures;
  days: number;
  until: string;
  postings?: PostingSummary;
};

const sourceFor = (opts: SimulationOptions) =>
  encounterSource(opts.seed, {
    encounters: opts.encounters,
    ...(opts.pack ? { pack: opts.pack } : {}),
  });

/** Runs the simulation and returns its figures. */
export function simulate(
  opts: SimulationOptions,
  service: PayerService,
  catalog: CodeCatalog,
  /** Where the visits come from (default: the synthetic world over the packs' templates). */
  source: EncounterSource = sourceFor(opts),
): SimulationResult {
  return simulateWith(opts, practiceEffects(service, catalog, opts.seed), source);
}

/** Visits generated ahead of the practice (at most this many). */
const AHEAD = 2000;

/**
 * `source` with visits generated ahead: `generate` draws the next one into a queue (while the
 * practice waits for the payer), `next` hands them out in order. The same visits in the same
 * order: the world does not depend on the practice.
 */
function aheadOf(source: EncounterSource): EncounterSource & { generate: () => boolean } {
  const queue: (GeneratedEncounter | null)[] = [];
  let head = 0;
  let ended = false;
  return {
    world: source.world,
    generate() {
      if (ended || queue.length - head >= AHEAD) return false;
      const e = source.next();
      if (!e) ended = true;
      queue.push(e);
      return true;
    },
    next() {
      if (head === queue.length) return ended ? null : source.next();
      const e = queue[head]!;
      queue[head++] = null;
      if (head === queue.length) {
        queue.length = 0;
        head = 0;
      }
      return e;
    },
  };
}

/** The simulation over given effects (the payer on this thread, or on a worker: simulate-payer.ts). */
function simulateWith(
  opts: SimulationOptions,
  effects: PracticeEffects,
  source: EncounterSource,
): SimulationResult {
  const practice = new Practice(
    {
      seed: opts.seed,
      start: source.world.startDate,
      behaviour: source.world.payers,
      // The figures count the decisions; nobody reads them one by one here.
      keepDecisions: false,
    },
    effects,
  );
  const work = autoBiller({
    coderAccuracy: opts.coderAccuracy,
    ...(opts.checkPostings ? { checkPostings: true } : {}),
  });
  let next = source.next();
  let last = practice.today;
  let days = 0;
  const tail = opts.tailDays ?? 730;
  for (;;) {
    while (next && next.serviceDate <= practice.today) {
      // The SOAP note is for a trainee's screen; the automatic biller codes from the answer key,
      // so an open visit need not hold its note (a tenth of the run's live heap).
      practice.admit(next.note.length ? { ...next, note: [] } : next);
      last = next.serviceDate;
      next = source.next();
    }
    if (!next && (practice.open === 0 || practice.today > addDays(last, tail))) break;
    practice.advance(1, work);
    days++;
  }
  const out = { figures: practice.figures(), days, until: practice.today };
  return opts.checkPostings ? { ...out, postings: postingSummary(practice) } : out;
}

/** The posting ledger's verdicts: how many postings were judged, how many wrong, and why. */
function postingSummary(p: Practice): PostingSummary {
  const errors: Record<string, number> = {};
  let checked = 0;
  let wrong = 0;
  for (const r of p.postings) {
    if (r.right === null) continue;
    checked++;
    if (!r.right) wrong++;
    for (const e of r.errors) {
      const kind = /written off\. /.test(e)
        ? 'patient-responsibility-written-off'
        : /is contractual\. |moved to the patient\. /.test(e)
          ? 'contractual-to-patient'
          : /written off at posting/.test(e)
            ? 'denial-written-off-at-posting'
            : 'other';
      errors[kind] = (errors[kind] ?? 0) + 1;
    }
  }
  return { checked, wrong, errors };
}

const money = (c: number) => formatMoney(c);

/** The figures as the public JSON (money as decimal strings, rates as fractions). */
export function figuresJson(
  f: Figures,
  run: { seed: number; days: number; until: string; postings?: PostingSummary },
) {
  return {
    seed: run.seed,
    simulatedDays: run.days,
    until: run.until,
    encounters: f.encounters,
    closed: f.closed,
    claimsSubmitted: f.claimsSubmitted,
    cleanClaimRate: f.cleanClaimRate,
    rejections: f.rejections,
    denials: f.denials,
    reopenings: f.reopenings,
    appeals: f.appeals,
    writeOffs: Object.fromEntries(
      Object.entries(f.writeOffs).map(([k, v]) => [k, { count: v.count, amount: money(v.amount) }]),
    ),
    meanDaysInAR: f.meanDaysInAR,
    charges: money(f.charges),
    collected: {
      insurance: money(f.collected.insurance),
      patient: money(f.collected.patient),
      refunds: money(f.collected.refunds),
      total: money(f.collected.total),
    },
    collectedShare: f.collectedShare,
    statements: f.statements,
    patientBalancesOutstanding: {
      count: f.patientBalances.count,
      amount: money(f.patientBalances.amount),
    },
    aging: Object.fromEntries(Object.entries(f.aging).map(([k, v]) => [k, money(v)])),
    balanceCheck: f.balanceCheck,
    decisions: f.decisions,
    // Only with --check-postings: the default output is what it always was.
    ...(run.postings ? { postings: run.postings } : {}),
  };
}

function text(j: ReturnType<typeof figuresJson>): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const kv = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ') || 'none';
  return [
    `encounters              ${j.encounters} (${j.closed} closed) over ${j.simulatedDays} simulated days, to ${j.until}`,
    `claims submitted        ${j.claimsSubmitted}`,
    `clean-claim rate        ${pct(j.cleanClaimRate)}`,
    `rejections              ${j.rejections}`,
    `denied claims           ${j.denials.claims} (${pct(j.denials.rate)} of adjudicated)`,
    `denials by group        ${kv(j.denials.byGroup)}`,
    `denials by group-CARC   ${kv(j.denials.byReason)}`,
    `reopenings              ${j.reopenings}`,
    `appeals (filed/won)     ${
      Object.entries(j.appeals)
        .map(([k, v]) => `${k} ${v.filed}/${v.won}`)
        .join(', ') || 'none'
    }`,
    `write-offs              ${
      Object.entries(j.writeOffs)
        .map(([k, v]) => `${k} ${v.count} ($${v.amount})`)
        .join(', ') || 'none'
    }`,
    `mean days in A/R        ${j.meanDaysInAR}`,
    `charges                 $${j.charges}`,
    `collected               $${j.collected.total} (${pct(j.collectedShare)} of charges; insurance $${j.collected.insurance}, patients $${j.collected.patient}, refunds $${j.collected.refunds})`,
    `patient balances        ${j.patientBalancesOutstanding.count} outstanding, $${j.patientBalancesOutstanding.amount}`,
    `insurance A/R aging     ${kv(j.aging)}`,
    `balance check           ${j.balanceCheck.linesChecked} lines checked, ${j.balanceCheck.violations} violations (billed = paid + adjustments)`,
    `decisions               ${j.decisions.total} (${j.decisions.wrong} wrong)`,
    ...(j.postings
      ? [
          `postings checked        ${j.postings.checked} (${j.postings.wrong} with errors: ${kv(j.postings.errors)})`,
        ]
      : []),
  ];
}

export function parseSimulateFlags(args: string[]): SimulationOptions & { json: boolean } {
  const { flags, positional } = parseArgs(args, ['seed', 'encounters', 'pack', 'coder-accuracy']);
  for (const k of flags.keys())
    if (!['seed', 'encounters', 'pack', 'coder-accuracy', 'json', 'check-postings'].includes(k))
      throw new CliError(`unknown option --${k}`);
  if (positional.length) throw new CliError(`unexpected argument "${positional[0]}"`);
  const int = (k: string, dflt: number, min: number, max: number) => {
    const v = flags.get(k);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (v === true || !Number.isInteger(n) || n < min || n > max)
      throw new CliError(`--${k} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const seed = int('seed', 1, 0, 2 ** 32 - 1);
  const encounters = int('encounters', 100, 1, 1_000_000);
  const accRaw = flags.get('coder-accuracy');
  const coderAccuracy = accRaw === undefined ? 0.9 : Number(accRaw);
  if (accRaw === true || !Number.isFinite(coderAccuracy) || coderAccuracy < 0 || coderAccuracy > 1)
    throw new CliError('--coder-accuracy must be a number from 0 to 1 (e.g. 0.9)');
  const pack = flags.get('pack');
  if (pack === true) throw new CliError('--pack needs a pack id');
  if (pack !== undefined) {
    const ids = loadShippedPacks().packs.map((p) => p.id);
    if (!ids.includes(pack))
      throw new CliError(`unknown pack "${pack}" (--pack); shipped packs: ${ids.join(', ')}`);
  }
  return {
    seed,
    encounters,
    coderAccuracy,
    json: flags.get('json') === true,
    ...(flags.get('check-postings') === true ? { checkPostings: true } : {}),
    ...(pack !== undefined ? { pack } : {}),
  };
}

export async function run(args: string[], io: Io): Promise<number> {
  const opts = parseSimulateFlags(args);
  let r: SimulationResult;
  if (useSimulateWorker(opts.encounters)) {
    // The payer (code sets, edits, adjudication) on a second thread, loading while this one
    // builds the world: simulate-payer.ts.
    const payer = workerPracticeEffects(opts.seed, io);
    try {
      // While the practice waits for a remittance, the world generates the visits to come.
      const source = aheadOf(sourceFor(opts));
      payer.whileWaiting = source.generate;
      r = simulateWith(opts, payer.effects, source);
    } finally {
      await payer.close();
    }
  } else {
    const service = cliPayerService(io, { insteadOfMpfs: 'using the pack fee table' });
    const catalog = await loadCatalog(io);
    r = simulate(opts, service, catalog);
  }
  const j = figuresJson(r.figures, {
    seed: opts.seed,
    days: r.days,
    until: r.until,
    ...(r.postings ? { postings: r.postings } : {}),
  });
  if (opts.json) await emit(io, JSON.stringify(j));
  else for (const l of text(j)) await emit(io, l);
  return 0;
}
