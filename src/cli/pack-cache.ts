/**
 * The compiled CLI's cache of the validated shipped packs (src/scenarios/load-node.ts
 * `PackCache`): one JSON file beside the compiled CLI (dist-cli/claimlab.packs-cache.json) holding the
 * packs as the pack reader returned them, with the stamp (path, size, modification time) of
 * every file under scenarios/ and of the compiled CLI itself, whose code validated them. Any
 * change to a pack file or a rebuild of the CLI gives another stamp, and the packs are read and
 * validated again. Validated packs are plain JSON data: reading them back gives the same values
 * (test/cli/pack-cache.test.ts). A cache that cannot be read or written is ignored.
 * Why: validating every pack took about 0.5 s of each run's start (issue 11, start-up).
 */
import { readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackCache } from '../scenarios/load-node';
import type { LoadedPacks } from '../scenarios/format/index';

/** Path, size and modification time of every file under `dir` (sorted), and of `extra`. */
export function stampOf(dir: string, extra: readonly string[]): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const s = statSync(p);
        out.push(`${p}:${s.size}:${Math.trunc(s.mtimeMs)}`);
      }
    }
  };
  walk(dir);
  for (const p of extra) {
    const s = statSync(p);
    out.push(`${p}:${s.size}:${Math.trunc(s.mtimeMs)}`);
  }
  return out.join('\n');
}

/** A pack cache kept in `file`, valid while the packs under the folder and `code` are unchanged. */
export function filePackCache(file: string, code: string): PackCache {
  return {
    get(dir) {
      try {
        const kept = JSON.parse(readFileSync(file, 'utf8')) as {
          stamp: string;
          packs: LoadedPacks;
        };
        return kept.stamp === stampOf(dir, [code]) ? kept.packs : undefined;
      } catch {
        return undefined;
      }
    },
    put(dir, packs) {
      try {
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ stamp: stampOf(dir, [code]), packs }));
        renameSync(tmp, file);
      } catch {
        // A read-only install: validate at every start, as without a cache.
      }
    },
  };
}
