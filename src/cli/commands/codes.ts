/** `codes search|lookup|diff|import-cpt …`: dispatches to one module per sub-command. */
import { CliError, type Io } from '../io';

const SUB: Record<string, () => Promise<{ run: (args: string[], io: Io) => Promise<number> }>> = {
  search: () => import('./codes-search'),
  lookup: () => import('./codes-lookup'),
  diff: () => import('./codes-diff'),
  'import-cpt': () => import('./codes-import-cpt'),
};

export async function run(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const load = sub ? SUB[sub] : undefined;
  if (!load)
    throw new CliError(
      'usage: codes search "<query>" [--limit N] [--date YYYY-MM-DD] [--json] | codes search --stdin --json | codes lookup <code> [--date] [--json] | codes diff <from> <to> [--json] | codes import-cpt <file>',
    );
  return (await load()).run(rest, io);
}
