import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resvgRasterizer, run } from '../../src/cli/synth.ts';
import {
  ARCHITECTURE_KINDS,
  FACES,
  GRAPHVIZ_STYLES,
  createRandom,
  drawFigure,
  generateModel,
  getViz,
  jpegRoundTrip,
  renderSample,
  type Box,
  type DrawnFigure,
  type FigureStyle,
  type RgbaImage,
} from '../../src/synth/index.ts';

const viz = await getViz();
const STYLES: FigureStyle[] = [...GRAPHVIZ_STYLES, ...ARCHITECTURE_KINDS];
/** Styles whose nodes are drawn as boxes, so each truth box side must lie on a drawn outline. */
const BOXED = new Set<FigureStyle>(['keras2', 'keras3', 'caffe', 'flow2d', 'pipeline']);
const SEEDS = [0, 1, 2, 3, 4, 5];

interface Rendered {
  style: FigureStyle;
  seed: number;
  figure: DrawnFigure;
  image: RgbaImage;
  scale: number;
}

const rendered: Rendered[] = [];
for (const style of STYLES) {
  for (const seed of SEEDS) {
    const figure = drawFigure(style, generateModel(seed), createRandom(seed), viz);
    const image = await resvgRasterizer.rasterize(figure.svg, 1, figure.fonts);
    rendered.push({ style, seed, figure, image, scale: image.width / figure.width });
  }
}

function isInk(image: RgbaImage, x: number, y: number): boolean {
  const xi = Math.round(x);
  const yi = Math.round(y);
  if (xi < 0 || yi < 0 || xi >= image.width || yi >= image.height) return false;
  const i = (yi * image.width + xi) * 4;
  const d = image.data;
  return Math.min(d[i]!, d[i + 1]!, d[i + 2]!) < 160;
}

/** Fraction of points along one side of `box` with ink within ±2 px across the side. */
function sideCoverage(image: RgbaImage, box: Box, side: 0 | 1 | 2 | 3): number {
  let hits = 0;
  const samples = 20;
  for (let k = 0; k < samples; k++) {
    const t = 0.2 + (0.6 * k) / (samples - 1);
    const along = side % 2 === 0 ? box[1] + t * (box[3] - box[1]) : box[0] + t * (box[2] - box[0]);
    const at = box[side];
    let hit = false;
    for (let d = -2; d <= 2 && !hit; d++) hit = side % 2 === 0 ? isInk(image, at + d, along) : isInk(image, along, at + d);
    if (hit) hits++;
  }
  return hits / samples;
}

const scaled = (b: Box, s: number): Box => [b[0] * s, b[1] * s, b[2] * s, b[3] * s];

