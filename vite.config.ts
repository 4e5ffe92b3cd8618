import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY, ISOLATION_HEADERS } from './workers/securityHeaders.ts';

/** Served by `vite` and `vite preview`; the deployed app gets the same headers from the service worker. */
const headers = { ...ISOLATION_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY };

/** The CSP also goes into index.html as a meta tag, for hosts that serve the files without our headers. */
function cspMetaTag(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  return {
    name: 'paper2net-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

/**
 * pdf.js loads cmaps, standard fonts and its image-decoder wasm by URL at run time. Serve them under
 * /pdfjs/ in dev and emit them into the build, where the PWA precache picks them up for offline use.
 */
function pdfjsAssets(): Plugin {
  const root = 'node_modules/pdfjs-dist';
  const dirs = ['cmaps', 'standard_fonts', 'wasm'];
  return {
    name: 'paper2net-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const [dir, file] = decodeURIComponent((req.url ?? '').split('?')[0]!).replace(/^\//, '').split('/');
        if (!dir || !file || !dirs.includes(dir) || file.includes('..')) return next();
        try {
          res.setHeader('Content-Type', file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
          res.end(readFileSync(join(root, dir, file)));
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const dir of dirs) {
        for (const file of readdirSync(join(root, dir))) {
          if (file.startsWith('LICENSE') || file.endsWith('.js')) continue;
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${file}`, source: readFileSync(join(root, dir, file)) });
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    cspMetaTag(),
    pdfjsAssets(),
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
  worker: { format: 'es' },
  server: { headers },
  preview: { headers },
  build: { target: 'es2022', chunkSizeWarningLimit: 8192 },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
});
