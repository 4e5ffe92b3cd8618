export { default as QuestionList } from './QuestionList.svelte';
