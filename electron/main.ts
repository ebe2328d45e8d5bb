/**
 * Electron main process: wiring only. Each decision lives in a plain module with its own tests
 * (app-origin, security/*, protocol/*, ipc/*, files/*, launch/*, menu); this file connects them
 * to Electron's events.
 *
 * The window shows the built app (dist/app) from app://clawproof/, sandboxed, context-isolated,
 * without Node. It cannot navigate away, open windows, attach webviews, download, or get any
 * permission, and every request that is not for the app's own origin is cancelled: the app works
 * offline because it cannot do anything else.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
} from 'electron';
import { packageInfo } from '../src/cli/package-info.js';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin.js';
import { openBundleDialog } from './files/dialogs.js';
import { INVOKE_CHANNELS, PUSH_CHANNELS, type InvokeChannel, type MenuCommand } from './ipc/contract.js';
import { createDesktopHandlers, type DialogHost } from './ipc/handlers.js';
import { openablePathsFromArgv, openablePathsFromSecondInstance, type SecondInstanceData } from './launch/argv.js';
import { PendingOpens } from './launch/pending-opens.js';
import { aboutDetail, buildMenuTemplate } from './menu.js';
import { APP_ROOT, PRELOAD } from './paths.js';
import { createAppFileResponder } from './protocol/app-files.js';
import { isAllowedNavigation, isTrustedSender } from './security/navigation.js';
import { isRequestAllowed } from './security/request-filter.js';

const APP_NAME = 'Clawproof';
// Reload and DevTools when run from the source tree (`npm run desktop`), never in packages.
const DEVELOPMENT = !app.isPackaged;

// All three must happen before `ready`.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
app.enableSandbox();
app.setName(APP_NAME);

let mainWindow: BrowserWindow | undefined;

const dialogs: DialogHost = {
  get defaultFolder() {
    return app.getPath('documents');
  },
  showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
  showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
};
const handlers = createDesktopHandlers(dialogs);

const pendingOpens = new PendingOpens((path) => {
  void handlers.loadPath(path).then((result) => mainWindow?.webContents.send(PUSH_CHANNELS.fileOpened, result));
});

const launchPaths = openablePathsFromArgv(process.argv, process.cwd());
const secondInstanceData: SecondInstanceData = { openPaths: launchPaths };

if (!app.requestSingleInstanceLock({ ...secondInstanceData })) {
  // Another Clawproof is running: it receives our files through `second-instance`.
  app.quit();
} else {
  start();
}

function start(): void {
  for (const path of launchPaths) pendingOpens.add(path);

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    for (const path of openablePathsFromSecondInstance(argv, workingDirectory, additionalData)) pendingOpens.add(path);
    showMainWindow();
  });

  // macOS: a bundle double-clicked in Finder or dropped on the Dock icon, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    pendingOpens.add(path);
    if (app.isReady()) showMainWindow();
  });

  // Every WebContents, not only the main window's: DevTools and anything unforeseen get the same rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession);
      protocol.handle(APP_SCHEME, await createAppFileResponder(APP_ROOT));
      registerIpcHandlers();
      Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(menuOptions())));
      showMainWindow();
      app.on('activate', () => showMainWindow());
    })
    .catch((error: unknown) => {
      // In practice: run from source without `npm run build:app` first.
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(`${APP_NAME} could not start`, `The app's files could not be loaded from ${APP_ROOT}: ${reason}`);
      app.exit(1);
    });
}

function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, { allowDevtools: DEVELOPMENT }) });
  });
  // Reports and bundles are saved through the save dialog only.
  ses.on('will-download', (event) => event.preventDefault());
  // The spell checker would download dictionaries.
  ses.setSpellCheckerEnabled(false);
}

function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    title: APP_NAME,
    show: false,
    webPreferences: {
      // Reviewed: the preload runs sandboxed and exposes six functions sending fixed messages whose
      // arguments the main process validates (electron/preload.cts, electron/README.md).
      preload: PRELOAD, // eng-disable PRELOAD_JS_CHECK -- reviewed, see the comment above
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would ask for a new window; refused anyway, this avoids even asking.
      disableBlinkFeatures: 'Auxclick',
      // A file dropped outside the page's drop zone must not replace the app with file://.
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: DEVELOPMENT,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Files the OS opens while the page (re)loads wait until it subscribes again.
  window.webContents.on('did-start-navigation', (event) => {
    if (event.isMainFrame && !event.isSameDocument) pendingOpens.markNotReady();
  });
  window.webContents.on('render-process-gone', () => pendingOpens.markNotReady());
  window.on('closed', () => {
    pendingOpens.markNotReady();
    if (mainWindow === window) mainWindow = undefined;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function showMainWindow(): void {
  if (!app.isReady()) return;
  if (mainWindow === undefined) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function registerIpcHandlers(): void {
  const handle = (channel: InvokeChannel, run: (args: readonly unknown[]) => Promise<unknown>): void => {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(senderInfo(event))) throw new Error(`Refused ${channel}: the message did not come from the app.`);
      return run(args);
    });
  };
  handle(INVOKE_CHANNELS.openBundle, handlers.openBundle);
  handle(INVOKE_CHANNELS.readDroppedFile, handlers.readDroppedFile);
  handle(INVOKE_CHANNELS.saveReport, handlers.saveReport);
  handle(INVOKE_CHANNELS.saveBundle, handlers.saveBundle);
  handle(INVOKE_CHANNELS.rendererReady, async () => {
    pendingOpens.markReady();
  });
}

function senderInfo(event: IpcMainInvokeEvent): Parameters<typeof isTrustedSender>[0] {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame.parent === null,
    fromAppWindow: mainWindow !== undefined && event.sender === mainWindow.webContents,
  };
}

/** Clawproof's version from its package.json (app.getVersion() is Electron's when run from source). */
function appVersion(): string {
  try {
    return packageInfo().version;
  } catch {
    return app.getVersion();
  }
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(PUSH_CHANNELS.menuCommand, command);
}

function menuOptions(): Parameters<typeof buildMenuTemplate>[0] {
  return {
    platform: process.platform,
    appName: APP_NAME,
    devTools: DEVELOPMENT,
    actions: {
      openBundle: () => {
        void dialogs.showOpenDialog(openBundleDialog(dialogs.defaultFolder)).then((choice) => {
          const path = choice.filePaths[0];
          if (choice.canceled || path === undefined) return;
          pendingOpens.add(path);
          showMainWindow();
        });
      },
      saveReport: () => sendMenuCommand('save-report'),
      saveBundle: () => sendMenuCommand('save-bundle'),
      showAbout: () => {
        const options = {
          type: 'info' as const,
          title: `About ${APP_NAME}`,
          message: APP_NAME,
          detail: aboutDetail(appVersion(), process.versions),
          buttons: ['OK'],
        };
        void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
      },
    },
  };
}
