/** Python source literals. Strings are always escaped, so no text can break out of a literal. */

/** A Python tuple, as distinct from a list. */
export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/** Inserted verbatim: only for expressions the emitter itself builds from identifiers and numbers. */
export class PyCode {
  constructor(readonly code: string) {}
}

export type PyValue = number | string | boolean | null | readonly PyValue[] | PyTuple | PyCode;

/** A double-quoted Python string literal; non-ASCII and control characters become escapes. */
export function pyString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code > 0x7e) out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a Python number`);
  return String(value);
}

export function pyValue(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return pyString(value);
  if (value instanceof PyCode) return value.code;
  if (value instanceof PyTuple) {
    const items = value.items.map(pyValue);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  return `[${(value as readonly PyValue[]).map(pyValue).join(', ')}]`;
}

/** `name=value, ...` for a call; keys must be identifiers chosen by the emitter. */
export function pyKwargs(kwargs: Record<string, PyValue | undefined>): string {
  return Object.entries(kwargs)
    .filter((entry): entry is [string, PyValue] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${pyValue(value)}`)
    .join(', ');
}

/** A `#` comment line; the text is flattened to one line so it cannot end the comment. */
export function pyComment(text: string): string {
  return `# ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
}

/**
 * A triple-quoted docstring. Every quote, backslash, control and non-ASCII character is escaped,
 * so text from a PDF can never close the string.
 */
export function pyDocstring(lines: readonly string[], indent = ''): string {
  const body = lines.map((line) => {
    const strict = pyString(line.replace(/[\r\n\u2028\u2029]+/g, ' ')).slice(1, -1);
    // A lone quote reads better unescaped; only a run of quotes could close the docstring.
    const relaxed = strict.replace(/\\"/g, '"');
    const escaped = relaxed.includes('""') ? strict : relaxed;
    return escaped === '' ? '' : indent + escaped;
  });
  return `${indent}"""${body.join('\n').trimStart()}\n${indent}"""`;
}
