export { default as ParamField } from './ParamField.svelte';
