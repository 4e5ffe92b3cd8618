import { mount } from 'svelte';
import { loadCollection } from '../collection/index.ts';
import { registerServiceWorker } from './model/serviceWorker.ts';
import './styles.css';

// ?collection=URL opens a collection (docs/collection.md) instead of the library and editor. Each loads only
// its own code, and the collection's index is fetched while the view's code loads.
const collection = new URLSearchParams(window.location.search).get('collection');
const target = document.getElementById('app')!;
if (collection) {
  const loading = loadCollection(collection, window.location.href);
  const { CollectionView } = await import('./CollectionView/index.ts');
  mount(CollectionView, { target, props: { location: collection, loading } });
} else {
  const { App } = await import('./App/index.ts');
  mount(App, { target });
}
registerServiceWorker();
