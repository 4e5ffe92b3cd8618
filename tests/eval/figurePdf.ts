/**
 * A one-page PDF holding one placed bitmap under a paragraph of body text, with a caption below: how a paper
 * includes a plot_model / draw_net picture. Written by hand (Helvetica, one FlateDecode RGB image) so an eval
 * can put a real figure image with a known model file through the whole PDF pipeline.
 */
import { deflateSync } from 'node:zlib';
import type { RgbaImage } from '../../src/classify/index.ts';

const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

export function figurePdf(image: RgbaImage, caption: string, body: string[], figureHeight: number): Uint8Array {
  const width = 612;
  const margin = 72;
  const scale = figureHeight / image.height;
  const figureWidth = image.width * scale;
  const bodyTop = 60;
  const lineGap = 13;
  const figureTop = bodyTop + body.length * lineGap + 24;
  const captionTop = figureTop + figureHeight + 16;
  const height = Math.ceil(captionTop + 60);
  // Transparent pixels composited on white paper, as a viewer shows them.
  const rgb = Buffer.alloc(image.width * image.height * 3);
  for (let i = 0; i < image.width * image.height; i++) {
    const a = image.data[4 * i + 3]! / 255;
    for (let c = 0; c < 3; c++) rgb[3 * i + c] = Math.round(image.data[4 * i + c]! * a + 255 * (1 - a));
  }
  const pdfY = (top: number) => (height - top).toFixed(2);
  const text = (x: number, top: number, size: number, str: string) => `BT /F1 ${size} Tf ${x} ${pdfY(top + size * 0.8)} Td (${escape(str)}) Tj ET`;
  const content = [
    ...body.map((line, i) => text(margin, bodyTop + i * lineGap, 10, line)),
    `q ${figureWidth.toFixed(2)} 0 0 ${figureHeight.toFixed(2)} ${((width - figureWidth) / 2).toFixed(2)} ${pdfY(figureTop + figureHeight)} cm /Im1 Do Q`,
    text(margin, captionTop, 9, caption),
  ].join('\n');
  const pixels = deflateSync(rgb);
  const objects: Array<string | Buffer[]> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    [
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`,
      ),
      pixels,
      Buffer.from('\nendstream'),
    ],
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), ...(typeof body === 'string' ? [Buffer.from(body)] : body), Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}
