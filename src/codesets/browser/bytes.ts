/**
 * Browser byte helpers: gunzip with DecompressionStream, text decoding (UTF-8, falling back to
 * Windows-1252 for the CMS HCPCS file), and zip extraction with fflate for the CDC zips.
 */
import { unzipSync } from 'fflate';
import type { SourceFile } from '../build-plan';

export async function gunzipText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

// Windows-1252 0x80–0x9F (the rest is Latin-1). Spelled out because some engines decode the
// 'windows-1252' label as plain Latin-1. See: WHATWG Encoding, index-windows-1252.
const CP1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      const chunk = bytes.subarray(i, i + 8192);
      out += String.fromCharCode(
        ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252.charCodeAt(b - 0x80) : b)),
      );
    }
    return out;
  }
}

const WANTED = /\.(txt|xml|csv)$/i;
const SKIP = /(index|eindex|drug|neoplasm|guidelines|readme|proc_notes)/i;

/** Files chosen by the user (zips expanded) as build sources; other members are skipped. */
export function toSources(files: { name: string; data: ArrayBuffer }[]): {
  sources: SourceFile[];
  skipped: string[];
} {
  const sources: SourceFile[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    const bytes = new Uint8Array(f.data);
    if (/\.zip$/i.test(f.name)) {
      let members: Record<string, Uint8Array>;
      try {
        members = unzipSync(bytes, { filter: (m) => WANTED.test(m.name) && !SKIP.test(m.name) });
      } catch (e) {
        throw new Error(`${f.name}: not a readable zip file (${(e as Error).message})`, {
          cause: e,
        });
      }
      for (const [name, data] of Object.entries(members))
        sources.push({ path: `${f.name}/${name}`, text: decodeText(data) });
      continue;
    }
    if (!WANTED.test(f.name) || SKIP.test(f.name)) {
      skipped.push(f.name);
      continue;
    }
    sources.push({ path: f.name, text: decodeText(bytes) });
  }
  return { sources, skipped };
}
