// Replaced at build time by vite.config.ts (`define`) with the version in package.json.
declare const __CLAWPROOF_VERSION__: string;

export const APP_VERSION: string = __CLAWPROOF_VERSION__;
