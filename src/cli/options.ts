/**
 * The CLI's option tables and their one parser: node:util `parseArgs` in strict mode, with `--help` text generated
 * from the same table. A bad command line is a UsageError (exit 2) that names the argument and, for a misspelt
 * option, the nearest known one.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
// (the function's own module, not the graph core's index: option parsing is on every command's start-up)
import { editDistance } from '../graph/editDistance.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value stands for in help, e.g. `DIR` in `--out DIR` (string options). */
  value?: string;
  /** A one-letter alias. */
  short?: string;
  /** The command cannot run without it. */
  required?: boolean;
  /** One line for `--help`. */
  help: string;
}

export type OptionTable = Record<string, OptionSpec>;

export interface CommandSpec<O extends OptionTable = OptionTable> {
  name: string;
  /** One line, shown in the top-level help and under the usage line. */
  summary: string;
  /** The positionals as the usage line shows them, e.g. `paper.pdf` or `image.png [more images]`. */
  positionals: string;
  minPositionals: number;
  maxPositionals: number;
  options: O;
  /** Lines after the option list: output formats, examples. */
  notes?: readonly string[];
}

/** The values of a parsed command line, typed from its option table. */
export type OptionValues<O extends OptionTable> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

export interface ParsedCommand<O extends OptionTable> {
  positionals: string[];
  values: OptionValues<O>;
  /** `--help` or `-h` was given: the caller prints the help and nothing else is checked. */
  help: boolean;
}

/** A command line the program cannot run: the process exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };

function nodeOptions(table: OptionTable): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }]));
}

/** The candidate closest to `word`, when it is close enough to be a likely slip. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = candidate.startsWith(word) && word.length >= 2 ? 0.5 : editDistance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

const suggestion = (near: string | undefined, prefix: string): string => (near ? `; did you mean ${prefix}${near}?` : '');

/**
 * Why the strict parse refused `args`, in the words of this CLI: node's messages do not suggest, and its
 * "unknown option" comes before the more useful "needs a value".
 */
function explain(args: string[], table: OptionTable): string | undefined {
  const { tokens } = parseArgs({ args, options: nodeOptions(table), strict: false, allowPositionals: true, tokens: true });
  const names = Object.keys(table);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = table[token.name];
    if (!spec) {
      const long = names.filter((n) => n.length > 1);
      return `unknown option ${token.rawName}${suggestion(nearest(token.name, long), '--')}`;
    }
    if (spec.type === 'boolean' && token.inlineValue)
      return `${token.rawName} is a switch and takes no value (got "${token.rawName}=${token.value}"): give ${token.rawName} or leave it out`;
    if (spec.type === 'string' && token.value === undefined) return `${token.rawName} needs a value: ${token.rawName} ${spec.value ?? 'VALUE'}`;
    if (spec.type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      return `${token.rawName} needs a value, got the option-like "${token.value}"; a value that starts with '-' is written ${token.rawName}=${token.value}`;
    }
  }
  return undefined;
}

/** Parses one command's arguments against its table; throws UsageError for anything the table does not allow. */
export function parseCommand<O extends OptionTable>(spec: CommandSpec<O>, args: string[]): ParsedCommand<O> {
  const table: OptionTable = { ...spec.options, help: HELP_OPTION };
  let parsed;
  try {
    parsed = parseArgs({ args, options: nodeOptions(table), strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(explain(args, table) ?? (error as Error).message);
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  const result = { positionals: parsed.positionals, values: values as OptionValues<O>, help: help === true };
  if (result.help) return result;
  const { positionals } = parsed;
  if (positionals.length < spec.minPositionals) throw new UsageError(`missing ${spec.positionals}`);
  if (positionals.length > spec.maxPositionals) throw new UsageError(`unexpected argument "${positionals[spec.maxPositionals]}"`);
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.required && values[name] === undefined) throw new UsageError(`--${name}${option.value ? ` ${option.value}` : ''} is required`);
  }
  return result;
}

/** A whole-number option, `fallback` when absent; throws UsageError when it is not an integer ≥ `min`. */
export function integerOption(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${text}"`);
  return n;
}

export function usageLine(spec: CommandSpec): string {
  const positionals = spec.positionals ? ` ${spec.positionals}` : '';
  const required = Object.entries(spec.options)
    .filter(([, o]) => o.required)
    .map(([name, o]) => ` --${name} ${o.value ?? 'VALUE'}`)
    .join('');
  return `usage: paper2net ${spec.name}${positionals}${required} [options]`;
}

function optionLines(table: OptionTable): string[] {
  const left = Object.entries(table).map(([name, o]) => `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return Object.values(table).map((o, i) => `  ${left[i]!.padEnd(width)}${o.help}${o.required ? ' (required)' : ''}`);
}

/** `paper2net <command> --help`: usage, summary, every option of the table, notes. */
export function commandHelp(spec: CommandSpec): string {
  const notes = spec.notes?.length ? ['', ...spec.notes] : [];
  const sentence = `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`;
  return [usageLine(spec), '', sentence, '', 'options:', ...optionLines({ ...spec.options, help: HELP_OPTION }), ...notes, ''].join('\n');
}

/** `paper2net --help`: every command with its summary. */
export function programHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'usage: paper2net <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'options:',
    '  -h, --help     show this help (paper2net <command> --help: the options of one command)',
    '  -v, --version  print the version',
    '',
    'Results go to stdout, progress and warnings to stderr. Exit status: 0 done, 1 failed, 2 bad command line.',
    '',
  ].join('\n');
}
