/**
 * Input and output for CLI commands. Commands never print stack traces: they write one JSON
 * object per claim to stdout and plain-language errors to stderr.
 *
 * Input is read as a stream, one record at a time, so memory does not grow with the size of the
 * input: a JSON Lines file (or stdin) is cut into lines as its bytes arrive, and each line is
 * parsed, handed to the command and dropped. Output is buffered in blocks and written with
 * back-pressure (`drain`). See: README "The command line" (limits and exit codes).
 */
import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** The whole of stdin (used when `stdin` is absent, e.g. by tests). */
  readStdin(): Promise<string>;
  /** Stdin as a stream of chunks, when the Io can stream it. */
  stdin?(): AsyncIterable<Uint8Array | string>;
  /** A promise while the output is full (await it before writing more), else undefined. */
  drain?(): Promise<void> | undefined;
  /** Writes out whatever output is still buffered. */
  flush?(): Promise<void>;
}

/** Output is gathered into blocks of this size before one write: one syscall per block, not per line. */
const OUT_BLOCK = 64 * 1024;

function makeProcessIo(): Io {
  let buf = '';
  let pending: Promise<void> | undefined;
  const write = () => {
    if (!buf) return;
    const ok = process.stdout.write(buf);
    buf = '';
    if (!ok && !pending)
      pending = new Promise((res) =>
        process.stdout.once('drain', () => {
          pending = undefined;
          res();
        }),
      );
  };
  return {
    out: (l) => {
      buf += l + '\n';
      if (buf.length >= OUT_BLOCK) write();
    },
    err: (l) => {
      // Keep stdout and stderr in step for a reader watching both.
      write();
      process.stderr.write(l + '\n');
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const ch of process.stdin) chunks.push(ch as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdin: () => process.stdin,
    drain: () => pending,
    flush: async () => {
      write();
      if (pending) await pending;
    },
  };
}

export const processIo: Io = makeProcessIo();

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Exit codes (README "The command line"): 0 done, 1 input unreadable or command failed, 2 usage. */
export const EXIT = { ok: 0, unreadable: 1, usage: 2 } as const;

/** One record read from the input: the parsed JSON, or why the line could not be read. */
export type InputRecord =
  | { kind: 'json'; value: unknown; where: string; index: number }
  | { kind: 'bad'; message: string; where: string; index: number };

/**
 * Limits of the reader. One JSON Lines record (one claim) may be at most `maxRecordBytes`
 * (1 MiB: a 50-line claim is a few kilobytes); a longer line is reported as a bad record naming
 * its line number and skipped without being held in memory. A `.json` document (one claim or an
 * array of claims) is parsed whole, so it may be at most `maxDocumentBytes` (32 MiB); above that
 * the input is refused (exit 1) with a message saying to use JSON Lines.
 */
export interface ReadLimits {
  maxRecordBytes: number;
  maxDocumentBytes: number;
}
export const READ_LIMITS: ReadLimits = {
  maxRecordBytes: 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

/**
 * Reads `<file|->`: a `.jsonl` file and stdin hold one claim per line (stdin may also be a
 * single pretty-printed JSON document); any other file holds one claim or an array of claims.
 * The input is opened here (so an unreadable file fails before any work, with exit 1); the
 * records then stream from the returned iterable, in input order.
 */
export function openRecords(
  arg: string | undefined,
  io: Io,
  limits: ReadLimits = READ_LIMITS,
): AsyncIterable<InputRecord> {
  if (!arg) throw new CliError('missing input: give a .json or .jsonl file, or - for stdin');
  if (arg === '-') return stdinRecords(io, limits);
  const { fd, size } = openFile(arg);
  const chunks = () => createReadStream('', { fd, highWaterMark: 1024 * 1024 });
  if (isJsonLines(arg)) return lineRecords(chunks(), arg, limits);
  if (size > limits.maxDocumentBytes) {
    closeSync(fd);
    throw new CliError(
      `cannot read ${arg}: it is ${mb(size)}, and a JSON document is read whole and may be at most ${mb(limits.maxDocumentBytes)}; write one claim per line in a .jsonl file instead`,
      EXIT.unreadable,
    );
  }
  return documentRecords(chunks(), arg, limits);
}

/**
 * The raw lines of a JSON Lines file (`lineRecord` turns each non-blank one into its record):
 * what the worker threads of src/cli/parallel.ts are given. The file is opened here, so an
 * unreadable one fails at once with the CliError `openRecords` gives.
 */
export function openLines(arg: string, limits: ReadLimits = READ_LIMITS): AsyncIterable<RawLine> {
  const { fd } = openFile(arg);
  return splitLines(
    createReadStream('', { fd, highWaterMark: 1024 * 1024 }),
    limits.maxRecordBytes,
  );
}

/** Opens an input file, or throws the CliError (exit 1) that names why it cannot be read. */
function openFile(arg: string): { fd: number; size: number } {
  try {
    const fd = openSync(arg, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    return { fd, size: st.size };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `cannot read ${arg}: no such file`
        : code === 'EISDIR'
          ? `cannot read ${arg}: it is a folder, not a file`
          : `cannot read ${arg}: ${code ?? String(e)}`,
      EXIT.unreadable,
    );
  }
}

/** A line that makes no record (spaces only; a BOM on the first line is not content). */
export const isBlankLine = (l: RawLine) => l.kind === 'line' && !lineText(l).trim();
/** A line's text as a record reads it: without the BOM of the first line. */
export const lineText = (l: { text: string; number: number }) =>
  l.number === 1 ? stripBom(l.text) : l.text;

/** All records at once (small inputs such as `--history` of a test); prefer `openRecords`. */
export async function readRecords(arg: string | undefined, io: Io): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const r of openRecords(arg, io)) out.push(r);
  return out;
}

