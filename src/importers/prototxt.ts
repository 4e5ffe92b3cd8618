/**
 * A small parser for protobuf text format as Caffe writes it (`.prototxt`), schema-free: it keeps
 * every field with its line so the Caffe importer can report positions. Handles `name: value`,
 * `name { ... }`, `name: { ... }`, `name < ... >`, quoted strings, numbers, enum identifiers,
 * `#` comments and optional `,`/`;` separators.
 */
import { ImportError } from './errors.ts';

export type TextScalar = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'ident'; value: string };

export interface TextField {
  name: string;
  line: number;
  value: TextScalar | TextMessage;
}

export class TextMessage {
  constructor(
    readonly fields: TextField[],
    /** Line of the opening brace (1 for the file itself). */
    readonly line: number,
  ) {}

  all(name: string): TextField[] {
    return this.fields.filter((f) => f.name === name);
  }

  messages(name: string): TextMessage[] {
    return this.all(name).flatMap((f) => (f.value instanceof TextMessage ? [f.value] : []));
  }

  message(name: string): TextMessage | undefined {
    return this.messages(name)[0];
  }

  scalars(name: string): TextScalar[] {
    return this.all(name).flatMap((f) => (f.value instanceof TextMessage ? [] : [f.value]));
  }

  /** The field as a string or enum identifier. */
  text(name: string): string | undefined {
    const v = this.scalars(name)[0];
    return v === undefined ? undefined : String(v.value);
  }

  number(name: string): number | undefined {
    return this.numbers(name)[0];
  }

  numbers(name: string): number[] {
    return this.all(name).flatMap((f) => {
      const v = f.value;
      if (v instanceof TextMessage) throw new ImportError('caffe', `field "${name}" should be a number, not a block`, { line: f.line });
      if (v.kind === 'number') return [v.value];
      const n = Number(v.value);
      if (v.kind === 'string' || Number.isNaN(n)) throw new ImportError('caffe', `field "${name}" should be a number, got "${v.value}"`, { line: f.line });
      return [n];
    });
  }

  bool(name: string): boolean | undefined {
    const v = this.scalars(name)[0];
    if (v === undefined) return undefined;
    return v.value === 'true' || v.value === 'True' || v.value === 1;
  }

  /** Line of the first occurrence of a field, else of this block. */
  lineOf(name: string): number {
    return this.all(name)[0]?.line ?? this.line;
  }
}

interface Token {
  kind: 'punct' | 'string' | 'word';
  text: string;
  line: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === ';') {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if ('{}<>:[]'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let value = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\n') throw new ImportError('caffe', 'string not closed before the end of the line', { line: start });
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[i + 1]!;
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else {
          value += text[i++];
        }
      }
      if (i >= text.length) throw new ImportError('caffe', 'string not closed', { line: start });
      i++;
      tokens.push({ kind: 'string', text: value, line: start });
    } else {
      const match = /^[A-Za-z0-9_.+\-/]+/.exec(text.slice(i, i + 256));
      if (!match) throw new ImportError('caffe', `unexpected character "${c}"`, { line });
      tokens.push({ kind: 'word', text: match[0], line });
      i += match[0].length;
    }
  }
  return tokens;
}

function scalarOf(token: Token): TextScalar {
  if (token.kind === 'string') return { kind: 'string', value: token.text };
  const n = Number(token.text);
  if (token.text !== '' && !Number.isNaN(n) && /^[-+.\d]/.test(token.text)) return { kind: 'number', value: n };
  if (/^-?(inf|infinity)$/i.test(token.text)) return { kind: 'number', value: token.text.startsWith('-') ? -Infinity : Infinity };
  return { kind: 'ident', value: token.text };
}

/** Parses prototxt text; throws ImportError with the line of the first syntax error. */
export function parsePrototxt(text: string): TextMessage {
  const tokens = tokenize(text);
  let pos = 0;
  const lastLine = () => tokens[tokens.length - 1]?.line ?? 1;

  function parseBlock(close: string | undefined, line: number): TextMessage {
    const fields: TextField[] = [];
    for (;;) {
      const token = tokens[pos];
      if (!token) {
        if (close) throw new ImportError('caffe', `block opened on line ${line} is never closed`, { line: lastLine() });
        return new TextMessage(fields, line);
      }
      if (token.kind === 'punct' && (token.text === '}' || token.text === '>')) {
        if (!close) throw new ImportError('caffe', `unexpected "${token.text}" with no open block`, { line: token.line });
        pos++;
        return new TextMessage(fields, line);
      }
      if (token.kind !== 'word') throw new ImportError('caffe', `expected a field name, got "${token.text}"`, { line: token.line });
      pos++;
      let next = tokens[pos];
      const hadColon = next?.kind === 'punct' && next.text === ':';
      if (hadColon) next = tokens[++pos];
      if (!next) throw new ImportError('caffe', `field "${token.text}" has no value`, { line: token.line });
      if (next.kind === 'punct' && (next.text === '{' || next.text === '<')) {
        pos++;
        fields.push({ name: token.text, line: token.line, value: parseBlock(next.text === '{' ? '}' : '>', next.line) });
      } else if (next.kind === 'punct' && next.text === '[' && hadColon) {
        // `dim: [1, 3, 224, 224]` list shorthand
        pos++;
        while (tokens[pos] && !(tokens[pos]!.kind === 'punct' && tokens[pos]!.text === ']')) {
          const item = tokens[pos++]!;
          if (item.kind === 'punct') throw new ImportError('caffe', `unexpected "${item.text}" in a list`, { line: item.line });
          fields.push({ name: token.text, line: item.line, value: scalarOf(item) });
        }
        if (!tokens[pos]) throw new ImportError('caffe', `list for "${token.text}" is never closed`, { line: token.line });
        pos++;
      } else if (hadColon && next.kind !== 'punct') {
        pos++;
        fields.push({ name: token.text, line: token.line, value: scalarOf(next) });
      } else {
        throw new ImportError('caffe', `expected ":" or "{" after "${token.text}", got "${next.text}"`, { line: next.line });
      }
    }
  }

  return parseBlock(undefined, 1);
}
