export { default as CollectionView } from './CollectionView.svelte';
