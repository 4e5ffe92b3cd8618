/**
 * A small tokenizer for the code panel (Python, prototxt, JSON). Tokens are rendered as text spans —
 * never as HTML — so names that came from a PDF cannot inject markup.
 */
export type TokenClass = 'kw' | 'str' | 'num' | 'com' | 'fn' | 'key' | 'txt';

export interface Token {
  text: string;
  cls: TokenClass;
}

export type Language = 'python' | 'prototxt' | 'json';

const PY_KEYWORDS = new Set(
  'and as assert break class continue def del elif else except False finally for from global if import in is lambda None nonlocal not or pass raise return self super True try while with yield'.split(' '),
);

const RULES: Record<Language, Array<[RegExp, TokenClass | 'word']>> = {
  python: [
    [/#[^\n]*/y, 'com'],
    [/"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/y, 'str'],
    [/\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/iy, 'num'],
    [/[A-Za-z_]\w*(?=\()/y, 'fn'],
    [/[A-Za-z_]\w*/y, 'word'],
  ],
  prototxt: [
    [/#[^\n]*/y, 'com'],
    [/"(?:\\.|[^"\\\n])*"/y, 'str'],
    [/-?\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/iy, 'num'],
    [/[A-Za-z_]\w*(?=\s*[:{])/y, 'key'],
    [/[A-Z][A-Z_]+\b/y, 'kw'],
  ],
  json: [
    [/"(?:\\.|[^"\\\n])*"(?=\s*:)/y, 'key'],
    [/"(?:\\.|[^"\\\n])*"/y, 'str'],
    [/-?\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/iy, 'num'],
    [/\b(?:true|false|null)\b/y, 'kw'],
  ],
};

/** Splits code into lines of tokens; concatenating every token's text gives back each line exactly. */
export function tokenize(code: string, language: Language): Token[][] {
  const rules = RULES[language];
  const lines: Token[][] = [[]];
  let plain = '';
  const push = (text: string, cls: TokenClass): void => {
    const parts = text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines.at(-1)!.push({ text: part, cls });
    });
  };
  const flush = (): void => {
    if (plain) push(plain, 'txt');
    plain = '';
  };
  let at = 0;
  outer: while (at < code.length) {
    for (const [pattern, cls] of rules) {
      pattern.lastIndex = at;
      const match = pattern.exec(code);
      if (match && match[0].length > 0) {
        flush();
        const text = match[0];
        push(text, cls === 'word' ? (PY_KEYWORDS.has(text) ? 'kw' : 'txt') : cls);
        at += text.length;
        continue outer;
      }
    }
    plain += code[at];
    at++;
  }
  flush();
  return lines;
}
