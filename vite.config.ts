import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY, ISOLATION_HEADERS, policyFor } from './workers/securityHeaders.ts';

/**
 * The headers `vite` and `vite preview` send (the deployed app gets the same from the service worker):
 * cross-origin isolation on everything, and the CSP that fits what the response is used for.
 */
function securityHeaders(): Plugin {
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    const dest = req.headers['sec-fetch-dest'];
    const policy = policyFor(Array.isArray(dest) ? dest[0] : dest);
    if (policy) res.setHeader('Content-Security-Policy', policy);
    next();
  };
  return {
    name: 'paper2net-security-headers',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

/** The CSP also goes into index.html as a meta tag, for hosts that serve the files without our headers. */
function cspMetaTag(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'paper2net-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

/**
 * Files the wasm stages load by URL at run time, copied from node_modules (and models/) into the build
 * under fixed paths, where the PWA precache picks them up for offline use; served from the same paths in dev.
 * Keep in sync with src/pipeline/assets.ts.
 */
const RUNTIME_ASSETS: Array<{ from: string; to: string; keep?: (file: string) => boolean }> = [
  { from: 'node_modules/pdfjs-dist/cmaps', to: 'pdfjs/cmaps' },
  { from: 'node_modules/pdfjs-dist/standard_fonts', to: 'pdfjs/standard_fonts', keep: (f) => !f.startsWith('LICENSE') },
  { from: 'node_modules/pdfjs-dist/wasm', to: 'pdfjs/wasm', keep: (f) => f.endsWith('.wasm') },
  { from: 'node_modules/tesseract.js/dist', to: 'ocr', keep: (f) => f === 'worker.min.js' },
  { from: 'node_modules/tesseract.js-core', to: 'ocr/core', keep: (f) => /^tesseract-core(-simd)?-lstm\.wasm\.js$/.test(f) },
  { from: 'node_modules/@tesseract.js-data/eng/4.0.0_best_int', to: 'ocr/lang', keep: (f) => f === 'eng.traineddata.gz' },
  { from: 'models', to: 'models', keep: (f) => f.endsWith('.onnx') || f.endsWith('.json') },
];

const MIME: Record<string, string> = { wasm: 'application/wasm', js: 'text/javascript', mjs: 'text/javascript', json: 'application/json' };

function assetFiles(): Array<{ source: string; fileName: string }> {
  return RUNTIME_ASSETS.flatMap(({ from, to, keep }) =>
    existsSync(from)
      ? readdirSync(from)
          .filter((f) => statSync(join(from, f)).isFile() && (keep?.(f) ?? true))
          .map((f) => ({ source: join(from, f), fileName: `${to}/${f}` }))
      : [],
  );
}

function runtimeAssets(): Plugin {
  return {
    name: 'paper2net-runtime-assets',
    configureServer(server) {
      const files = new Map(assetFiles().map((a) => [`/${a.fileName}`, a.source]));
      server.middlewares.use((req, res, next) => {
        const source = files.get(decodeURIComponent((req.url ?? '').split('?')[0]!));
        if (!source) return next();
        res.setHeader('Content-Type', MIME[source.split('.').pop()!] ?? 'application/octet-stream');
        res.end(readFileSync(source));
      });
    },
    generateBundle() {
      for (const { source, fileName } of assetFiles()) this.emitFile({ type: 'asset', fileName, source: readFileSync(source) });
    },
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    securityHeaders(),
    cspMetaTag(),
    runtimeAssets(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'workers',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'paper2net — paper to network',
        short_name: 'paper2net',
        description: 'Read a deep-learning paper, edit the networks it describes, get Keras, PyTorch, Caffe and ONNX code.',
        theme_color: '#1d3557',
        background_color: '#f7f7f4',
        display: 'standalone',
        start_url: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // Everything the app needs offline: code, wasm runtimes, OCR data and classifier models.
        globPatterns: ['**/*.{js,mjs,css,html,wasm,onnx,gz,traineddata,png,svg,webmanifest,json,bcmap,pfb,ttf}'],
        maximumFileSizeToCacheInBytes: 128 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  // The browser needs only onnxruntime's CPU (wasm) backend: its bundle brings the 14 MB wasm, not the 28 MB WebGPU one.
  resolve: { alias: [{ find: /^onnxruntime-web$/, replacement: 'onnxruntime-web/wasm' }] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8192 },
  optimizeDeps: {
    exclude: ['onnxruntime-web'],
    // Vite's scan starts at index.html and misses what loads later: the workers (new Worker(new URL(...)))
    // and dynamic imports. A dependency first met on a drop makes the dev server re-optimise and reload
    // the page, losing the paper; declaring them all here has them optimised before the first page load.
    include: [
      'comlink',
      'idb',
      'jszip',
      'fast-png',
      'jpeg-js',
      'pdfjs-dist',
      'pdfjs-dist/legacy/build/pdf.mjs',
      'protobufjs',
      'protobufjs/light.js',
      'tesseract.js',
      '@techstark/opencv-js',
      'elkjs/lib/elk.bundled.js',
      '@xyflow/svelte',
    ],
  },
});
