/**
 * Bitmap figures in Node: pdf.js's legacy build paints page regions with @napi-rs/canvas, onnxruntime-web runs
 * the figure classifier, tesseract.js reads the labels — and whole pages whose text layer is unreadable or
 * missing (`pageOcr`, for ReadOptions.ocr). Everything is started on first use, so a paper without bitmap
 * figures or bad pages pays nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createFigureClassifier, type FigureClassifier } from '../classify/index.ts';
import { createOcr, type Ocr } from '../diagrams/index.ts';
import { loadDefaultPdfjs, type PageOcr } from '../paper/index.ts';
import type { BitmapFigures } from '../pipeline/extract.ts';
import { createPageOcr, createRegionRenderer, type RegionRenderer } from '../pipeline/regionRender.ts';
import { DEFAULT_MODEL } from './classify.ts';
import { nodeOcrOptions, nodeOpenCv } from './figure.ts';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

export interface NodeBitmapOptions {
  /** A classifier to share across papers; else one is loaded from `model` (default the committed model). */
  classifier?: FigureClassifier;
  model?: string;
  /**
   * An OCR engine to share across papers; else one is started for the first accepted figure and ended after,
   * and one for the first page read by OCR, ended by close().
   */
  ocr?: Ocr;
}

export interface NodeBitmaps extends BitmapFigures {
  /** OCR of whole pages, for ReadOptions.ocr. */
  pageOcr: PageOcr;
  /** Closes the PDF and whatever was started here (not what the caller passed in). */
  close(): Promise<void>;
}

export function nodeBitmapFigures(bytes: Uint8Array, options: NodeBitmapOptions = {}): NodeBitmaps {
  let renderer: Promise<RegionRenderer> | undefined;
  let ownClassifier: Promise<FigureClassifier> | undefined;
  let pageEngine: Promise<Ocr> | undefined;
  const classifier = () =>
    options.classifier ? Promise.resolve(options.classifier) : (ownClassifier ??= createFigureClassifier(readFileSync(options.model ?? DEFAULT_MODEL)));
  const render: BitmapFigures['render'] = async (pageNumber, bbox, scale) => {
    renderer ??= loadDefaultPdfjs().then((pdfjs) =>
      // Fonts a PDF does not embed, and the JPEG 2000 decoder, come from pdfjs-dist's own folders.
      createRegionRenderer(bytes, pdfjs, { documentParams: { standardFontDataUrl: join(pdfjsRoot, 'standard_fonts/'), wasmUrl: join(pdfjsRoot, 'wasm/') } }),
    );
    return (await renderer).render(pageNumber, bbox, scale);
  };
  return {
    render,
    pageOcr: createPageOcr(render, () => (options.ocr ? Promise.resolve(options.ocr) : (pageEngine ??= createOcr(nodeOcrOptions())))),
    async classify(image) {
      const [result] = await (await classifier()).classify([image]);
      return result!;
    },
    reader: { ocr: options.ocr ?? nodeOcrOptions(), opencv: nodeOpenCv },
    async close() {
      await (await renderer)?.close();
      await (await ownClassifier)?.release();
      await (await pageEngine?.catch(() => undefined))?.terminate();
    },
  };
}
