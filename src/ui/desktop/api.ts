/**
 * The desktop app's bridge, as the page sees it. In the desktop app the preload puts
 * `window.clawproofDesktop` on the page; in a browser there is none and `getDesktopApi()` returns
 * null, so every caller has a browser path too (file inputs, downloads).
 *
 * The contract itself lives with the shell that enforces it (electron/ipc/contract.ts, documented
 * in electron/README.md); this file only re-exports its types, which the build erases.
 */
import type { ClawproofDesktopApi } from '../../../electron/ipc/contract.js';

export type {
  ClawproofDesktopApi,
  DesktopErrorCode,
  DesktopFailure,
  LoadResult,
  MenuCommand,
  OpenedFile,
  OpenResult,
  ReportFormat,
  ReportToSave,
  SaveResult,
} from '../../../electron/ipc/contract.js';

// A record, not a list, so adding a method to the API without adding it here fails type checking.
const METHODS: Readonly<Record<keyof ClawproofDesktopApi, true>> = {
  openBundle: true,
  readDroppedFile: true,
  saveReport: true,
  saveBundle: true,
  onOpenFile: true,
  onMenuCommand: true,
};

/** The desktop API when running in the desktop app, otherwise null. */
export function getDesktopApi(): ClawproofDesktopApi | null {
  const candidate: unknown = (globalThis as { clawproofDesktop?: unknown }).clawproofDesktop;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const methods = candidate as Record<string, unknown>;
  return Object.keys(METHODS).every((method) => typeof methods[method] === 'function') ? (candidate as ClawproofDesktopApi) : null;
}
