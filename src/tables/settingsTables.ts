/**
 * Tables of model settings ("N dmodel dff h" or "Layers, Hidden size, MLP size, Heads" over rows such as
 * "base 6 512 2048 8", "big 6 1024 4096 16"): each named row is one configuration. Read by position: a
 * heading's column is where its word is, a row's number belongs to the heading it sits under. What the
 * headings mean is src/reading's (settingNamed).
 */
import type { Box, Page, Region } from '../paper/index.ts';
import { settingNamed, type Setting, type Settings } from '../reading/index.ts';

export interface SettingsRow {
  name: string;
  settings: Settings;
  box: Box;
}

interface Word {
  text: string;
  x: number;
  y: number;
  box: Box;
}

/** The words of the text runs inside a box, each with its estimated centre (runs often hold several words). */
function wordsIn(page: Page, box: Box): Word[] {
  const words: Word[] = [];
  for (const t of page.texts) {
    const [x0, y0, x1, y1] = t.box;
    if (t.rotated || x0 < box[0] - 1 || x1 > box[2] + 1 || y0 < box[1] - 1 || y1 > box[3] + 1 || !t.str.trim()) continue;
    const perChar = (x1 - x0) / Math.max(1, t.str.length);
    for (const m of t.str.matchAll(/\S+/g)) {
      const a = x0 + m.index * perChar;
      const b = a + m[0].length * perChar;
      words.push({ text: m[0], x: (a + b) / 2, y: (y0 + y1) / 2, box: [a, y0, b, y1] });
    }
  }
  return words;
}

/** Words grouped into lines by their vertical centre. */
function linesOf(words: Word[]): Word[][] {
  const lines: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l[0].y - w.y) < 3);
    if (line) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => joinTouching(l.sort((a, b) => a.x - b.x)));
}

/** Runs that touch are one word: a symbol and its subscript ("d" + "model") arrive as two runs. */
function joinTouching(line: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of line) {
    const last = out[out.length - 1];
    if (last && w.box[0] - last.box[2] < 0.5) {
      const box: Box = [last.box[0], Math.min(last.box[1], w.box[1]), w.box[2], Math.max(last.box[3], w.box[3])];
      out[out.length - 1] = { text: last.text + w.text, x: (box[0] + box[2]) / 2, y: last.y, box };
    } else out.push(w);
  }
  return out;
}

/** The heading line: one word (or two, "Hidden size") per setting, at least layers and width and one more. */
function headingsOf(line: Word[]): Array<{ setting: Setting; x: number }> | undefined {
  const found: Array<{ setting: Setting; x: number }> = [];
  for (let i = 0; i < line.length; i++) {
    const two = i + 1 < line.length ? settingNamed(`${line[i].text} ${line[i + 1].text}`) : undefined;
    const one = settingNamed(line[i].text);
    const setting = two ?? one;
    if (!setting || found.some((f) => f.setting === setting)) continue;
    found.push({ setting, x: two ? (line[i].x + line[i + 1].x) / 2 : line[i].x });
    if (two) i++;
  }
  const has = (s: Setting) => found.some((f) => f.setting === s);
  return has('layers') && has('width') && found.length >= 3 ? found : undefined;
}

export function settingsRows(region: Region, page: Page): SettingsRow[] {
  const lines = linesOf(wordsIn(page, region.box));
  const at = lines.findIndex((l) => headingsOf(l));
  if (at < 0) return [];
  const headings = headingsOf(lines[at])!;
  const spacing = Math.min(...headings.slice(1).map((h, i) => Math.abs(h.x - headings[i].x)));
  const rows: SettingsRow[] = [];
  for (const line of lines.slice(at + 1)) {
    // A named row: a label that is not a number, left of every heading.
    const label = line[0];
    if (!label || /^[\d.,()]+$/.test(label.text) || label.x > Math.min(...headings.map((h) => h.x)) - spacing / 2) continue;
    const settings: Settings = {};
    for (const word of line.slice(1)) {
      if (!/^\d+$/.test(word.text)) continue;
      const nearest = headings.reduce((a, b) => (Math.abs(b.x - word.x) < Math.abs(a.x - word.x) ? b : a));
      if (Math.abs(nearest.x - word.x) <= spacing / 2 && settings[nearest.setting] === undefined) settings[nearest.setting] = Number(word.text);
    }
    if (settings.layers && settings.width)
      rows.push({ name: label.text, settings, box: [line[0].box[0], line[0].box[1], line[line.length - 1].box[2], line[0].box[3]] });
  }
  return rows;
}
