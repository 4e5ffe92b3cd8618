/** A tiny SVG writer for the figures drawn without Graphviz, keeping text boxes as it writes text. */
import type { Box, TextTruth } from './truth.ts';

/**
 * Families the rasteriser has files for, with an average advance (em) used to lay text out: measured on
 * layer labels and rounded up, so boxes hold their text.
 */
export const DRAWN_FONTS = [
  { family: 'Liberation Sans', em: 0.52, boldEm: 0.56 },
  { family: 'Liberation Serif', em: 0.48, boldEm: 0.5 },
  { family: 'DejaVu Sans', em: 0.58, boldEm: 0.64 },
  { family: 'Liberation Sans Narrow', em: 0.43, boldEm: 0.46 },
] as const;
export type DrawnFont = (typeof DRAWN_FONTS)[number];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export class SvgWriter {
  private readonly parts: string[] = [];

  constructor(readonly font: DrawnFont) {}

  textWidth(text: string, size: number, bold = false): number {
    return text.length * size * (bold ? this.font.boldEm : this.font.em);
  }

  /** Write text; returns its box (baseline at y, anchored 'start' | 'middle' | 'end'). */
  text(
    x: number,
    y: number,
    text: string,
    size: number,
    opts: { anchor?: 'start' | 'middle' | 'end'; fill?: string; bold?: boolean; rotate?: boolean } = {},
  ): TextTruth {
    const anchor = opts.anchor ?? 'middle';
    const w = this.textWidth(text, size, opts.bold);
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    const transform = opts.rotate ? ` transform="rotate(-90 ${r(x)} ${r(y)})"` : '';
    this.parts.push(
      `<text x="${r(x)}" y="${r(y)}" font-family="${this.font.family}" font-size="${r(size)}" text-anchor="${anchor}"${opts.bold ? ' font-weight="bold"' : ''} fill="${opts.fill ?? '#000'}"${transform}>${escapeXml(text)}</text>`,
    );
    // Rotated text (-90°) runs upward from (x, y).
    const box: Box = opts.rotate ? [x - size * 0.8, y - (x0 - x) - w, x + size * 0.25, y - (x0 - x)] : [x0, y - size * 0.8, x0 + w, y + size * 0.25];
    return { text, box: box.map(r) as Box };
  }

  rect(x: number, y: number, w: number, h: number, fill: string, stroke = '#000', strokeWidth = 1, rx = 0): void {
    this.parts.push(
      `<rect x="${r(x)}" y="${r(y)}" width="${r(w)}" height="${r(h)}" rx="${r(rx)}" fill="${fill}" stroke="${stroke}" stroke-width="${r(strokeWidth)}"/>`,
    );
  }

  circle(cx: number, cy: number, radius: number, fill: string, stroke = '#000', strokeWidth = 1): void {
    this.parts.push(`<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(radius)}" fill="${fill}" stroke="${stroke}" stroke-width="${r(strokeWidth)}"/>`);
  }

  polygon(points: Array<[number, number]>, fill: string, stroke = '#000', strokeWidth = 1): void {
    this.parts.push(
      `<polygon points="${points.map(([x, y]) => `${r(x)},${r(y)}`).join(' ')}" fill="${fill}" stroke="${stroke}" stroke-width="${r(strokeWidth)}"/>`,
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, stroke = '#000', strokeWidth = 1, arrow = false): void {
    this.parts.push(`<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="${stroke}" stroke-width="${r(strokeWidth)}"/>`);
    if (arrow) {
      const a = Math.atan2(y2 - y1, x2 - x1);
      const s = 4 + strokeWidth * 2;
      this.polygon(
        [
          [x2, y2],
          [x2 - s * Math.cos(a - 0.4), y2 - s * Math.sin(a - 0.4)],
          [x2 - s * Math.cos(a + 0.4), y2 - s * Math.sin(a + 0.4)],
        ],
        stroke,
        stroke,
        0.5,
      );
    }
  }

  path(d: string, stroke = '#000', strokeWidth = 1, fill = 'none'): void {
    this.parts.push(`<path d="${d}" fill="${fill}" stroke="${stroke}" stroke-width="${r(strokeWidth)}"/>`);
  }

  raw(markup: string): void {
    this.parts.push(markup);
  }

  /** The SVG document; `shift` moves everything drawn (to bring a drawing that strayed past 0 back in). */
  finish(width: number, height: number, shift: [number, number] = [0, 0], background = '#ffffff'): string {
    const body = this.parts.join('');
    const moved = shift[0] || shift[1] ? `<g transform="translate(${r(shift[0])} ${r(shift[1])})">${body}</g>` : body;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${r(width)}" height="${r(height)}" viewBox="0 0 ${r(width)} ${r(height)}"><rect width="100%" height="100%" fill="${background}"/>${moved}</svg>`;
  }
}

export function r(v: number): number {
  return Math.round(v * 100) / 100;
}
