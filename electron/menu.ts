import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openBundle(): void;
  saveReport(): void;
  saveBundle(): void;
  showAbout(): void;
}

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  /** Development builds only: reload and DevTools. */
  readonly devTools: boolean;
  readonly actions: MenuActions;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu. Nothing in it leads outside the app: no links to websites, no "Learn
 * more", no update check; Help has only About. Reload and DevTools exist in development only.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, appName, devTools } = options;
  const mac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.showAbout() };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Bundle…', accelerator: 'CmdOrCtrl+O', click: () => actions.openBundle() },
      separator,
      { label: 'Save Report…', accelerator: 'CmdOrCtrl+S', click: () => actions.saveReport() },
      { label: 'Save Bundle…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveBundle() },
      separator,
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(devTools ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] as const) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemConstructorOptions = { label: '&Help', role: 'help', submenu: [about] };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, windowMenu, help];
}

/** The About box's text: what the app is and which engine runs it, and nothing to click. */
export function aboutDetail(version: string, versions: { readonly electron?: string; readonly chrome?: string }): string {
  return [
    `Version ${version}`,
    'Verifies proof bundles of permissioned agent runs, entirely on this computer: the app makes no network requests.',
    `Electron ${versions.electron ?? 'unknown'}, Chromium ${versions.chrome ?? 'unknown'}.`,
  ].join('\n');
}
