export { default as Splitter } from './Splitter.svelte';
