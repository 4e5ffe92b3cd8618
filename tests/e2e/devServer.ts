/** `vite` dev server (what `npm run dev` starts) on 127.0.0.1 with a cache directory of its own, for e2e tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
import { ROOT } from './serveApp.ts';

/**
 * `fresh` = an empty dependency cache, as on the first `npm run dev` after `npm install`: vite optimises
 * dependencies on the first requests, and any it discovers late make it reload the page.
 */
export async function serveDev(): Promise<{ url: string; close: () => Promise<void>; log: string[] }> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'paper2net-vite-'));
  const log: string[] = [];
  const logger = {
    info: (msg: string) => void log.push(msg),
    warn: (msg: string) => void log.push(msg),
    warnOnce: (msg: string) => void log.push(msg),
    error: (msg: string) => void log.push(msg),
    clearScreen: () => {},
    hasErrorLogged: () => false,
    hasWarned: false,
  };
  const server = await createServer({
    root: ROOT,
    cacheDir,
    customLogger: logger,
    server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not report a port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    log,
    close: async () => {
      await server.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
