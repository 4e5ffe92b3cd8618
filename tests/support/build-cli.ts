/** Vitest global setup: builds the CLI, so the tests that start `bin/paper2net.mjs` run the current source, built; names the run. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildCli(): void {
  // One id per test run: the e2e files build the app once for the run (tests/e2e/serveApp.ts buildApp).
  process.env.PAPER2NET_TEST_RUN = `${process.pid}-${Date.now()}`;
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-cli.mjs', import.meta.url))], { stdio: 'inherit' });
}
