/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  compilerOptions: {
    // Svelte 5 runes everywhere ($state, $derived, $props): no legacy reactivity.
    runes: true,
  },
};
