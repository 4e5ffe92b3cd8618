#!/usr/bin/env node
// Launcher: runs the CLI built by `npm run build:cli` (npm install and npm ci run it through `prepare`), or,
// when there is no build or a source file changed after it (a developer's edit), the TypeScript source
// through tsx (slower to start: it transpiles on every run).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const built = new URL('../build/cli/main.js', import.meta.url);
const src = new URL('../src/', import.meta.url);

function builtIsCurrent() {
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return readdirSync(src, { recursive: true }).every((file) => statSync(new URL(String(file), src)).mtimeMs <= builtAt);
}

if (builtIsCurrent()) await import(built.href);
else {
  const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));
  const result = spawnSync(path('../node_modules/.bin/tsx'), [path('../src/cli/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
