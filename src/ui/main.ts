import { mount } from 'svelte';
import App from './App.svelte';
import './styles/global.css';

const target = document.getElementById('app');
if (target === null) {
  throw new Error('Clawproof cannot start: index.html has no element with id "app".');
}

export default mount(App, { target });
