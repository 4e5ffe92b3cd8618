/**
 * Layers written as framework calls, as papers print their code ("Conv1D(256, 7)", "nn.Conv2d(3, 32,
 * kernel_size=5, stride=2)", "Embedding(70, 16)", "nn.LSTM(64, 128)", "MaxPooling2D((2, 2))"): the class names
 * and the constructors' argument orders are the catalog's (`targets.keras`, `targets.pytorch`), so a call reads
 * the way the framework would run it.
 */
import { CATALOG, getSpec, type ConstructorArgs, type Params } from '../graph/index.ts';
import type { LayerDraft } from '../reading/index.ts';

interface Constructor {
  type: string;
  framework: 'keras' | 'pytorch';
  args: ConstructorArgs;
  params: Params;
}

/** Constructors by class name; a name both frameworks use ("LSTM", "Embedding") has both. */
const constructors = new Map<string, Constructor[]>();
const add = (name: string | undefined, constructor: Constructor) => {
  if (name) constructors.set(name, [...(constructors.get(name) ?? []), constructor]);
};
for (const spec of CATALOG) {
  const { keras, pytorch, byFn } = spec.targets;
  if ('className' in keras) add(keras.className, { type: spec.type, framework: 'keras', args: keras.args ?? [], params: {} });
  if ('module' in pytorch && !constructors.get(pytorch.module ?? '')?.some((c) => c.framework === 'pytorch'))
    add(pytorch.module, { type: spec.type, framework: 'pytorch', args: pytorch.args ?? [], params: spec.type === 'Activation' ? { fn: 'relu' } : {} });
  // "nn.Tanh()", "nn.Sigmoid()": a function's own class.
  for (const [fn, entries] of Object.entries(byFn ?? {})) {
    const module = entries.pytorch && 'module' in entries.pytorch ? entries.pytorch.module : undefined;
    if (module && !constructors.has(module)) add(module, { type: spec.type, framework: 'pytorch', args: [], params: { fn } });
  }
}

/** "nn.", "torch.nn.", "layers.", "tf.keras.layers.": the module a call names, which says the framework. */
const CALL = /^\s*(?<module>(?:torch\.)?nn\.|(?:tf\.)?(?:keras\.)?layers\.)?(?<name>[A-Za-z][A-Za-z0-9]*)\s*\((?<args>.*)\)\s*$/s;
/** "ReLU", "Flatten" in a run of calls: a class named without its brackets, as papers shorten calls that take nothing. */
const BARE_CLASS = /^\s*(?<module>(?:torch\.)?nn\.|(?:tf\.)?(?:keras\.)?layers\.)?(?<name>[A-Z][A-Za-z0-9]*)\s*$/;

/** Splits at the separators outside brackets. */
export function topLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0 && separators.test(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** An argument's value: a number, the numbers of a tuple, a quoted word or a boolean. */
function valueOf(text: string): number | number[] | string | boolean | undefined {
  const t = text.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const tuple = /^[([]\s*(\d+(?:\s*,\s*\d+)*)\s*,?\s*[)\]]$/.exec(t);
  if (tuple) return tuple[1].split(',').map(Number);
  const word = /^['"]([\w-]+)['"]$/.exec(t);
  if (word) return word[1].toLowerCase();
  if (/^(?:True|False|true|false)$/.test(t)) return /^t/i.test(t);
  return undefined;
}

/** A value set on `param` of `type`: numbers as the catalog holds them (one number, or a pair for 2-D windows). */
function paramValue(type: string, param: string, value: ReturnType<typeof valueOf>): Params[string] | undefined {
  const kind = getSpec(type)?.params.find((p) => p.name === param)?.kind;
  if (!kind) return undefined;
  const numbers = typeof value === 'number' ? [value] : Array.isArray(value) ? value : undefined;
  if (kind === 'pair') return numbers ? [numbers[0]!, numbers[1] ?? numbers[0]!] : undefined;
  if (kind === 'int' || kind === 'float') return numbers?.[0];
  return typeof value === 'string' || typeof value === 'boolean' ? value : undefined;
}

/** One call → a layer, or undefined when it names no class the catalog knows. */
function callLayer(text: string): LayerDraft | undefined {
  const call = CALL.exec(text) ?? BARE_CLASS.exec(text);
  const candidates = call ? constructors.get(call.groups!.name!) : undefined;
  if (!call || !candidates) return undefined;
  const args = topLevel(call.groups!.args ?? '', /,/);
  const positional = args.filter((a) => !/^\w+\s*=/.test(a));
  const framework = call.groups!.module ? (/nn\./.test(call.groups!.module) ? 'pytorch' : 'keras') : undefined;
  // A name both frameworks use: the module says which, else the number of positional arguments ("LSTM(128)" is
  // Keras's units, "LSTM(64, 128)" PyTorch's input and hidden sizes).
  const constructor =
    candidates.find((c) => c.framework === framework) ??
    candidates.find((c) => positional.length <= Math.max(1, c.args.length) && c.framework === 'keras') ??
    candidates[candidates.length - 1]!;
  // "Linear(32)": one number where the constructor first takes an input size is the layer's own, as papers shorten it.
  // ("AdaptiveAvgPool2d(1)": a constructor whose arguments set no param takes them as they come.)
  const order = positional.length === 1 && constructor.args.some(([, param]) => param) ? constructor.args.filter(([, param]) => param) : constructor.args;
  // Numbers the constructor has no place for ("Softmax(12)") are the general grammar's to read.
  if (positional.length > order.length) return undefined;
  const params: Params = { ...constructor.params };
  const set = (param: string, value: ReturnType<typeof valueOf>) => {
    const v = param ? paramValue(constructor.type, param, value) : undefined;
    if (v !== undefined) params[param] = v;
  };
  positional.forEach((arg, i) => set(order[i]![1], valueOf(arg)));
  for (const arg of args) {
    const named = /^(\w+)\s*=\s*(.+)$/s.exec(arg);
    const param = named && constructor.args.find(([keyword]) => keyword === named[1])?.[1];
    if (named && param) set(param, valueOf(named[2]!));
  }
  return { type: constructor.type, params, inferred: [], text: text.trim() };
}

/**
 * The layers of a text that is one call or a run of calls ("Conv1D(256, 7), MaxPooling1D(3)"); undefined when
 * any part is not a call to a class the catalog knows.
 */
export function callLayers(text: string): LayerDraft[] | undefined {
  if (!/\w\s*\(/.test(text)) return undefined;
  const parts = topLevel(text.replace(/\s*(?:->|→)\s*/g, ','), /[,;]/);
  const layers = parts.map(callLayer);
  // A run of bare names alone ("ReLU, Flatten") is words, not calls: at least one part has its brackets.
  const called = parts.some((p) => CALL.test(p));
  return called && layers.length && layers.every((l) => l !== undefined) ? (layers as LayerDraft[]) : undefined;
}
