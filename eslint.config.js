// Lint: typescript-eslint (with the type-aware promise rules), eslint-plugin-svelte, and the house rules of
// ../shared/DESIGN.md as import boundaries: core modules (bytes in, data out) run in a worker and in Node alike,
// so they import no UI, worker entry, command line or Node built-in and touch no DOM or Node global.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Browser-facing modules of src/pipeline/: they spawn the workers, paint pages on a canvas or read Vite's asset URLs.
 * The rest of pipeline/ (its index.ts too) is the Node-safe core that the CLI and the pipeline worker share.
 */
const PIPELINE_BROWSER_NAMES = ['assets', 'browser', 'clients', 'pdfView', 'stageWorker'];
const PIPELINE_BROWSER = PIPELINE_BROWSER_NAMES.map((name) => `src/pipeline/${name}.ts`);

/** Everything under src/ except the UI, the command line and the browser-facing pipeline modules. */
const CORE = ['src/**/*.ts'];
const NOT_CORE = ['src/ui/**', 'src/cli/**', ...PIPELINE_BROWSER];

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const NODE_PATHS = nodeBuiltins.map((name) => ({
  name,
  message: 'core modules run in a worker too: take bytes or an injected function from src/cli/ instead of Node APIs',
}));
const NODE_IMPORTS = { regex: '^node:', message: 'core modules run in a worker too: take bytes or an injected function from src/cli/ instead of Node APIs' };
const UI_IMPORTS = { regex: '(^|/)ui/|\\.svelte$', message: 'only the UI imports the UI' };
const WORKER_IMPORTS = { regex: '(^|/)workers/', message: 'only src/pipeline/ starts workers' };
const CLI_IMPORTS = { regex: '(^|/)cli/', message: 'the command line imports the core, never the other way round' };
const VITE_IMPORTS = { regex: '\\?(url|worker|raw|inline)$', message: "Vite's asset imports exist only in the app build, not in Node" };
const PIPELINE_BROWSER_IMPORTS = {
  regex: `(^|/)pipeline/(${PIPELINE_BROWSER_NAMES.join('|')})(\\.ts)?$`,
  message: 'browser-only pipeline module (workers, canvas, asset URLs): import the Node-safe module itself, e.g. pipeline/extract.ts',
};

/** Globals of a page (not of every worker and Node) and of Node alone. */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'alert',
  'confirm',
  'prompt',
  'requestAnimationFrame',
  'getComputedStyle',
  'matchMedia',
  'HTMLElement',
  'HTMLCanvasElement',
  'HTMLImageElement',
  'Image',
  'CanvasRenderingContext2D',
  'OffscreenCanvas',
  'createImageBitmap',
  'ImageBitmap',
  'DOMParser',
  'XMLSerializer',
  'Worker',
].map((name) => ({ name, message: 'core modules never touch the DOM: take what they need as an argument' }));
const NODE_GLOBALS = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
  name,
  message: 'core modules run in a worker too: no Node globals',
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dev-dist/', 'build/', 'test-artifacts/', 'tmp/', 'public/', 'models/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Control characters in a pattern are meant: the readers tell binary and damaged text from text by them.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-throw-literal': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // The promise rules need types; .svelte files are left to svelte-check.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
    rules: {
      // `let { a } = $props()` is written with let by Svelte's own convention; svelte/prefer-const knows the runes.
      'prefer-const': 'off',
      'svelte/prefer-const': 'error',
      // The components' Maps and Sets are temporaries inside $derived or replaced whole in $state.raw, never mutated in place.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: CORE,
    ignores: NOT_CORE,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: NODE_PATHS, patterns: [NODE_IMPORTS, UI_IMPORTS, WORKER_IMPORTS, CLI_IMPORTS, VITE_IMPORTS, PIPELINE_BROWSER_IMPORTS] },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS, ...NODE_GLOBALS],
    },
  },
  {
    // The synth renderer's browser rasteriser (its Node twin, on resvg, is in src/cli/synth.ts): OffscreenCanvas and
    // createImageBitmap are worker globals, and the DOM part (an <img> decoder for Chromium) is passed in by the page.
    files: ['src/synth/canvas-raster.ts'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS.filter(({ name }) => name !== 'OffscreenCanvas' && name !== 'createImageBitmap'), ...NODE_GLOBALS],
    },
  },
  {
    files: ['src/ui/**', 'workers/**', ...PIPELINE_BROWSER],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_PATHS, patterns: [NODE_IMPORTS, CLI_IMPORTS] }],
      'no-restricted-globals': ['error', ...NODE_GLOBALS],
    },
  },
  {
    files: ['src/ui/**'],
    rules: { 'no-restricted-imports': ['error', { paths: NODE_PATHS, patterns: [NODE_IMPORTS, CLI_IMPORTS, WORKER_IMPORTS] }] },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [UI_IMPORTS, WORKER_IMPORTS, PIPELINE_BROWSER_IMPORTS] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
);
