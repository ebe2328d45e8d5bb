import { fileURLToPath } from 'node:url';

// This file is compiled to dist/electron/electron/, and the web app is built to dist/app (inside
// app.asar once packaged, where these relative URLs hold as well).

/** The built web app that app://clawproof/ serves. */
export const APP_ROOT = fileURLToPath(new URL('../../app/', import.meta.url));

/** The compiled preload, next to the compiled main process. */
export const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
