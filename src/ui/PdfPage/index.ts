export { default as PdfPage } from './PdfPage.svelte';
export type { PageBox } from './pageBox.ts';
