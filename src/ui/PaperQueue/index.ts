export { default as PaperQueue } from './PaperQueue.svelte';
