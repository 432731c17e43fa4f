// Defines <fc-relink> before Svelte renders it: Svelte 5 sets a property on a custom element only
// when the element has it, so an element defined later would get `fetchClientSecret` and
// `existingAccountIds` as attributes.
import '@fc-relink/element';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
