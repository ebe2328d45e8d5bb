import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The dev server injects component CSS through inline <style> elements (hot reload), which the
 * production policy in index.html forbids. Relax style-src for `vite` only; the build keeps the
 * strict policy byte for byte.
 */
function devStylePolicy(): Plugin {
  return {
    name: 'clawproof:dev-style-policy',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    },
  };
}

export default defineConfig({
  root: rootDir,
  // Relative asset URLs, so the same build loads over http:// (CLI) and file:// (Electron).
  base: './',
  // No public/ folder: every asset is imported, hashed and served from 'self'.
  publicDir: false,
  plugins: [svelte(), devStylePolicy()],
  define: {
    __CLAWPROOF_VERSION__: JSON.stringify(packageJson.version),
  },
  server: {
    host: '127.0.0.1',
  },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    // Never turn assets into data: URLs: the CSP allows images only from 'self'.
    assetsInlineLimit: 0,
    // Every browser the app targets supports modulepreload; the polyfill would be dead code.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
