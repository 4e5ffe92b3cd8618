export { default as DesignList } from './DesignList.svelte';
