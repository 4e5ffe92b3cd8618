/** Saves bytes or text as a file through the browser's download. */
export function download(fileName: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A file name stem made from a design name: letters, digits, dot, dash and underscore only, no runs of dots,
 * and none at either end (a name ending in "." would give "name..zip"; one starting with it, a hidden file).
 */
export function safeFileName(name: string, fallback = 'design'): string {
  const stem = name
    .replace(/[^\w.-]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .slice(0, 80)
    .replace(/^[_.-]+|[_.-]+$/g, '');
  return stem || fallback;
}
