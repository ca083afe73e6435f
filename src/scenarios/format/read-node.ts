/**
 * Reads a pack from disk (Node: CLI, tests): a folder holding `pack.json`, or one `.json` file
 * with every part inline. Unreadable or non-JSON files become problems naming the file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { Problem } from '../../domain/result';
import { assemblePack, type Assembled } from './assemble';
import { prefixAssembled } from './index';

/** Larger files are refused before parsing (a pack file is a few hundred kB at most). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

function walk(dir: string, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out, depth + 1);
    else if (name.endsWith('.json') && !name.endsWith('.schema.json')) out.push(p);
  }
  return out;
}

/**
 * @param path a pack folder or a single-file pack
 * @param name how its files are named in problems and in the legacy shape; by default the path
 * as given (`scenarios/starter` → `scenarios/starter/cases/x.json`)
 */
export function readPackPath(path: string, name?: string): Assembled & { label: string } {
  const files = new Map<string, unknown>();
  const errors: Problem[] = [];
  let st;
  try {
    st = statSync(path);
  } catch {
    return {
      raw: undefined,
      from: null,
      sources: new Map(),
      manifestFile: name ?? path,
      errors: [{ path: name ?? path, message: 'no such file or folder' }],
      label: path,
    };
  }
  const list = st.isDirectory() ? walk(path) : [path];
  for (const f of list) {
    const rel = st.isDirectory() ? relative(path, f).split('\\').join('/') : basename(f);
    try {
      if (statSync(f).size > MAX_FILE_BYTES) {
        errors.push({ path: rel, message: `larger than ${MAX_FILE_BYTES} bytes; not read` });
        continue;
      }
      files.set(rel, JSON.parse(readFileSync(f, 'utf8')));
    } catch (e) {
      errors.push({ path: rel, message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  const manifestName = st.isDirectory() ? 'pack.json' : basename(path);
  const a = assemblePack(files, manifestName);
  // A manifest that could not be read is reported once (not also as missing).
  if (errors.some((e) => e.path === manifestName))
    a.errors = a.errors.filter((e) => !(e.path === manifestName && /is missing$/.test(e.message)));
  const base = name ?? (st.isDirectory() ? path.replace(/\/+$/, '') : dirname(path));
  // Name files from where the command was given (scenarios/starter/cases/x.json).
  const named = prefixAssembled({ ...a, errors: [...errors, ...a.errors] }, base);
  return {
    ...named,
    label: path,
  };
}
