/**
 * Browser byte helpers: gunzip with DecompressionStream, text decoding (UTF-8, falling back to
 * Windows-1252 for the CMS HCPCS file), and zip extraction with fflate for the CDC zips.
 */
import { unzipSync } from 'fflate';
import type { SourceFile } from '../build-plan';
import { decodeSource, windows1252 } from '../source-text';

export async function gunzipText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** UTF-8, else Windows-1252 (the CMS HCPCS file has a 0x92 apostrophe in its disclaimer). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return windows1252(bytes);
  }
}

const WANTED = /\.(txt|xml|csv)$/i;
const SKIP = /(index|eindex|drug|neoplasm|guidelines|readme|proc_notes)/i;

/** A file as a build source; one that cannot be read carries the reason (build-plan refuses it). */
export function source(path: string, bytes: Uint8Array): SourceFile {
  const d = decodeSource(bytes, path);
  return {
    path,
    text: d.text,
    ...(d.refused ? { refused: d.refused } : {}),
    ...(d.notUtf8 ? { notUtf8: d.notUtf8 } : {}),
  };
}

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
        sources.push(source(`${f.name}/${name}`, data));
      continue;
    }
    if (!WANTED.test(f.name) || SKIP.test(f.name)) {
      skipped.push(f.name);
      continue;
    }
    sources.push(source(f.name, bytes));
  }
  return { sources, skipped };
}
