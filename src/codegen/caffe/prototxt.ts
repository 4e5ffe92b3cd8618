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
  return `{\n${lines.map((line) => `  ${line.replace(/\n/g, '\n  ')}`).join('\n')}\n}`;
}

function layerText(layer: CaffeLayerPlan): string {
  const body: CaffeBlock = {};
  const lines = [`name: ${quoted(layer.name)}`, `type: ${quoted(layer.type)}`];
  for (const bottom of layer.bottoms) lines.push(`bottom: ${quoted(bottom.blob)}`);
  for (const top of layer.tops) lines.push(`top: ${quoted(top)}`);
  if (layer.frozen) lines.push('param { lr_mult: 0 decay_mult: 0 }');
  if (layer.paramField) body[layer.paramField] = layer.params;
  lines.push(...Object.entries(body).flatMap(([field, value]) => fieldLines(field, value)));
  const note = layer.note ? `# ${layer.note.replace(/[\r\n]+/g, ' ')}\n` : '';
  return `${note}layer {\n${lines.map((line) => `  ${line.replace(/\n/g, '\n  ')}`).join('\n')}\n}`;
}

export function writePrototxt(plan: CaffePlan): string {
  return `name: ${quoted(plan.name)}\n${plan.layers.map(layerText).join('\n')}\n`;
}
