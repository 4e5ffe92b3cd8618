/**
 * Caffe Slice layers that cut an image along height or width, read as crops. A crop is held back
 * until a layer reads it: the remainder a Silence layer swallows never becomes a graph layer, and a
 * crop of the end rows/columns that only trims what a following pool would skip is folded back into
 * that pool (emitters write floor-rounded pooling for Caffe, which rounds up, exactly this way).
 */
import { windowOutput } from '../graph/index.ts';
import type { GraphBuilder } from './builder.ts';
import { ImportError, type ImportPosition } from './errors.ts';
import type { TextMessage } from './prototxt.ts';

type Cropping = [top: number, bottom: number, left: number, right: number];

interface PendingCrop {
  /** Graph layer the crop cuts from. */
  source: string;
  cropping: Cropping;
  name: string;
  position: ImportPosition;
}

export interface PoolWindow {
  pool: [number, number];
  stride: [number, number];
}

export class SpatialSlices {
  private readonly crops = new Map<string, PendingCrop>();

  constructor(private readonly b: GraphBuilder) {}

  has(blob: string): boolean {
    return this.crops.has(blob);
  }

  /** Registers the tops of a Slice along NCHW axis 2 (rows) or 3 (columns) of `input` (a layer id or a crop blob). */
  slice(layer: TextMessage, name: string, position: ImportPosition, input: { layer: string } | { crop: string }, tops: string[]): void {
    const p = layer.message('slice_param');
    const axis = p?.number('axis') ?? p?.number('slice_dim') ?? 1;
    const base: PendingCrop = 'crop' in input ? this.crops.get(input.crop)! : { source: input.layer, cropping: [0, 0, 0, 0], name, position };
    const shape = this.b.shapeOf(base.source);
    if ((axis !== 2 && axis !== 3) || shape.length !== 3)
      throw new ImportError('caffe', `Slice along NCHW axis ${axis} is not supported (only rows or columns of an image)`, position);
    const [t, bottom, l, r] = base.cropping;
    const size = axis === 2 ? shape[0]! - t - bottom : shape[1]! - l - r;
    const points = p?.numbers('slice_point') ?? [];
    const bounds = points.length ? [0, ...points, size] : tops.map((_, i) => (i * size) / tops.length).concat(size);
    if (bounds.length !== tops.length + 1 || bounds.some((v, i) => i > 0 && v <= bounds[i - 1]!) || !bounds.every(Number.isInteger)) {
      throw new ImportError('caffe', `Slice points ${JSON.stringify(points)} do not split ${size} into ${tops.length} parts`, position);
    }
    tops.forEach((top, i) => {
      const [from, to] = [bounds[i]!, bounds[i + 1]!];
      const cropping: Cropping = axis === 2 ? [t + from, bottom + size - to, l, r] : [t, bottom, l + from, r + size - to];
      this.crops.set(top, { source: base.source, cropping, name: tops.length > 1 ? `${name}_${top}` : name, position });
    });
  }

  /** The Cropping2D layer for a crop blob, added on first use. */
  layerFor(blob: string): string {
    const crop = this.crops.get(blob)!;
    const id = this.b.add({ id: crop.name, type: 'Cropping2D', inputs: [crop.source], params: { cropping: crop.cropping } }, crop.position);
    this.crops.delete(blob);
    return id;
  }

  /**
   * When `blob` only trims end rows/columns and Caffe's ceil pooling of it equals floor pooling of the
   * uncropped source, that source; the pool then reads it with floor rounding.
   */
  floorSource(blob: string, window: PoolWindow): string | undefined {
    const crop = this.crops.get(blob);
    if (!crop || crop.cropping[0] !== 0 || crop.cropping[2] !== 0) return undefined;
    const [h, w] = this.b.shapeOf(crop.source) as [number, number];
    const kept = [h - crop.cropping[1], w - crop.cropping[3]];
    const fits = [h, w].every((size, a) => {
      const ceil = windowOutput(kept[a]!, window.pool[a]!, window.stride[a]!, 0, 1, true);
      const floor = windowOutput(size, window.pool[a]!, window.stride[a]!, 0);
      return ceil === floor;
    });
    return fits ? crop.source : undefined;
  }
}
