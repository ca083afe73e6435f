/**
 * A payer-ledger store that spills to a temporary file (deleted when the process exits): the
 * CLI's ledger remembers every claim of a run for later corrections and duplicate checks, and a
 * batch of a million claims must not hold a million remittances in memory. Texts are appended
 * through a 1 MiB write buffer; memory keeps two numbers per text (offset, length).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerStore } from '../domain/payer/ledger';

const BLOCK = 1024 * 1024;

export function fileLedgerStore(): LedgerStore {
  const dir = mkdtempSync(join(tmpdir(), 'claimlab-ledger-'));
  const fd = openSync(join(dir, 'ledger.jsonl'), 'w+');
  process.once('exit', () => {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    rmSync(dir, { recursive: true, force: true });
  });
  let offsets = new Float64Array(1024);
  let lengths = new Uint32Array(1024);
  let count = 0;
  let written = 0; // bytes in the file
  const pending = Buffer.alloc(BLOCK);
  let used = 0; // bytes in `pending`, which follow `written`
  const flush = () => {
    if (used) writeSync(fd, pending, 0, used, written);
    written += used;
    used = 0;
  };
  return {
    put(text) {
      if (count === offsets.length) {
        const o = new Float64Array(count * 2);
        o.set(offsets);
        offsets = o;
        const l = new Uint32Array(count * 2);
        l.set(lengths);
        lengths = l;
      }
      // A UTF-8 byte per UTF-16 unit is at most 3: when that fits, write at once and take the
      // length from the write (one pass over the text instead of two).
      if (text.length * 3 <= BLOCK - used) {
        offsets[count] = written + used;
        const n = pending.write(text, used, 'utf8');
        used += n;
        lengths[count] = n;
        return count++;
      }
      const bytes = Buffer.byteLength(text);
      if (bytes > BLOCK - used) flush();
      let at: number;
      if (bytes > BLOCK) {
        at = written;
        writeSync(fd, text, written, 'utf8');
        written += bytes;
      } else {
        at = written + used;
        used += pending.write(text, used, 'utf8');
      }
      offsets[count] = at;
      lengths[count] = bytes;
      return count++;
    },
    get(h) {
      const at = offsets[h]!;
      const n = lengths[h]!;
      if (at >= written) return pending.toString('utf8', at - written, at - written + n);
      const b = Buffer.alloc(n);
      readSync(fd, b, 0, n, at);
      return b.toString('utf8');
    },
  };
}
