export { default as CodePanel } from './CodePanel.svelte';
