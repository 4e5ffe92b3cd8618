/**
 * Safe names for generated code. Layer ids may come straight from a PDF ("conv3-64", "x\"); import os"),
 * so every target sees only identifiers of [A-Za-z0-9_], never the raw text.
 */
import type { Graph } from '../graph/index.ts';

const PYTHON_RESERVED = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from global if import ' +
    'in is lambda nonlocal not or pass raise return try while with yield match case type print input id len list dict set ' +
    'tuple str int float bool object super self torch nn keras layers np os sys caffe model x'
  ).split(' '),
);

/** One layer id → a Python/Caffe-safe identifier (not yet unique). */
export function toIdentifier(text: string): string {
  // Most ids already are identifiers (`conv1`, `b3_bn2`): skip the rewriting.
  if (text.length <= 48 && /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/.test(text)) return PYTHON_RESERVED.has(text) ? `${text}_` : text;
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48)
    .replace(/_+$/, '');
  const base = ascii === '' ? 'layer' : /^[0-9]/.test(ascii) ? `layer_${ascii}` : ascii;
  return PYTHON_RESERVED.has(base) ? `${base}_` : base;
}

/** Unique identifiers for every layer of a graph, keyed by layer id; deterministic in graph order. */
export function layerIdentifiers(graph: Graph): Map<string, string> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  // Per base, the next suffix to try: 20,000 ids that sanitise alike stay linear (names are never freed,
  // so resuming finds the same first free suffix as counting from 2).
  const nextSuffix = new Map<string, number>();
  for (const layer of graph.layers) {
    const base = toIdentifier(layer.id);
    const key = base.toLowerCase();
    let name = base;
    if (taken.has(key)) {
      let n = nextSuffix.get(key) ?? 2;
      while (taken.has(`${key}_${n}`)) n++;
      nextSuffix.set(key, n + 1);
      name = `${base}_${n}`;
    }
    taken.add(name.toLowerCase());
    names.set(layer.id, name);
  }
  return names;
}

/** A class name for the model ("vgg-16 (Table 1)" → "Vgg16Table1"). */
export function toClassName(text: string): string {
  const words = toIdentifier(text).split('_').filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return name === '' || /^[0-9]/.test(name) ? `Net${name}` : name;
}
