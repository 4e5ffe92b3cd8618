/** The plan as deploy.prototxt, laid out like the BVLC reference models. */
import { CaffeEnum, type CaffeBlock, type CaffeLayerPlan, type CaffePlan, type CaffeValue } from './plan.ts';

/** A protobuf text-format string: anything but plain ASCII becomes octal escapes of its UTF-8 bytes. */
const utf8 = new TextEncoder();

function quoted(text: string): string {
  // Nearly every name is plain ASCII: no bytes to escape.
  if (/^[A-Za-z0-9_./ -]*$/.test(text)) return `"${text}"`;
  let out = '';
  for (const byte of utf8.encode(text)) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9_./ -]/.test(char) ? char : `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `"${out}"`;
}

function scalar(value: number | boolean | CaffeEnum): string {
  if (value instanceof CaffeEnum) return value.value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} in a prototxt`);
  return String(value);
}

function isBlock(value: CaffeValue): value is CaffeBlock {
  return typeof value === 'object' && !(value instanceof CaffeEnum) && !Array.isArray(value);
}

/** Blocks made only of repeated numbers (`shape { dim: 1 dim: 3 }`) stay on one line, as in BVLC's deploy files. */
function isInline(block: CaffeBlock): boolean {
  return Object.values(block).every((value) => Array.isArray(value) || (isBlock(value) && isInline(value)));
}

function fieldLines(field: string, value: CaffeValue): string[] {
  if (Array.isArray(value)) return value.map((item) => `${field}: ${scalar(item)}`);
  if (isBlock(value)) return [`${field} ${blockText(value)}`];
  return [`${field}: ${scalar(value as number | boolean | CaffeEnum)}`];
}

function blockText(block: CaffeBlock): string {
  const lines = Object.entries(block).flatMap(([field, value]) => fieldLines(field, value));
  if (isInline(block)) return `{ ${lines.join(' ')} }`;
  return `{\n${lines.map(indented).join('\n')}\n}`;
}

/** Two more spaces before every line of `text`. */
function indented(text: string): string {
  return `  ${text.includes('\n') ? text.replace(/\n/g, '\n  ') : text}`;
}

function layerText(layer: CaffeLayerPlan): string {
  let text = layer.note ? `# ${layer.note.replace(/[\r\n]+/g, ' ')}\nlayer {\n` : 'layer {\n';
  text += `  name: ${quoted(layer.name)}\n  type: ${quoted(layer.type)}\n`;
  for (const bottom of layer.bottoms) text += `  bottom: ${quoted(bottom.blob)}\n`;
  for (const top of layer.tops) text += `  top: ${quoted(top)}\n`;
  if (layer.frozen) text += '  param { lr_mult: 0 decay_mult: 0 }\n';
  if (layer.paramField) for (const line of fieldLines(layer.paramField, layer.params)) text += `${indented(line)}\n`;
  return `${text}}`;
}

export function writePrototxt(plan: CaffePlan): string {
  let text = `name: ${quoted(plan.name)}\n`;
  for (const layer of plan.layers) text += `${layerText(layer)}\n`;
  return text;
}
