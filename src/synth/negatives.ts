/**
 * Ordinary paper figures, the negatives of the architecture classifier: line and bar charts, scatter plots,
 * confusion matrices, sample-image grids and tables saved as images; and the looks that fooled the classifier
 * inside PDFs: ROC / PR curves, screenshots and photo grids, segmentation result grids, attention maps.
 */
import type { Random } from './random.ts';
import { DRAWN_FONTS, SvgWriter } from './svg.ts';
import type { DrawnFigure, FigureStyle } from './truth.ts';

const SERIES = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#000000', '#8c564b'];
const METRICS = ['Accuracy', 'Loss', 'Top-1 error (%)', 'mAP', 'BLEU', 'F1 score', 'Perplexity'];
const X_LABELS = ['Epoch', 'Iteration (×1000)', 'Training steps', 'Number of layers', 'Learning rate'];
const NAMES = ['Ours', 'Baseline', 'ResNet-50', 'VGG-16', 'AlexNet', 'LSTM', 'Transformer', 'w/o attention'];

function figure(style: FigureStyle, svg: SvgWriter, width: number, height: number, variation: Record<string, string | number | boolean>): DrawnFigure {
  return {
    style,
    svg: svg.finish(width, height),
    width,
    height,
    nodes: [],
    edges: [],
    fonts: [svg.font.family],
    variation: { font: svg.font.family, ...variation },
  };
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
      if (cell >= 28)
        svg.text(ox + (j + 0.5) * cell, oy + (i + 0.5) * cell + size * 0.35, v.toFixed(2).slice(1), size, { fill: v > 0.5 ? '#ffffff' : '#000000' });
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

// ---------------------------------------------------------------- the figures that fooled the classifier in PDFs

const ROC_NAMES = ['Ours', 'Baseline', 'SVM', 'Random forest', 'CNN', 'Logistic regression', 'k-NN', 'Ensemble'];

/** ROC or precision–recall curves: square unit axes, a dashed chance line, 1–5 curves with AUCs in the legend, 1–3 panels. */
export function drawRocCurve(rng: Random): DrawnFigure {
  const svg = new SvgWriter(rng.pick(DRAWN_FONTS));
  const size = rng.int(9, 14);
  const panels = rng.weighted([1, 2, 3], [6, 3, 1]);
  const side = rng.int(180, 320);
  const pr = rng.chance(0.35);
  const width = panels * (side + 80) + 10;
  const height = side + 80;
  const grid = rng.chance(0.4);
  for (let p = 0; p < panels; p++) {
    const x0 = 60 + p * (side + 80);
    const [y0, x1, y1] = [15, 60 + p * (side + 80) + side, 15 + side];
    svg.rect(x0, y0, side, side, 'none', '#000', rng.pick([0.8, 1]));
    for (let i = 0; i <= 5; i++) {
      const t = i / 5;
      svg.line(x0 + t * side, y1, x0 + t * side, y1 + 4);
      svg.line(x0 - 4, y1 - t * side, x0, y1 - t * side);
      svg.text(x0 + t * side, y1 + size + 4, t.toFixed(1), size * 0.85);
      svg.text(x0 - 7, y1 - t * side + size * 0.3, t.toFixed(1), size * 0.85, { anchor: 'end' });
      if (grid && i > 0 && i < 5) {
        svg.line(x0 + t * side, y0, x0 + t * side, y1, '#dddddd', 0.6);
        svg.line(x0, y1 - t * side, x1, y1 - t * side, '#dddddd', 0.6);
      }
    }
    if (!pr)
      svg.raw(`<line x1="${x0}" y1="${y1}" x2="${x1}" y2="${y0}" stroke="${rng.pick(['#000', '#888', '#1f77b4'])}" stroke-width="1" stroke-dasharray="5 4"/>`);
    const curves = rng.int(1, 5);
    const names: string[] = [];
    for (let c = 0; c < curves; c++) {
      const k = 1.5 + rng.next() * 8;
      const steps = rng.chance(0.5) ? rng.int(8, 30) : 80;
      const pts: string[] = [];
      let last = 0;
      for (let i = 0; i <= steps; i++) {
        const t = i / steps;
        const v = pr ? 1 - Math.pow(t, k) * (0.3 + rng.next() * 0.1) : Math.pow(t, 1 / k);
        last = pr ? Math.min(1, Math.max(0, v)) : Math.max(last, Math.min(1, v + (rng.next() - 0.5) * 0.03));
        const [px, py] = [x0 + t * side, y1 - (pr ? Math.min(1, Math.max(0, v)) : last) * side];
        pts.push(steps < 80 && i > 0 ? `H${px.toFixed(1)} V${py.toFixed(1)}` : `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`);
      }
      svg.path(pts.join(' '), SERIES[c]!, rng.pick([1, 1.5, 2]));
      names.push(`${rng.pick(ROC_NAMES)} (${pr ? 'AP' : 'AUC'} = ${(0.7 + rng.next() * 0.29).toFixed(2)})`);
    }
    legend(svg, names, SERIES, x1 - size * 13, y1 - names.length * size * 1.4 - 4, size * 0.85);
    svg.text((x0 + x1) / 2, height - 14, pr ? 'Recall' : 'False positive rate', size);
    svg.text(x0 - 40, (y0 + y1) / 2, pr ? 'Precision' : 'True positive rate', size, { rotate: true });
  }
  return figure('roccurve', svg, width, height, { panels, pr });
}

/** Pixels of a photo-like cell: a gradient with many flat patches (a textured scene), clipped to the cell. */
function photoCell(rng: Random, id: string, x: number, y: number, w: number, h: number, patches: number): string {
  const [h1, h2] = [rng.int(0, 359), rng.int(0, 359)];
  let cell = `<svg x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}"><defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${h1},${rng.int(10, 70)}%,${rng.int(30, 85)}%)"/><stop offset="1" stop-color="hsl(${h2},${rng.int(10, 70)}%,${rng.int(10, 60)}%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#${id})"/>`;
  for (let k = 0; k < patches; k++) {
    const [pw, ph] = [w * (0.03 + rng.next() * 0.3), h * (0.03 + rng.next() * 0.3)];
    const colour = `hsl(${rng.int(0, 359)},${rng.int(0, 80)}%,${rng.int(5, 90)}%)`;
    cell += rng.chance(0.5)
      ? `<rect x="${(rng.next() * w).toFixed(1)}" y="${(rng.next() * h).toFixed(1)}" width="${pw.toFixed(1)}" height="${ph.toFixed(1)}" fill="${colour}"/>`
      : `<ellipse cx="${(rng.next() * w).toFixed(1)}" cy="${(rng.next() * h).toFixed(1)}" rx="${pw.toFixed(1)}" ry="${ph.toFixed(1)}" fill="${colour}"/>`;
  }
  return cell;
}

/** Game screenshots or photos in a grid: dense colour texture, a HUD line on some, captions under some. */
export function drawScreenshots(rng: Random): DrawnFigure {
  const svg = new SvgWriter(rng.pick(DRAWN_FONTS));
  const [rows, cols] = [rng.int(1, 4), rng.int(1, 5)];
  const [w, h] = [rng.int(90, 220), rng.int(70, 180)];
  const gap = rng.pick([2, 4, 8, 16]);
  const size = rng.int(9, 13);
  const captions = rng.chance(0.4);
  const rowH = h + gap + (captions ? size * 1.8 : 0);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const [x, y] = [10 + j * (w + gap), 10 + i * rowH];
      let cell = photoCell(rng, `s${i}_${j}`, x, y, w, h, rng.int(15, 60));
      if (rng.chance(0.4))
        cell += `<text x="4" y="${size + 2}" font-family="${svg.font.family}" font-size="${size}" fill="#ffffff">Score: ${rng.int(0, 9999)}</text>`;
      svg.raw(`${cell}</svg>`);
      if (captions)
        svg.text(x + w / 2, y + h + size * 1.3, `(${String.fromCharCode(97 + i * cols + j)}) ${rng.pick(['frame', 'step', 't ='])} ${rng.int(1, 500)}`, size);
    }
  }
  return figure('screenshots', svg, 20 + cols * (w + gap), 20 + rows * rowH, { rows, cols });
}

