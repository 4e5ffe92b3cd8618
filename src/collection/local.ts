/**
 * A collection opened from files the person picked — a folder or a ZIP of it — rather than from a server. The UI
 * only gathers the files (relative path → a function reading its bytes); this finds index.json among them, checks
 * it, and reads the papers' files (and their PDFs, when the folder holds them) on demand. Pure: runs in Node tests.
 */
import { checkIndex, type PaperEntry } from './format.ts';
import { parseJson, type LoadedCollection } from './browse.ts';

/** Picked files by their path relative to what was picked ('index.json', 'papers/<id>.json', 'pdf/vgg.pdf'). */
export type PickedFiles = ReadonlyMap<string, () => Promise<Uint8Array>>;

const parts = (path: string): string[] => path.split('/').filter((part) => part && part !== '.');
const baseName = (path: string): string => parts(path).at(-1) ?? '';

/** `path` taken from the folder `root` (both relative to what was picked); '..' goes up, never above it. */
function resolve(root: string[], path: string): string {
  const at = [...root];
  for (const part of parts(path)) {
    if (part === '..') at.pop();
    else at.push(part);
  }
  return at.join('/');
}

/** The shallowest file named `name` (fewest folders, then by path): a folder may hold several. */
function shallowest(files: PickedFiles, name: string): string | undefined {
  const found = [...files.keys()].filter((path) => baseName(path) === name);
  return found.sort((a, b) => parts(a).length - parts(b).length || (a < b ? -1 : 1))[0];
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The collection in `files`: its index.json is the shallowest one. `source` names what was picked (the folder's
 * or the ZIP's name) in messages: "my-collection/index.json: not valid JSON (…)".
 */
export async function loadLocalCollection(files: PickedFiles, source: string): Promise<LoadedCollection> {
  const indexPath = shallowest(files, 'index.json');
  if (!indexPath) throw new Error(`${source}: no index.json in it (a collection holds index.json and papers/<id>.json, as paper2net batch writes them)`);
  const named = (path: string) => `${source}/${path}`;
  const index = checkIndex(parseJson(await files.get(indexPath)!(), named(indexPath)), named(indexPath));
  const root = parts(indexPath).slice(0, -1);
  const read = async (path: string): Promise<Uint8Array> => {
    const file = files.get(resolve(root, path));
    if (!file) throw new Error(`${named(resolve(root, path))}: not among the picked files`);
    return file();
  };
  // index.json names each PDF by its file name only (no folders): any file of that name is a candidate, and
  // its hash decides, so a different paper that happens to share the name is refused rather than shown.
  const pdf = (entry: PaperEntry) => {
    const path = shallowest(files, entry.file);
    if (!path || !entry.file.toLowerCase().endsWith('.pdf')) return undefined;
    return async () => {
      const bytes = await files.get(path)!();
      if ((await sha256Hex(bytes)) !== entry.sha256) throw new Error(`${named(path)} is not the PDF this collection read (its SHA-256 differs)`);
      return bytes;
    };
  };
  return { index, where: source, read, pdf };
}

/** The files of a ZIP by their paths in it (folders left out); an Error naming `source` when it is not a ZIP. */
export async function filesFromZip(bytes: Uint8Array, source: string): Promise<PickedFiles> {
  // Loaded on first use: the app's first page does not need the ZIP reader.
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new Error(`${source}: not a ZIP file (${(error as Error).message})`, { cause: error });
  }
  const files = new Map<string, () => Promise<Uint8Array>>();
  zip.forEach((path, entry) => {
    if (!entry.dir) files.set(parts(path).join('/'), () => entry.async('uint8array'));
  });
  return files;
}
