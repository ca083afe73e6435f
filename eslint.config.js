import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/*
 * The layers of src/ (../shared/docs/STYLE.md "The layout"), enforced per folder: imports point
 * one way,
 *   ui → state → services → (machines | scenarios | codesets | interop | persistence) → domain
 * with cli beside state (it uses the same services). services/ assembles engines from the
 * layers below it (the one payer service, the code-set worker's engine and its entry), so that
 * state, cli and the worker share them while codesets/ stays free of payers and X12. ui may
 * read domain (money, codes) and name types of machines, scenarios and persistence; it reaches
 * everything else through state/. ui/primitives import nothing from any layer.
 * test/lint/layers.test.ts proves each rule fails on a violation and the tree passes.
 */
const LAYERS = [
  'domain',
  'machines',
  'scenarios',
  'codesets',
  'interop',
  'persistence',
  'services',
  'state',
  'ui',
  'cli',
];
/**
 * A relative import from a file `depth` folders below src/ that lands in one of the layers
 * `names` ('../../codesets/ncci/…' from src/domain/edits/). Counting the climbs keeps a sibling
 * whose name happens to be a layer's ('./codesets.svelte') from matching.
 */
const into = (names, depth) =>
  `^${depth ? `(?:\\.\\./){${depth}}` : '\\./'}(?:${names.join('|')})(?:/|\\.|$)`;
const rule =
  (names, why, allowTypeImports = false) =>
  (depth) => ({
    regex: into(names, depth),
    message: `Layers (STYLE.md): ${why}`,
    allowTypeImports,
  });
const pkg = (group, why) => ({ group, message: `Layers (STYLE.md): ${why}` });
const NO_FRAMEWORK = pkg(
  ['svelte', 'svelte/*', 'xstate', 'xstate/*', '@xstate/*'],
  'no Svelte or XState here.',
);
const but = (...allowed) => LAYERS.filter((l) => !allowed.includes(l));

/** The packs in scenarios/ (at the repo root) are read by src/scenarios/ only: one pack reader. */
const PACK_DATA = (depth) => ({
  regex: `^(?:\\.\\./){${depth + 1}}scenarios/`,
  message: 'Layers (STYLE.md): pack files are read by the one pack reader in src/scenarios/.',
});
/** Deepest folder nesting under a layer folder that the rules cover (the test checks the tree). */
const NESTING = 6;
/** The rules of one layer folder (src/<dir>), one block per nesting depth (see `into`). */
const layer = (dir, patterns, ignores = [], nesting = NESTING) => {
  const base = dir ? dir.split('/').length : 0;
  return Array.from({ length: nesting }, (_, n) => ({
    files: [`src/${dir ? `${dir}/` : ''}${'*/'.repeat(n)}*.{ts,svelte}`],
    ignores,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [...patterns, ...(dir === 'scenarios' ? [] : [PACK_DATA])].map((p) =>
            typeof p === 'function' ? p(base + n) : p,
          ),
        },
      ],
    },
  }));
};

const layers = [
  ...layer('domain', [
    rule(
      but('domain'),
      'domain/ imports nothing outside domain/: data comes in through function arguments and contexts, loaded by codesets/ or scenarios/.',
    ),
    {
      regex: '\\.json$',
      message: 'Layers (STYLE.md): domain/ reads no data files; pass the data in.',
    },
    NO_FRAMEWORK,
  ]),
  ...layer('machines', [
    rule(but('domain', 'machines'), 'machines/ import only domain/.'),
    pkg(['svelte', 'svelte/*'], 'no Svelte in machines/.'),
  ]),
  ...layer('interop', [
    rule(but('domain', 'interop'), 'interop/ imports only domain/.'),
    NO_FRAMEWORK,
  ]),
  ...layer('codesets', [
    rule(
      but('domain', 'codesets'),
      'codesets/ imports only domain/ (payers and X12 are assembled in services/).',
    ),
    NO_FRAMEWORK,
  ]),
  ...layer('scenarios', [
    rule(but('domain', 'scenarios'), 'scenarios/ imports only domain/.'),
    NO_FRAMEWORK,
  ]),
  ...layer('persistence', [
    rule(
      but('domain', 'machines', 'persistence'),
      'persistence/ imports domain/ and the machines whose context it stores.',
    ),
    NO_FRAMEWORK,
  ]),
  ...layer('services', [
    rule(
      ['state', 'ui', 'cli'],
      'services/ are used by state/, cli/ and the worker; they import the layers below.',
    ),
    pkg(['svelte', 'svelte/*'], 'no Svelte in services/.'),
  ]),
  ...layer('state', [rule(['ui', 'cli'], 'state/ imports no ui/ or cli/.')]),
  ...layer('cli', [
    rule(['state', 'ui'], 'cli/ sits beside state/: it uses services/ and the layers below.'),
    NO_FRAMEWORK,
  ]),
  ...layer('ui/primitives', [
    rule(
      but('ui', 'primitives'),
      'ui/primitives take props: no domain/, state/ or other layer imports, not even types.',
    ),
  ]),
  ...[
    ['ui', ['src/ui/primitives/**'], NESTING],
    // The app's entry (src/App.svelte, src/main.ts) follows the ui rules.
    ['', [], 1],
  ].flatMap(([dir, ignores, nesting]) =>
    layer(
      dir,
      [
        rule(
          ['codesets', 'interop', 'services', 'cli'],
          'ui/ reaches the engines, importers and writers through state/.',
        ),
        rule(
          ['machines', 'scenarios', 'persistence'],
          'ui/ names their types only; behaviour comes through state/.',
          true,
        ),
      ],
      ignores,
      nesting,
    ),
  ),
];

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-cli/',
      'node_modules/',
      'codesets/build/',
      'public/codesets/',
      'coverage/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  ...layers,
);