const VOC = ['#800000', '#008000', '#808000', '#000080', '#800080', '#008080', '#808080', '#400000', '#c00000', '#408000', '#c08000', '#4080c0', '#c000c0'];

/** Segmentation results: rows of input photo, ground truth and predictions (flat class colours, often on black), column titles. */
export function drawSegGrid(rng: Random): DrawnFigure {
  const svg = new SvgWriter(rng.pick(DRAWN_FONTS));
  const [rows, cols] = [rng.int(1, 5), rng.int(2, 6)];
  const cell = rng.int(60, 130);
  const gap = rng.pick([2, 4, 6]);
  const size = rng.int(9, 13);
  const titles = rng.chance(0.7);
  const top = titles ? size * 2 : 10;
  const titleWords = ['Image', 'Input', 'Ground truth', 'GT', 'Ours', 'FCN-8s', 'DeepLab', 'U-Net', 'Prediction', 'Baseline'];
  const background = rng.pick(['#000000', '#000000', '#ffffff', '#202020']);
  for (let i = 0; i < rows; i++) {
    const regions = Array.from({ length: rng.int(1, 4) }, () => ({
      cx: rng.next(),
      cy: rng.next(),
      rx: 0.1 + rng.next() * 0.35,
      ry: 0.1 + rng.next() * 0.35,
      colour: rng.pick(VOC),
    }));
    for (let j = 0; j < cols; j++) {
      const [x, y] = [10 + j * (cell + gap), top + i * (cell + gap)];
      if (j === 0 && rng.chance(0.85)) {
        svg.raw(`${photoCell(rng, `p${i}`, x, y, cell, cell, rng.int(20, 60))}</svg>`);
        continue;
      }
      let mask = `<svg x="${x}" y="${y}" width="${cell}" height="${cell}"><rect width="100%" height="100%" fill="${background}"/>`;
      for (const r of regions) {
        const jitter = j > 1 ? 0.05 : 0;
        const pts = Array.from({ length: 9 }, (_, k) => {
          const a = (k / 9) * 2 * Math.PI;
          const s = 1 + (rng.next() - 0.5) * (0.3 + jitter * 4);
          return `${((r.cx + Math.cos(a) * r.rx * s) * cell).toFixed(1)},${((r.cy + Math.sin(a) * r.ry * s) * cell).toFixed(1)}`;
        });
        mask += `<polygon points="${pts.join(' ')}" fill="${r.colour}" stroke="${rng.chance(0.3) ? '#e0e0c0' : 'none'}" stroke-width="2"/>`;
      }
      svg.raw(`${mask}</svg>`);
    }
  }
  if (titles) for (let j = 0; j < cols; j++) svg.text(10 + j * (cell + gap) + cell / 2, size * 1.3, j === 0 ? 'Image' : rng.pick(titleWords), size);
  return figure('seggrid', svg, 20 + cols * (cell + gap), top + 10 + rows * (cell + gap), { rows, cols });
}

