/**
 * Import speed on the real corpus: milliseconds per file for every prototxt, Keras/MXNet JSON and ONNX
 * model, CPU time of this process (process.cpuUsage) so other work on the machine does not skew it.
 * Run: `npx tsx bench/importers.ts` (also called by `npm run bench`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { importModel } from '../src/importers/index.ts';

const corpus = new URL('../../shared/corpus/', import.meta.url);
const REPEATS = 20;

const rows: Array<[string, number, number]> = [];
for (const dir of ['prototxt', 'modeljson', 'onnx']) {
  for (const file of readdirSync(new URL(`${dir}/`, corpus)).sort()) {
    const bytes = new Uint8Array(readFileSync(new URL(`${dir}/${file}`, corpus)));
    const layers = importModel(bytes, file).layers.length; // warm-up
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < REPEATS; i++) importModel(bytes, file);
    const cpu = process.cpuUsage(cpu0);
    rows.push([`${dir}/${file}`, layers, (cpu.user + cpu.system) / 1000 / REPEATS]);
  }
}
for (const [file, layers, ms] of rows) console.log(`${ms.toFixed(2).padStart(8)} ms  ${String(layers).padStart(4)} layers  ${file}`);
const total = rows.reduce((sum, [, , ms]) => sum + ms, 0);
const worst = rows.reduce((a, b) => (b[2] > a[2] ? b : a));
console.log(`importers: ${rows.length} files, ${total.toFixed(1)} ms CPU in all; slowest ${worst[0]} at ${worst[2].toFixed(1)} ms`);
