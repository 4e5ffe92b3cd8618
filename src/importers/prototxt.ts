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

  // Loops rather than filter/flatMap: these run several times for each of 100,000 layers.
  all(name: string): TextField[] {
    const found: TextField[] = [];
    for (const field of this.fields) if (field.name === name) found.push(field);
    return found;
  }

  messages(name: string): TextMessage[] {
    const found: TextMessage[] = [];
    for (const field of this.fields) if (field.name === name && field.value instanceof TextMessage) found.push(field.value);
    return found;
  }

  message(name: string): TextMessage | undefined {
    for (const field of this.fields) if (field.name === name && field.value instanceof TextMessage) return field.value;
    return undefined;
  }

  scalars(name: string): TextScalar[] {
    const found: TextScalar[] = [];
    for (const field of this.fields) if (field.name === name && !(field.value instanceof TextMessage)) found.push(field.value);
    return found;
  }

  private scalar(name: string): TextScalar | undefined {
    for (const field of this.fields) if (field.name === name && !(field.value instanceof TextMessage)) return field.value;
    return undefined;
  }

  /** The field as a string or enum identifier. */
  text(name: string): string | undefined {
    const v = this.scalar(name);
    return v === undefined ? undefined : String(v.value);
  }

  number(name: string): number | undefined {
    return this.numbers(name)[0];
  }

  numbers(name: string): number[] {
    const found: number[] = [];
    for (const f of this.fields) {
      if (f.name !== name) continue;
      const v = f.value;
      if (v instanceof TextMessage) throw new ImportError('caffe', `field "${name}" should be a number, not a block`, { line: f.line });
      const n = v.kind === 'number' ? v.value : Number(v.value);
      if (v.kind === 'string' || Number.isNaN(n)) throw new ImportError('caffe', `field "${name}" should be a number, got "${v.value}"`, { line: f.line });
      found.push(n);
    }
    return found;
  }

  bool(name: string): boolean | undefined {
    const v = this.scalar(name);
    if (v === undefined) return undefined;
    return v.value === 'true' || v.value === 'True' || v.value === 1;
  }

  /** Line of the first occurrence of a field, else of this block. */
  lineOf(name: string): number {
    for (const field of this.fields) if (field.name === name) return field.line;
    return this.line;
  }
}

interface Token {
  kind: 'punct' | 'string' | 'word';
  text: string;
  line: number;
}

const WORD = /[A-Za-z0-9_.+\-/]+/y;

/**
 * Tokens read on demand, one at a time: a 100,000-layer file never holds its million tokens at once,
 * which kept the garbage collector busier than the parsing itself.
 */
class Lexer {
  private i = 0;
  private line = 1;
  /** Line of the last token read, for errors at the end of the file. */
  lastLine = 1;

  constructor(private readonly text: string) {}

  next(): Token | undefined {
    const { text } = this;
    while (this.i < text.length) {
      const c = text[this.i]!;
      if (c === '\n') {
        this.line++;
        this.i++;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === ';') {
        this.i++;
      } else if (c === '#') {
        const end = text.indexOf('\n', this.i);
        this.i = end < 0 ? text.length : end;
      } else {
        const token = '{}<>:[]'.includes(c) ? this.punct(c) : c === '"' || c === "'" ? this.quoted(c) : this.word(c);
        this.lastLine = token.line;
        return token;
      }
    }
    return undefined;
  }

  private punct(c: string): Token {
    this.i++;
    return { kind: 'punct', text: c, line: this.line };
  }

  private quoted(quote: string): Token {
    const { text, line } = this;
    let value = '';
    let from = ++this.i;
    while (this.i < text.length && text[this.i] !== quote) {
      if (text[this.i] === '\n') throw new ImportError('caffe', 'string not closed before the end of the line', { line });
      if (text[this.i] === '\\' && this.i + 1 < text.length) {
        const next = text[this.i + 1]!;
        value += text.slice(from, this.i) + (next === 'n' ? '\n' : next === 't' ? '\t' : next);
        this.i += 2;
        from = this.i;
      } else {
        this.i++;
      }
    }
    if (this.i >= text.length) throw new ImportError('caffe', 'string not closed', { line });
    value += text.slice(from, this.i++);
    return { kind: 'string', text: value, line };
  }

  private word(c: string): Token {
    WORD.lastIndex = this.i;
    if (!WORD.test(this.text)) throw new ImportError('caffe', `unexpected character "${c}"`, { line: this.line });
    const text = this.text.slice(this.i, WORD.lastIndex);
    this.i = WORD.lastIndex;
    return { kind: 'word', text, line: this.line };
  }
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
  const lexer = new Lexer(text);

  function parseBlock(close: string | undefined, line: number): TextMessage {
    const fields: TextField[] = [];
    for (;;) {
      const token = lexer.next();
      if (!token) {
        if (close) throw new ImportError('caffe', `block opened on line ${line} is never closed`, { line: lexer.lastLine });
        return new TextMessage(fields, line);
      }
      if (token.kind === 'punct' && (token.text === '}' || token.text === '>')) {
        if (!close) throw new ImportError('caffe', `unexpected "${token.text}" with no open block`, { line: token.line });
        return new TextMessage(fields, line);
      }
      if (token.kind !== 'word') throw new ImportError('caffe', `expected a field name, got "${token.text}"`, { line: token.line });
      let next = lexer.next();
      const hadColon = next?.kind === 'punct' && next.text === ':';
      if (hadColon) next = lexer.next();
      if (!next) throw new ImportError('caffe', `field "${token.text}" has no value`, { line: token.line });
      if (next.kind === 'punct' && (next.text === '{' || next.text === '<')) {
        fields.push({ name: token.text, line: token.line, value: parseBlock(next.text === '{' ? '}' : '>', next.line) });
      } else if (next.kind === 'punct' && next.text === '[' && hadColon) {
        // `dim: [1, 3, 224, 224]` list shorthand
        let item: Token | undefined;
        while ((item = lexer.next()) && !(item.kind === 'punct' && item.text === ']')) {
          if (item.kind === 'punct') throw new ImportError('caffe', `unexpected "${item.text}" in a list`, { line: item.line });
          fields.push({ name: token.text, line: item.line, value: scalarOf(item) });
        }
        if (!item) throw new ImportError('caffe', `list for "${token.text}" is never closed`, { line: token.line });
      } else if (hadColon && next.kind !== 'punct') {
        fields.push({ name: token.text, line: token.line, value: scalarOf(next) });
      } else {
        throw new ImportError('caffe', `expected ":" or "{" after "${token.text}", got "${next.text}"`, { line: next.line });
      }
    }
  }

  return parseBlock(undefined, 1);
}
