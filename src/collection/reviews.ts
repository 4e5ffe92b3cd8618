/**
 * Reviews (`paper2net.review/1`): what readers of a collection say about its designs — a rating, a note, an
 * edited graph — as a small JSON file a maintainer merges into the collection (`paper2net batch --merge
 * --reviews`). A review names its paper by SHA-256 and its design by position, so it applies to the same paper
 * in any copy of the collection. Pure: checking a review file and folding reviews into a paper.
 */
import { checkGraphStructure, oneLine, validateGraph, type Graph } from '../graph/index.ts';
import type { PaperEntry, PaperFile } from './format.ts';

export const REVIEW_FORMAT = 'paper2net.review/1';

export interface DesignReview {
  /** SHA-256 of the paper's PDF (the collection's `sha256`). */
  paper: string;
  /** The design's position in the paper's `designs`, from 0. */
  design: number;
  /** 1..5 stars, when rated. */
  rating?: number;
  note?: string;
  /** The design as the reviewer edited it, when it was edited; a valid `paper2net.graph/1` graph. */
  graph?: Graph;
}

export interface ReviewFile {
  format: typeof REVIEW_FORMAT;
  reviews: DesignReview[];
}

/** Checks a parsed review file whole; throws an Error naming the file, the review and what is wrong. */
export function checkReviewFile(value: unknown, where: string): ReviewFile {
  const file = value as Partial<ReviewFile> | null;
  if (!file || typeof file !== 'object') throw new Error(`${where}: not a review file (expected a JSON object)`);
  if (file.format !== REVIEW_FORMAT) throw new Error(`${where}: unsupported format ${JSON.stringify(file.format)}; expected "${REVIEW_FORMAT}"`);
  if (!Array.isArray(file.reviews)) throw new Error(`${where}: "reviews" is not a list`);
  for (const [i, review] of file.reviews.entries()) {
    const at = `${where}: review ${i + 1}`;
    if (typeof review?.paper !== 'string' || !/^[0-9a-f]{64}$/.test(review.paper)) throw new Error(`${at}: "paper" must be the PDF's SHA-256 (64 hex digits)`);
    if (!Number.isInteger(review.design) || review.design < 0) throw new Error(`${at}: "design" must be a design's position (0, 1, …)`);
    if (review.rating !== undefined && !(Number.isInteger(review.rating) && review.rating >= 1 && review.rating <= 5)) {
      throw new Error(`${at}: "rating" must be 1 to 5 stars`);
    }
    if (review.note !== undefined && typeof review.note !== 'string') throw new Error(`${at}: "note" must be text`);
    if (review.rating === undefined && !review.note && review.graph === undefined) throw new Error(`${at}: says nothing (no rating, note or graph)`);
    if (review.graph !== undefined) {
      try {
        checkGraphStructure(review.graph);
      } catch (error) {
        throw new Error(`${at}: its graph: ${oneLine((error as Error).message)}`, { cause: error });
      }
      const error = validateGraph(review.graph).find((issue) => issue.severity === 'error');
      if (error) throw new Error(`${at}: its graph is not valid: ${oneLine(error.message)}`);
    }
  }
  return file as ReviewFile;
}

const sameReview = (a: DesignReview, b: DesignReview) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The paper with `reviews` added (a review it already holds is not added twice), and its index entry with the
 * mean rating and the number of reviews. Reviews of designs the paper does not have are left out and returned.
 */
export function withReviews(paper: PaperFile, reviews: readonly DesignReview[]): { paper: PaperFile; left: DesignReview[] } {
  const held = [...(paper.reviews ?? [])];
  const left: DesignReview[] = [];
  for (const review of reviews) {
    if (review.design >= paper.designs.length) left.push(review);
    else if (!held.some((h) => sameReview(h, review))) held.push(review);
  }
  const ratings = held.map((r) => r.rating).filter((r) => r !== undefined);
  const entry: PaperEntry = {
    ...paper.entry,
    reviewCount: held.length,
    ...(ratings.length ? { rating: Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 } : {}),
  };
  return { paper: { ...paper, entry, reviews: held }, left };
}
