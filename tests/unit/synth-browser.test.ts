import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const FONT = '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf';

let browser: Browser;
/** What a step may take on a 2-core machine that others load too (it takes 2-10 s there). */
const LOADED_MACHINE_MS = 180_000;

beforeAll(async () => {
  // Playwright's own 30 s would make a busy machine's slow Chromium start a failure.
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS, timeout: LOADED_MACHINE_MS });
}, LOADED_MACHINE_MS);

afterAll(async () => {
  await browser?.close();
});

describe('synth in the browser', () => {
  it(
    'generates, lays out with Graphviz and rasterises on a canvas, text included',
    async () => {
      // The same src/synth modules, bundled for the page as the app's bundler would.
      const bundle = await build({
        stdin: {
          contents: `import { createCanvasRasterizer, drawFigure, generateModel, createRandom, getViz } from './src/synth/index.ts';
          window.runSynth = async (fontBase64, withText) => {
            const regular = Uint8Array.from(atob(fontBase64), (c) => c.charCodeAt(0));
            const viz = await getViz();
            const figure = drawFigure('keras2', generateModel(11), createRandom(3), viz);
            const svg = withText ? figure.svg : figure.svg.replace(/<text[^>]*>[^<]*<\\/text>/g, '');
            // Chromium decodes SVG only through an <img>; that decoder is the page's to give.
            const decode = (text) => new Promise((resolve, reject) => {
              const img = new Image();
              img.onload = () => resolve(img);
              img.onerror = () => reject(new Error('svg decode failed'));
              img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
            });
            const raster = createCanvasRasterizer({ fonts: { [figure.fonts[0]]: { regular } }, decode });
            const image = await raster.rasterize(svg, 1, figure.fonts);
            const png = await raster.encodePng(image);
            let ink = 0;
            for (let i = 0; i < image.data.length; i += 4) if (image.data[i] < 128) ink++;
            return { width: image.width, height: image.height, svgWidth: figure.width, font: figure.fonts[0], ink, pngHead: Array.from(png.subarray(1, 4)), nodes: figure.nodes.length };
          };`,
          resolveDir: root,
          loader: 'ts',
        },
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'silent',
      });
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text, type: 'module' });
      await page.waitForFunction(() => 'runSynth' in window, undefined, { timeout: LOADED_MACHINE_MS });
      const font = readFileSync(FONT).toString('base64');
      type Result = { width: number; height: number; svgWidth: number; font: string; ink: number; pngHead: number[]; nodes: number };
      const run = (withText: boolean): Promise<Result> =>
        page.evaluate(([f, t]) => (window as unknown as { runSynth: (f: string, t: boolean) => Promise<Result> }).runSynth(f as string, t as boolean), [
          font,
          withText,
        ] as const);
      const full = await run(true);
      const bare = await run(false);
      expect(full.nodes).toBeGreaterThan(5);
      expect(full.width).toBe(Math.ceil(full.svgWidth));
      expect(String.fromCharCode(...full.pngHead)).toBe('PNG');
      // Outlines alone leave ink; the labels add a good deal more when the text is drawn.
      expect(bare.ink).toBeGreaterThan(0);
      expect(full.ink).toBeGreaterThan(bare.ink * 1.3);
    },
    LOADED_MACHINE_MS,
  );
});
