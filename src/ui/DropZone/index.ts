export { default as DropZone } from './DropZone.svelte';
