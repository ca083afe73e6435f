/**
 * A built search index as bytes, so a release's index is built once (by `codesets build`) and
 * then loaded in tens of milliseconds in Node or a Web Worker instead of being rebuilt from
 * ~1.6 million words. Pure: bytes in, bytes out (gzip is the caller's: node:zlib or
 * DecompressionStream). Layout: "CLSX" + u32 header length + JSON header + sections, each
 * 4-byte aligned. Postings are delta + varint coded (most gaps fit in one byte).
 */
import { csrTargets, targetsCsr, type SearchIndex, type TextTable } from './build';

/**
 * 5: header children chosen by the Index term's words (issue 10, third round). 6: a child whose
 * title says it is the default ("without mention of", "not specified as") ranks first among a
 * header's children (round 10, remap.ts): a cached index of format 5 is rebuilt.
 */
export const SEARCH_INDEX_FORMAT = 6;
const MAGIC = 0x58534c43; // "CLSX" little-endian

interface Header {
  format: number;
  release: string;
  stats: SearchIndex['stats'];
  nTitles: number;
  nDocs: number;
  sections: {
    name: string;
    kind: 'u8' | 'u16' | 'i32' | 'f32' | 'text' | 'varint' | 'table';
    bytes: number;
    count: number;
  }[];
}

const enc = new TextEncoder();
const bytesOf = (a: Int32Array | Float32Array) =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const dec = new TextDecoder();

function varintDeltas(postStart: Int32Array, postDocs: Int32Array): Uint8Array {
  const out = new Uint8Array(postDocs.length * 3 + 16);
  let n = 0;
  for (let t = 0; t + 1 < postStart.length; t++) {
    let prev = -1;
    for (let k = postStart[t]!; k < postStart[t + 1]!; k++) {
      let v = postDocs[k]! - prev - 1;
      prev = postDocs[k]!;
      while (v >= 0x80) {
        out[n++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      out[n++] = v;
    }
  }
  return out.slice(0, n);
}

function unvarint(bytes: Uint8Array, postStart: Int32Array, total: number): Int32Array {
  const out = new Int32Array(total);
  let p = 0;
  for (let t = 0; t + 1 < postStart.length; t++) {
    let prev = -1;
    for (let k = postStart[t]!; k < postStart[t + 1]!; k++) {
      let v = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[p++]!;
        v |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      prev = prev + 1 + v;
      out[k] = prev;
    }
  }
  return out;
}

/** A table as one string and each item's length (u16: gzip packs small lengths well). */
function tableBytes(t: TextTable): { text: Uint8Array; lengths: Uint8Array } {
  const parts: string[] = [];
  const ends = new Int32Array(t.length);
  let at = 0;
  for (let i = 0; i < t.length; i++) {
    const s = t.get(i);
    parts.push(s);
    at += s.length;
    ends[i] = at;
  }
  const lengths = new Uint16Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const len = ends[i]! - (i ? ends[i - 1]! : 0);
    if (len > 0xffff) throw new Error(`text item ${i} is longer than 65535 characters`);
    lengths[i] = len;
  }
  return { text: enc.encode(parts.join('')), lengths: new Uint8Array(lengths.buffer) };
}

/** Slices strings out of one decoded string on demand: no per-item strings at load time. */
function lazyTable(text: string, ends: Int32Array): TextTable {
  return {
    length: ends.length,
    get: (i) => (i < 0 || i >= ends.length ? '' : text.slice(i ? ends[i - 1]! : 0, ends[i]!)),
  };
}

export function serializeSearchIndex(ix: SearchIndex, release: string): Uint8Array {
  const n = ix.codes.length;
  const codes = tableBytes(ix.codes);
  const titles = tableBytes(ix.titles);
  const paths = tableBytes(ix.indexPaths);
  const targets = targetsCsr(ix.targets);
  const parts: [string, Header['sections'][number]['kind'], Uint8Array, number][] = [
    ['codes', 'table', codes.text, n],
    ['codeLengths', 'u16', codes.lengths, n],
    ['titles', 'table', titles.text, n],
    ['titleLengths', 'u16', titles.lengths, n],
    ['billable', 'u8', ix.billable, n],
    [
      'sorted',
      'i32',
      new Uint8Array(ix.sorted.buffer, ix.sorted.byteOffset, ix.sorted.byteLength),
      ix.sorted.length,
    ],
    ['chapter', 'u8', ix.chapter, ix.chapter.length],
    ['docKind', 'u8', ix.docKind, ix.docKind.length],
    [
      'docWeight',
      'f32',
      new Uint8Array(ix.docWeight.buffer, ix.docWeight.byteOffset, ix.docWeight.byteLength),
      ix.docWeight.length,
    ],
    ['targetStart', 'i32', bytesOf(targets.start), targets.start.length],
    ['targetEntry', 'i32', bytesOf(targets.entry), targets.entry.length],
    ['targetOffset', 'f32', bytesOf(targets.offset), targets.offset.length],
    ['indexPaths', 'table', paths.text, ix.indexPaths.length],
    ['indexPathLengths', 'u16', paths.lengths, ix.indexPaths.length],
    ['stems', 'text', enc.encode(ix.stems.join('\n')), ix.stems.length],
    ['df', 'i32', new Uint8Array(ix.df.buffer, ix.df.byteOffset, ix.df.byteLength), ix.df.length],
    [
      'termWeight',
      'f32',
      new Uint8Array(ix.termWeight.buffer, ix.termWeight.byteOffset, ix.termWeight.byteLength),
      ix.termWeight.length,
    ],
    [
      'postStart',
      'i32',
      new Uint8Array(ix.postStart.buffer, ix.postStart.byteOffset, ix.postStart.byteLength),
      ix.postStart.length,
    ],
    ['postDocs', 'varint', varintDeltas(ix.postStart, ix.postDocs), ix.postDocs.length],
    ['postEss', 'u8', ix.postEss, ix.postEss.length],
    [
      'stemOrder',
      'i32',
      new Uint8Array(ix.stemOrder.buffer, ix.stemOrder.byteOffset, ix.stemOrder.byteLength),
      ix.stemOrder.length,
    ],
  ];
  const header: Header = {
    format: SEARCH_INDEX_FORMAT,
    release,
    stats: ix.stats,
    nTitles: ix.nTitles,
    nDocs: ix.nDocs,
    sections: parts.map(([name, kind, bytes, count]) => ({
      name,
      kind,
      bytes: bytes.length,
      count,
    })),
  };
  const h = enc.encode(JSON.stringify(header));
  const pad = (n: number) => (4 - (n % 4)) % 4;
  let size = 8 + h.length + pad(h.length);
  for (const [, , b] of parts) size += b.length + pad(b.length);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, h.length, true);
  out.set(h, 8);
  let at = 8 + h.length + pad(h.length);
  for (const [, , b] of parts) {
    out.set(b, at);
    at += b.length + pad(b.length);
  }
  return out;
}

