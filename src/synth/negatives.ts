/**
 * Ordinary paper figures, the negatives of the architecture classifier: line and bar charts, scatter plots,
 * confusion matrices, sample-image grids and tables saved as images.
 */
import type { Random } from './random.ts';
import { DRAWN_FONTS, SvgWriter } from './svg.ts';
import type { DrawnFigure, FigureStyle } from './truth.ts';

const SERIES = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#000000', '#8c564b'];
const METRICS = ['Accuracy', 'Loss', 'Top-1 error (%)', 'mAP', 'BLEU', 'F1 score', 'Perplexity'];
const X_LABELS = ['Epoch', 'Iteration (×1000)', 'Training steps', 'Number of layers', 'Learning rate'];
const NAMES = ['Ours', 'Baseline', 'ResNet-50', 'VGG-16', 'AlexNet', 'LSTM', 'Transformer', 'w/o attention'];

function figure(style: FigureStyle, svg: SvgWriter, width: number, height: number, variation: Record<string, string | number | boolean>): DrawnFigure {
  return { style, svg: svg.finish(width, height), width, height, nodes: [], edges: [], fonts: [svg.font.family], variation: { font: svg.font.family, ...variation } };
}

/** Axes with ticks and labels; returns the plot area. */
function axes(svg: SvgWriter, rng: Random, w: number, h: number, size: number): { x0: number; y0: number; x1: number; y1: number } {
  const area = { x0: 60, y0: 20, x1: w - 20, y1: h - 50 };
  svg.line(area.x0, area.y1, area.x1, area.y1);
  svg.line(area.x0, area.y0, area.x0, area.y1);
  const ticks = rng.int(4, 7);
  for (let i = 0; i <= ticks; i++) {
    const x = area.x0 + ((area.x1 - area.x0) * i) / ticks;
    const y = area.y1 - ((area.y1 - area.y0) * i) / ticks;
    svg.line(x, area.y1, x, area.y1 + 4);
    svg.line(area.x0 - 4, y, area.x0, y);
    svg.text(x, area.y1 + size + 4, String(Math.round((i * 100) / ticks)), size * 0.85);
    svg.text(area.x0 - 7, y + size * 0.3, (i / ticks).toFixed(1), size * 0.85, { anchor: 'end' });
    if (rng.chance(0.3)) svg.line(area.x0, y, area.x1, y, '#dddddd', 0.6);
  }
  svg.text((area.x0 + area.x1) / 2, h - 12, rng.pick(X_LABELS), size);
  svg.text(16, (area.y0 + area.y1) / 2, rng.pick(METRICS), size, { rotate: true });
  return area;
}

function legend(svg: SvgWriter, names: string[], colours: string[], x: number, y: number, size: number): void {
  names.forEach((name, i) => {
    svg.line(x, y + i * size * 1.4, x + 20, y + i * size * 1.4, colours[i]!, 2);
    svg.text(x + 25, y + i * size * 1.4 + size * 0.35, name, size * 0.9, { anchor: 'start' });
  });
}

export function drawLineChart(rng: Random): DrawnFigure {
  const svg = new SvgWriter(rng.pick(DRAWN_FONTS));
  const [w, h, size] = [rng.int(320, 560), rng.int(220, 400), rng.int(9, 14)];
  const a = axes(svg, rng, w, h, size);
  const series = rng.int(1, 4);
  const names: string[] = [];
  for (let s = 0; s < series; s++) {
    const rate = 0.5 + rng.next() * 4;
    const ceiling = 0.5 + rng.next() * 0.45;
    const rising = rng.chance(0.6);
    const points: string[] = [];
    for (let i = 0; i <= 40; i++) {
      const t = i / 40;
      const v = (rising ? ceiling * (1 - Math.exp(-rate * t)) : ceiling * Math.exp(-rate * t)) + (rng.next() - 0.5) * 0.04;
      points.push(`${a.x0 + t * (a.x1 - a.x0)},${a.y1 - Math.min(1, Math.max(0, v)) * (a.y1 - a.y0)}`);
    }
    svg.path(`M${points.join(' L')}`, SERIES[s]!, rng.pick([1, 1.5, 2]));
    names.push(rng.pick(NAMES));
  }
  if (series > 1) legend(svg, names, SERIES, a.x1 - 120, a.y0 + 15, size);
  return figure('linechart', svg, w, h, { series });
}

export function drawBarChart(rng: Random): DrawnFigure {
  const svg = new SvgWriter(rng.pick(DRAWN_FONTS));
  const [w, h, size] = [rng.int(320, 560), rng.int(220, 400), rng.int(9, 14)];
  const a = axes(svg, rng, w, h, size);
  const groups = rng.int(3, 8);
  const perGroup = rng.int(1, 3);
  const groupW = (a.x1 - a.x0) / groups;
  for (let g = 0; g < groups; g++) {
    for (let b = 0; b < perGroup; b++) {
      const v = 0.2 + rng.next() * 0.75;
      const bw = (groupW * 0.7) / perGroup;
      const x = a.x0 + g * groupW + groupW * 0.15 + b * bw;
      svg.rect(x, a.y1 - v * (a.y1 - a.y0), bw, v * (a.y1 - a.y0), SERIES[b]!, '#000000', 0.5);
    }
  }
  return figure('barchart', svg, w, h, { groups, perGroup });
}

