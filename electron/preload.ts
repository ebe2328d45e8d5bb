/**
 * Preload for the sandboxed renderer. Sandboxed preloads run as CommonJS with only a small set of
 * Electron modules, so the desktop build bundles this file to dist/electron/preload.cjs.
 *
 * It exposes one frozen, data-only object: nothing that reaches Node, the file system or IPC.
 * File dialogs and the like arrive later as narrow, validated IPC calls.
 */
import { contextBridge } from 'electron';

export interface ClawproofDesktopInfo {
  readonly desktop: true;
  readonly platform: string;
  readonly versions: { readonly electron: string; readonly chrome: string };
}

const info: ClawproofDesktopInfo = Object.freeze({
  desktop: true,
  platform: process.platform,
  versions: Object.freeze({
    electron: process.versions['electron'] ?? 'unknown',
    chrome: process.versions['chrome'] ?? 'unknown',
  }),
});

contextBridge.exposeInMainWorld('clawproofDesktop', info);
