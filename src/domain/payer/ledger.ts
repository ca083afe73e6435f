/**
 * The payer's side of the story across claims: which claims it has adjudicated (so that a
 * replacement, void or reopening finds the original it takes back, and a second correction of
 * the same claim is refused) and each member's deductible and out-of-pocket amounts for the
 * benefit year, carried from claim to claim and started again from zero in a new benefit year.
 * The CLI keeps one ledger per run (claims in input order, plus `--history`); the app one per
 * case. Pure bookkeeping around `adjudicate`: the rules stay in the adjudicator.
 * See: DOMAIN.md §6 (accumulators per benefit period) and §8 (corrected claims); 42 CFR 410.160.
 */
import type { Accumulators, Claim } from '../claim/claim';
import type { Finding } from '../findings';
import { cents, type Cents } from '../money';
import { adjudicate, type AdjudicationContext } from './adjudicate';
import { benefitYearOf } from './cost-sharing/benefit-year';
import { creditBack } from './corrections/reversal';
import { cobFromClaim } from './coordination/prior';
import { isIsoDate } from '../time/dates';
import { plusDays } from '../time/calendar';
import type { PayerProfile } from './profile';
import type { Remittance } from './remittance/remittance';
import { reopen, type ReopeningOutcome, type ReopeningRequest } from './corrections/reopening';

/**
 * Where a ledger keeps the text of the adjudications it remembers: `put` returns a handle that
 * `get` gives back. In memory by default; the CLI passes one that spills to a temporary file, so
 * a run of a million claims keeps only handles and keys in memory.
 */
export interface LedgerStore {
  put(text: string): number;
  get(handle: number): string;
}

export function memoryLedgerStore(): LedgerStore {
  const texts: string[] = [];
  return { put: (t) => texts.push(t) - 1, get: (h) => texts[h]! };
}

/**
 * `new PayerLedger(KEEP_OBJECTS)`: the ledger keeps the claims and remittances it records as the
 * objects themselves, not as JSON text. For a run whose ledger fits in memory and that looks
 * back at every claim (the simulated practice: writing and re-reading the text was a tenth of a
 * run). The ledger hands back the objects it was given: neither it nor the edits change a claim
 * or remittance once adjudicated, and its callers must not either.
 */
export const KEEP_OBJECTS = 'objects';

/**
 * One adjudication the ledger remembers. A run may hold hundreds of thousands: the remittance and
 * claim are kept as JSON text in the store (compact, never walked by the garbage collector) and
 * rebuilt when a correction, duplicate check or secondary claim asks for them, which is rare.
 * Both are plain data (strings, numbers, arrays, objects), so the text round-trips exactly
 * (the remittance without its findings).
 */
