/** Figure classifier speed: decode, preprocess and model time per image on the real corpus images (Node, wasm, 1 thread). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFigureClassifier, preprocess } from '../src/classify/index.ts';
import { decodeImage, DEFAULT_MODEL } from '../src/cli/classify.ts';

const corpus = fileURLToPath(new URL('../../shared/corpus/images/', import.meta.url));
const files = ['arch', 'other'].flatMap((dir) =>
  readdirSync(corpus + dir)
    .sort()
    .map((f) => `${corpus}${dir}/${f}`),
);

let t = performance.now();
const images = files.map((f) => decodeImage(readFileSync(f), f));
const decodeMs = (performance.now() - t) / files.length;

t = performance.now();
for (const image of images) preprocess(image);
const preprocessMs = (performance.now() - t) / files.length;

t = performance.now();
const classifier = await createFigureClassifier(readFileSync(DEFAULT_MODEL));
const loadMs = performance.now() - t;

await classifier.classify(images.slice(0, 1)); // warm-up
t = performance.now();
for (const image of images) await classifier.classify([image]);
const singleMs = (performance.now() - t) / files.length;

t = performance.now();
await classifier.classify(images);
const batchMs = (performance.now() - t) / files.length;
await classifier.release();

console.log(`${files.length} corpus images (largest ${Math.max(...images.map((i) => i.width * i.height)) / 1e6} Mpx)`);
console.log(`model load            ${loadMs.toFixed(0)} ms`);
console.log(`decode PNG/JPEG       ${decodeMs.toFixed(1)} ms/image`);
console.log(`preprocess            ${preprocessMs.toFixed(1)} ms/image`);
console.log(`classify, one by one  ${singleMs.toFixed(1)} ms/image (preprocess + model)`);
console.log(`classify, one batch   ${batchMs.toFixed(1)} ms/image`);