/** Reads bytes written by serializeSearchIndex; throws an Error naming what is wrong. */
export function deserializeSearchIndex(bytes: Uint8Array): { index: SearchIndex; release: string } {
  // A plain Uint8Array view (a Node Buffer's slice() would not copy), 4-byte aligned for the
  // Int32Array/Float32Array views below.
  const buf =
    bytes.byteOffset % 4 === 0
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : Uint8Array.prototype.slice.call(bytes);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 8 || dv.getUint32(0, true) !== MAGIC)
    throw new Error('not a ClaimLab search index (bad magic number)');
  const hLen = dv.getUint32(4, true);
  const header = JSON.parse(dec.decode(buf.subarray(8, 8 + hLen))) as Header;
  if (header.format !== SEARCH_INDEX_FORMAT)
    throw new Error(
      `search index format ${header.format}, expected ${SEARCH_INDEX_FORMAT}: rebuild it`,
    );
  const pad = (n: number) => (4 - (n % 4)) % 4;
  let at = 8 + hLen + pad(hLen);
  const raw = new Map<string, { bytes: Uint8Array; count: number }>();
  for (const s of header.sections) {
    if (at + s.bytes > buf.byteLength)
      throw new Error(`search index truncated in section ${s.name}`);
    raw.set(s.name, { bytes: buf.subarray(at, at + s.bytes), count: s.count });
    at += s.bytes + pad(s.bytes);
  }
  const get = (name: string) => {
    const r = raw.get(name);
    if (!r) throw new Error(`search index lacks section ${name}`);
    return r;
  };
  const i32 = (n: string) => {
    const r = get(n);
    // Copies, so the decompressed input (~23 MB for FY2026) can be freed after loading.
    return new Int32Array(r.bytes.buffer, r.bytes.byteOffset, r.count).slice();
  };
  const f32 = (n: string) => {
    const r = get(n);
    return new Float32Array(r.bytes.buffer, r.bytes.byteOffset, r.count).slice();
  };
  const text = (n: string) => {
    const r = get(n);
    return r.count ? dec.decode(r.bytes).split('\n') : [];
  };
  const table = (n: string, ends: string) => {
    // Offsets count UTF-16 units of the decoded string, so non-ASCII titles slice correctly too.
    const t = dec.decode(get(n).bytes);
    const r = get(ends);
    const lengths = new Uint16Array(r.bytes.buffer, r.bytes.byteOffset, r.count);
    const at = new Int32Array(r.count);
    let sum = 0;
    for (let i = 0; i < r.count; i++) at[i] = sum += lengths[i]!;
    return lazyTable(t, at);
  };
  const stems = text('stems');
  const stemTerm = new Map<string, number>();
  stems.forEach((s, t) => stemTerm.set(s, t));
  const postStart = i32('postStart');
  const pd = get('postDocs');
  const index: SearchIndex = {
    codes: table('codes', 'codeLengths'),
    billable: get('billable').bytes.slice(),
    titles: table('titles', 'titleLengths'),
    sorted: i32('sorted'),
    chapter: get('chapter').bytes.slice(),
    nTitles: header.nTitles,
    nDocs: header.nDocs,
    docKind: get('docKind').bytes.slice(),
    docWeight: f32('docWeight'),
    targets: csrTargets(i32('targetStart'), i32('targetEntry'), f32('targetOffset')),
    indexPaths: table('indexPaths', 'indexPathLengths'),
    rawTerm: new Map(),
    stemTerm,
    stems,
    df: i32('df'),
    termWeight: f32('termWeight'),
    postStart,
    postDocs: unvarint(pd.bytes, postStart, pd.count),
    postEss: get('postEss').bytes.slice(),
    stemOrder: i32('stemOrder'),
    stats: header.stats,
  };
  return { index, release: header.release };
}
