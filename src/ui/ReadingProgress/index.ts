export { default as ReadingProgress } from './ReadingProgress.svelte';
