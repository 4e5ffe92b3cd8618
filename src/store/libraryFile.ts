/**
 * The whole library as one JSON file (export/import). PDF bytes travel as base64 so the file is
 * self-contained; everything else is plain JSON.
 */
import { oneLine } from '../graph/index.ts';
import { designProblem, paperProblem } from './records.ts';
import type { DesignRecord, PaperRecord } from './types.ts';

export const LIBRARY_FORMAT = 'paper2net.library/1';

type PaperJson = Omit<PaperRecord, 'bytes'> & { bytes?: string };

export interface LibraryFile {
  format: typeof LIBRARY_FORMAT;
  exportedAt: string;
  papers: PaperJson[];
  designs: DesignRecord[];
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function libraryToJson(papers: PaperRecord[], designs: DesignRecord[], now = new Date()): string {
  const file: LibraryFile = {
    format: LIBRARY_FORMAT,
    exportedAt: now.toISOString(),
    papers: papers.map(({ bytes, ...rest }) => (bytes ? { ...rest, bytes: toBase64(bytes) } : rest)),
    designs,
  };
  return JSON.stringify(file);
}

/** Parses an exported library; throws naming the first thing that is wrong. */
export function libraryFromJson(text: string): { papers: PaperRecord[]; designs: DesignRecord[] } {
  let file: LibraryFile;
  try {
    file = JSON.parse(text) as LibraryFile;
  } catch (error) {
    throw new Error(`library file is not JSON: ${oneLine((error as Error).message)}`, { cause: error });
  }
  if (file?.format !== LIBRARY_FORMAT) throw new Error(`library file: expected format "${LIBRARY_FORMAT}", got ${JSON.stringify(file?.format)}`);
  if (!Array.isArray(file.papers) || !Array.isArray(file.designs)) throw new Error('library file: "papers" and "designs" must be lists');
  const paperIds = new Set<string>();
  const papers = file.papers.map((p, i) => {
    const problem =
      paperProblem(p as Partial<PaperRecord>) ??
      (p.bytes !== undefined && typeof p.bytes !== 'string' ? `paper "${p.id}": bytes must be base64 text` : undefined);
    if (problem) throw new Error(`library file: paper #${i + 1}: ${problem}`);
    paperIds.add(p.id);
    const { bytes, ...rest } = p;
    return bytes ? { ...rest, bytes: fromBase64(bytes) } : rest;
  });
  for (const [i, d] of file.designs.entries()) {
    const problem = designProblem(d);
    if (problem) throw new Error(`library file: design #${i + 1}: ${problem}`);
    if (!paperIds.has(d.paperId)) throw new Error(`library file: design #${i + 1} ("${d.id}") belongs to no paper in the file`);
  }
  return { papers, designs: file.designs };
}
