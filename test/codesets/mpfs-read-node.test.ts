// One read of the MPFS bundle per process: the catalog's PFS code list comes from the read the
// payer service already made, unless the file changed since. See: issue 15 (simulate start-up).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { pfsCodeListFor, pfsCodeListOf, readMpfsJson } from '../../src/codesets/mpfs/read-node';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function bundle(rvus: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlab-mpfs-'));
  dirs.push(dir);
  const file = join(dir, 'mpfs-2025.json.gz');
  writeFileSync(file, gzipSync(JSON.stringify({ year: 2025, source: 'test', rvus })));
  return file;
}

describe('MPFS bundle read once (read-node.ts)', () => {
  it('has no code list for a bundle not read yet', () => {
    expect(pfsCodeListOf(bundle([['99213', '', 'A']]))).toBeUndefined();
  });

  it('keeps the code list of the bundle it read (modifier rows left out)', () => {
    const file = bundle([
      ['99213', '', 'A'],
      ['71046', '26', 'A'],
      ['0001U', '', 'X'],
    ]);
    readMpfsJson(file);
    expect(pfsCodeListOf(file)).toEqual({
      id: 'CY2025',
      year: 2025,
      source: 'test',
      codes: [
        { code: '99213', status: 'A' },
        { code: '0001U', status: 'X' },
      ],
    });
  });

  it('reads again when the file changed since', () => {
    const file = bundle([['99213', '', 'A']]);
    readMpfsJson(file);
    writeFileSync(
      file,
      gzipSync(
        JSON.stringify({
          year: 2026,
          rvus: [
            ['99214', '', 'A'],
            ['99215', '', 'A'],
          ],
        }),
      ),
    );
    expect(pfsCodeListOf(file)).toBeUndefined();
  });

  it('reads a bundle not read yet once, then answers from memory', () => {
    const file = bundle([['99213', '', 'A']]);
    let reads = 0;
    const read = () => {
      reads++;
      return { id: 'CY2025', year: 2025, source: 'test', codes: [] };
    };
    expect(pfsCodeListFor(file, read)?.id).toBe('CY2025');
    expect(pfsCodeListFor(file, read)?.id).toBe('CY2025');
    expect(reads).toBe(1);
  });
});