const isJsonLines = (name: string) => /\.(jsonl|ndjson)$/i.test(name);

/** One `.json` document: a claim, or an array of claims (one record each). */
async function* documentRecords(
  src: AsyncIterable<Uint8Array | string>,
  name: string,
  limits: ReadLimits,
): AsyncGenerator<InputRecord> {
  const text = await readAll(src, name, limits.maxDocumentBytes);
  yield* wholeDocument(stripBom(text), name, true);
}

function* wholeDocument(text: string, name: string, strict: boolean): Generator<InputRecord> {
  const whole = tryParse(text);
  if (whole.ok) {
    const v = whole.value;
    if (Array.isArray(v))
      for (let index = 0; index < v.length; index++)
        yield { kind: 'json', value: v[index], where: `${name}[${index}]`, index };
    else yield { kind: 'json', value: v, where: name, index: 0 };
    return;
  }
  if (strict) yield { kind: 'bad', message: `${name}: ${whole.message}`, where: name, index: 0 };
}

async function readAll(
  src: AsyncIterable<Uint8Array | string>,
  name: string,
  max: number,
): Promise<string> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const ch of src) {
    const b = typeof ch === 'string' ? Buffer.from(ch) : Buffer.from(ch);
    n += b.length;
    if (n > max)
      throw new CliError(
        `cannot read ${name}: a JSON document is read whole and may be at most ${mb(max)}; write one claim per line (JSON Lines) instead`,
        EXIT.unreadable,
      );
    parts.push(b);
  }
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Stdin: JSON Lines, or one JSON document (pretty-printed or an array). When the first
 * non-blank line is JSON on its own, the input is read line by line; otherwise it is gathered
 * (up to the document limit) and parsed as one document, falling back to lines.
 */
async function* stdinRecords(io: Io, limits: ReadLimits): AsyncGenerator<InputRecord> {
  const src: AsyncIterable<Uint8Array | string> = io.stdin
    ? io.stdin()
    : (async function* () {
        yield await io.readStdin();
      })();
  const lines = splitLines(src, limits.maxRecordBytes);
  const name = 'stdin';
  const held: RawLine[] = [];
  let first: RawLine | undefined;
  // Find the first non-blank line.
  for (;;) {
    const n = await lines.next();
    if (n.done) return;
    held.push(n.value);
    if (n.value.kind === 'long' || n.value.text.trim()) {
      first = n.value;
      break;
    }
  }
  if (first.kind === 'line' && tryParse(stripBom(first.text)).ok) {
    // One line that is the whole input keeps the document reading: an array is many claims.
    const second = await nextNonBlank(lines, held);
    if (second === undefined) {
      yield* wholeDocument(stripBom(first.text), name, true);
      return;
    }
    yield* toRecords(replay(held, lines), name);
    return;
  }
  // Not JSON on one line: maybe a pretty-printed document. Hold lines up to the document limit.
  let size = held.reduce((a, l) => a + (l.kind === 'line' ? l.text.length + 1 : l.bytes), 0);
  let tooBig = held.some((l) => l.kind === 'long');
  while (!tooBig) {
    const n = await lines.next();
    if (n.done) break;
    held.push(n.value);
    size += n.value.kind === 'line' ? n.value.text.length + 1 : n.value.bytes;
    if (n.value.kind === 'long' || size > limits.maxDocumentBytes) tooBig = true;
  }
  if (!tooBig) {
    const text = stripBom(held.map((l) => (l.kind === 'line' ? l.text : '')).join('\n'));
    const doc = [...wholeDocument(text, name, false)];
    if (doc.length) {
      yield* doc;
      return;
    }
  }
  yield* toRecords(replay(held, lines), name);
}

