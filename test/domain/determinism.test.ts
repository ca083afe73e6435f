/**
 * The domain is deterministic by construction (STYLE.md habit 6): no wall clock and no
 * unseeded randomness anywhere in src/domain. Time comes from a passed-in clock or date
 * (src/domain/time/), randomness from src/domain/random/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../src/domain');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const FORBIDDEN = [/\bMath\.random\s*\(/, /\bDate\.now\s*\(/, /\bnew Date\s*\(\s*\)/];

describe('src/domain', () => {
  it('reads no wall clock and no unseeded randomness', () => {
    const all = files(root);
    expect(all.length).toBeGreaterThan(50);
    const hits = all.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          FORBIDDEN.some((re) => re.test(line)) ? [`${f.slice(root.length + 1)}:${i + 1}`] : [],
        ),
    );
    expect(hits).toEqual([]);
  });
});
