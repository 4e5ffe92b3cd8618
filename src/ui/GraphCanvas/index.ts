export { default as GraphCanvas } from './GraphCanvas.svelte';
