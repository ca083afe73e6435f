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

/** A session for a case, or the problems that prevent opening it (unknown case, bad payer profile). */
export function openSession(
  app: AppState,
  packId: string,
  caseId: string,
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
  const payer = payerServiceFor(found.pack, found.caseFile, catalog, app.engine);
  if (Array.isArray(payer)) return payer;
  // An older version (`#/case/<id>@<version>/…`, opened from the refresher) saves its progress
  // and attempts under `<id>@<version>`, apart from the newest version's.
  const newest = findPack(app.allPacks, found.pack.id) === found.pack;
  const pack = newest
    ? found.pack
    : { ...found.pack, id: packRef(found.pack.id, found.pack.version) };
  return new CaseSession({
    ...found,
    pack,
    store: app.store,
    catalog,
    adjudicate: payer.adjudicate,
    scrub: payer.scrub,
    acceptsReplacement: payer.acceptsReplacement,
    payerName: payer.payerName,
    payerProfile: payer.profile,
  });
}
