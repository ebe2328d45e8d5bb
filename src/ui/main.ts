import { mount } from 'svelte';
import App from './App.svelte';
import { ready } from './lib/app-store.js';
import './styles/global.css';

const target = document.getElementById('app');
if (target === null) {
  throw new Error('Clawproof cannot start: index.html has no element with id "app".');
}

// Start opening the Library at once; views wait for it and show its errors themselves.
void ready().catch(() => undefined);

export default mount(App, { target });
