export { default as LayerNode } from './LayerNode.svelte';
