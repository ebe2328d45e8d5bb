/**
 * Files the desktop shell opens from outside the page (double-click in the OS, File > Open) and
 * its File menu commands. The shell holds early files until the first subscription, so the
 * app subscribes once at start and routes them to the Verify view.
 */
import type { MenuCommand } from '../desktop/api.js';
import { hashFor } from '../views.js';
import { desktop, fromLoadResult, type FileOutcome } from './files.js';

/** A file the shell opened that the Verify view has not taken yet. */
export const incoming = $state<{ file: Exclude<FileOutcome, null> | null }>({ file: null });

type MenuHandler = (command: MenuCommand) => void;
let menuHandler: MenuHandler | null = null;

/** The Verify view answers File > Save report / Save bundle while it is mounted. */
export function onMenuCommand(handler: MenuHandler): () => void {
  menuHandler = handler;
  return () => {
    if (menuHandler === handler) menuHandler = null;
  };
}

/** Subscribes to the shell's pushes; a no-op in a browser. Returns the unsubscribe function. */
export function listenToDesktop(): () => void {
  const shell = desktop();
  if (shell === undefined) return () => undefined;
  const stopFiles = shell.onOpenFile((result) => {
    const file = fromLoadResult(result);
    if (file === null) return;
    incoming.file = file;
    if (!window.location.hash.startsWith(hashFor('verify'))) window.location.hash = hashFor('verify');
  });
  const stopMenu = shell.onMenuCommand((command) => menuHandler?.(command));
  return () => {
    stopFiles();
    stopMenu();
  };
}