class Entry {
  readonly #store: LedgerStore | null;
  /**
   * The remittance's handle in the store, or the remittance itself (no store); -1: not kept
   * (a ledger told that no claim names another, `LedgerOptions.claimsNamed`).
   */
  readonly #remittance: number | Remittance;
  /** The claim's handle in the store (-1: none), or the claim itself (no store). */
  readonly #claim: number | Claim | undefined;
  readonly #recent: RecentClaims;
  /** Set when a later replacement, void or reopening took this claim back. */
  supersededBy: Remittance | null = null;
  constructor(
    store: LedgerStore | null,
    r: Remittance,
    claim?: Claim,
    recent?: RecentClaims,
    keepRemittance = true,
  ) {
    this.#store = store;
    this.#recent = recent ?? NO_RECENT;
    if (!keepRemittance && !store) {
      // Only the look-back reads this entry (its claim). (With a store, the ledger holds the
      // claim's handle instead of an entry: PayerLedger.#held.)
      this.#remittance = -1;
      this.#claim = claim;
      return;
    }
    // Without its findings: nothing reads them back (a correction reverses the original's
    // lines, coordination reads the primary's payments), and their messages are most of the
    // text a run would otherwise write and keep for every claim (issue 11).
    const kept = r.findings.length ? { ...r, findings: [] } : r;
    if (!store) {
      this.#remittance = kept;
      this.#claim = claim;
      return;
    }
    this.#remittance = store.put(JSON.stringify(kept));
    this.#claim = claim ? store.put(JSON.stringify(claim)) : -1;
    if (claim) this.#recent.add(this, claim);
  }
  /** The remittance recorded, with `findings` left empty (see the constructor). */
  get remittance(): Remittance {
    const r = this.#remittance;
    if (r === -1) throw new Error(NOT_NAMED);
    return typeof r !== 'number' ? r : (JSON.parse(this.#store!.get(r)) as Remittance);
  }
  /** The claim adjudicated, when the ledger saw it (history from JSON has only remittances). */
  get claim(): Claim | undefined {
    const c = this.#claim;
    if (typeof c !== 'number') return c;
    return c < 0 ? undefined : (JSON.parse(this.#store!.get(c)) as Claim);
  }
  /**
   * The claim as the look-back reads it: the same data as `claim`, but shared between calls
   * (the claim object recorded, or one parsed copy, while among the ledger's recent claims).
   * Read-only: neither the ledger's callers nor the edits change a claim once adjudicated.
   */
  get priorClaim(): Claim | undefined {
    const h = this.#claim;
    if (typeof h !== 'number') return h;
    if (h < 0) return undefined;
    const hit = this.#recent.get(this);
    if (hit) return hit;
    const c = JSON.parse(this.#store!.get(h)) as Claim;
    this.#recent.add(this, c);
    return c;
  }
}

/**
 * What a member's book holds for each claim: its Entry, or (a ledger with a store that keeps no
 * remittances, `claimsNamed: false`) just the claim's handle in the store, a number, which costs
 * no object per claim (issue 11: adjudicate's memory grows with the members of a run).
 */
type Held = Entry | number;

/**
 * The most recently used parsed claims (a bounded number): the look-back of each adjudication
 * (duplicates, global surgery: the member's claims of the last 90 days) asks for the same recent
 * claims again and again, and parsing their text each time was most of its cost. Bounded, so a
 * run of a million claims still keeps only text and handles for all but the last few thousand.
 * Two generations instead of one map in use order: a claim read or added goes into the current
 * one; when it is full, it becomes the previous one and the one before is dropped. (Deleting a
 * map's oldest key at every claim made V8 step over all the deleted slots before it to find the
 * next: a tenth of the ledger's time in a batch of 100,000 claims.)
 */
class RecentClaims {
  #now = new Map<Held, Claim>();
  #before = new Map<Held, Claim>();
  /** At most `size` claims in all (0: none at all): half in each generation. */
  constructor(readonly size: number) {}
  get(e: Held): Claim | undefined {
    const c = this.#now.get(e);
    if (c) return c;
    const old = this.#before.get(e);
    if (old) this.add(e, old);
    return old;
  }
  add(e: Held, c: Claim): void {
    if (this.size <= 0) return;
    if (this.#now.size * 2 >= this.size) {
      this.#before = this.#now;
      this.#now = new Map();
    }
    this.#now.set(e, c);
  }
}

const NO_RECENT = new RecentClaims(0);

const NOT_NAMED =
  'The payer ledger was told that no claim names another (claimsNamed: false), but one did.';

export interface LedgerOptions {
  /**
   * false: no claim of the run names an earlier one (no replacement or void with its
   * `originalClaimId`, no secondary claim with `otherPayers`, no reopening), so the ledger keeps
   * only what the look-back and the accumulators need: each member's book and claims, not the
   * remittances nor the index by claim id and payer claim number. Finding a claim by its id then
   * throws (the caller was wrong). The CLI's `adjudicate` says so when its input file holds
   * neither field name (issue 11: a tenth of a batch run went to writing remittances nothing read).
   * Default true.
   */
  claimsNamed?: boolean;
  /**
   * With `claimsNamed: false` and a store: whether a later claim of the run may be of this member
   * (by the member id the ledger keys: the claim's `patient.memberId`). When not, nothing would
   * ever read what the ledger keeps of the member's claim (the look-back, the accumulators and
   * the benefit years are read only by a later claim of the same member, and no claim names
   * another), so the ledger keeps nothing of it: no claim text in the store, no member book. The
   * CLI's `adjudicate` knows it from its input file's bytes (sharded.ts `repeatedMembers`; issue
   * 11: most members of a large batch have one claim). Default: every member may come back.
   */
  memberComesBack?: (memberId: string) => boolean;
}

/**
 * `{ ...ctx, cob, original, accumulators, findings + notes }` (each only when given) as one object
 * of one shape, every field present (undefined when absent): the adjudication reads the context
 * many times per claim, and a spread's shape differs with the fields given (issue 11).
 */
function fullContext(
  ctx: AdjudicationContext,
  cob: AdjudicationContext['cob'],
  original: Remittance | undefined,
  accumulators: Accumulators | undefined,
  notes: readonly Finding[],
): { [K in keyof Required<AdjudicationContext>]: AdjudicationContext[K] } {
  return {
    payer: ctx.payer,
    fees: ctx.fees,
    receivedDate: ctx.receivedDate,
    seed: ctx.seed,
    randomReview: ctx.randomReview,
    findings: notes.length ? [...(ctx.findings ?? []), ...notes] : ctx.findings,
    edits: ctx.edits,
    accumulators: accumulators ? accumulators : ctx.accumulators,
    authorizations: ctx.authorizations,
    original: original ? original : ctx.original,
    reopening: ctx.reopening,
    appealDecision: ctx.appealDecision,
    cob: cob ? cob : ctx.cob,
  };
}

export class PayerLedger {
  /** Where the text goes; null: the objects are kept as they are (KEEP_OBJECTS). */
  readonly #store: LedgerStore | null;
  /** Parsed claims the look-back read lately (see RecentClaims). */
  readonly #recent: RecentClaims;
  /** False: remittances and the index by claim id are not kept (LedgerOptions.claimsNamed). */
  readonly #named: boolean;
  /** LedgerOptions.memberComesBack (only with claimsNamed: false and a store). */
  readonly #comesBack: ((memberId: string) => boolean) | null;
  constructor(
    store: LedgerStore | typeof KEEP_OBJECTS = memoryLedgerStore(),
    opts: LedgerOptions = {},
  ) {
    this.#store = store === KEEP_OBJECTS ? null : store;
    this.#recent = this.#store ? new RecentClaims(4096) : NO_RECENT;
    this.#named = opts.claimsNamed ?? true;
    this.#comesBack = !this.#named && this.#store ? (opts.memberComesBack ?? null) : null;
  }
  /**
   * payer id -> claim id or payer claim number -> the adjudication it names. Nested maps (not
   * `payer|ref` keys): the keys are strings the claims already hold, not a new one per claim.
   */
  readonly #claims = new Map<string, Map<string, Entry>>();
  /**
   * payer id -> member id -> what the ledger keeps of the member (MemberBook): one small record
   * per member rather than an entry in each of several maps, so a run of many members stays
   * small (issue 11: adjudicate's memory).
   */
  readonly #members = new Map<string, Map<string, MemberBook>>();

  #book(payerId: string, member: string): MemberBook {
    let byMember = this.#members.get(payerId);
    if (!byMember) this.#members.set(payerId, (byMember = new Map()));
    let b = byMember.get(member);
    if (!b) byMember.set(member, (b = new MemberBook()));
    return b;
  }

  #claim(payerId: string, ref: string): Entry | undefined {
    if (!this.#named) throw new Error(NOT_NAMED);
    return this.#claims.get(payerId)?.get(ref);
  }

  #setClaim(payerId: string, ref: string, e: Entry): void {
    let m = this.#claims.get(payerId);
    if (!m) this.#claims.set(payerId, (m = new Map()));
    m.set(ref, e);
  }

  /**
   * What the ledger holds for an adjudication: its Entry; or, keeping no remittances with a
   * store, the claim's handle (null when there is no claim: nothing would read the entry).
   */
  #held(r: Remittance, claim: Claim | undefined): Held | null {
    const store = this.#store;
    if (this.#named || !store) return new Entry(store, r, claim, this.#recent, this.#named);
    if (!claim) return null;
    const h = store.put(JSON.stringify(claim));
    this.#recent.add(h, claim);
    return h;
  }

  /** A held claim as the look-back reads it (see Entry.priorClaim). */
  #priorClaim(e: Held): Claim | undefined {
    if (typeof e !== 'number') return e.priorClaim;
    const hit = this.#recent.get(e);
    if (hit) return hit;
    const c = JSON.parse(this.#store!.get(e)) as Claim;
    this.#recent.add(e, c);
    return c;
  }

  /** Records an adjudication (from this run or from history given by the user). */
  record(r: Remittance, payer?: PayerProfile, serviceDate?: string, claim?: Claim): void {
    if (r.status === 'rejected') return;
    // The member's only claim of the run: nothing will read what would be kept of it.
    const comesBack = this.#comesBack;
    if (comesBack && claim && !r.reversal) {
      const m = claim.patient.memberId;
      if (m && m === r.patient.memberId && !comesBack(m)) return;
    }
    const entry = this.#held(r, claim);
    if (r.reversal) {
      const old = this.#claim(r.payerId, r.reversal.payerClaimNumber);
      if (old) old.supersededBy = r;
      // A correction that moved the service to another benefit year: the original's year gets
      // its shares back here (the adjudicator credits only the year it is working in).
      const oldYear = old?.remittance.benefitYear;
      const member = old?.remittance.patient.memberId;
      if (old && oldYear && member && r.benefitYear && oldYear !== r.benefitYear) {
        const b = this.#members.get(r.payerId)?.get(member);
        const acc = b?.accIn(oldYear);
        if (b && acc) b.setAcc(oldYear, creditBack(acc, r.reversal));
      }
    }
    if (claim && entry !== null && r.status !== 'voided') {
      const b = this.#book(r.payerId, claim.patient.memberId ?? '');
      for (const d of serviceDates(claim)) b.addOn(d, entry);
    }
    // A void is known by the claim number it took back: keep that one pointing at the original.
    if (r.status !== 'voided' && typeof entry === 'object' && entry !== null) {
      this.#setClaim(r.payerId, r.claimId, entry);
      if (r.payerClaimNumber) this.#setClaim(r.payerId, r.payerClaimNumber, entry);
    }
    const member = r.patient.memberId;
    const year =
      r.benefitYear ??
      (payer && serviceDate && isIsoDate(serviceDate) ? benefitYearOf(payer, serviceDate) : null);
    if (member && year) {
      const b = this.#book(r.payerId, member);
      b.setAcc(year, r.accumulatorsAfter);
      b.addYear(year);
    }
  }

  /**
   * The member's running accumulators for the claim's benefit year, unless the claim gives its
   * own. Without the ledger's running amounts (an original given with a request, not in
   * --history), the original's own accumulators after it are the member's running amounts:
   * otherwise its deductible would be credited back from zero and charged again in full.
   */
  #running(claim: Claim, payer: PayerProfile, original?: Remittance): Accumulators | undefined {
    const member = claim.patient.memberId;
    if (claim.accumulatorsGiven || !member || !isIsoDate(claim.serviceDate)) return undefined;
    return (
      this.accumulators(payer, member, claim.serviceDate) ??
      originalsRunning(original, payer, claim.serviceDate)
    );
  }

  /** A secondary claim coordinates with the primary's decision: on the claim, or the one this
   * ledger holds for the same claim id at the primary payer. */
  #cobFor(claim: Claim, payer: PayerProfile) {
    return cobFromClaim(claim, (payerId) => this.find(payerId, claim.claimId)?.remittance, payer);
  }

  /** The adjudication a claim id or payer claim number names, and what replaced it if anything. */
  find(payerId: string, ref: string): Entry | undefined {
    return this.#claim(payerId, ref);
  }

  /**
   * The member's claims this payer has adjudicated and that still stand, for the duplicate edit
   * (`claim.duplicate`, OA-18): not those taken back by a replacement or void, nor the original
   * that `claim` itself replaces or voids (named by claim id or payer claim number). With
   * `daysBefore`, also those with a service up to that many days before (and the day after) one
   * of this claim's dates: the global surgery edits' postoperative periods.
   * See: CMS Pub. 100-04 ch. 1 §120 (duplicate claims); CARC 18.
   */
  priorClaims(payerId: string, claim: Claim, opts: { daysBefore?: number } = {}): Claim[] {
    const named =
      claim.frequency !== '1' && claim.originalClaimId
        ? this.find(payerId, claim.originalClaimId)
        : undefined;
    const out = new Set<Held>();
    const book = this.#members.get(payerId)?.get(claim.patient.memberId ?? '');
    if (!book?.hasDates()) return [];
    const add = (list: readonly Held[] | undefined) => {
      for (const e of list ?? [])
        if (typeof e === 'number' || (!e.supersededBy && e !== named)) out.add(e);
    };
    const before = opts.daysBefore ?? 0;
    for (const d of serviceDates(claim)) {
      if (before === 0 || !isIsoDate(d)) {
        add(book.on(d));
        continue;
      }
      // The global surgery edits look back over a postoperative period (up to 90 days) and one
      // day ahead (the day before a major surgery). See: Pub. 100-04 ch. 12 §40.1.
      // The member's dates in [d - before, d + 1], ascending (ISO dates sort as text): the
      // same days, in the same order, as trying each of the window's days.
      book.between(plusDays(d, -before), plusDays(d, 1), add);
    }
    return [...out].flatMap((e) => this.#priorClaim(e) ?? []);
  }

  /** Running accumulators of a member in the benefit year of `date` (undefined: none yet). */
  accumulators(payer: PayerProfile, memberId: string, date: string): Accumulators | undefined {
    return this.#members.get(payer.id)?.get(memberId)?.accIn(benefitYearOf(payer, date));
  }

  /**
   * Adjudicates with the ledger's knowledge: the original a frequency 7/8 names (refused when
   * it was already taken back), and the member's running accumulators unless the claim gives
   * its own; then records the result.
   */
  adjudicate(claim: Claim, ctx: AdjudicationContext): Remittance {
    const payer = ctx.payer;
    const notes: Finding[] = [];
    let original = ctx.original;
    if (!original && claim.frequency !== '1' && claim.originalClaimId) {
      const e = this.find(payer.id, claim.originalClaimId);
      if (e?.supersededBy) notes.push(supersededFinding(claim, e));
      else if (e) original = e.remittance;
    }
    let accumulators = ctx.accumulators ?? this.#running(claim, payer, original);
    const member = claim.patient.memberId;
    if (!accumulators && !claim.accumulatorsGiven && member && isIsoDate(claim.serviceDate)) {
      const year = benefitYearOf(payer, claim.serviceDate);
      const ys = this.#members.get(payer.id)?.get(member)?.years ?? [];
      const earlier = (typeof ys === 'string' ? [ys] : [...ys]).filter((y) => y < year);
      if (earlier.length > 0) notes.push(newYearFinding(payer, year, earlier.sort().at(-1)!));
      accumulators = { deductibleMet: cents(0), outOfPocketMet: cents(0) };
    }
    const cob = ctx.cob ?? this.#cobFor(claim, payer);
    const r = adjudicate(claim, fullContext(ctx, cob, original, accumulators, notes));
    this.record(r, payer, claim.serviceDate, claim);
    return r;
  }

  /**
   * Decides a Medicare reopening request against the claim it names (refused when that claim
   * was already revised: the request must name the latest claim number), with the member's
   * running accumulators; a revised determination is recorded like any adjudication.
   */
  reopen(
    req: ReopeningRequest,
    ctx: AdjudicationContext,
    /** The original claim as billed, when the caller has it (to compare diagnoses too). */
    originalClaim?: Claim,
  ): ReopeningOutcome {
    const payer = ctx.payer;
    const ref = req.claim.originalClaimId;
    const e = ref ? this.find(payer.id, ref) : undefined;
    if (e?.supersededBy)
      return {
        kind: 'refused',
        findings: [{ ...supersededFinding(req.claim, e), id: 'reopening.refused' }],
      };
    const original = ctx.original ?? e?.remittance;
    const accumulators = ctx.accumulators ?? this.#running(req.claim, payer, original);
    // A reopened secondary claim is still secondary: coordinate with the primary as `adjudicate` does.
    const cob = ctx.cob ?? this.#cobFor(req.claim, payer);
    const out = reopen(
      req,
      original,
      { ...ctx, ...(accumulators ? { accumulators } : {}), ...(cob ? { cob } : {}) },
      e?.claim ?? originalClaim,
    );
    if (out.kind === 'revised')
      this.record(out.remittance, payer, req.claim.serviceDate, req.claim);
    return out;
  }
}

/** First index of `xs` (ascending) whose value is not below `x`. */
function lowerBound(xs: readonly string[], x: string): number {
  let a = 0;
  let b = xs.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (xs[m]! < x) a = m + 1;
    else b = m;
  }
  return a;
}

/**
 * One copy of each date string the books hold: every claim parsed from JSON brings its own copy
 * of the same few hundred dates, and a book keeps one per member (issue 11: adjudicate's memory).
 * Bounded: past the bound a date is kept as the claim gave it.
 */
const DATES = new Map<string, string>();
function internDate(d: string): string {
  const hit = DATES.get(d);
  if (hit !== undefined) return hit;
  if (DATES.size < 20_000) DATES.set(d, d);
  return d;
}

/**
 * What the ledger keeps of one member at one payer, shaped for the usual member (one benefit
 * year, one date of service): plain fields, the accumulators as two numbers, a lone date and its
 * claim as themselves; arrays from the second date, a map only where one member has many years.
 * About 100 bytes for such a member instead of about 300 (issue 11: adjudicate's memory).
 */
class MemberBook {
  /** Benefit years seen (for the new-year note): one year as itself; a set from the second. */
  years: string | Set<string> | undefined = undefined;
  /** Running accumulators (cents) of the latest year recorded first, then any other years. */
  #accYear: string | undefined = undefined;
  #deductible = 0 as Cents;
  #outOfPocket = 0 as Cents;
  #accOther: Map<string, Accumulators> | undefined = undefined;
  /**
   * Valid ISO dates of service, ascending, and the claims adjudicated for the member with a
   * service that day (duplicate detection compares services on the same date; the global
   * surgery edits look back over a window of dates). One date: the date itself and its claims
   * (one claim as itself); from the second date, a list of dates and a list of their claims.
   */
  #days: string | string[] | undefined = undefined;
  #onDay: Held | Held[] | (Held | Held[])[] | undefined = undefined;
  /** Dates that are not valid ISO dates (matched only exactly). */
  #odd: Map<string, Held[]> | undefined = undefined;