export function drawScatter(rng: Random): DrawnFigure {
  const svg = new SvgWriter(rng.pick(DRAWN_FONTS));
  const [w, h, size] = [rng.int(300, 520), rng.int(260, 460), rng.int(9, 14)];
  const a = axes(svg, rng, w, h, size);
  const clusters = rng.int(1, 6);
  for (let c = 0; c < clusters; c++) {
    const [cx, cy] = [0.15 + rng.next() * 0.7, 0.15 + rng.next() * 0.7];
    const spread = 0.03 + rng.next() * 0.1;
    for (let i = 0; i < rng.int(20, 80); i++) {
      const x = cx + (rng.next() + rng.next() - 1) * spread * 2;
      const y = cy + (rng.next() + rng.next() - 1) * spread * 2;
      svg.circle(a.x0 + x * (a.x1 - a.x0), a.y1 - y * (a.y1 - a.y0), 2.5, SERIES[c % SERIES.length]!, 'none', 0);
    }
  }
  return figure('scatter', svg, w, h, { clusters });
}

export function drawConfusion(rng: Random): DrawnFigure {
  const svg = new SvgWriter(rng.pick(DRAWN_FONTS));
  const n = rng.int(3, 12);
  const cell = rng.int(22, 40);
  const size = Math.min(12, cell * 0.4);
  const [ox, oy] = [70, 30];
  const hue = rng.pick([210, 0, 120, 270]);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = i === j ? 0.6 + rng.next() * 0.4 : rng.next() * 0.15;
      svg.rect(ox + j * cell, oy + i * cell, cell, cell, `hsl(${hue},70%,${Math.round(97 - v * 60)}%)`, '#ffffff', 0.5);
      if (cell >= 28) svg.text(ox + (j + 0.5) * cell, oy + (i + 0.5) * cell + size * 0.35, v.toFixed(2).slice(1), size, { fill: v > 0.5 ? '#ffffff' : '#000000' });
    }
    svg.text(ox - 6, oy + (i + 0.5) * cell + size * 0.35, `c${i}`, size, { anchor: 'end' });
    svg.text(ox + (i + 0.5) * cell, oy + n * cell + size + 4, `c${i}`, size);
  }
  svg.text(ox + (n * cell) / 2, oy + n * cell + size * 2 + 12, 'Predicted label', size + 1);
  svg.text(18, oy + (n * cell) / 2, 'True label', size + 1, { rotate: true });
  return figure('confusion', svg, ox + n * cell + 20, oy + n * cell + size * 2 + 24, { classes: n });
}

/** A grid of "photos": smooth colour fields with blobs, like dataset samples or generated images. */
export function drawSampleGrid(rng: Random): DrawnFigure {
  const svg = new SvgWriter(rng.pick(DRAWN_FONTS));
  const [rows, cols] = [rng.int(2, 6), rng.int(3, 10)];
  const cell = rng.int(32, 72);
  const gap = rng.pick([0, 2, 4]);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = 10 + j * (cell + gap);
      const y = 10 + i * (cell + gap);
      const id = `g${i}_${j}`;
      const [h1, h2] = [rng.int(0, 359), rng.int(0, 359)];
      // A nested <svg> clips the blobs to their cell.
      let cellSvg = `<svg x="${x}" y="${y}" width="${cell}" height="${cell}"><defs><linearGradient id="${id}" x1="0" y1="0" x2="${rng.next().toFixed(2)}" y2="1"><stop offset="0" stop-color="hsl(${h1},${rng.int(20, 80)}%,${rng.int(20, 80)}%)"/><stop offset="1" stop-color="hsl(${h2},${rng.int(20, 80)}%,${rng.int(20, 80)}%)"/></linearGradient></defs><rect width="${cell}" height="${cell}" fill="url(#${id})"/>`;
      for (let k = 0; k < rng.int(1, 4); k++) {
        const radius = (cell * (0.08 + rng.next() * 0.25)).toFixed(1);
        cellSvg += `<circle cx="${(rng.next() * cell).toFixed(1)}" cy="${(rng.next() * cell).toFixed(1)}" r="${radius}" fill="hsl(${rng.int(0, 359)},${rng.int(10, 70)}%,${rng.int(15, 85)}%)"/>`;
      }
      svg.raw(`${cellSvg}</svg>`);
    }
  }
  return figure('samplegrid', svg, 20 + cols * (cell + gap), 20 + rows * (cell + gap), { rows, cols });
}

/** A results table as an image: header rule, model names, numbers, booktabs-style lines. */
export function drawTableImage(rng: Random): DrawnFigure {
  const svg = new SvgWriter(rng.pick(DRAWN_FONTS));
  const size = rng.int(9, 14);
  const cols = rng.int(3, 6);
  const rows = rng.int(3, 9);
  const colW = size * 7;
  const rowH = size * 1.6;
  const width = 20 + colW * (cols + 1);
  svg.line(10, 10, width - 10, 10, '#000', 1.2);
  svg.text(20, 10 + rowH * 0.7, 'Method', size, { anchor: 'start', bold: true });
  for (let c = 0; c < cols; c++) svg.text(20 + colW * (c + 1.5), 10 + rowH * 0.7, rng.pick(METRICS).split(' ')[0]!, size, { bold: true });
  svg.line(10, 10 + rowH, width - 10, 10 + rowH, '#000', 0.6);
  for (let r = 0; r < rows; r++) {
    const y = 10 + rowH * (r + 1.7);
    svg.text(20, y, rng.pick(NAMES), size, { anchor: 'start' });
    for (let c = 0; c < cols; c++) svg.text(20 + colW * (c + 1.5), y, (rng.next() * 100).toFixed(rng.int(1, 2)), size);
  }
  const bottom = 10 + rowH * (rows + 1.2);
  svg.line(10, bottom, width - 10, bottom, '#000', 1.2);
  return figure('tableimage', svg, width, bottom + 10, { rows, cols });
}
