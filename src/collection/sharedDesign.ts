/**
 * A design shared as a link that carries the graph itself: `#design=` and the graph's JSON, deflated and in
 * base64url, in the URL fragment (never sent to a server). Opening checks the graph as any graph file is
 * checked (structure, then the graph validator); a damaged or hand-made link is refused with one line saying
 * why. Pure (web streams and base64 exist in Node and in browsers): the app and the tests use it alike.
 */
import { checkGraphStructure, oneLine, validateGraph, type Graph } from '../graph/index.ts';

export const SHARED_DESIGN_PREFIX = '#design=';
/** A link's graph may inflate to this much JSON; past it the link is refused (a deflate bomb). */
const MAX_GRAPH_BYTES = 16 * 2 ** 20;

export class SharedLinkError extends Error {
  override name = 'SharedLinkError';
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > MAX_GRAPH_BYTES) {
      await reader.cancel();
      throw new SharedLinkError(`the design in this link is over ${MAX_GRAPH_BYTES / 2 ** 20} MB`);
    }
    chunks.push(read.value);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) whole.set(chunk, (at += chunk.length) - chunk.length);
  return whole;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SharedLinkError('the link has characters a design link never has (was it cut or changed?)');
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

/** The fragment (`#design=…`) that carries `graph`. */
export async function sharedDesignFragment(graph: Graph): Promise<string> {
  return SHARED_DESIGN_PREFIX + toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(graph))));
}

/** The graph a `#design=…` fragment carries; SharedLinkError (one line) when it is damaged or not a valid graph. */
export async function designFromFragment(fragment: string): Promise<Graph> {
  if (!fragment.startsWith(SHARED_DESIGN_PREFIX)) throw new SharedLinkError(`not a design link (it should contain ${SHARED_DESIGN_PREFIX})`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await inflate(fromBase64Url(fragment.slice(SHARED_DESIGN_PREFIX.length))));
  } catch (error) {
    if (error instanceof SharedLinkError) throw error;
    throw new SharedLinkError('the link is damaged: its design cannot be unpacked (was it cut short?)');
  }
  let graph: Graph;
  try {
    graph = checkGraphStructure(JSON.parse(text));
  } catch (error) {
    throw new SharedLinkError(`the link does not hold a design: ${oneLine((error as Error).message)}`);
  }
  let errors;
  try {
    errors = validateGraph(graph).filter((issue) => issue.severity === 'error');
  } catch (error) {
    throw new SharedLinkError(`the design in the link is not valid: ${oneLine((error as Error).message)}`);
  }
  if (errors.length) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new SharedLinkError(`the design in the link is not valid: ${oneLine(errors[0]!.message)}${more}`);
  }
  return graph;
}
