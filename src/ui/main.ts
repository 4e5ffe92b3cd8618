import { mount } from 'svelte';
import { App } from './App/index.ts';
import { CollectionView } from './CollectionView/index.ts';
import { registerServiceWorker } from './model/serviceWorker.ts';
import './styles.css';

// ?collection=URL opens a collection (docs/collection.md) instead of the library and editor.
const collection = new URLSearchParams(window.location.search).get('collection');
const target = document.getElementById('app')!;
if (collection) mount(CollectionView, { target, props: { location: collection } });
else mount(App, { target });
registerServiceWorker();
