/**
 * The layer rules in eslint.config.js (../shared/docs/STYLE.md "The layout": imports point one
 * way, ui → state → services → (machines | scenarios | codesets | interop | persistence) →
 * domain, cli beside state). Each fixture in test/fixtures/layers/ is a deliberate violation,
 * linted as if it were the file its first line names; each must fail with the layer rule. Then
 * the real tree's imports pass (every static import of every src/ file, linted at that file's
 * path: the same rule `npm run lint` runs, without parsing whole components).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const FIXTURES = join(__dirname, '../fixtures/layers');
const RULE = '@typescript-eslint/no-restricted-imports';
const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === RULE });

async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  const fatal = r!.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`${filePath}: ${fatal[0]!.message}`);
  return r!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));

describe('layer rules: every fixture violation fails lint', () => {
  it('has a fixture for each rule family', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  it.each(fixtures)('%s', async (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const [head, ...rest] = text.split('\n');
    const as = /^\/\/ as: (\S+)$/.exec(head ?? '')?.[1];
    expect(as, `${name} names the file it stands for on its first line`).toBeTruthy();
    const errors = await layerErrors(rest.join('\n'), as!);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toContain('Layers (STYLE.md)');
  });
});

describe('layer rules: what the map allows passes', () => {
  it.each([
    ['src/ui/case/Fixture.ts', "import type { CaseFile } from '../../scenarios/schema';"],
    ['src/ui/case/Fixture.ts', "import { displayMoney } from '../../domain/money';"],
    [
      'src/ui/case/Fixture.ts',
      "import type { CaseSession } from '../../state/case-session.svelte';",
    ],
    ['src/state/fixture.ts', "import { buildPayerService } from '../services/payer';"],
    [
      'src/cli/commands/fixture.ts',
      "import { shippedPayerService } from '../../services/shipped';",
    ],
    ['src/services/fixture.ts', "import { remittanceJsonWith835 } from '../interop/x12/835';"],
    ['src/persistence/fixture.ts', "import { remittanceSchema } from '../machines/remittance';"],
    ['src/codesets/ncci/fixture.ts', "import ptp from '../../../codesets/ncci/ptp-curated.json';"],
    // A sibling whose name is a layer's is not that layer.
    ['src/ui/settings/Fixture.ts', "import { CodesetsState } from './codesets.svelte';"],
    ['src/state/sub/fixture.ts', "import { x } from '../ui';"],
  ])('%s: %s', async (path, line) => {
    expect(await layerErrors(`${line}\nexport {};\n`, path)).toEqual([]);
  });
});

/** Every .ts/.svelte file under dir. */
function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|svelte)$/.test(name)) out.push(p);
  }
  return out;
}

/** The static import and re-export statements of a module (the script of a component). */
const IMPORTS =
  /^\s*(?:import|export)\s[^;'"]*?from\s*['"][^'"]+['"]|^\s*import\s*['"][^'"]+['"]/gm;

describe('layer rules: the tree passes', () => {
  it('every import of every file in src/ is allowed where it stands', async () => {
    const bad: string[] = [];
    const files = walk(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(150);
    for (const f of files) {
      const imports = readFileSync(f, 'utf8').match(IMPORTS) ?? [];
      if (!imports.length) continue;
      // A component's imports are linted as a module at its path (the rules match both).
      const path = relative(ROOT, f).replace(/\.svelte$/, '.svelte.ts');
      const code = `${imports.map((s) => `${s.trim()};`).join('\n')}\nexport {};\n`;
      for (const e of await layerErrors(code, path)) bad.push(`${path}: ${e}`);
    }
    expect(bad).toEqual([]);
  }, 120_000);

  it('every file in src/ falls under a layer rule', async () => {
    const uncovered: string[] = [];
    for (const f of walk(join(ROOT, 'src'))) {
      const config = (await eslint.calculateConfigForFile(f)) as {
        rules?: Record<string, unknown>;
      };
      if (!config.rules?.[RULE]) uncovered.push(relative(ROOT, f));
    }
    expect(uncovered).toEqual([]);
  });

  it('no file in src/domain imports outside src/domain (no pack JSON, no code-set files)', () => {
    const outside: string[] = [];
    for (const f of walk(join(ROOT, 'src/domain'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from\s*['"](\.[^'"]+)['"]/g)) {
        const target = relative(join(ROOT, 'src/domain'), join(f, '..', m[1]!));
        if (target.startsWith('..')) outside.push(`${relative(ROOT, f)}: ${m[1]}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
