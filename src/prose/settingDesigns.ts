/**
 * Networks stated in running text as a list of settings, "key = value" clauses ("conv_channels = (16, 32, 32),
 * kernel_sizes = (8, 4, 3), hidden_units = 256, output_units = 6"; "hidden layers = [400, 400]; output = 1
 * sigmoid unit"): read by the reading core's settings lists, as a two-column settings table is.
 */
import { normaliseLayerText, settingListLayers, type SettingRow } from '../reading/index.ts';
import { inputNear } from './mentions.ts';
import type { ProseDesign } from './proseToGraphs.ts';
import type { Sentence } from './sentences.ts';
import { runDesign } from './runDesign.ts';

/**
 * A key after the sentence's start, a list separator or "and": one to four words then "=", or a configuration
 * file's identifier ("conv_channels", "encoder.channels") then ":" or "=". Underscores and dots read as spaces.
 */
const ASSIGNMENT =
  /(?:^|[,;:]\s*(?:and\s+)?|\s+and\s+)(?:([A-Za-z][\w-]*(?:[ _.][A-Za-z][\w-]*){0,3})\s*=\s*|([A-Za-z][A-Za-z\d]*(?:[_.][A-Za-z\d]+)+)\s*:\s+)/g;
/** In a configuration file's settings, a plain word's setting too ("…; activation: relu; dropout: 0.5"). */
const FILE_SETTING = /(?:^|[,;]\s*)([A-Za-z][A-Za-z\d]*(?:[_.][A-Za-z\d]+)*)\s*:\s+/g;
/** Fewer clauses than this are a formula or a passing value ("with n = 3"), not a list of settings. */
const MIN_SETTINGS = 3;

/** The "key = value" clauses of a sentence, each value running to the next key. */
function settingsIn(text: string): SettingRow[] {
  let keys = [...text.matchAll(ASSIGNMENT)];
  const fileKeys = keys.filter((m) => m[2]);
  if (fileKeys.length) {
    const start = fileKeys[0].index + fileKeys[0][0].indexOf(fileKeys[0][2]);
    keys = [...text.slice(start).matchAll(FILE_SETTING)].map((m) => Object.assign(m, { index: m.index + start }));
  }
  return keys.map((m, i) => {
    const end = i + 1 < keys.length ? keys[i + 1].index : text.length;
    const value = text
      .slice(m.index + m[0].length, end)
      .replace(/[,;.]\s*(?:and\s*)?$/, '')
      .trim();
    return { key: (m[1] ?? m[2] ?? '').replace(/[_.]/g, ' '), value };
  });
}

export function settingDesigns(sentences: Sentence[]): ProseDesign[] {
  const designs: ProseDesign[] = [];
  for (const sentence of sentences) {
    const settings = settingsIn(normaliseLayerText(sentence.text));
    if (settings.length < MIN_SETTINGS) continue;
    const layers = settingListLayers(settings);
    if (!layers) continue;
    const design = runDesign(layers, sentence, inputNear(sentences, sentence)?.shape);
    if (design) designs.push(design);
  }
  return designs;
}
