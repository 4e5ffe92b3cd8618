/** One-line descriptions of a layer for the node face: "64 · 3×3 /2 · same · relu". */
import { resolveParams, type Layer, type Shape } from '../../graph/index.ts';

function pair(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  return value[0] === value[1] ? `${value[0]}×${value[0]}` : `${value[0]}×${value[1]}`;
}

export function summarizeLayer(layer: Layer): string {
  let p: Record<string, unknown>;
  try {
    p = resolveParams(layer);
  } catch {
    return '';
  }
  const parts: string[] = [];
  if (p.filters !== undefined) parts.push(String(p.filters));
  if (p.units !== undefined) parts.push(String(p.units));
  if (p.kernel !== undefined) parts.push(Array.isArray(p.kernel) ? pair(p.kernel)! : `k${p.kernel}`);
  if (p.pool !== undefined) parts.push(pair(p.pool)!);
  const stride = Array.isArray(p.stride) ? (p.stride[0] === p.stride[1] ? p.stride[0] : p.stride.join('×')) : p.stride;
  if (stride !== undefined && stride !== 1) parts.push(`/${stride}`);
  if (typeof p.padding === 'string' && p.padding !== 'valid') parts.push(p.padding);
  if (p.rate !== undefined) parts.push(`p=${p.rate}`);
  if (p.fn !== undefined) parts.push(String(p.fn));
  if (typeof p.activation === 'string' && p.activation !== 'linear') parts.push(p.activation);
  if (layer.type === 'Input' && Array.isArray(p.shape)) parts.push(p.shape.join('×'));
  if (p.heads !== undefined) parts.push(`${p.heads} heads`);
  if (p.vocab !== undefined) parts.push(`${p.vocab}→${p.dim}`);
  return parts.join(' · ');
}

export function formatShape(shape: Shape | undefined): string {
  return shape ? shape.join(' × ') : '?';
}
