/**
 * Getting files in and out: the browser's file input, drag and drop and downloads, or the desktop
 * shell's native dialogs when the app runs in Electron (window.clawproofDesktop).
 */
import { getDesktopApi, type ClawproofDesktopApi, type LoadResult, type ReportFormat, type SaveResult } from '../desktop/api.js';

/** The largest file the page reads: bundles of 10,000 receipts are tens of MB; anything far bigger is not a bundle. */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024;

export interface LoadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type FileOutcome = { readonly ok: true; readonly file: LoadedFile } | { readonly ok: false; readonly message: string } | null;

/** The desktop shell's API, or undefined in a browser. */
export function desktop(): ClawproofDesktopApi | undefined {
  return getDesktopApi() ?? undefined;
}

export function fromLoadResult(result: LoadResult | { readonly status: 'cancelled' }): FileOutcome {
  if (result.status === 'cancelled') return null;
  if (result.status === 'failed') return { ok: false, message: result.message };
  return { ok: true, file: { name: result.file.name, bytes: result.file.bytes } };
}

/** A bundle chosen for verifying: the browser's File itself (the verifier's worker reads it), or bytes the desktop shell read. */
export interface ChosenBundle {
  readonly name: string;
  readonly bytes: Uint8Array | Blob;
}

export type BundleOutcome = { readonly ok: true; readonly file: ChosenBundle } | { readonly ok: false; readonly message: string } | null;

/**
 * A bundle file dropped or chosen in the browser, not read here: reading and hashing a large file
 * on the page's thread is a long task (a File cannot change, so it is passed on and stored as is).
 */
export async function chooseBrowserBundle(file: File): Promise<BundleOutcome> {
  const shell = desktop();
  if (shell !== undefined) return fromLoadResult(await shell.readDroppedFile(file));
  const tooLarge = sizeProblem(file);
  return tooLarge === null ? { ok: true, file: { name: file.name, bytes: file } } : { ok: false, message: tooLarge };
}

function sizeProblem(file: File): string | null {
  return file.size > MAX_OPEN_BYTES ? `${file.name} is ${Math.round(file.size / 1e6)} MB; the largest file Clawproof opens is 256 MB.` : null;
}

export async function readBrowserFile(file: File): Promise<FileOutcome> {
  const shell = desktop();
  if (shell !== undefined) return fromLoadResult(await shell.readDroppedFile(file));
  const tooLarge = sizeProblem(file);
  if (tooLarge !== null) return { ok: false, message: tooLarge };
  try {
    return { ok: true, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
  } catch {
    return { ok: false, message: `${file.name} could not be read. It may have been moved or be unreadable.` };
  }
}

/** Offers `content` as a file: the desktop save dialog, else a browser download. */
export async function saveText(content: string, suggestedName: string, format: ReportFormat): Promise<SaveResult> {
  const shell = desktop();
  if (shell !== undefined) return shell.saveReport({ format, content, suggestedName });
  const type = format === 'json' ? 'application/json' : 'text/html';
  download(new Blob([content], { type: `${type};charset=utf-8` }), suggestedName);
  return { status: 'saved', name: suggestedName };
}

export async function saveBytes(bytes: Uint8Array, suggestedName: string, type = 'application/octet-stream'): Promise<SaveResult> {
  const shell = desktop();
  if (shell !== undefined) return shell.saveBundle(bytes, suggestedName);
  download(new Blob([bytes.slice().buffer], { type }), suggestedName);
  return { status: 'saved', name: suggestedName };
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; release the blob soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
