export { default as EditorEmpty } from './EditorEmpty.svelte';
