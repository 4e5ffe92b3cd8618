export { default as PlacePanel } from './PlacePanel.svelte';
