/** Title search: every word of the query must start a word of the title (case- and accent-insensitive). */

/** The words a text is searched by: lower case, accents and punctuation dropped. */
export function searchWords(text: string): string[] {
  // Accents are split off and dropped only where there can be any: most titles are plain ASCII.
  const plain = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return plain
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Every wanted word starts one of the words a text has (both from searchWords). */
export const wordsMatch = (have: readonly string[], wanted: readonly string[]): boolean => wanted.every((w) => have.some((h) => h.startsWith(w)));

export function matchesTitle(title: string, query: string): boolean {
  const wanted = searchWords(query);
  return wanted.length === 0 || wordsMatch(searchWords(title), wanted);
}