/** A colour ramp like matplotlib's viridis / jet / hot, t in [0, 1]. */
function ramp(name: string, t: number): string {
  const v = Math.min(1, Math.max(0, t));
  if (name === 'jet') return `hsl(${Math.round(240 - v * 240)},90%,${Math.round(35 + 20 * Math.sin(v * Math.PI))}%)`;
  if (name === 'hot') return `hsl(${Math.round(v * 55)},95%,${Math.round(5 + v * 85)}%)`;
  if (name === 'grey') return `hsl(0,0%,${Math.round(v * 100)}%)`;
  return `hsl(${Math.round(270 - v * 210)},${Math.round(50 + v * 30)}%,${Math.round(20 + v * 50)}%)`;
}

const TOKENS = ['the', 'cat', 'sat', 'on', 'a', 'mat', '<s>', '</s>', 'le', 'chat', 'est', 'assis', 'sur', 'tapis', '.', 'is', 'dog', 'red', 'it', 'was'];

/** Attention maps: a token × token weight matrix with its words on the axes, or photos with a heat overlay. */
export function drawAttention(rng: Random): DrawnFigure {
  const svg = new SvgWriter(rng.pick(DRAWN_FONTS));
  const colours = rng.pick(['viridis', 'jet', 'hot', 'grey', 'viridis']);
  const size = rng.int(8, 12);
  if (rng.chance(0.55)) {
    const [n, m] = [rng.int(5, 20), rng.int(5, 20)];
    const cell = rng.int(10, 26);
    const [ox, oy] = [size * 5, size * 5];
    const diagonal = rng.chance(0.7);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const near = diagonal ? Math.exp(-Math.abs(i / n - j / m) * (4 + rng.next() * 6)) : rng.next() ** 3;
        svg.rect(ox + j * cell, oy + i * cell, cell, cell, ramp(colours, near * (0.6 + rng.next() * 0.4)), 'none', 0);
      }
      svg.text(ox - 4, oy + (i + 0.5) * cell + size * 0.35, rng.pick(TOKENS), size, { anchor: 'end' });
    }
    for (let j = 0; j < m; j++) svg.text(ox + (j + 0.5) * cell + size * 0.35, oy - 4, rng.pick(TOKENS), size, { anchor: 'start', rotate: true });
    const bar = rng.chance(0.5);
    if (bar)
      for (let k = 0; k < 20; k++)
        svg.rect(ox + m * cell + 12, oy + n * cell * (1 - (k + 1) / 20), 12, (n * cell) / 20 + 0.5, ramp(colours, k / 19), 'none', 0);
    return figure('attention', svg, ox + m * cell + (bar ? 40 : 10), oy + n * cell + 10, { matrix: true, colours });
  }
  const [rows, cols] = [rng.int(1, 3), rng.int(2, 6)];
  const cell = rng.int(70, 140);
  const gap = rng.pick([2, 4, 8]);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const [x, y] = [10 + j * (cell + gap), 10 + i * (cell + gap)];
      let cellSvg = photoCell(rng, `a${i}_${j}`, x, y, cell, cell, rng.int(10, 40));
      if (j > 0 || rng.chance(0.3)) {
        for (let k = 0; k < rng.int(1, 4); k++) {
          const [cx, cy, rad] = [rng.next() * cell, rng.next() * cell, cell * (0.1 + rng.next() * 0.3)];
          for (let ring = 5; ring >= 1; ring--)
            cellSvg += `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${((rad * ring) / 5).toFixed(1)}" fill="${ramp('jet', 1 - ring / 6)}" fill-opacity="0.45"/>`;
        }
      }
      svg.raw(`${cellSvg}</svg>`);
    }
  }
  return figure('attention', svg, 20 + cols * (cell + gap), 20 + rows * (cell + gap), { matrix: false, colours });
}
