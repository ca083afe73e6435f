#!/usr/bin/env node
/**
 * Run by `npm run dev` / `npm run build` (package.json) and by Vitest's globalSetup: builds the
 * official code-set bundles into codesets/build/ when they are missing or from an older bundle
 * format and the reference folder (../shared/reference, or $CLAIMLAB_REFERENCE) exists. Without
 * the reference folder it prints one line and exits 0: the app then runs on the starter set.
 * A failed build is reported but does not stop dev/build (the starter set still works).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'codesets', 'build');
const reference = resolve(root, process.env.CLAIMLAB_REFERENCE ?? '../shared/reference');
const FORMAT = 'claimlab.codeset-manifest';
const VERSION = 1;
// The MPFS bundle's own format version: keep equal to MPFS_FORMAT_VERSION in
// src/codesets/mpfs/decode.ts (test/payer/payment-rules.test.ts checks it).
const MPFS_FORMAT_VERSION = 2;
const MPFS_FILE = 'mpfs-2025.json.gz';

// The ICD-10-CM bundle's format version: keep equal to ICD_BUNDLE_VERSION in src/codesets/bundle.ts.
const ICD_BUNDLE_VERSION = 2;
// The encoder's search bundles (search-<release>.bin.gz): keep equal to INDEX_TERMS_FORMAT and
// INDEX_TERMS_VERSION in src/domain/codes/search/serialize-terms.ts. Older builds hold a
// prebuilt index there (binary, "CLSX"): they are rewritten.
const SEARCH_HEAD = '{"format":"claimlab.search-terms","version":3,';

/** True when a built search bundle is of another format (or unreadable). */
function searchStale() {
  if (!existsSync(out)) return false;
  const files = readdirSync(out).filter((f) => /^search-.*\.bin\.gz$/.test(f));
  return files.some((f) => {
    try {
      return !gunzipSync(readFileSync(join(out, f)))
        .subarray(0, 200)
        .toString('utf8')
        .startsWith(SEARCH_HEAD);
    } catch {
      return true;
    }
  });
}

// The ASP bundle's format version: keep equal to formatVersion in src/codesets/asp/import.ts
// (2 carries CMS's coinsurance percentage where it is not 20%).
const ASP_FORMAT_VERSION = 2;

/** True when an ASP bundle was built in an older format (rebuilt with the rest). */
function aspStale() {
  if (!existsSync(out)) return false;
  return readdirSync(out)
    .filter((f) => /^asp-.*\.json$/.test(f))
    .some((f) => {
      try {
        const m = /"formatVersion":(\d+)/.exec(readFileSync(join(out, f), 'utf8').slice(0, 200));
        return !m || Number(m[1]) !== ASP_FORMAT_VERSION;
      } catch {
        return true;
      }
    });
}

/** True when the reference folder has the MPFS files and the bundle is missing or of another format. */
function mpfsStale() {
  if (!existsSync(join(reference, 'mpfs'))) return false;
  const p = join(out, MPFS_FILE);
  if (!existsSync(p)) return true;
  try {
    // The bundle starts {"format":"claimlab.mpfs","formatVersion":N,...}: the head is enough.
    const head = gunzipSync(readFileSync(p)).subarray(0, 200).toString('utf8');
    const m = /"formatVersion":(\d+)/.exec(head);
    return !m || Number(m[1]) !== MPFS_FORMAT_VERSION;
  } catch {
    return true;
  }
}

