/**
 * The browser's rasteriser: the SVG decoded as an image and drawn on an OffscreenCanvas. An SVG drawn as an
 * image sees no page fonts, so the font files are embedded in it as @font-face data URLs when given.
 */
import type { Rasterizer, RgbaImage } from './raster.ts';

export interface CanvasRasterizerOptions {
  /** Font bytes per family (regular and optionally bold), embedded into each SVG that uses the family. */
  fonts?: Record<string, { regular: Uint8Array; bold?: Uint8Array }>;
  /**
   * Turns SVG text into something drawImage accepts. Default: createImageBitmap on an SVG Blob, which Firefox
   * decodes but Chromium refuses; there the page passes a decoder built on an HTMLImageElement (DOM code
   * belongs to src/ui or src/pipeline, not here).
   */
  decode?: (svg: string) => Promise<CanvasImageSource>;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fontFaces(families: readonly string[], fonts: NonNullable<CanvasRasterizerOptions['fonts']>, cache: Map<string, string>): string {
  return families
    .filter((family) => fonts[family])
    .map((family) => {
      let css = cache.get(family);
      if (!css) {
        const { regular, bold } = fonts[family]!;
        css = `@font-face{font-family:"${family}";font-weight:normal;src:url(data:font/ttf;base64,${base64(regular)})}`;
        if (bold) css += `@font-face{font-family:"${family}";font-weight:bold;src:url(data:font/ttf;base64,${base64(bold)})}`;
        cache.set(family, css);
      }
      return css;
    })
    .join('');
}

async function decodeWithBitmap(svg: string): Promise<CanvasImageSource> {
  return createImageBitmap(new Blob([svg], { type: 'image/svg+xml' }));
}

export function createCanvasRasterizer(options: CanvasRasterizerOptions = {}): Rasterizer {
  const cache = new Map<string, string>();
  const decode = options.decode ?? decodeWithBitmap;
  return {
    async rasterize(svg: string, scale: number, families: readonly string[]): Promise<RgbaImage> {
      const size = /<svg[^>]*?width="([\d.]+)"[^>]*?height="([\d.]+)"/.exec(svg);
      if (!size) throw new Error('synth canvas rasteriser: the SVG has no numeric width and height');
      const width = Math.ceil(Number(size[1]) * scale);
      const height = Math.ceil(Number(size[2]) * scale);
      const css = options.fonts ? fontFaces(families, options.fonts, cache) : '';
      // Draw at the target size by rewriting the root size; the viewBox keeps the drawing's own units.
      let sized = svg.replace(/(<svg[^>]*?)width="[\d.]+"([^>]*?)height="[\d.]+"/, `$1width="${width}"$2height="${height}"`);
      if (css) sized = sized.replace(/(<svg[^>]*>)/, `$1<style>${css}</style>`);
      const image = await decode(sized);
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('synth canvas rasteriser: no 2d context');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.drawImage(image, 0, 0, width, height);
      const pixels = context.getImageData(0, 0, width, height).data;
      return { width, height, data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length) };
    },
    async encodePng(image: RgbaImage): Promise<Uint8Array> {
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return new Uint8Array(await blob.arrayBuffer());
    },
  };
}
