export { default as PdfPage } from './PdfPage.svelte';
