/**
 * A small picture of a design that has no PDF to crop from (an opened model file): its layers as coloured
 * bars in order, wrapping into columns. Only layer categories go into the SVG — no text from the file.
 */
import { getSpec, type Graph } from '../../graph/index.ts';
import { CATEGORY_COLORS } from './flowView.ts';

export function graphThumbnail(graph: Graph): string {
  const perColumn = 14;
  const layers = graph.layers.slice(0, perColumn * 8);
  const columns = Math.max(1, Math.ceil(layers.length / perColumn));
  const width = 160;
  const height = 96;
  const barWidth = Math.min(60, (width - 8) / columns - 6);
  const bars = layers.map((layer, i) => {
    const column = Math.floor(i / perColumn);
    const row = i % perColumn;
    const color = CATEGORY_COLORS[getSpec(layer.type)?.category ?? ''] ?? '#999';
    const x = 4 + column * ((width - 8) / columns) + 3;
    return `<rect x="${x.toFixed(1)}" y="${4 + row * 6.5}" width="${barWidth.toFixed(1)}" height="5" rx="1.5" fill="${color}"/>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#fff"/>${bars.join('')}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
