/**
 * The starter pack's payers and fee tables, bundled with the code (JSON imports work in Vite
 * and in Node via tsx), validated on first use. `medicare` is the built-in payer of the CLI.
 * See: scenarios/starter/payers/*.json, scenarios/starter/fees/*.json.
 */
import medicareJson from '../../../scenarios/starter/payers/medicare.json';
import commercialJson from '../../../scenarios/starter/payers/commercial-ppo.json';
import medicaidJson from '../../../scenarios/starter/payers/medicaid.json';
import medicareFeesJson from '../../../scenarios/starter/fees/medicare-national-2025.json';
import medicaidFeesJson from '../../../scenarios/starter/fees/medicaid-starter-2025.json';
import aspJson from '../../../scenarios/starter/drugs/asp-2025-q4.json';
import { parseAspTable, type AspTable } from './pricing/asp';
import type { Problem } from '../result';
import { parseFeeTable, type FeeSources, type FeeTable, type MpfsTables } from './pricing/fees';
import { parsePayerProfile, type PayerProfile } from './profile';

const PAYER_FILES: ReadonlyArray<[string, unknown]> = [
  ['scenarios/starter/payers/medicare.json', medicareJson],
  ['scenarios/starter/payers/commercial-ppo.json', commercialJson],
  ['scenarios/starter/payers/medicaid.json', medicaidJson],
];
const FEE_FILES: ReadonlyArray<[string, string, unknown]> = [
  [
    'medicare-national-2025.json',
    'scenarios/starter/fees/medicare-national-2025.json',
    medicareFeesJson,
  ],
  [
    'medicaid-starter-2025.json',
    'scenarios/starter/fees/medicaid-starter-2025.json',
    medicaidFeesJson,
  ],
];

function orThrow<T>(r: { ok: true; value: T } | { ok: false; errors: Problem[] }): T {
  if (r.ok) return r.value;
  throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
}

let payers: Map<string, PayerProfile> | undefined;
/** The starter payers by id (medicare, commercial-ppo, medicaid). Throws only if a shipped file is broken (a test guards it). */
export function starterPayers(): ReadonlyMap<string, PayerProfile> {
  payers ??= new Map(
    PAYER_FILES.map(([f, j]) => orThrow(parsePayerProfile(j, f))).map((p) => [p.id, p]),
  );
  return payers;
}

export const medicarePayer = (): PayerProfile => starterPayers().get('medicare')!;

let tables: Record<string, FeeTable> | undefined;
export function starterFeeTables(): Readonly<Record<string, FeeTable>> {
  tables ??= Object.fromEntries(
    FEE_FILES.map(([name, f, j]) => [name, orThrow(parseFeeTable(j, f))]),
  );
  return tables;
}

/** Fee sources for adjudication: the imported MPFS when given, else the pack's national table. */
export function starterFees(mpfs?: MpfsTables): FeeSources {
  const t = starterFeeTables();
  return { mpfs, medicareTable: t['medicare-national-2025.json'], tables: t, asp: starterAsp() };
}

/** The starter pack's dated ASP table (Part B drugs the packs use). */
export function starterAsp(): AspTable[] {
  const r = parseAspTable(aspJson, 'scenarios/starter/drugs/asp-2025-q4.json');
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return [r.value];
}

/** Validates pack payer files (raw JSON from the scenario loader); reports every problem with file and path. */
export function loadPackPayers(files: readonly { file: string; data: unknown }[]): {
  payers: PayerProfile[];
  errors: Problem[];
} {
  const out: PayerProfile[] = [];
  const errors: Problem[] = [];
  for (const { file, data } of files) {
    const r = parsePayerProfile(data, file);
    if (r.ok) out.push(r.value);
    else errors.push(...r.errors);
  }
  return { payers: out, errors };
}
