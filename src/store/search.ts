/** Title search: every word of the query must start a word of the title (case- and accent-insensitive). */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function matchesTitle(title: string, query: string): boolean {
  const wanted = words(query);
  if (wanted.length === 0) return true;
  const have = words(title);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}
