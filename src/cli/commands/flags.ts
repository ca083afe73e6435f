/**
 * The options of `check` and `adjudicate` (and of `reopen` and `x12 837`, which share the
 * adjudication flags), in a module of their own: the main thread parses them before it decides to
 * hand a large file to a worker thread (src/cli/parallel.ts), without loading the engines.
 */
import { isIsoDate } from '../../domain/time/dates';
import { CliError, parseArgs } from '../io';

/** `check` flags that take a value. */
export const CHECK_FLAGS = ['ncci', 'mue-effective', 'history'] as const;

export function parseAdjudicationFlags(args: string[]) {
  const { flags, positional } = parseArgs(args, ['date', 'seed', 'history']);
  const history = flags.get('history');
  if (history === true) throw new CliError('--history needs a file of remittance JSON lines');
  const date = flags.get('date');
  if (date !== undefined && !isIsoDate(date))
    throw new CliError('--date must be YYYY-MM-DD (the simulated receipt date)');
  const seedFlag = flags.get('seed');
  const seed = seedFlag === undefined ? 0 : Number(seedFlag);
  if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number');
  return {
    positional,
    date: typeof date === 'string' ? date : undefined,
    seed,
    history: typeof history === 'string' ? history : undefined,
  };
}
