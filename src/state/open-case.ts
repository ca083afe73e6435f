/**
 * Opening a case: its session (the claim machine) with the payer service for its pack. Kept out
 * of AppState so the machines and the payer load with the case screen, not with the app
 * (ui/screens.ts). See: issue 9 "A lean first load".
 */
import type { Problem } from '../domain/result';
import type { AppState } from './app.svelte';
import { CaseSession } from './case-session.svelte';
import { payerServiceFor } from './payer-service';
import { findPack, packRef } from '../scenarios/versions';
import { caseKeyOf } from '../scenarios/case-key';
import type { Pack } from '../scenarios/schema';
import { ProgressStore } from '../persistence/progress-store';
import { memoryStore } from '../persistence/kv';

/** A session for a case, or the problems that prevent opening it (unknown case, bad payer profile). */
export function openSession(
  app: AppState,
  packId: string,
  caseId: string,
  opts: {
    /** Exam mode (src/state/exam.svelte.ts): the sitting the case belongs to. */
    exam?: { examId: string; sittingId: string };
    /** A preview (the studio's "as a trainee"): progress lives in memory and is never saved. */
    preview?: boolean;
  } = {},
): CaseSession | Problem[] {
  const found = app.findCase(packId, caseId);
  if (!found)
    return [
      {
        path: `#/case/${packId}/${caseId}`,
        message: 'No such case in the loaded scenario packs.',
      },
    ];
  const catalog = () => app.catalog;
  const payer = payerServiceFor(
    withPayerOf(found.pack, found.caseFile.payerId, app.packs),
    found.caseFile,
    catalog,
    app.engine,
  );
  if (Array.isArray(payer)) return payer;
  // An older version (`#/case/<id>@<version>/…`, opened from the refresher) saves its progress
  // and attempts under `<id>@<version>`, apart from the newest version's.
  const newest = findPack(app.allPacks, found.pack.id) === found.pack;
  const pack = newest
    ? found.pack
    : { ...found.pack, id: packRef(found.pack.id, found.pack.version) };
  const v2 = app.caseV2(packId, caseId);
  return new CaseSession({
    ...found,
    pack,
    ...(v2
      ? { key: caseKeyOf(v2), tags: { chapters: v2.tags.chapters, topics: v2.tags.topics } }
      : {}),
    ...(v2?.afterRemittance ? { remittanceCase: v2 } : {}),
    ...(opts.exam ? { exam: opts.exam } : {}),
    store: opts.preview ? new ProgressStore(memoryStore()) : app.store,
    catalog,
    adjudicate: payer.adjudicate,
    scrub: payer.scrub,
    acceptsReplacement: payer.acceptsReplacement,
    payerName: payer.payerName,
    payerProfile: payer.profile,
    payers: payer.payers,
    adjudicatorFor: payer.adjudicatorFor,
    plans: payer.plans,
  });
}

const hasPayer = (p: Pack, id: string) =>
  p.payers.some(
    (f) => typeof f.data === 'object' && f.data !== null && (f.data as { id?: unknown }).id === id,
  );

/**
 * A case may use a payer of any pack in the set (scenarios/format/index.ts `readPackSet`): a pack
 * without the case's payer (one written in the studio on the shipped `medicare`) gets the payer
 * profiles, fee and drug tables of the first pack that has it.
 */
export function withPayerOf(pack: Pack, payerId: string, packs: readonly Pack[]): Pack {
  if (hasPayer(pack, payerId)) return pack;
  const from = packs.find((p) => p !== pack && hasPayer(p, payerId));
  if (!from) return pack;
  return {
    ...pack,
    payers: [...pack.payers, ...from.payers],
    fees: [...pack.fees, ...from.fees],
    drugs: [...pack.drugs, ...from.drugs],
  };
}
