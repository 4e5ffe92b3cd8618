/** A small seeded PRNG (mulberry32) with the picks the grammar and the renderers need; same seed, same dataset. */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  /** One of `start, start+step, ..., end` (the paper's `start:step:end` ranges). */
  range(start: number, step: number, end: number): number;
  pick<T>(items: readonly T[]): T;
  /** Pick with weights (same length as items). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  chance(p: number): boolean;
  /** An independent stream for a sub-task, so adding draws in one place does not shift another. */
  fork(label: string): Random;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const random: Random = {
    next,
    int,
    range(start, step, end) {
      const count = Math.floor((end - start) / step + 1e-9) + 1;
      // Round away float noise: 0.1 * 3 must read as 0.3.
      return Math.round((start + int(0, count - 1) * step) * 1e6) / 1e6;
    },
    pick(items) {
      if (items.length === 0) throw new Error('random.pick: empty list');
      return items[int(0, items.length - 1)]!;
    },
    weighted(items, weights) {
      const total = weights.reduce((a, b) => a + b, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i]!;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
    chance(p) {
      return next() < p;
    },
    fork(label) {
      return createRandom(hashSeed(state, label));
    },
  };
  return random;
}

/** Mix a seed with a label (FNV-1a) into a new 32-bit seed. */
export function hashSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
