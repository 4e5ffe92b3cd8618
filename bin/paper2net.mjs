#!/usr/bin/env node
// Launcher: runs the CLI built by `npm run build:cli` (npm install and npm ci run it through `prepare`), or,
// when there is no build, the TypeScript source through tsx (slower to start: it transpiles on every run).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const built = new URL('../build/cli/main.js', import.meta.url);
if (existsSync(built)) await import(built.href);
else {
  const tsx = new URL('../node_modules/.bin/tsx', import.meta.url);
  const result = spawnSync(tsx, [new URL('../src/cli/main.ts', import.meta.url).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
