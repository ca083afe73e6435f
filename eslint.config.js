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
/** A relative import whose first named folder is one of `names` ('../../codesets/ncci/…'). */
const into = (names) => `^\\.{1,2}/(?:\\.\\./)*(?:${names.join('|')})(?:/|\\.|$)`;
const rule = (names, why, allowTypeImports = false) => ({
  regex: into(names),
  message: `Layers (STYLE.md): ${why}`,
  allowTypeImports,
});
const pkg = (group, why) => ({ group, message: `Layers (STYLE.md): ${why}` });
const NO_FRAMEWORK = pkg(
  ['svelte', 'svelte/*', 'xstate', 'xstate/*', '@xstate/*'],
  'no Svelte or XState here.',
);
const but = (...allowed) => LAYERS.filter((l) => !allowed.includes(l));

const layer = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

const layers = [
  layer(
    ['src/domain/**/*.ts'],
    [
      rule(
        but('domain'),
        'domain/ imports nothing outside domain/: data comes in through function arguments and contexts, loaded by codesets/ or scenarios/.',
      ),
      {
        regex: '\\.json$',
        message: 'Layers (STYLE.md): domain/ reads no data files; pass the data in.',
      },
      NO_FRAMEWORK,
    ],
  ),
  layer(
    ['src/machines/**/*.ts'],
    [
      rule(but('domain', 'machines'), 'machines/ import only domain/.'),
      pkg(['svelte', 'svelte/*'], 'no Svelte in machines/.'),
    ],
  ),
  layer(
    ['src/interop/**/*.ts'],
    [rule(but('domain', 'interop'), 'interop/ imports only domain/.'), NO_FRAMEWORK],
  ),
  layer(
    ['src/codesets/**/*.ts'],
    [
      rule(
        but('domain', 'codesets'),
        'codesets/ imports only domain/ (payers and X12 are assembled in services/).',
      ),
      NO_FRAMEWORK,
    ],
  ),
  layer(
    ['src/scenarios/**/*.ts'],
    [rule(but('domain', 'scenarios'), 'scenarios/ imports only domain/.'), NO_FRAMEWORK],
  ),
  layer(
    ['src/persistence/**/*.ts'],
    [
      rule(
        but('domain', 'machines', 'persistence'),
        'persistence/ imports domain/ and the machines whose context it stores.',
      ),
      NO_FRAMEWORK,
    ],
  ),
  layer(
    ['src/services/**/*.ts'],
    [
      rule(
        ['state', 'ui', 'cli'],
        'services/ are used by state/, cli/ and the worker; they import the layers below.',
      ),
      pkg(['svelte', 'svelte/*'], 'no Svelte in services/.'),
    ],
  ),
  layer(['src/state/**/*.ts'], [rule(['ui', 'cli'], 'state/ imports no ui/ or cli/.')]),
  layer(
    ['src/cli/**/*.ts'],
    [
      rule(['state', 'ui'], 'cli/ sits beside state/: it uses services/ and the layers below.'),
      NO_FRAMEWORK,
    ],
  ),
  layer(
    ['src/ui/primitives/**/*.{ts,svelte}'],
    [
      rule(
        but('ui', 'primitives'),
        'ui/primitives take props: no domain/, state/ or other layer imports, not even types.',
      ),
    ],
  ),
  layer(
    ['src/ui/**/*.{ts,svelte}', 'src/*.{ts,svelte}'],
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
    ['src/ui/primitives/**'],
  ),
];

export default ts.config(
  {
    ignores: [
      'dist/',
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
