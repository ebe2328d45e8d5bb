/**
 * Preload of the app's window. Sandboxed preloads run as CommonJS and may load only Electron's
 * renderer modules, so this file imports nothing local at run time: the channel names are
 * repeated here and tied to electron/ipc/contract.ts by their types (a typo fails the build).
 *
 * It exposes `window.clawproofDesktop` and nothing else: six functions that each send one fixed
 * message. The page never sees ipcRenderer, an IPC event, a path it was not given, or Node.
 */
import electron = require('electron');
import type {
  ClawproofDesktopApi,
  DesktopFailure,
  INVOKE_CHANNELS,
  LoadResult,
  MenuCommand,
  PUSH_CHANNELS,
  ReportToSave,
} from './ipc/contract.js' with { 'resolution-mode': 'import' };

const { contextBridge, ipcRenderer, webUtils } = electron;

const INVOKE: typeof INVOKE_CHANNELS = {
  openBundle: 'clawproof:open-bundle',
  readDroppedFile: 'clawproof:read-dropped-file',
  saveReport: 'clawproof:save-report',
  saveBundle: 'clawproof:save-bundle',
  rendererReady: 'clawproof:renderer-ready',
};

const PUSH: typeof PUSH_CHANNELS = {
  fileOpened: 'clawproof:file-opened',
  menuCommand: 'clawproof:menu-command',
};

function notOnDisk(): DesktopFailure {
  return {
    status: 'failed',
    code: 'DESKTOP_FILE_NOT_ON_DISK',
    message: 'The dropped item is not a file on this computer (it may come from another app or a web page).',
  };
}

function requireFunction(callback: unknown): asserts callback is (...args: never[]) => void {
  if (typeof callback !== 'function') throw new TypeError('The callback must be a function.');
}

/** Subscribes `callback` to a push channel, passing the payload only (never the IPC event). */
function subscribe<T>(channel: string, callback: (payload: T) => void): () => void {
  const listener = (_event: unknown, payload: T): void => callback(payload);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const api: ClawproofDesktopApi = {
  openBundle: () => ipcRenderer.invoke(INVOKE.openBundle),

  readDroppedFile: async (file: File): Promise<LoadResult> => {
    let path: string;
    try {
      // Only a File the person dropped or picked has a path; one built by script has ''.
      path = webUtils.getPathForFile(file);
    } catch {
      return notOnDisk();
    }
    return path === '' ? notOnDisk() : ipcRenderer.invoke(INVOKE.readDroppedFile, path);
  },

  // Copies the three known fields: whatever else the page put on the object stays in the page.
  // Anything that is not an object goes as it is, for the main process to refuse.
  saveReport: (report: ReportToSave) =>
    ipcRenderer.invoke(
      INVOKE.saveReport,
      typeof report === 'object' && report !== null
        ? { format: report.format, content: report.content, suggestedName: report.suggestedName }
        : report,
    ),

  saveBundle: (bytes: Uint8Array, suggestedName: string) => ipcRenderer.invoke(INVOKE.saveBundle, bytes, suggestedName),

  onOpenFile: (callback: (result: LoadResult) => void) => {
    requireFunction(callback);
    const unsubscribe = subscribe(PUSH.fileOpened, callback);
    // Tells the main process someone listens, so files opened before now are delivered.
    void ipcRenderer.invoke(INVOKE.rendererReady);
    return unsubscribe;
  },

  onMenuCommand: (callback: (command: MenuCommand) => void) => {
    requireFunction(callback);
    return subscribe(PUSH.menuCommand, callback);
  },
};

contextBridge.exposeInMainWorld('clawproofDesktop', Object.freeze(api));
