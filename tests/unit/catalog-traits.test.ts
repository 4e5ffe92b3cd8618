/** The catalog's traits that the table, prose and fusion readers ask instead of keeping their own lists of layer types. */
import { describe, expect, it } from 'vitest';
import { CATALOG, imageWindow, isImageWeightLayer, isShrinkingImageWindow, isWeightLayer, windowKind } from '../../src/graph/index.ts';

describe('catalog traits', () => {
  it('every sliding window says how many spatial axes it slides over, and only windows do', () => {
    for (const spec of CATALOG) {
      const traits = spec.traits ?? {};
      if (traits.window) expect([1, 2], spec.type).toContain(traits.spatialAxes);
      else expect(traits.spatialAxes, spec.type).toBeUndefined();
      if (traits.transposed) expect(traits.window, spec.type).toBe('convolution');
    }
  });

  it('image windows, shrinking image windows and image weight layers are the sets the readers used to list', () => {
    const types = CATALOG.map((spec) => spec.type);
    expect(types.filter((t) => imageWindow(t) === 'convolution').sort()).toEqual(['Conv2D', 'Conv2DTranspose', 'DepthwiseConv2D']);
    expect(types.filter((t) => imageWindow(t) === 'pooling').sort()).toEqual(['AvgPool2D', 'MaxPool2D']);
    expect(types.filter(isShrinkingImageWindow).sort()).toEqual(['AvgPool2D', 'Conv2D', 'DepthwiseConv2D', 'MaxPool2D']);
    expect(types.filter(isImageWeightLayer).sort()).toEqual(['Conv2D', 'Conv2DTranspose', 'Dense', 'DepthwiseConv2D']);
    // Conv1D is a weight layer with a window, but over a sequence: the image readers leave it alone.
    expect(isWeightLayer('Conv1D') && windowKind('Conv1D') === 'convolution').toBe(true);
    expect(imageWindow('Conv1D')).toBeUndefined();
    expect(isImageWeightLayer('Conv1D')).toBe(false);
  });
});
