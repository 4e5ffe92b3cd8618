/**
 * Gathering what the person picked or dropped: a picked folder's files by their paths in it (for a collection), and
 * the files of a drop, walking into dropped folders.
 */
import type { PickedFiles } from '../../collection/index.ts';

const bytesOf = (file: File) => async (): Promise<Uint8Array> => new Uint8Array(await file.arrayBuffer());

/** The files of an `<input webkitdirectory>` by their paths inside the picked folder, and that folder's name. */
export function folderFiles(list: Iterable<File>): { source: string; files: PickedFiles } {
  const files = new Map<string, () => Promise<Uint8Array>>();
  let source = '';
  for (const file of list) {
    // webkitRelativePath is "<picked folder>/<path in it>".
    const [top = '', ...rest] = (file.webkitRelativePath || file.name).split('/');
    source ||= top;
    files.set(rest.length ? rest.join('/') : top, bytesOf(file));
  }
  return { source: source || 'the picked folder', files };
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries gives a directory's entries a batch at a time (100 in Chromium), an empty batch at the end.
  return new Promise((resolve, reject) => {
    const entries: FileSystemEntry[] = [];
    const next = (): void => reader.readEntries((batch) => (batch.length ? (entries.push(...batch), next()) : resolve(entries)), reject);
    next();
  });
}

async function filesUnder(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) return [await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))];
  if (!entry.isDirectory) return [];
  const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
  return (await Promise.all(children.map(filesUnder))).flat();
}

/**
 * The files of a drop, those in dropped folders included (`fromFolder`). The drop's items are only readable while
 * its event is handled, so their entries are taken at once and walked afterwards.
 */
export function droppedFiles(transfer: DataTransfer): Promise<{ files: File[]; fromFolder: boolean }> {
  const entries = [...transfer.items].filter((item) => item.kind === 'file').map((item) => item.webkitGetAsEntry());
  const files = [...transfer.files];
  if (!entries.some((entry) => entry?.isDirectory)) return Promise.resolve({ files, fromFolder: false });
  return Promise.all(entries.map((entry) => (entry ? filesUnder(entry) : Promise.resolve([])))).then((lists) => ({ files: lists.flat(), fromFolder: true }));
}
