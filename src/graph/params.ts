/** Params of one layer: filling in catalog defaults, and checking each value against its spec. */
import type { LayerSpec, ParamSpec } from './catalog/spec.ts';
import type { Params, ParamValue } from './types.ts';

/** A bare number where a pair is expected means the same value on both axes ("kernel 3" = [3, 3]). */
function coerce(spec: ParamSpec, value: ParamValue): ParamValue {
  if ((spec.kind === 'pair' || spec.kind === 'padding2d') && typeof value === 'number') return [value, value];
  return value;
}

/** The layer's params with every catalog default filled in and bare numbers widened to pairs. */
export function resolveParamsFor(spec: LayerSpec, given: Params = {}): Params {
  const resolved: Params = {};
  for (const param of spec.params) {
    if (given[param.name] !== undefined) resolved[param.name] = coerce(param, given[param.name]!);
  }
  for (const param of spec.params) {
    if (resolved[param.name] !== undefined) continue;
    const fallback = typeof param.default === 'function' ? param.default(resolved) : param.default;
    resolved[param.name] = coerce(param, Array.isArray(fallback) ? [...fallback] : fallback);
  }
  return resolved;
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function rangeText(spec: ParamSpec): string {
  return `${spec.min ?? '-∞'}..${spec.max ?? '∞'}`;
}

/** A value as a message shows it: JSON would print Infinity and NaN (from 1e999 in a file) as null. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function checkNumber(spec: ParamSpec, value: number, integer: boolean): string | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return `${spec.name} ${shown(value)} is not a finite number`;
  if (integer ? !isInt(value) : typeof value !== 'number') {
    return `${spec.name} ${shown(value)} is not ${integer ? 'an integer' : 'a number'}`;
  }
  if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
    return `${spec.name} ${value} out of range ${rangeText(spec)}`;
  }
  return undefined;
}

function checkInts(spec: ParamSpec, value: ParamValue, length?: number): string | undefined {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
    return `${spec.name} ${shown(value)} should be ${length === 2 ? '[h, w]' : 'a list of integers'}`;
  }
  for (const item of value) {
    const problem = checkNumber(spec, item, true);
    if (problem) return problem;
  }
  return undefined;
}

/** Why `value` is not acceptable for `spec`, or undefined when it is. */
export function checkParam(spec: ParamSpec, value: ParamValue): string | undefined {
  switch (spec.kind) {
    case 'int':
      return checkNumber(spec, value as number, true);
    case 'float':
      return checkNumber(spec, value as number, false);
    case 'bool':
      return typeof value === 'boolean' ? undefined : `${spec.name} ${JSON.stringify(value)} should be true or false`;
    case 'enum':
      return spec.options!.includes(value as string) ? undefined : `${spec.name} ${JSON.stringify(value)} is not one of ${spec.options!.join(', ')}`;
    case 'pair':
      return checkInts(spec, value, 2);
    case 'ints':
      return checkInts(spec, value);
    case 'padding1d':
      return value === 'valid' || value === 'same' ? undefined : checkNumber(spec, value as number, true);
    case 'padding2d':
      return value === 'valid' || value === 'same' ? undefined : checkInts(spec, value, 2);
  }
}
