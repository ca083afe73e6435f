/**
 * Input and output for CLI commands. Commands never print stack traces: they write one JSON
 * object per claim to stdout and plain-language errors to stderr.
 */
import { readFileSync } from 'node:fs';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
}

export const processIo: Io = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const ch of process.stdin) chunks.push(ch as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** One record read from the input: the parsed JSON, or why the line could not be read. */
export type InputRecord =
  | { kind: 'json'; value: unknown; where: string; index: number }
  | { kind: 'bad'; message: string; where: string; index: number };

/**
 * Reads `<file|->`: a `.json` file holds one claim (or an array of claims); `.jsonl` and stdin
 * hold one claim per line (stdin may also be a single pretty-printed JSON document).
 * Throws CliError only when the input itself cannot be read.
 */
export async function readRecords(arg: string | undefined, io: Io): Promise<InputRecord[]> {
  if (!arg) throw new CliError('missing input: give a .json or .jsonl file, or - for stdin');
  let text: string;
  let name = arg;
  if (arg === '-') {
    text = await io.readStdin();
    name = 'stdin';
  } else {
    try {
      text = readFileSync(arg, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(
        code === 'ENOENT'
          ? `cannot read ${arg}: no such file`
          : `cannot read ${arg}: ${code ?? String(e)}`,
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const whole = arg.endsWith('.jsonl') ? undefined : tryParse(text);
  if (whole && whole.ok) {
    const v = whole.value;
    return (Array.isArray(v) ? v : [v]).map((value, index) => ({
      kind: 'json' as const,
      value,
      where: Array.isArray(v) ? `${name}[${index}]` : name,
      index,
    }));
  }
  if (!arg.endsWith('.jsonl') && arg !== '-') {
    const msg = whole && !whole.ok ? whole.message : 'not JSON';
    return [{ kind: 'bad', message: `${name}: ${msg}`, where: name, index: 0 }];
  }
  const out: InputRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const r = tryParse(line);
    const where = `${name}:${i + 1}`;
    out.push(
      r.ok
        ? { kind: 'json', value: r.value, where, index: out.length }
        : { kind: 'bad', message: `${where}: ${r.message}`, where, index: out.length },
    );
  });
  return out;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `not valid JSON (${(e as Error).message})` };
  }
}

/** Parses `--flag value` and `--flag` options; returns positionals in order. */
export function parseArgs(args: string[], withValue: readonly string[]) {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags.set(k, inline);
      else if (withValue.includes(k)) {
        const v = args[++i];
        if (v === undefined) throw new CliError(`--${k} needs a value`);
        flags.set(k, v);
      } else flags.set(k, true);
    } else positional.push(a);
  }
  return { flags, positional };
}
