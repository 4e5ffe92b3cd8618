/**
 * Can a page's text layer be trusted? A font without a ToUnicode map gives pdf.js glyph codes instead of
 * letters: private-use or control characters, or letters that make no words ("Wkh qhwzrun"). A scanned page
 * has a page-sized image and (almost) no text. Either way the page has to be read by OCR.
 */
import type { ImageItem, TextItem } from './types.ts';
import { COMMON_WORDS } from './commonWords.ts';

export interface TextTrust {
  verdict: 'ok' | 'unreadable' | 'missing';
  /** Why the text is not trusted, for the warning: "no ToUnicode", "its letters make no words", "a scanned page". */
  reason?: string;
  /** Non-space characters of upright text. */
  chars: number;
  /** Share of those in private-use or control ranges (or U+FFFD). */
  oddShare: number;
  /** Letter runs of 2+ letters. */
  letterRuns: number;
  /** Words judged: the runs that are lower-case or capitalised (not acronyms, camel case or case salad). */
  words: number;
  /** Share of judged words in the common-word list. */
  knownShare: number;
  /** Share of judged words with a plausible letter pattern (a vowel, no long consonant run, no triple letter). */
  plausibleShare: number;
}

/** Below this many characters a page is judged a scan when an image covers it. */
const SCAN_MAX_CHARS = 20;
/** A page-sized image covers at least this share of the page. */
const SCAN_MIN_COVER = 0.5;
/** Enough text to judge its characters, and the odd share that condemns it. */
const MIN_CHARS = 40;
const MAX_ODD_SHARE = 0.3;
/** Enough letter runs to judge them, and the share of them that must be plain words (not case salad). */
const MIN_RUNS = 30;
const MIN_PLAIN_SHARE = 0.3;
/**
 * Enough plain words to judge them, and the known and plausible shares below which they are not words. On
 * the corpus's 356 pages the lowest are 0.13 and 0.94; its pages with letters shifted or substituted score at
 * most 0.03 and 0.75.
 */
const MIN_WORDS = 30;
const MIN_KNOWN_SHARE = 0.08;
const MIN_PLAUSIBLE_SHARE = 0.85;

/** Private use (BMP and planes 15-16), C0/C1 controls other than whitespace, and the replacement character. */
const ODD = /[\uE000-\uF8FF\u{F0000}-\u{10FFFF}\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/u;
const VOWELS = /[aeiouyàáâäèéêëìíîïòóôöùúûü]/;
const LONG_CONSONANT_RUN = /[^aeiouyàáâäèéêëìíîïòóôöùúûü]{5}/;
const TRIPLE = /(.)\1\1/;

function plausible(word: string): boolean {
  return VOWELS.test(word) && !LONG_CONSONANT_RUN.test(word) && !TRIPLE.test(word);
}

const SPACE = /\s/;
const LETTER_RUN = /\p{L}+/gu;
const PLAIN_WORD = /^\p{Lu}?\p{Ll}+$/u;

const isUpright = (t: TextItem) => !t.rotated;

/** Too little upright text to be a page of text (an arXiv stamp down the margin is not): look for a scan. */
export function mayBeScan(texts: TextItem[]): boolean {
  let chars = 0;
  for (const t of texts) {
    if (!isUpright(t)) continue;
    for (const c of t.str) if (!SPACE.test(c) && ++chars >= SCAN_MAX_CHARS) return false;
  }
  return true;
}

export function judgeText(texts: TextItem[], images: ImageItem[], [width, height]: [number, number]): TextTrust {
  const upright = texts.filter(isUpright);
  let chars = 0;
  let odd = 0;
  for (const t of upright) {
    for (const c of t.str) {
      if (SPACE.test(c)) continue;
      chars++;
      if (ODD.test(c)) odd++;
    }
  }
  let letterRuns = 0;
  let words = 0;
  let known = 0;
  let plausibleWords = 0;
  for (const t of upright) {
    // Acronyms and camel case (CNN, ResNet) are neither evidence for nor against: only plain words are judged.
    for (const [word] of t.str.matchAll(LETTER_RUN)) {
      if (word.length < 2) continue;
      letterRuns++;
      if (!PLAIN_WORD.test(word)) continue;
      const lower = word.toLowerCase();
      words++;
      if (COMMON_WORDS.has(lower)) known++;
      if (plausible(lower)) plausibleWords++;
    }
  }
  const trust: TextTrust = {
    verdict: 'ok',
    chars,
    oddShare: chars ? odd / chars : 0,
    letterRuns,
    words,
    knownShare: words ? known / words : 0,
    plausibleShare: words ? plausibleWords / words : 0,
  };
  if (mayBeScan(upright) && imageCover(images, width, height) >= SCAN_MIN_COVER) return { ...trust, verdict: 'missing', reason: 'a scanned page' };
  if (chars >= MIN_CHARS && trust.oddShare > MAX_ODD_SHARE) return { ...trust, verdict: 'unreadable', reason: 'no ToUnicode' };
  if (letterRuns >= MIN_RUNS && words / letterRuns < MIN_PLAIN_SHARE) return { ...trust, verdict: 'unreadable', reason: 'its letters make no words' };
  if (words >= MIN_WORDS && trust.knownShare < MIN_KNOWN_SHARE && trust.plausibleShare < MIN_PLAUSIBLE_SHARE) {
    return { ...trust, verdict: 'unreadable', reason: 'its letters make no words' };
  }
  return trust;
}

/** Share of the page covered by images (overlaps counted twice, capped at 1: scans are one image or strips). */
function imageCover(images: ImageItem[], width: number, height: number): number {
  let area = 0;
  for (const { box } of images) {
    const w = Math.min(box[2], width) - Math.max(box[0], 0);
    const h = Math.min(box[3], height) - Math.max(box[1], 0);
    if (w > 0 && h > 0) area += w * h;
  }
  return Math.min(1, area / Math.max(1, width * height));
}
