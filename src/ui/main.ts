import { mount } from 'svelte';
import { App } from './App/index.ts';
import { registerServiceWorker } from './model/serviceWorker.ts';
import './styles.css';

mount(App, { target: document.getElementById('app')! });
registerServiceWorker();
