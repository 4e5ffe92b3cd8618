import { describe, expect, it } from 'vitest';
import { boxOf, roundBox, union } from '../../src/geometry/index.ts';

describe('geometry', () => {
  it('unions boxes into the smallest box holding them all', () => {
    expect(union([10, 20, 30, 40], [5, 25, 35, 30])).toEqual([5, 20, 35, 40]);
    expect(
      boxOf([
        [10, 20, 30, 40],
        [0, 50, 5, 60],
        [12, 22, 14, 24],
      ]),
    ).toEqual([0, 20, 30, 60]);
  });

  it('rounds a box to one decimal by default, or to the places asked', () => {
    expect(roundBox([72.04, 90.96, 540.45, 400.0001])).toEqual([72, 91, 540.5, 400]);
    expect(roundBox([1.23456, 2, 3, 4], 2)).toEqual([1.23, 2, 3, 4]);
  });
});
