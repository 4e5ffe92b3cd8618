/**
 * The drawn-block reader on hand-made geometry: blocks along a flow and the text around them → one label per
 * layer in the shared label grammar. Each case is a drawing convention, not a figure.
 */
import { describe, expect, it } from 'vitest';
import { recognizeLabel } from '../../src/diagrams/index.ts';
import { readStrip, stripBeatsLabels, type StripBlock, type StripText } from '../../src/diagrams/strip.ts';

const grey: [number, number, number] = [230, 230, 230];
const block = (x: number, w: number, h: number, fill = grey, y = 100 - h / 2): StripBlock => ({ box: [x, y, x + w, y + h], fill });
const text = (x: number, y: number, t: string): StripText => ({ box: [x, y, x + 6 * t.length, y + 10], text: t });
const typesOf = (texts: string[]) => texts.map((t) => recognizeLabel(t)?.type);

describe('readStrip', () => {
  it('thick arrows between the blocks (pieces thin across the flow and long along it) are no layers', () => {
    const blocks = [block(0, 20, 120), block(60, 60, 100), block(160, 50, 60), block(260, 8, 140), block(300, 8, 60)];
    const texts = [text(0, 170, '3@32x32'), text(60, 170, '6@28x28'), text(160, 170, '6@14x14'), text(250, 180, '120'), text(295, 180, '10')];
    const arrows = [block(22, 36, 4), block(122, 36, 4), block(212, 46, 4), block(270, 28, 3)];
    const plain = readStrip(blocks, texts, 10)!.nodes.map((n) => n.text);
    const reading = readStrip([...blocks, ...arrows], texts, 10)!;
    expect(reading.nodes.map((n) => n.text)).toEqual(plain);
    expect(typesOf(plain)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Dense', 'Dense']);
  });

  it('sizes under each block: the first is the input, maps are convolutions, a map of the same depth and smaller side is pooling, a single number under a bar is a dense width', () => {
    const blocks = [block(0, 20, 120), block(60, 60, 100), block(160, 50, 60), block(260, 8, 140), block(300, 8, 60)];
    const texts = [text(0, 170, '3@32x32'), text(60, 170, '6@28x28'), text(160, 170, '6@14x14'), text(250, 180, '120'), text(295, 180, '10')];
    const reading = readStrip(blocks, texts, 10)!;
    const labels = reading.nodes.map((n) => n.text);
    expect(typesOf(labels)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Dense', 'Dense']);
    expect(recognizeLabel(labels[1]!)!.params.filters).toBe(6);
    expect(recognizeLabel(labels[3]!)!.params.units).toBe(120);
    expect(reading.guessed).toBe(5);
  });

  it('a name over a block wins over its shape, and an operation written in a gap becomes a layer between two named blocks', () => {
    const blocks = [block(0, 40, 100), block(100, 40, 100), block(200, 40, 100)];
    const texts = [text(0, 30, 'Input'), text(100, 30, 'Conv 3x3'), text(150, 95, 'pool/2'), text(200, 30, 'Conv 3x3')];
    const reading = readStrip(blocks, texts, 10)!;
    expect(typesOf(reading.nodes.map((n) => n.text))).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Conv2D']);
    expect(reading.guessed).toBe(0);
  });

  it('a legend types the blocks of its colours; blocks of a colour no label names fall back to their shape', () => {
    const red: [number, number, number] = [220, 60, 60];
    const blue: [number, number, number] = [60, 60, 220];
    const blocks = [
      block(0, 40, 100),
      block(60, 40, 100, red),
      block(120, 20, 60, blue),
      block(160, 40, 100, red),
      block(220, 20, 60, blue),
      block(0, 10, 10, red, 300),
      block(0, 10, 10, blue, 320),
    ];
    const texts = [text(15, 300, 'Conv + BN + ReLU'), text(15, 320, 'Max pooling')];
    const reading = readStrip(blocks, texts, 10)!;
    expect(typesOf(reading.nodes.map((n) => n.text))).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Conv2D', 'MaxPool2D']);
    expect(reading.named).toBe(4);
  });

  it('a smaller slab of another colour at the end of a block is a layer of its own', () => {
    const yellow: [number, number, number] = [250, 230, 190];
    const red: [number, number, number] = [220, 140, 120];
    const blocks = [
      block(0, 30, 120, yellow),
      block(60, 80, 100, yellow),
      block(125, 15, 60, red),
      block(200, 80, 100, yellow),
      block(300, 10, 150, [200, 230, 210]),
    ];
    const reading = readStrip(blocks, [text(80, 170, '96'), text(220, 170, '256'), text(290, 190, '4096')], 10)!;
    expect(typesOf(reading.nodes.map((n) => n.text))).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Conv2D', 'Dense']);
  });

  it('a flow down the page reads top to bottom, and fewer than three blocks is no strip', () => {
    const blocks = [block(0, 100, 30, grey, 0), block(0, 100, 30, grey, 60), block(0, 100, 30, grey, 120)];
    const texts = [text(110, 10, 'Input'), text(110, 70, 'FC 64'), text(110, 130, 'FC 10')];
    const reading = readStrip(blocks, texts, 10)!;
    expect(reading.nodes.map((n) => n.text)).toEqual(['Input', 'FC 64', 'FC 10']);
    expect(readStrip(blocks.slice(0, 2), texts, 10)).toBeUndefined();
  });

  it('a caption under a block listing its layers (a type line, then one window line per layer) gives one layer per line, in order', () => {
    const blocks = [block(0, 20, 120), block(60, 60, 100), block(160, 60, 100)];
    const caption = (x: number, lines: string[]) => lines.map((t, i) => text(x, 170 + 12 * i, t));
    const texts = [
      ...caption(60, ['Conv. Layer', '7x7x64-s-2', 'Maxpool Layer', '2x2-s-2']),
      ...caption(160, ['Conv. Layers', '1x1x128', '3x3x256']),
      text(175, 155, '256'),
    ];
    const labels = readStrip(blocks, texts, 10)!.nodes.map((n) => n.text);
    expect(typesOf(labels)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Conv2D', 'Conv2D']);
    expect(recognizeLabel(labels[1]!)!.params).toMatchObject({ kernel: [7, 7], stride: [2, 2], filters: 64 });
    expect(recognizeLabel(labels[2]!)!.params).toMatchObject({ pool: [2, 2], stride: [2, 2] });
    expect(recognizeLabel(labels[4]!)!.params).toMatchObject({ kernel: [3, 3], filters: 256 });
  });

  it('bars standing on one baseline with different heights are a bar chart, not a strip of layers', () => {
    const bars = [40, 90, 65, 120, 30].map((h, i) => block(i * 30, 20, h, grey, 200 - h));
    expect(readStrip(bars, [text(0, 210, 'A'), text(30, 210, 'B')], 10)).toBeUndefined();
  });
  it('the first block is the input whatever colour it shares, and the input names no other block by its colour', () => {
    const red: [number, number, number] = [220, 60, 60];
    // Grey input, grey dropout named; then two red maps of which one is named, then a red one with sizes only.
    const blocks = [block(0, 20, 120), block(60, 40, 100, red), block(130, 40, 100), block(200, 40, 100, red)];
    const texts = [text(0, 170, '32x32x3'), text(60, 20, 'Conv 3x3'), text(60, 170, '30%30%64'), text(130, 20, 'Dropout 0.5'), text(200, 170, '28x28x64')];
    const labels = readStrip(blocks, texts, 10)!.nodes.map((n) => n.text);
    expect(typesOf(labels)).toEqual(['Input', 'Conv2D', 'Dropout', 'Conv2D']);
    expect(recognizeLabel(labels[1]!)!.params.filters).toBe(64);

    const named = [block(0, 20, 120, red), block(60, 40, 100), block(130, 40, 100, red)];
    const more = [text(0, 20, 'Input'), text(0, 170, '32x32x3'), text(60, 170, '30x30x64'), text(130, 170, '28x28x128')];
    expect(typesOf(readStrip(named, more, 10)!.nodes.map((n) => n.text))).toEqual(['Input', 'Conv2D', 'Conv2D']);
  });

  it('a bar holding exactly what the maps sized before it held is those maps flattened; a bar of another size is dense', () => {
    const blocks = [block(0, 20, 120), block(60, 40, 100), block(130, 40, 80), block(200, 8, 160), block(240, 8, 60)];
    const texts = [text(0, 170, '28x28x1'), text(60, 170, '26x26x32'), text(130, 170, '13x13x32'), text(190, 190, '5408'), text(235, 190, '10')];
    expect(typesOf(readStrip(blocks, texts, 10)!.nodes.map((n) => n.text))).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense']);
  });
  it('a strip of blocks with no words of their own does not replace boxes whose text names a layer', () => {
    const blocks = [block(0, 40, 30), block(0, 40, 30, grey, 150), block(60, 50, 30), block(0, 40, 30, grey, 250)];
    const guessed = readStrip(blocks, [], 10)!;
    expect(guessed.named).toBe(0);
    expect(stripBeatsLabels(guessed, 0, 1)).toBe(false);
    expect(stripBeatsLabels(guessed, 0, 0)).toBe(true);
  });
  it('columns of discs with the mesh between them are a neuron plot, not a strip of blocks', () => {
    const disc = (x: number, y: number): StripBlock => ({ box: [x, y, x + 20, y + 20], fill: grey, area: Math.round((Math.PI / 4) * 400) });
    const columns = [0, 120, 240].flatMap((x) => [0, 30, 60, 90].map((y) => disc(x, y)));
    // The mesh opened into pieces: two per gap, each a unit of its own.
    const mesh = [22, 72, 142, 192].map((x): StripBlock => ({ box: [x, 0, x + 46, 110], fill: [255, 255, 255], area: 2500 }));
    expect(readStrip([...columns, ...mesh], [text(0, 130, 'Input'), text(120, 130, 'FC 64'), text(240, 130, 'FC 10')], 10)).toBeUndefined();
  });

  it('a row of like discs, one per column (the mesh swallowed the others), is a neuron plot too', () => {
    const disc = (x: number): StripBlock => ({ box: [x, 45, x + 20, 65], fill: grey, area: Math.round((Math.PI / 4) * 400) });
    // The first columns glued to the mesh into tall pieces; one disc of each later column found alone.
    const glued = [block(0, 20, 80, grey), block(40, 60, 110, grey)];
    const discs = [120, 240, 360, 480].map(disc);
    const texts = ['Input', 'Conv 3x3, 64', 'AvgPool 2x2', 'Dropout 0.5', 'Flatten', 'FC 10'].map((t, k) => text(k * 120, 130, t));
    expect(readStrip([...glued, ...discs], texts, 10)).toBeUndefined();
  });
});
