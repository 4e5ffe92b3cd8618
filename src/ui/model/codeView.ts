/**
 * Renders highlighted code into a <pre>, touching only the lines that changed: an edit to one layer
 * changes two or three lines of a 600-line file, so regenerating code stays within a frame. Every token
 * becomes a text node in a span (textContent), never HTML.
 */
import { tokenize, type Language, type Token } from './highlight.ts';

/** Whether a Python line starts inside a triple-quoted string, and which quote closes it. */
type LineState = '' | '"""' | "'''";

function stateAfter(line: string, state: LineState, language: Language): LineState {
  if (language !== 'python') return '';
  let current = state;
  let at = 0;
  for (;;) {
    if (current) {
      const end = line.indexOf(current, at);
      if (end === -1) return current;
      at = end + 3;
      current = '';
    } else {
      const hash = line.indexOf('#', at);
      const d = line.indexOf('"""', at);
      const s = line.indexOf("'''", at);
      const open = [d, s].filter((i) => i !== -1 && (hash === -1 || i < hash)).sort((a, b) => a - b)[0];
      if (open === undefined) return '';
      current = line.startsWith('"""', open) ? '"""' : "'''";
      at = open + 3;
    }
  }
}

function lineTokens(line: string, state: LineState, language: Language): Token[] {
  if (!state) return tokenize(line, language)[0] ?? [];
  const end = line.indexOf(state);
  if (end === -1) return line ? [{ text: line, cls: 'str' }] : [];
  const rest = line.slice(end + 3);
  return [{ text: line.slice(0, end + 3), cls: 'str' }, ...(rest ? (tokenize(rest, language)[0] ?? []) : [])];
}

function lineElement(tokens: Token[]): HTMLElement {
  const el = document.createElement('span');
  el.className = 'line';
  for (const token of tokens) {
    if (token.cls === 'txt') {
      el.append(token.text);
    } else {
      const span = document.createElement('span');
      span.className = token.cls;
      span.textContent = token.text;
      el.append(span);
    }
  }
  el.append('\n');
  return el;
}

export interface CodeViewParams {
  code: string;
  language: Language;
}

/** Svelte action for a <code> element. */
export function codeLines(node: HTMLElement, params: CodeViewParams): { update(params: CodeViewParams): void } {
  let rendered: Array<{ text: string; state: LineState; el: HTMLElement }> = [];
  let language: Language | undefined;

  const render = ({ code, language: lang }: CodeViewParams): void => {
    if (lang !== language) {
      node.replaceChildren();
      rendered = [];
      language = lang;
    }
    const lines = code ? code.split('\n') : [];
    if (lines.at(-1) === '') lines.pop();
    const next: typeof rendered = [];
    let state: LineState = '';
    lines.forEach((text, i) => {
      const old = rendered[i];
      if (old && old.text === text && old.state === state) {
        next.push(old);
      } else {
        const el = lineElement(lineTokens(text, state, lang));
        if (old) old.el.replaceWith(el);
        else node.append(el);
        next.push({ text, state, el });
      }
      state = stateAfter(text, state, lang);
    });
    for (const extra of rendered.slice(lines.length)) extra.el.remove();
    rendered = next;
  };

  render(params);
  return { update: render };
}
