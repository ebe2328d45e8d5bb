import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { openBundleDialog, saveBundleDialog, saveReportDialog } from '../files/dialogs.js';
import { extensionOf } from '../files/file-name.js';
import { readFileCapped } from '../files/read-file.js';
import {
  INVOKE_CHANNELS,
  MAX_FILE_BYTES,
  OPENABLE_EXTENSIONS,
  type DesktopErrorCode,
  type DesktopFailure,
  type LoadResult,
  type OpenResult,
  type SaveResult,
} from './contract.js';
import { failure, toFailure } from './errors.js';
import { validateArguments } from './validate.js';

/** What the handlers need from Electron: the native dialogs (modal to the app's window). */
export interface DialogHost {
  /** The folder dialogs start in (the person's documents folder). */
  readonly defaultFolder: string;
  showOpenDialog(options: OpenDialogOptions): Promise<{ readonly canceled: boolean; readonly filePaths: readonly string[] }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ readonly canceled: boolean; readonly filePath: string }>;
}

export interface DesktopHandlers {
  openBundle(args: readonly unknown[]): Promise<OpenResult>;
  readDroppedFile(args: readonly unknown[]): Promise<LoadResult>;
  saveReport(args: readonly unknown[]): Promise<SaveResult>;
  saveBundle(args: readonly unknown[]): Promise<SaveResult>;
  /** Files the OS hands over (double-click, second launch) and File > Open's choice. */
  loadPath(path: string): Promise<LoadResult>;
}

const CANCELLED = { status: 'cancelled' } as const;

/**
 * The main process's side of every IPC call, free of Electron so it can be tested: arguments are
 * validated first (anything malformed is refused before a dialog opens or a file is touched), and
 * every outcome, failures included, is returned as data the page can show.
 */
export function createDesktopHandlers(host: DialogHost): DesktopHandlers {
  async function loadPath(path: string): Promise<LoadResult> {
    const name = basename(path);
    if (!(OPENABLE_EXTENSIONS as readonly string[]).includes(extensionOf(path))) {
      const kinds = OPENABLE_EXTENSIONS.join(' and ');
      return failure('DESKTOP_FILE_TYPE_UNSUPPORTED', `"${name}" is not a proof bundle: Clawproof opens ${kinds} files.`);
    }
    try {
      return { status: 'opened', file: { name, bytes: await readFileCapped(path, MAX_FILE_BYTES) } };
    } catch (error) {
      return toFailure(error, 'DESKTOP_READ_FAILED', `"${name}" could not be read.`);
    }
  }

  async function save(path: string, data: Uint8Array | string): Promise<SaveResult> {
    const name = basename(path);
    try {
      await writeFileAtomic(path, data);
      return { status: 'saved', name };
    } catch (error) {
      return toFailure(error, 'DESKTOP_WRITE_FAILED', `"${name}" could not be written${describeCode(error)}.`);
    }
  }

  return {
    openBundle: (args) =>
      guarded('DESKTOP_READ_FAILED', async () => {
        validateArguments(INVOKE_CHANNELS.openBundle, args);
        const choice = await host.showOpenDialog(openBundleDialog(host.defaultFolder));
        const path = choice.filePaths[0];
        return choice.canceled || path === undefined ? CANCELLED : loadPath(path);
      }),

    readDroppedFile: (args) =>
      guarded('DESKTOP_READ_FAILED', async () => {
        const [path] = validateArguments(INVOKE_CHANNELS.readDroppedFile, args);
        return loadPath(path);
      }),

    saveReport: (args) =>
      guarded('DESKTOP_WRITE_FAILED', async () => {
        const [report] = validateArguments(INVOKE_CHANNELS.saveReport, args);
        const choice = await host.showSaveDialog(saveReportDialog(host.defaultFolder, report.format, report.suggestedName));
        return choice.canceled || choice.filePath === '' ? CANCELLED : save(choice.filePath, report.content);
      }),

    saveBundle: (args) =>
      guarded('DESKTOP_WRITE_FAILED', async () => {
        const [bytes, suggestedName] = validateArguments(INVOKE_CHANNELS.saveBundle, args);
        const choice = await host.showSaveDialog(saveBundleDialog(host.defaultFolder, suggestedName));
        return choice.canceled || choice.filePath === '' ? CANCELLED : save(choice.filePath, bytes);
      }),

    loadPath,
  };
}

/**
 * Invalid arguments come back as their DESKTOP_ARGUMENT_INVALID failure; anything unexpected (a
 * dialog that could not open) as `fallback`, so the page always gets an answer it can show.
 */
async function guarded<T>(fallback: DesktopErrorCode, run: () => Promise<T>): Promise<T | DesktopFailure> {
  try {
    return await run();
  } catch (error) {
    return toFailure(error, fallback, 'The request could not be carried out.');
  }
}

function describeCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
}
