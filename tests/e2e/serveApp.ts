/** Builds the app and serves dist/ with `vite preview` on 127.0.0.1 (same headers as production), for e2e tests and the bench. */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

function viteBuild(): void {
  // vitest sets NODE_ENV=test, which would make vite build a development bundle (no service worker).
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/**
 * Builds dist/ once per test run: test files run in parallel, and a second `vite build` emptying dist/
 * while another file's browser loads from it fails that file. The first caller builds; the others wait for
 * its mark. Outside a test run (the bench) it simply builds.
 */
export function buildApp(): void {
  const run = process.env.PAPER2NET_TEST_RUN;
  if (!run) return viteBuild();
  const lock = join(tmpdir(), `paper2net-app-build-${run}.lock`);
  const done = `${lock}.done`;
  try {
    closeSync(openSync(lock, 'wx'));
  } catch {
    const until = Date.now() + 300_000;
    while (!existsSync(done)) {
      if (Date.now() > until) throw new Error(`the app build of this test run did not finish (no ${done})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
    if (readFileSync(done, 'utf8') !== 'ok') throw new Error(`the app build of this test run failed: ${readFileSync(done, 'utf8')}`);
    return;
  }
  try {
    viteBuild();
    writeFileSync(done, 'ok');
  } catch (error) {
    writeFileSync(done, (error as Error).message || 'failed');
    throw error;
  }
}

export async function serveApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** dist/ served like a plain static host: content types only, no COOP/COEP/CSP headers. */
export async function serveStatic(): Promise<{ url: string; close: () => Promise<void> }> {
  const dist = join(ROOT, 'dist');
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
