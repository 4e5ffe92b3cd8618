/**
 * Opening a shared design link (`#design=…`, src/collection/sharedDesign.ts): the graph is checked, then opened
 * like a graph file dropped on the app — into the library and the editor. A bad link is said in the error banner
 * (as text), and the fragment is cleared either way so a reload does not open it twice.
 */
import { designFromFragment } from '../../collection/index.ts';
import type { AppState } from './app.svelte.ts';

export async function openSharedLink(app: AppState, fragment: string): Promise<void> {
  history.replaceState(null, '', window.location.pathname + window.location.search);
  try {
    const graph = await designFromFragment(fragment);
    await app.openGraph(graph);
  } catch (error) {
    app.error = `This design link cannot be opened: ${(error as Error).message}`;
  }
}
