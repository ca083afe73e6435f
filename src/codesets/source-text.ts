/**
 * Bytes of an official file to text, refusing what cannot be the file as published: an empty
 * file (a failed download), UTF-16/UTF-32 (a byte-order mark, or NUL bytes between ASCII
 * letters), any NUL byte (binary data, a zip or gzip not unpacked), and a byte-order mark (the
 * CDC and CMS files have none: the file was re-saved by another program). Text that is not
 * valid UTF-8 is decoded as Windows-1252 (the CMS HCPCS file is) and the first bad byte is kept,
 * so the build can refuse it where UTF-8 is expected (build-plan.ts).
 * Problems name the file and line. Pure: runs in Node and in the browser worker.
 * See: WHATWG Encoding (UTF-8 decode, index-windows-1252).
 */
import type { Problem } from '../domain/result';

export interface DecodedText {
  text: string;
  /** Why the file cannot be read at all (reported whatever the file turns out to be). */
  refused?: Problem;
  /** The first byte that is not UTF-8, when the text was decoded as Windows-1252 instead. */
  notUtf8?: { line: number; column: number; byte: number };
}

// Windows-1252 0x80–0x9F (the rest is Latin-1). Spelled out because some engines decode the
// 'windows-1252' label as plain Latin-1. See: WHATWG Encoding, index-windows-1252.
const CP1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

/** 1-based line and column of a byte offset. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 10) {
      line++;
      start = i + 1;
    }
  return { line, column: offset - start + 1 };
}

/** Offset of the first byte that breaks UTF-8 (a cheap scan; called only when decoding failed). */
function firstBadUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const n =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

export function decodeSource(bytes: Uint8Array, path: string): DecodedText {
  const refuse = (line: number | null, message: string): DecodedText => ({
    text: '',
    refused: { path: line === null ? path : `${path}:${line}`, message },
  });
  if (bytes.length === 0) return refuse(1, 'the file is empty (0 bytes): download it again');
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))
    return refuse(
      1,
      'the file is UTF-16 (it starts with a UTF-16 byte-order mark): the official file is ASCII/UTF-8; download it again or save it as UTF-8',
    );
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
    return refuse(
      1,
      'the file starts with a UTF-8 byte-order mark, which the official file does not have: it was re-saved by another program; download it again',
    );
  if (b0 === 0x1f && b1 === 0x8b) return refuse(1, 'the file is gzip-compressed: unpack it first');
  if (b0 === 0x50 && b1 === 0x4b && (b2 === 3 || b2 === 5))
    return refuse(
      1,
      'the file is a zip archive: unpack it first (or import the .zip itself in Settings → Code sets)',
    );
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = position(bytes, nul);
    // ASCII text in UTF-16 has a NUL beside every letter.
    const head = bytes.subarray(0, 400);
    const nuls = [0, 1].map((p) => head.filter((b, i) => b === 0 && i % 2 === p).length);
    const utf16 = Math.max(...nuls) > head.length / 4 && Math.min(...nuls) === 0;
    return refuse(
      line,
      utf16
        ? 'the file is UTF-16 (NUL bytes between the letters): the official file is ASCII/UTF-8; download it again or save it as UTF-8'
        : `a NUL byte at column ${column}: binary data, not the official text file (a damaged download?)`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstBadUtf8(bytes);
    return { text: windows1252(bytes), notUtf8: { ...position(bytes, at), byte: bytes[at]! } };
  }
  if (!text.trim()) return refuse(1, 'the file holds only blank lines: download it again');
  return { text };
}

/** The problem for a file that must be UTF-8 but was not. */
export function notUtf8Problem(path: string, at: NonNullable<DecodedText['notUtf8']>): Problem {
  return {
    path: `${path}:${at.line}`,
    message: `byte ${hex(at.byte)} at column ${at.column} is not UTF-8 (the file looks Latin-1/Windows-1252): the official file is UTF-8; download it again`,
  };
}