describe('synth renderers: ground truth against the pixels', () => {
  it('box-drawn nodes: every side of every truth box lies on a drawn outline', () => {
    const misses: string[] = [];
    for (const r of rendered.filter((r) => BOXED.has(r.style))) {
      for (const node of r.figure.nodes.filter((n) => n.role !== 'blob')) {
        const box = scaled(node.box, r.scale);
        for (const side of [0, 1, 2, 3] as const) {
          if (sideCoverage(r.image, box, side) < 0.7) misses.push(`${r.style}#${r.seed} ${node.id} side ${side}`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it('all architecture styles: truth boxes are tight (ink on every side) and hold ink inside', () => {
    const misses: string[] = [];
    for (const r of rendered) {
      for (const node of r.figure.nodes) {
        const box = scaled(node.box, r.scale);
        for (const side of [0, 1, 2, 3] as const) {
          if (sideCoverage(r.image, box, side) === 0) misses.push(`${r.style}#${r.seed} ${node.id} side ${side}`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it('text is really drawn (fonts load) and lies inside its truth text boxes', async () => {
    for (const r of rendered.filter((r) => r.seed < 3)) {
      const bare = await resvgRasterizer.rasterize(r.figure.svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''), 1, r.figure.fonts);
      expect([bare.width, bare.height]).toEqual([r.image.width, r.image.height]);
      const boxes = r.figure.nodes.flatMap((n) => n.texts.map((t) => scaled(t.box, r.scale)));
      expect(boxes.length, `${r.style}#${r.seed}`).toBeGreaterThan(0);
      const changedIn = boxes.map(() => 0);
      const nodeBoxes = r.figure.nodes.map((n) => scaled(n.box, r.scale));
      let changed = 0;
      let inside = 0;
      let outsideNodes = 0;
      for (let y = 0; y < r.image.height; y++) {
        for (let x = 0; x < r.image.width; x++) {
          const i = (y * r.image.width + x) * 4;
          if (Math.abs(r.image.data[i]! - bare.data[i]!) + Math.abs(r.image.data[i + 1]! - bare.data[i + 1]!) < 60) continue;
          changed++;
          let hit = false;
          boxes.forEach((b, k) => {
            if (x >= b[0] - 2 && x <= b[2] + 2 && y >= b[1] - 2 && y <= b[3] + 2) {
              changedIn[k]!++;
              hit = true;
            }
          });
          if (hit) inside++;
          if (!nodeBoxes.some((b) => x >= b[0] - 1 && x <= b[2] + 1 && y >= b[1] - 1 && y <= b[3] + 1)) outsideNodes++;
        }
      }
      // Where all text belongs to boxed nodes, none of it may spill out of its node.
      if (BOXED.has(r.style) && r.style !== 'caffe') expect(outsideNodes, `${r.style}#${r.seed}: text pixels outside nodes`).toBe(0);
      // Every line of node text leaves pixels, and nearly all text pixels fall in some truth text box
      // (edge labels of Caffe plots are text outside nodes).
      expect(changedIn.filter((c) => c === 0).length, `${r.style}#${r.seed}: text lines drawing nothing`).toBe(0);
      if (r.style !== 'caffe') expect(inside / changed, `${r.style}#${r.seed}`).toBeGreaterThan(0.9);
    }
  });

  it('edge endpoints touch the boxes of the nodes they join (a skip arc may leave from over a caption)', () => {
    const near = (p: [number, number], b: Box, tolerance: number): boolean =>
      p[0] >= b[0] - tolerance && p[0] <= b[2] + tolerance && p[1] >= b[1] - tolerance && p[1] <= b[3] + tolerance;
    for (const r of rendered) {
      const boxes = new Map(
        r.figure.nodes.map((n) => [
          n.id,
          [n.box, ...n.texts.map((t) => t.box)].reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]),
        ]),
      );
      expect(r.figure.edges.length, `${r.style}#${r.seed}`).toBeGreaterThan(0);
      for (const edge of r.figure.edges) {
        expect(near(edge.tail, boxes.get(edge.from)!, 3), `${r.style}#${r.seed} tail ${edge.from}→${edge.to}`).toBe(true);
        expect(near(edge.head, boxes.get(edge.to)!, 3), `${r.style}#${r.seed} head ${edge.from}→${edge.to}`).toBe(true);
      }
    }
  });

  it("Caffe plots fill each node with draw_net's colour for its layer type", () => {
    const expected: Record<string, string> = { Conv2D: '#FF5050', MaxPool2D: '#FF9900', AvgPool2D: '#FF9900', Dense: '#CC33FF', Dropout: '#90EE90' };
    let checked = 0;
    for (const r of rendered.filter((r) => r.style === 'caffe')) {
      const graph = generateModel(r.seed).graph;
      const typeOf = new Map(graph.layers.map((l) => [l.id, l.type]));
      for (const node of r.figure.nodes) {
        let colour: string;
        if (node.role === 'blob') colour = '#E0E0E0';
        else if (node.role === 'activation') colour = node.label.includes('ReLU') ? '#90EE90' : '#6495ED';
        else colour = expected[typeOf.get(node.layerId!)!] ?? '#6495ED';
        // Just inside the top edge, in the middle: fill, clear of the centred text and of octagon corners.
        const [x0, y0, x1] = scaled(node.box, r.scale);
        const i = (Math.round(y0 + 3) * r.image.width + Math.round((x0 + x1) / 2)) * 4;
        const got = [r.image.data[i]!, r.image.data[i + 1]!, r.image.data[i + 2]!];
        const want = [1, 3, 5].map((k) => parseInt(colour.slice(k, k + 2), 16));
        expect(Math.max(...got.map((v, k) => Math.abs(v - want[k]!))), `${r.seed} ${node.id} ${node.label}`).toBeLessThan(12);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('every graph layer appears as a node, with the layer name or params in its label', () => {
    for (const r of rendered) {
      const graph = generateModel(r.seed).graph;
      const shown = new Set(r.figure.nodes.filter((n) => n.role === 'layer').map((n) => n.layerId));
      expect([...shown].sort(), `${r.style}#${r.seed}`).toEqual(graph.layers.map((l) => l.id).sort());
    }
    const caffe = rendered.find((r) => r.style === 'caffe' && r.figure.nodes.some((n) => n.label.includes('Convolution')))!;
    const conv = caffe.figure.nodes.find((n) => n.label.includes('(Convolution)'))!;
    expect(conv.label).toMatch(/kernel size: \d+.stride: \d+.pad: \d+/s);
  });
});

describe('drawn kinds as papers draw them', () => {
  const overlaps = (a: Box, b: Box) => Math.min(a[2], b[2]) > Math.max(a[0], b[0]) && Math.min(a[3], b[3]) > Math.max(a[1], b[1]);
  const models = Array.from({ length: 30 }, (_, seed) => generateModel(100 + seed, { maxDepth: 16 }));

  it('neuron, cuboid and stacked-map drawings write no label over or against another (a space between)', () => {
    for (const style of ['neurons', 'cuboids3d', 'stacked2d'] as const) {
      for (const [k, model] of models.entries()) {
        const texts = drawFigure(style, model, createRandom(k), viz).nodes.flatMap((n) => n.texts);
        const padded = (b: Box): Box => [b[0] - 2, b[1], b[2] + 2, b[3]];
        for (const [i, a] of texts.entries())
          for (const b of texts.slice(i + 1)) expect(overlaps(padded(a.box), b.box), `${style} model ${k}: "${a.text}" against "${b.text}"`).toBe(false);
      }
    }
  });

  it('cuboid drawings name every layer whose kind the drawn sizes cannot tell (dropout, concatenation, embedding…)', () => {
    let named = 0;
    for (const [k, model] of models.entries()) {
      const figure = drawFigure('cuboids3d', model, createRandom(k), viz);
      for (const layer of model.graph.layers) {
        if (['Input', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense'].includes(layer.type)) continue;
        const node = figure.nodes.find((n) => n.layerId === layer.id)!;
        expect(
          node.texts.some((t) => /[A-Za-z]/.test(t.text)),
          `model ${k} ${layer.type}: ${node.label}`,
        ).toBe(true);
        named++;
      }
    }
    expect(named).toBeGreaterThan(20);
  });

  it('skip arcs pass over the captions of the blocks they span', () => {
    let arcs = 0;
    for (const [k, model] of models.entries()) {
      const figure = drawFigure('stacked2d', model, createRandom(k), viz);
      const byId = new Map(figure.nodes.map((n) => [n.id, n]));
      for (const e of figure.edges) {
        const [from, to] = [byId.get(e.from)!, byId.get(e.to)!];
        if (Math.abs(e.tail[1] - (from.box[1] + from.box[3]) / 2) < 1) continue;
        arcs++;
        for (const t of [...from.texts, ...to.texts]) expect(Math.min(e.tail[1], e.head[1]), `model ${k}: ${e.from}→${e.to}`).toBeLessThanOrEqual(t.box[1]);
      }
    }
    expect(arcs).toBeGreaterThan(0);
  });
});

describe('synth dataset samples', () => {
  it('the same seed and index give the same image bytes and truth; another index does not', async () => {
    const deps = { viz, rasterizer: resvgRasterizer };
    const a = await renderSample(42, 7, ['keras2', 'caffe', 'cuboids3d'], deps);
    const b = await renderSample(42, 7, ['keras2', 'caffe', 'cuboids3d'], deps);
    const c = await renderSample(42, 8, ['keras2', 'caffe', 'cuboids3d'], deps);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    expect(Buffer.from(a.png).equals(Buffer.from(c.png))).toBe(false);
  });

  it('long plots keep the tools’ scale (no side cap by default); --max-side still caps a side', async () => {
    // A stub rasterizer: only the scale each figure is drawn at matters here.
    const scales: number[] = [];
    const stub = {
      rasterize: async (_svg: string, scale: number) => {
        scales.push(scale);
        return { width: 2, height: 2, data: new Uint8Array(16).fill(255) };
      },
      encodePng: async () => new Uint8Array(0),
    };
    let long = 0;
    for (let index = 0; index < 60 && long < 3; index++) {
      const sample = await renderSample(7, index, ['caffe', 'keras3'], { viz, rasterizer: stub });
      const scale = scales.at(-1)!;
      const side = Math.max(sample.figure.width, sample.figure.height);
      if (side * 0.75 <= 4096) continue;
      long++;
      // The 4,096 px cap used to take these below 0.75 px per point; only the 6 MP area cap may now.
      if (sample.figure.width * sample.figure.height * 0.75 ** 2 <= 6_000_000) expect(scale).toBeGreaterThanOrEqual(0.75);
      await renderSample(7, index, ['caffe', 'keras3'], { viz, rasterizer: stub }, { maxSide: 1024 });
      expect(scales.at(-1)! * side).toBeLessThanOrEqual(1024.001);
    }
    expect(long).toBeGreaterThan(0);
  });

  it('JPEG round trip leaves white paper white and changes only near ink, lightly', () => {
    const r = rendered.find((r) => r.style === 'keras2')!;
    const copy = { ...r.image, data: new Uint8Array(r.image.data) };
    jpegRoundTrip(copy, 30);
    let total = 0;
    let whiteChanged = 0;
    for (let i = 0; i < copy.data.length; i += 4) {
      total += Math.abs(copy.data[i]! - r.image.data[i]!);
      const x = (i / 4) % copy.width;
      const y = Math.floor(i / 4 / copy.width);
      // Pixels whose whole 8×8 block is white stay exactly white.
      if (r.image.data[i] === 255 && copy.data[i] !== 255 && blockIsWhite(r.image, x, y)) whiteChanged++;
    }
    const mean = total / (copy.data.length / 4);
    expect(mean).toBeGreaterThan(0.05);
    expect(mean).toBeLessThan(8);
    expect(whiteChanged).toBe(0);
  });

  it('the CLI writes a PNG and a truth JSON per figure and a manifest', async () => {
    const out = mkdtempSync(join(tmpdir(), 'synth-'));
    expect(await run(['--count', '5', '--seed', '3', '--out', out, '--styles', 'keras3,caffe,linechart'])).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.samples.map((s: { style: string }) => s.style)).toEqual(['keras3', 'caffe', 'linechart', 'keras3', 'caffe']);
    expect(readdirSync(out).filter((f) => f.endsWith('.png'))).toHaveLength(5);
    for (const sample of manifest.samples) {
      const png = readFileSync(join(out, sample.image));
      expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(sample.width);
      const truth = JSON.parse(readFileSync(join(out, sample.truth), 'utf8'));
      expect(truth.architecture).toBe(sample.style !== 'linechart');
      if (truth.architecture) expect(truth.graph.layers.length).toBe(sample.layers);
    }
    // Worker threads split the indices but write the same dataset.
    const parallel = mkdtempSync(join(tmpdir(), 'synth-jobs-'));
    expect(await run(['--count', '5', '--seed', '3', '--out', parallel, '--styles', 'keras3,caffe,linechart', '--jobs', '2'])).toBe(0);
    expect(readFileSync(join(parallel, 'manifest.json'), 'utf8')).toBe(readFileSync(join(out, 'manifest.json'), 'utf8'));
    for (const sample of manifest.samples) {
      expect(readFileSync(join(parallel, sample.image)).equals(readFileSync(join(out, sample.image))), sample.image).toBe(true);
    }
  });
});

function blockIsWhite(image: RgbaImage, x: number, y: number): boolean {
  const bx = x - (x % 16);
  const by = y - (y % 16);
  for (let yy = by; yy < Math.min(by + 16, image.height); yy++) {
    for (let xx = bx; xx < Math.min(bx + 16, image.width); xx++) {
      const i = (yy * image.width + xx) * 4;
      if (image.data[i] !== 255 || image.data[i + 1] !== 255 || image.data[i + 2] !== 255) return false;
    }
  }
  return true;
}

describe('synth fonts', () => {
  it("each face's width factor makes its drawn text as wide as Graphviz's box for it (regular and bold)", async () => {
    const text = 'Output shape: (None, 224, 224, 64) max_pooling2d_1: MaxPooling2D';
    for (const face of FACES) {
      for (const bold of [false, true]) {
        const label = bold ? `<<b>${text}</b>>` : `"${text}"`;
        const layout = viz.renderFormats(`digraph { n [shape=plaintext, margin=0, fontname="${face.metric}", fontsize=100, label=${label}] }`, ['json0']);
        const laidOut = Number(JSON.parse(layout.output!.json0!).objects[0].width) * 72;
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="150"><text x="10" y="110" font-family="${face.family}" font-size="${100 / face.widthFactor}"${bold ? ' font-weight="bold"' : ''}>${text}</text></svg>`;
        const image = await resvgRasterizer.rasterize(svg, 0.5, [face.family]);
        let minX = Infinity;
        let maxX = -Infinity;
        for (let y = 0; y < image.height; y++) {
          for (let x = 0; x < image.width; x++) {
            if (isInk(image, x, y)) {
              minX = Math.min(minX, x);
              maxX = Math.max(maxX, x);
            }
          }
        }
        const drawn = (maxX - minX) * 2;
        const where = `${face.family}${bold ? ' bold' : ''}: drawn ${drawn}, laid out ${laidOut.toFixed(0)}`;
        expect(drawn, where).toBeLessThanOrEqual(laidOut * 1.01);
        expect(drawn, where).toBeGreaterThan(laidOut * 0.9);
      }
    }
  });
});
