/**
 * `codes import-cpt <file> [--dir codesets/build]`: stores the descriptions of a licensed CPT
 * file the user owns (one `code,description` or `code<TAB>description` per line) in the
 * git-ignored build folder, where `codes lookup`, the scrubber and the app's status line pick
 * them up. ClaimLab never ships CPT descriptors (AMA copyright): without this file CPT codes show
 * ClaimLab's own short wording or their number and PFS status.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CPT_DESCRIPTIONS_FILE,
  cptDescriptionsText,
  parseCptDescriptions,
} from '../../codesets/cpt-descriptions';
import { DEFAULT_BUNDLE_DIR } from '../../codesets/load-node';
import { CliError, parseArgs, type Io } from '../io';

export async function run(args: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(args, ['dir']);
  const file = positional[0];
  if (!file) throw new CliError('usage: codes import-cpt <file.csv|file.txt> [--dir DIR]');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`, 1);
  }
  const r = parseCptDescriptions(text, file);
  if (!r.ok) throw new CliError(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'), 1);
  const dirRaw = flags.get('dir');
  const dir = resolve(typeof dirRaw === 'string' ? dirRaw : DEFAULT_BUNDLE_DIR);
  mkdirSync(dir, { recursive: true });
  const out = join(dir, CPT_DESCRIPTIONS_FILE);
  writeFileSync(out, cptDescriptionsText(r.value));
  io.out(`stored ${r.value.size} CPT descriptions in ${out} (git-ignored; never commit it)`);
  return 0;
}