/** The format version in an ICD-10-CM bundle's header line ({"format":…,"version":N,…}). */
function icdVersion(p) {
  try {
    const m = /"version":(\d+)/.exec(gunzipSync(readFileSync(p)).subarray(0, 200).toString('utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** True when the reference folder has NCCI files (ncci/<folder>/) whose bundle is not built yet. */
function ncciMissing() {
  const root = join(reference, 'ncci');
  if (!existsSync(root)) return false;
  return readdirSync(root, { withFileTypes: true }).some(
    (d) => d.isDirectory() && !existsSync(join(out, `ncci-${d.name}.json.gz`)),
  );
}

/** "FY2025" when the newest ICD-10-CM folder (fy2026) has order addenda, else null. */
function previousYearWanted() {
  const dir = join(reference, 'icd10cm');
  if (!existsSync(dir)) return null;
  const years = readdirSync(dir)
    .map((d) => /^fy(\d{4})$/.exec(d))
    .filter(Boolean)
    .map((m) => Number(m[1]))
    .sort((a, b) => b - a);
  const newest = years[0];
  if (!newest) return null;
  const files = readdirSync(join(dir, `fy${newest}`));
  const hasOrder = files.some((f) => /order[-_]\d{4}\.txt$/i.test(f));
  const hasAddenda = files.some((f) => /order[-_]addenda/i.test(f));
  return hasOrder && hasAddenda ? `FY${newest - 1}` : null;
}

function bundlesReady() {
  const p = join(out, 'manifest.json');
  if (!existsSync(p)) return false;
  try {
    const m = JSON.parse(readFileSync(p, 'utf8'));
    if (m.format !== FORMAT || m.version !== VERSION || !Array.isArray(m.bundles)) return false;
    const mine = m.bundles.filter((b) => ['icd10cm', 'hcpcs', 'pos', 'mce'].includes(b.kind));
    // The MCE bundle takes the derived FY2026 age lists when the reference folder has them
    // (issue 10): a bundle built before that is stale.
    const mce = mine.find((b) => b.kind === 'mce');
    const wantsDerived = existsSync(join(reference, 'mce', 'fy2026-derived', 'mce_edits.json'));
    if (mce && wantsDerived && !(mce.sources ?? []).includes('mce_edits.json')) return false;
    // The NCCI bundles (MUEs, add-on code edits) are built with the rest since issue 10.
    if (ncciMissing()) return false;
    if (aspStale()) return false;
    // The year before the newest release with order addenda is rebuilt from them
    // (src/codesets/icd/previous-release.ts): a manifest built before that lacks it.
    const wantsPrevious = previousYearWanted();
    if (wantsPrevious && !mine.some((b) => b.kind === 'icd10cm' && b.id === wantsPrevious))
      return false;
    return (
      mine.some((b) => b.kind === 'icd10cm') &&
      mine.every((b) => typeof b.file === 'string' && existsSync(join(out, b.file))) &&
      mine.every(
        (b) => b.kind !== 'icd10cm' || icdVersion(join(out, b.file)) === ICD_BUNDLE_VERSION,
      )
    );
  } catch {
    return false;
  }
}

if (bundlesReady()) {
  if (searchStale()) {
    console.log(`codesets: rewriting the encoder's search bundles (new format) in ${out} …`);
    const s = spawnSync(
      'npx',
      ['tsx', 'src/codesets/alpha-index/search-bundle.ts', reference, out],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (s.status !== 0)
      console.error(
        'codesets: the search bundles could not be rewritten (see above); the encoder builds its index from the Alphabetic Index bundles until they are',
      );
  }
  if (!mpfsStale()) process.exit(0);
  // Only the fee schedule is stale (e.g. its format changed): rebuild just that bundle.
  console.log(
    `codesets: rebuilding the MPFS bundle (${MPFS_FILE}, format ${MPFS_FORMAT_VERSION}) from ${reference} …`,
  );
  const m = spawnSync('npx', ['tsx', 'src/codesets/mpfs/bundle.ts', reference, out], {
    cwd: root,
    stdio: 'inherit',
  });
  if (m.status !== 0)
    console.error(
      'codesets: the MPFS build failed (see above); Medicare prices from the pack table until it succeeds',
    );
  process.exit(0);
}
if (!existsSync(reference)) {
  console.log(
    `codesets: no reference folder at ${reference}; using the starter code set (see codesets/README.md to get the official files)`,
  );
  process.exit(0);
}
console.log(
  `codesets: building official code-set bundles from ${reference} into codesets/build/ …`,
);
const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'codesets', 'build', '--from', reference], {
  cwd: root,
  stdio: 'inherit',
});
if (r.status !== 0)
  console.error(
    'codesets: the build failed (see above); the app will use the starter code set until it succeeds',
  );
process.exit(0);
