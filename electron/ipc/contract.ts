/**
 * The contract between the desktop shell and the web app: the IPC channel names, the limits the
 * main process enforces, and the shape of `window.clawproofDesktop`. Types and constants only,
 * so the preload (which may not load local modules) and the UI can both import it type-only.
 */

/** Renderer -> main, answered with `ipcMain.handle`. Nothing else is handled. */
export const INVOKE_CHANNELS = {
  openBundle: 'clawproof:open-bundle',
  readDroppedFile: 'clawproof:read-dropped-file',
  saveReport: 'clawproof:save-report',
  saveBundle: 'clawproof:save-bundle',
  rendererReady: 'clawproof:renderer-ready',
} as const;

/** Main -> renderer, sent with `webContents.send`. */
export const PUSH_CHANNELS = {
  fileOpened: 'clawproof:file-opened',
  menuCommand: 'clawproof:menu-command',
} as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS];

/** The largest bundle, trust root or report the shell reads or writes: 256 MiB. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Extensions the shell opens: `.clawproof` bundles (registered with the OS) and plain `.json`. */
export const OPENABLE_EXTENSIONS = ['.clawproof', '.json'] as const;

/** The extension a saved bundle gets, and the one the packages register with the OS. */
export const BUNDLE_EXTENSION = '.clawproof';

export type ReportFormat = 'json' | 'html';

export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { json: '.json', html: '.html' };

/** Stable codes of the failures the shell reports (append only: the UI may match on them). */
export const DESKTOP_ERROR_CODES = [
  'DESKTOP_ARGUMENT_INVALID',
  'DESKTOP_FILE_NOT_ON_DISK',
  'DESKTOP_FILE_TYPE_UNSUPPORTED',
  'DESKTOP_NOT_A_FILE',
  'DESKTOP_FILE_TOO_LARGE',
  'DESKTOP_READ_FAILED',
  'DESKTOP_WRITE_FAILED',
] as const;

export type DesktopErrorCode = (typeof DESKTOP_ERROR_CODES)[number];

export interface DesktopFailure {
  readonly status: 'failed';
  readonly code: DesktopErrorCode;
  /** Says what went wrong and with which file, for showing to the person as it is. */
  readonly message: string;
}

export interface OpenedFile {
  /** The file's base name, for display; the full path never reaches the page. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A file that was read (or why not): a drop, a file the OS opened, File > Open. */
export type LoadResult = { readonly status: 'opened'; readonly file: OpenedFile } | DesktopFailure;

/** `openBundle()`: like LoadResult, or the person closed the dialog. */
export type OpenResult = LoadResult | { readonly status: 'cancelled' };

export type SaveResult =
  | { readonly status: 'saved'; /** Base name of the written file. */ readonly name: string }
  | { readonly status: 'cancelled' }
  | DesktopFailure;

export interface ReportToSave {
  readonly format: ReportFormat;
  /** The whole report: JSON text or a self-contained HTML document. At most MAX_FILE_BYTES as UTF-8. */
  readonly content: string;
  /** A plain file name (no folders) proposed in the save dialog; the format's extension is added if missing. */
  readonly suggestedName: string;
}

/** What the File menu asks the page to do; the page answers by calling saveReport or saveBundle. */
export type MenuCommand = 'save-report' | 'save-bundle';

export const MENU_COMMANDS: readonly MenuCommand[] = ['save-report', 'save-bundle'];

/** `window.clawproofDesktop`, present only in the desktop app. Every method is safe to call at any time. */
export interface ClawproofDesktopApi {
  /** Shows the open dialog for a bundle (or a JSON file) and reads the chosen file. */
  readonly openBundle: () => Promise<OpenResult>;
  /** Reads a file dropped on the page (a `File` from a drop event's `dataTransfer.files`). */
  readonly readDroppedFile: (file: File) => Promise<LoadResult>;
  /** Shows the save dialog and writes the report atomically. */
  readonly saveReport: (report: ReportToSave) => Promise<SaveResult>;
  /** Shows the save dialog and writes the bundle's exact bytes atomically. */
  readonly saveBundle: (bytes: Uint8Array, suggestedName: string) => Promise<SaveResult>;
  /**
   * Files opened from outside the page: the OS (double-click, "Open with", a second launch) and
   * File > Open. Files opened before the first subscription are held and delivered to it.
   * Returns a function that unsubscribes.
   */
  readonly onOpenFile: (callback: (result: LoadResult) => void) => () => void;
  /** File > Save report / Save bundle. Returns a function that unsubscribes. */
  readonly onMenuCommand: (callback: (command: MenuCommand) => void) => () => void;
}
