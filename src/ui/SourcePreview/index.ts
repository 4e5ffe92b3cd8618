export { default as SourcePreview } from './SourcePreview.svelte';
