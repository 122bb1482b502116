// Lint: typescript-eslint with type-aware rules, React hooks, and the layering of
// docs/architecture (imports point down only; src/sim stays pure and deterministic).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/${name}/**`, `../${name}`, `../../${name}`, `../../../${name}`];
const forbid = (...layers) => ({
  patterns: layers.map((l) => ({
    group: layer(l),
    message: `This layer may not import from src/${l} (see the layering table in README).`,
  })),
});
// UI code may use sim's plain helpers (error wording, limits) but never the simulation itself.
const forbidValues = (...layers) => ({
  patterns: layers.map((l) => ({
    regex: `(^|/)${l}/(?!core/(errors|limits)$)`,
    allowTypeImports: true,
    message: `Only type imports from src/${l} here (plus sim/core/errors and sim/core/limits).`,
  })),
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      '.test-output',
      // Built by `npm run build:package` and by the VitePress fixture's build.
      'packages/ds-playground/dist',
      'packages/ds-playground/embed',
      'e2e/docs-sites/*/.vitepress/dist',
      'e2e/docs-sites/*/.vitepress/cache',
      // Built by `npm run test:docs`.
      'e2e/docs-sites/docusaurus/build',
      'e2e/docs-sites/docusaurus/.docusaurus',
      'e2e/docs-sites/mkdocs/site',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'react',
            'react-dom',
            'zustand',
            'd3',
            'd3-selection',
            'comlink',
            '@monaco-editor/react',
          ].map((name) => ({
            name,
            message: 'src/sim is pure: no UI, DOM or worker libraries.',
          })),
          patterns: forbid('ui', 'views', 'app', 'worker', 'lessons', 'embed', 'editor', 'widget')
            .patterns,
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'setTimeout',
          'setInterval',
          'requestAnimationFrame',
          'performance',
          'fetch',
          'Worker',
        ].map((name) => ({
          name,
          message: 'src/sim is deterministic: no DOM, timers or wall clocks.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded Rng (ctx.rng(label)).' },
        { object: 'Date', property: 'now', message: 'Use virtual time (ctx.now).' },
        { object: 'performance', property: 'now', message: 'Use virtual time (ctx.now).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'Use virtual time (ctx.now).' },
        { selector: 'FunctionDeclaration[async=true]', message: 'Model logic is synchronous.' },
        { selector: 'ArrowFunctionExpression[async=true]', message: 'Model logic is synchronous.' },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'The worker layer has no UI.' }],
          ...forbid('ui', 'views', 'app', 'lessons', 'embed', 'editor', 'widget'),
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbid('views', 'app', 'worker', 'lessons', 'embed', 'editor', 'widget').patterns,
            ...forbidValues('sim').patterns,
          ],
        },
      ],
    },
  },
  {
    files: ['src/views/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbid('app', 'worker', 'lessons', 'embed', 'editor', 'widget').patterns,
            ...forbidValues('sim').patterns,
          ],
        },
      ],
    },
  },
  {
    files: ['src/widget/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', forbid('app', 'lessons', 'embed', 'editor')] },
  },
  {
    files: ['src/lessons/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', forbid('app', 'embed', 'editor')] },
  },
  {
    files: ['src/embed/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', forbid('app', 'lessons', 'editor')] },
  },
  {
    files: ['src/editor/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', forbid('app', 'lessons', 'embed')] },
  },
  { files: ['**/*.{mjs,js}'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'e2e/**/*.ts', '*.config.{ts,js}'],
    rules: { 'no-console': 'off' },
  },
);
