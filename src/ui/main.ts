import { mount } from 'svelte';
import { loadCollection, SHARED_DESIGN_PREFIX } from '../collection/index.ts';
import { registerServiceWorker } from './model/serviceWorker.ts';
import './styles.css';

// ?collection=URL opens a collection (docs/collection.md) instead of the library and editor. Each loads only
// its own code, and the collection's index is fetched while the view's code loads. #design=… is a shared design
// (src/collection/sharedDesign.ts), opened into the editor.
const collection = new URLSearchParams(window.location.search).get('collection');
const target = document.getElementById('app')!;
const shared = window.location.hash.startsWith(SHARED_DESIGN_PREFIX) ? window.location.hash : undefined;
if (collection) {
  const loading = loadCollection(collection, window.location.href);
  const { CollectionView } = await import('./CollectionView/index.ts');
  mount(CollectionView, { target, props: { location: collection, loading } });
} else {
  const { App } = await import('./App/index.ts');
  mount(App, { target, props: shared ? { sharedLink: shared } : {} });
}
// A design link pasted into a tab already open changes only the fragment: the page starts again to open it.
window.addEventListener('hashchange', () => window.location.hash.startsWith(SHARED_DESIGN_PREFIX) && window.location.reload());
registerServiceWorker(shared !== undefined);
