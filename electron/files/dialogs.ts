import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import { BUNDLE_EXTENSION, REPORT_EXTENSIONS, type ReportFormat } from '../ipc/contract.js';
import { withExtension } from './file-name.js';

const dot = (extension: string): string => extension.replace(/^\./u, '');

/** File > Open and openBundle(): one file, bundles first, plain JSON allowed. */
export function openBundleDialog(defaultFolder: string): OpenDialogOptions {
  return {
    title: 'Open a proof bundle',
    defaultPath: defaultFolder,
    properties: ['openFile', 'dontAddToRecent'],
    filters: [
      { name: 'Clawproof proof bundles', extensions: [dot(BUNDLE_EXTENSION)] },
      { name: 'JSON files', extensions: ['json'] },
    ],
  };
}

const REPORT_FILTER_NAMES: Readonly<Record<ReportFormat, string>> = { json: 'JSON report', html: 'HTML report' };

/** Save report: the page's suggested name, with the format's extension, in `defaultFolder`. */
export function saveReportDialog(defaultFolder: string, format: ReportFormat, suggestedName: string): SaveDialogOptions {
  const extension = REPORT_EXTENSIONS[format];
  return saveDialog('Save the verification report', join(defaultFolder, withExtension(suggestedName, extension)), {
    name: REPORT_FILTER_NAMES[format],
    extensions: [dot(extension)],
  });
}

/** Save bundle: always offered as `.clawproof`, the extension the OS associates with Clawproof. */
export function saveBundleDialog(defaultFolder: string, suggestedName: string): SaveDialogOptions {
  return saveDialog('Save the proof bundle', join(defaultFolder, withExtension(suggestedName, BUNDLE_EXTENSION)), {
    name: 'Clawproof proof bundle',
    extensions: [dot(BUNDLE_EXTENSION)],
  });
}

function saveDialog(title: string, defaultPath: string, filter: { name: string; extensions: string[] }): SaveDialogOptions {
  return {
    title,
    defaultPath,
    filters: [filter],
    // Linux dialogs do not ask before replacing a file unless told to; macOS and Windows always do.
    properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
  };
}
