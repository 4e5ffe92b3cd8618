#!/usr/bin/env node
// Builds the command line (src/cli/main.ts, and the worker-thread entries src/cli/*Worker.ts) into plain
// JavaScript in build/cli/, one chunk per command so a command loads only its own code; packages stay in node_modules. Two folders deep like src/cli/, so the
// modules' `new URL('../../models/…', import.meta.url)` paths hold in both. `npm run build:cli`, run by
// `prepare` on npm install / npm ci, and before the tests.
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}build/cli`;
// Written aside and swapped in, so a CLI started meanwhile never reads half a build (bin/ falls back to tsx
// for the instant between the two renames).
const fresh = `${target}.${process.pid}`;
const workers = readdirSync(`${root}src/cli`).filter((file) => file.endsWith('Worker.ts'));
await build({
  entryPoints: [`${root}src/cli/main.ts`, ...workers.map((file) => `${root}src/cli/${file}`)],
  outdir: fresh,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
const old = `${target}.old.${process.pid}`;
try {
  renameSync(target, old);
} catch {
  // no earlier build
}
renameSync(fresh, target);
rmSync(old, { recursive: true, force: true });
