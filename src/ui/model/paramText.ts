/**
 * Turning param values into inspector text and back. The inspector edits every kind as short text
 * ("3, 3", "same", "224, 224, 3") so one input handles pairs, lists and paddings alike.
 */
import type { ParamSpec, ParamValue } from '../../graph/index.ts';

export function formatParam(value: ParamValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function parseInts(text: string, spec: ParamSpec): number[] {
  const parts = text.split(/[\s,x×]+/).filter(Boolean);
  const numbers = parts.map(Number);
  if (parts.length === 0 || numbers.some((n) => !Number.isInteger(n))) throw new Error(`${spec.name}: "${text}" is not a list of integers`);
  return numbers;
}

/** The value typed for `spec`; throws with a message naming the param when the text does not fit its kind. */
export function parseParam(text: string, spec: ParamSpec): ParamValue {
  const t = text.trim();
  switch (spec.kind) {
    case 'int':
    case 'float': {
      const n = Number(t);
      if (t === '' || !Number.isFinite(n)) throw new Error(`${spec.name}: "${text}" is not a number`);
      if (spec.kind === 'int' && !Number.isInteger(n)) throw new Error(`${spec.name}: "${text}" is not an integer`);
      return n;
    }
    case 'bool':
      if (t === 'true' || t === 'false') return t === 'true';
      throw new Error(`${spec.name}: "${text}" is not true or false`);
    case 'enum':
      if (spec.options?.includes(t)) return t;
      throw new Error(`${spec.name}: "${text}" is not one of ${spec.options?.join(', ')}`);
    case 'pair': {
      const ints = parseInts(t, spec);
      if (ints.length > 2) throw new Error(`${spec.name}: expected one number or two (h, w), got "${text}"`);
      return ints.length === 1 ? [ints[0]!, ints[0]!] : ints;
    }
    case 'ints':
      return parseInts(t, spec);
    case 'padding1d':
    case 'padding2d': {
      if (t === 'valid' || t === 'same') return t;
      const ints = parseInts(t, spec);
      if (spec.kind === 'padding1d') {
        if (ints.length !== 1) throw new Error(`${spec.name}: expected valid, same or one number, got "${text}"`);
        return ints[0]!;
      }
      if (ints.length > 2) throw new Error(`${spec.name}: expected valid, same or [h, w], got "${text}"`);
      return ints.length === 1 ? [ints[0]!, ints[0]!] : ints;
    }
  }
}

/** "int 1..4096", "pair ≥ 1", "enum" — the type and range line of the inspector. */
export function describeKind(spec: ParamSpec): string {
  const range =
    spec.min !== undefined && spec.max !== undefined
      ? ` ${spec.min}..${spec.max}`
      : spec.min !== undefined
        ? ` ≥ ${spec.min}`
        : spec.max !== undefined
          ? ` ≤ ${spec.max}`
          : '';
  const kind = {
    int: 'int',
    float: 'float',
    bool: 'bool',
    enum: 'one of',
    pair: '[h, w]',
    ints: 'int list',
    padding1d: 'valid | same | int',
    padding2d: 'valid | same | [h, w]',
  }[spec.kind];
  return `${kind}${spec.kind === 'enum' ? '' : range}`;
}