  accIn(year: string): Accumulators | undefined {
    if (year === this.#accYear)
      return { deductibleMet: this.#deductible, outOfPocketMet: this.#outOfPocket };
    return this.#accOther?.get(year);
  }

  setAcc(year: string, acc: Accumulators): void {
    if (this.#accYear === undefined || year === this.#accYear) {
      this.#accYear = year;
      this.#deductible = acc.deductibleMet;
      this.#outOfPocket = acc.outOfPocketMet;
    } else (this.#accOther ??= new Map()).set(year, acc);
  }

  addYear(year: string): void {
    const ys = this.years;
    if (ys === undefined) this.years = year;
    else if (typeof ys !== 'string') ys.add(year);
    else if (ys !== year) this.years = new Set([ys, year]);
  }

  hasDates(): boolean {
    return this.#days !== undefined || this.#odd !== undefined;
  }

  addOn(d: string, e: Held): void {
    if (!isIsoDate(d)) {
      const odd = (this.#odd ??= new Map());
      const list = odd.get(d);
      if (list) list.push(e);
      else odd.set(d, [e]);
      return;
    }
    const days = this.#days;
    if (days === undefined) {
      this.#days = internDate(d);
      this.#onDay = e;
      return;
    }
    if (typeof days === 'string') {
      if (days === d) {
        const on = this.#onDay as Held | Held[];
        if (Array.isArray(on)) on.push(e);
        else this.#onDay = [on, e];
        return;
      }
      // A second date: from here on a list of dates and a list of their claims.
      const on = this.#onDay as Held | Held[];
      const x = internDate(d);
      this.#days = days < d ? [days, x] : [x, days];
      this.#onDay = days < d ? [on, e] : [e, on];
      return;
    }
    const onDay = this.#onDay as (Held | Held[])[];
    const i = days[days.length - 1]! < d ? days.length : lowerBound(days, d);
    if (days[i] !== d) {
      days.splice(i, 0, internDate(d));
      onDay.splice(i, 0, e);
    } else {
      const on = onDay[i]!;
      if (Array.isArray(on)) on.push(e);
      else onDay[i] = [on, e];
    }
  }

  /** The claims with a service on `d`. */
  on(d: string): readonly Held[] | undefined {
    if (!isIsoDate(d)) return this.#odd?.get(d);
    const days = this.#days;
    if (days === undefined) return undefined;
    if (typeof days === 'string') return days === d ? this.#lone() : undefined;
    const i = lowerBound(days, d);
    return days[i] === d ? this.#listAt(i) : undefined;
  }

  /** Calls `f` with each date's claims from `lo` to `hi` (ISO dates), ascending. */
  between(lo: string, hi: string, f: (list: readonly Held[]) => void): void {
    const days = this.#days;
    if (days === undefined) return;
    if (typeof days === 'string') {
      if (days >= lo && days <= hi) f(this.#lone());
      return;
    }
    for (let i = lowerBound(days, lo); i < days.length && days[i]! <= hi; i++) f(this.#listAt(i));
  }

  /** The claims of the one date (when `#days` is a string). */
  #lone(): readonly Held[] {
    const on = this.#onDay as Held | Held[];
    return Array.isArray(on) ? on : [on];
  }

  #listAt(i: number): readonly Held[] {
    const on = (this.#onDay as (Held | Held[])[])[i]!;
    return Array.isArray(on) ? on : [on];
  }
}

/** The dates of service on a claim: the claim's, and any line's own. */
const serviceDates = (c: Claim): Set<string> =>
  new Set([c.serviceDate, ...c.lines.map((l) => l.serviceDate ?? c.serviceDate)]);

/**
 * The running accumulators an original remittance shows after itself, when it is the member's
 * (same payer) and in the benefit year of `date`: the best the payer knows without a ledger entry.
 */
function originalsRunning(
  original: Remittance | undefined,
  payer: PayerProfile,
  date: string,
): Accumulators | undefined {
  if (!original || original.payerId !== payer.id || !original.benefitYear) return undefined;
  if (original.status === 'rejected') return undefined;
  return original.benefitYear === benefitYearOf(payer, date)
    ? original.accumulatorsAfter
    : undefined;
}

function supersededFinding(claim: Claim, e: Entry): Finding {
  const by = e.supersededBy!;
  const ref = claim.originalClaimId;
  const icn = by.payerClaimNumber ?? by.claimId;
  const message =
    by.status === 'voided'
      ? `Claim ${ref} was already voided by claim ${by.claimId}: there is nothing left to change.`
      : by.reopening
        ? `Claim ${ref} was already revised by a reopening (now claim ${by.claimId}, payer claim number ${icn}): a further correction must name ${icn}.`
        : `Claim ${ref} was already replaced by claim ${by.claimId} (payer claim number ${icn}): a further correction must name ${icn}.`;
  return {
    id: 'claim.original-not-found',
    severity: 'error',
    line: null,
    codes: [],
    field: 'originalClaimId',
    message,
    reference:
      'X12 005010X222A1 2300 REF*F8 (the payer claim number of the most recent adjudication); NUCC 1500 item 22',
  };
}

function newYearFinding(payer: PayerProfile, year: string, last: string): Finding {
  return {
    id: 'benefits.year-reset',
    severity: 'info',
    line: null,
    codes: [],
    field: 'serviceDate',
    message: `This service starts ${payer.name}'s benefit year beginning ${year}: the deductible and out-of-pocket amounts met in the year beginning ${last} no longer count.`,
    reference: `${payer.name} benefit year starts ${payer.benefitYearStart} (42 CFR 410.160 for Medicare Part B; plan documents)`,
  };
}
