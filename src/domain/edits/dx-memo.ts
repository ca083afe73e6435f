/**
 * Findings of the diagnosis-only edits (validity of the diagnoses, conventions, presumed
 * relationships) memoised per catalog, ICD-10-CM release and list of diagnoses as entered: they
 * read nothing else of the claim (the date only through the release, and where the message
 * names it, through `extra`). A batch repeats the same diagnosis lists claim after claim
 * (E11.9 with I10 on every other office visit), and the notes, regular expressions and
 * messages behind them were worked out again for each (issue 11, `claimlab check` speed).
 * Findings are never changed after they are made (dedupe and ordering build new lists), so
 * claims share them; each call gets its own array.
 */
import type { CodeCatalog, IcdRelease } from '../codes/catalog';
import type { Finding } from '../findings';
import { shareFindings } from './finding-memo';

/** Lists kept per catalog and release before the memo starts again (bounded memory). */
const MAX_LISTS = 20_000;

const memo = new WeakMap<CodeCatalog, WeakMap<IcdRelease, Map<string, readonly Finding[]>>>();

/**
 * `run()`, or the findings it gave for the same family, catalog, release, `extra` and
 * diagnoses. A list with anything but strings in it (parseClaim gives strings) is not memoised.
 */
export function byDiagnoses(
  family: string,
  catalog: CodeCatalog,
  release: IcdRelease,
  diagnoses: readonly string[],
  extra: string,
  run: () => Finding[],
): Finding[] {
  let key = `${family}\u0002${extra}`;
  for (let i = 0; i < diagnoses.length; i++) {
    const d = diagnoses[i];
    if (typeof d !== 'string') return run();
    key += `\u0001${d}`;
  }
  let byRelease = memo.get(catalog);
  if (!byRelease) memo.set(catalog, (byRelease = new WeakMap()));
  let m = byRelease.get(release);
  if (!m) byRelease.set(release, (m = new Map()));
  let found = m.get(key);
  if (found === undefined) {
    if (m.size >= MAX_LISTS) m.clear();
    found = shareFindings(run());
    m.set(key, found);
  }
  return found.slice();
}