async function nextNonBlank(
  lines: AsyncGenerator<RawLine>,
  held: RawLine[],
): Promise<RawLine | undefined> {
  for (;;) {
    const n = await lines.next();
    if (n.done) return undefined;
    held.push(n.value);
    if (n.value.kind === 'long' || n.value.text.trim()) return n.value;
  }
}

async function* replay(held: RawLine[], rest: AsyncGenerator<RawLine>): AsyncGenerator<RawLine> {
  yield* held.splice(0);
  for (;;) {
    const n = await rest.next();
    if (n.done) return;
    yield n.value;
  }
}

async function* lineRecords(
  src: AsyncIterable<Uint8Array | string>,
  name: string,
  limits: ReadLimits,
): AsyncGenerator<InputRecord> {
  yield* toRecords(splitLines(src, limits.maxRecordBytes), name);
}

/** Lines to records: blank lines are skipped; a line that is not JSON is a `bad` record. */
async function* toRecords(
  lines: AsyncIterable<RawLine>,
  name: string,
): AsyncGenerator<InputRecord> {
  let index = 0;
  for await (const l of lines) if (!isBlankLine(l)) yield lineRecord(l, name, index++);
}

/** The record a non-blank line makes: its JSON, or why it is not a record. */
export function lineRecord(l: RawLine, name: string, index: number): InputRecord {
  const where = `${name}:${l.number}`;
  if (l.kind === 'long')
    return {
      kind: 'bad',
      message: `${where}: line ${l.number} is ${mb(l.bytes)}, over the ${mb(l.limit)} limit for one record (one claim per line)`,
      where,
      index,
    };
  const r = tryParse(lineText(l));
  return r.ok
    ? { kind: 'json', value: r.value, where, index }
    : { kind: 'bad', message: `${where}: ${r.message}`, where, index };
}

export type RawLine =
  | { kind: 'line'; text: string; number: number }
  | { kind: 'long'; bytes: number; limit: number; number: number };

/**
 * Cuts a byte stream into lines (LF or CRLF) without ever holding more than `max` bytes of one
 * line: a longer line is counted and reported as `long`, its bytes dropped as they arrive.
 */
export async function* splitLines(
  src: AsyncIterable<Uint8Array | string>,
  max: number,
): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let overflow = 0;
  let number = 0;
  const finish = (tail: Buffer): RawLine => {
    number++;
    if (overflow) {
      const bytes = overflow + tail.length;
      overflow = 0;
      parts = [];
      partBytes = 0;
      return { kind: 'long', bytes, limit: max, number };
    }
    const whole = parts.length ? Buffer.concat([...parts, tail]) : tail;
    parts = [];
    partBytes = 0;
    let end = whole.length;
    if (end > 0 && whole[end - 1] === 13) end--;
    if (end > max) return { kind: 'long', bytes: end, limit: max, number };
    return { kind: 'line', text: whole.toString('utf8', 0, end), number };
  };
  for await (const ch of src) {
    // A view, not a copy: Buffer.from(buffer) would copy every 1 MiB chunk once more.
    const buf =
      typeof ch === 'string'
        ? Buffer.from(ch, 'utf8')
        : Buffer.isBuffer(ch)
          ? ch
          : Buffer.from(ch.buffer, ch.byteOffset, ch.byteLength);
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      yield finish(buf.subarray(pos, nl));
      pos = nl + 1;
    }
    if (pos < buf.length) {
      const rest = buf.subarray(pos);
      if (overflow || partBytes + rest.length > max + 1) {
        overflow += partBytes + rest.length;
        parts = [];
        partBytes = 0;
      } else {
        // Copy: the stream may reuse its buffer.
        parts.push(Buffer.from(rest));
        partBytes += rest.length;
      }
    }
  }
  if (partBytes || overflow) yield finish(Buffer.alloc(0));
}

const stripBom = (t: string) => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);

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

/** Writes one output line and waits while the output is full (back-pressure). */
export async function emit(io: Io, line: string): Promise<void> {
  io.out(line);
  const d = io.drain?.();
  if (d) await d;
}
