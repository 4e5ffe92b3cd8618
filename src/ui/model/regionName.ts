/** How the paper view names a found region and says what the reader made of it. */
import type { FoundRegion } from '../../pipeline/browser.ts';

/** "Table 2", "Figure 1", or the region's kind and page when it has no caption. */
export function regionName(region: FoundRegion): string {
  const label = /^(Table|Figure|Fig\.)\s*[\dIVXL]+/i.exec(region.caption ?? '')?.[0];
  return label ?? `${region.kind.startsWith('figure') ? 'Figure' : 'Table'} on page ${region.page}`;
}

/**
 * What the reader made of a region (regions stored before verdicts existed show the classifier's word, if any);
 * `reading`: the paper is being read, so a region without a verdict is still to come.
 */
export function regionDetail(region: FoundRegion, reading = false): string {
  if (region.verdict) return region.verdict.reason;
  const c = region.classified;
  if (c)
    return c.architecture >= 0.5
      ? `bitmap: architecture drawing (${c.architecture.toFixed(2)})`
      : `bitmap: not an architecture drawing (${c.architecture.toFixed(2)})`;
  return reading ? 'not read yet' : 'not read';
}

/** The key the paper view files a region under: its page and bbox. */
export const placeKey = (page: number, bbox: readonly number[]): string => `${page}:${bbox.join(',')}`;
