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
  'and as assert break class continue def del elif else except False finally for from global if import in is lambda None nonlocal not or pass raise return self super True try while with yield'.split(
    ' ',
  ),
);

/** One regex per language; each alternative is a named group whose name is the token class ("word" = maybe a keyword). */
const PATTERNS: Record<Language, RegExp> = {
  python:
    /(?<com>#[^\n]*)|(?<str>"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|(?<fn>[A-Za-z_]\w*(?=\())|(?<word>[A-Za-z_]\w*)|(?<num>\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)/g,
  prototxt: /(?<com>#[^\n]*)|(?<str>"(?:\\.|[^"\\\n])*")|(?<key>[A-Za-z_]\w*(?=\s*[:{]))|(?<kw>\b[A-Z][A-Z_]+\b)|(?<num>-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)/g,
  json: /(?<key>"(?:\\.|[^"\\\n])*"(?=\s*:))|(?<str>"(?:\\.|[^"\\\n])*")|(?<kw>\b(?:true|false|null)\b)|(?<num>-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)/g,
};

/** Splits code into lines of tokens; concatenating every token's text gives back each line exactly. */
export function tokenize(code: string, language: Language): Token[][] {
  const lines: Token[][] = [[]];
  const push = (text: string, cls: TokenClass): void => {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      if (nl > start) lines[lines.length - 1]!.push({ text: text.slice(start, nl), cls });
      lines.push([]);
      start = nl + 1;
    }
    if (start < text.length) lines[lines.length - 1]!.push({ text: text.slice(start), cls });
  };
  let at = 0;
  for (const match of code.matchAll(PATTERNS[language])) {
    if (match.index > at) push(code.slice(at, match.index), 'txt');
    const groups = match.groups!;
    const name = Object.keys(groups).find((g) => groups[g] !== undefined)!;
    const cls = name === 'word' ? (PY_KEYWORDS.has(match[0]) ? 'kw' : 'txt') : (name as TokenClass);
    push(match[0], cls);
    at = match.index + match[0].length;
  }
  if (at < code.length) push(code.slice(at), 'txt');
  return lines;
}
