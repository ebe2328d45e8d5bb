/**
 * electron/main.ts against a stand-in for Electron's main-process API (the real one needs the
 * Electron binary): checks that each guard is wired to the event it must guard, in the order
 * Electron requires, and that IPC reaches the handlers only from the app's own page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, PUSH_CHANNELS } from '../../electron/ipc/contract.js';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const calls: string[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  class FakeWebContents extends Emitter {
    readonly mainFrame = { url: 'app://clawproof/index.html', parent: null };
    readonly sent: [string, unknown][] = [];
    windowOpenHandler: (() => unknown) | undefined;
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload]);
    }
    setWindowOpenHandler(handler: () => unknown): void {
      this.windowOpenHandler = handler;
    }
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    readyNow: false,
    enableSandbox: () => calls.push('app.enableSandbox'),
    setName: (name: string) => calls.push(`app.setName ${name}`),
    requestSingleInstanceLock: (data: unknown) => {
      calls.push(`app.requestSingleInstanceLock ${JSON.stringify(data)}`);
      return true;
    },
    quit: () => calls.push('app.quit'),
    exit: (code: number) => calls.push(`app.exit ${code}`),
    whenReady: () => ready,
    isReady: () => app.readyNow,
    getPath: () => tmpdir(),
    getVersion: () => '0.0.0',
  });

  const windows: FakeWindow[] = [];
  class FakeWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
    show(): void {}
  }

  const session = Object.assign(new Emitter(), {
    permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    devicePermission: undefined as undefined | (() => boolean),
    beforeRequest: undefined as undefined | ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void),
    spellChecker: true,
    setPermissionRequestHandler(handler: (...args: unknown[]) => void) {
      this.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: () => boolean) {
      this.permissionCheck = handler;
    },
    setDevicePermissionHandler(handler: () => boolean) {
      this.devicePermission = handler;
    },
    setSpellCheckerEnabled(enabled: boolean) {
      this.spellChecker = enabled;
    },
    webRequest: {
      onBeforeRequest: (listener: NonNullable<unknown>) => {
        session.beforeRequest = listener as typeof session.beforeRequest;
      },
    },
  });

  const handlers = new Map<string, Handler>();
  type Responder = (request: { url: string; method: string }) => Promise<Response>;
  const protocol = {
    responder: undefined as undefined | Responder,
    registerSchemesAsPrivileged: (schemes: unknown) => calls.push(`protocol.registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
    handle: (scheme: string, responder: Responder) => {
      calls.push(`protocol.handle ${scheme}`);
      protocol.responder = responder;
    },
  };

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
    protocol,
    session: { defaultSession: session },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showMessageBox: async () => ({ response: 0 }),
      showErrorBox: (title: string) => calls.push(`dialog.showErrorBox ${title}`),
    },
    Menu: {
      template: undefined as unknown,
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        electron.Menu.template = menu;
      },
    },
  };
  const fireReady = (): void => {
    app.readyNow = true;
    markReady();
  };
  return { calls, electron, windows, handlers, fireReady };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

// A built app of one page, in place of dist/app.
const builtApp = await vi.hoisted(async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir: temp } = await import('node:os');
  const { join: joinPath } = await import('node:path');
  const root = mkdtempSync(joinPath(temp(), 'clawproof-main-app-'));
  writeFileSync(joinPath(root, 'index.html'), '<!doctype html><title>Clawproof</title>');
  return root;
});

vi.mock('../../electron/paths.js', () => ({
  APP_ROOT: builtApp,
  PRELOAD: '/opt/Clawproof/resources/app.asar/dist/electron/electron/preload.cjs',
}));

let folder: string;
const savedArgv = process.argv;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'clawproof-main-'));
  await writeFile(join(folder, 'from-command-line.clawproof'), '{"bundle":1}');
  process.argv = ['/opt/Clawproof/clawproof', '--some-switch', join(folder, 'from-command-line.clawproof')];
  await import('../../electron/main.js');
  fake.fireReady();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

afterAll(async () => {
  process.argv = savedArgv;
  await rm(folder, { recursive: true, force: true });
  await rm(builtApp, { recursive: true, force: true });
});

const window = () => fake.windows[0] as (typeof fake.windows)[number];
const trustedEvent = () => ({ sender: window().webContents, senderFrame: window().webContents.mainFrame });

describe('electron/main.ts', () => {
  it('registers the privileged scheme, the sandbox and the name before anything else', () => {
    expect(fake.calls.slice(0, 3)).toEqual([
      expect.stringMatching(/^protocol\.registerSchemesAsPrivileged .*"scheme":"app".*"standard":true.*"secure":true/u),
      'app.enableSandbox',
      'app.setName Clawproof',
    ]);
  });

  it('takes the single-instance lock, passing its own files to the running instance', () => {
    const data = { openPaths: [join(folder, 'from-command-line.clawproof')] };
    expect(fake.calls).toContain(`app.requestSingleInstanceLock ${JSON.stringify(data)}`);
  });

  it('loads the app from its own origin in a locked-down window', () => {
    expect(window().loadedUrl).toBe('app://clawproof/index.html');
    expect(window().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(String(window().options.webPreferences['preload'])).toMatch(/preload\.cjs$/u);
  });

  it('serves the built app on the app protocol, with the CSP', async () => {
    expect(fake.calls).toContain('protocol.handle app');
    const response = await fake.electron.protocol.responder?.({ url: 'app://clawproof/index.html', method: 'GET' });
    expect(response?.status).toBe(200);
    expect(await response?.text()).toContain('<title>Clawproof</title>');
    expect(response?.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('cancels every request outside the app, DevTools included in a package', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      fake.electron.session.defaultSession.beforeRequest?.({ url }, (response) => {
        cancel = response.cancel;
      });
      return cancel;
    };
    expect(decide('app://clawproof/assets/a.js')).toBe(false);
    expect(decide('https://example.com/')).toBe(true);
    expect(decide('devtools://devtools/bundled/x.html')).toBe(true);
  });

  it('denies every permission and the spell checker', () => {
    const session = fake.electron.session.defaultSession;
    let granted: unknown;
    session.permissionRequest?.(null, 'media', (value: unknown) => {
      granted = value;
    });
    expect(granted).toBe(false);
    expect(session.permissionCheck?.()).toBe(false);
    expect(session.devicePermission?.()).toBe(false);
    expect(session.spellChecker).toBe(false);
  });

  it('cancels downloads', () => {
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    fake.electron.session.defaultSession.emit('will-download', event);
    expect(event.prevented).toBe(true);
  });

  it('refuses navigation away, new windows and webviews on every WebContents', () => {
    const contents = window().webContents;
    const attempt = (name: string, url: string) => {
      const event = { url, prevented: false, preventDefault() { this.prevented = true; } };
      contents.emit(name, event);
      return event.prevented;
    };
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(attempt(name, 'https://example.com/')).toBe(true);
      expect(attempt(name, 'app://clawproof/index.html')).toBe(false);
    }
    expect(attempt('will-attach-webview', 'app://clawproof/')).toBe(true);
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('handles exactly the contract channels', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('refuses IPC from anywhere but the top frame of the app window on the app origin', async () => {
    const handler = fake.handlers.get(INVOKE_CHANNELS.openBundle) as Handler;
    const contents = window().webContents;
    const other = new EventEmitter();
    const elsewhere = { url: 'https://example.com/', parent: null };
    await expect(handler({ sender: contents, senderFrame: elsewhere })).rejects.toThrow(/Refused/u);
    await expect(handler({ sender: contents, senderFrame: { url: 'app://clawproof/', parent: {} } })).rejects.toThrow(/Refused/u);
    await expect(handler({ sender: contents, senderFrame: null })).rejects.toThrow(/Refused/u);
    await expect(handler({ sender: other, senderFrame: contents.mainFrame })).rejects.toThrow(/Refused/u);
    await expect(handler(trustedEvent())).resolves.toEqual({ status: 'cancelled' });
  });

  it('validates arguments behind the sender check', async () => {
    const handler = fake.handlers.get(INVOKE_CHANNELS.saveBundle) as Handler;
    await expect(handler(trustedEvent(), 'not bytes', 'a/b')).resolves.toMatchObject({
      status: 'failed',
      code: 'DESKTOP_ARGUMENT_INVALID',
    });
  });

  it('holds the file from the command line until the page listens, then delivers it', async () => {
    expect(window().webContents.sent).toEqual([]);
    await (fake.handlers.get(INVOKE_CHANNELS.rendererReady) as Handler)(trustedEvent());
    await vi.waitFor(() => expect(window().webContents.sent).toHaveLength(1));
    const [channel, payload] = window().webContents.sent[0] ?? [];
    expect(channel).toBe(PUSH_CHANNELS.fileOpened);
    const bytes = new TextEncoder().encode('{"bundle":1}');
    expect(payload).toEqual({ status: 'opened', file: { name: 'from-command-line.clawproof', bytes } });
  });

  it('delivers a file from a second launch to the running window', async () => {
    const second = join(folder, 'second.clawproof');
    await writeFile(second, '{"bundle":2}');
    fake.electron.app.emit('second-instance', {}, ['/opt/Clawproof/clawproof'], folder, { openPaths: [second] });
    await vi.waitFor(() => expect(window().webContents.sent).toHaveLength(2));
    expect(window().webContents.sent[1]?.[1]).toMatchObject({ status: 'opened', file: { name: 'second.clawproof' } });
  });

  it('takes macOS open-file events and keeps Electron from handling them', async () => {
    const third = join(folder, 'third.json');
    await writeFile(third, '{}');
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    fake.electron.app.emit('open-file', event, third);
    expect(event.prevented).toBe(true);
    await vi.waitFor(() => expect(window().webContents.sent).toHaveLength(3));
  });

  it('holds files again while the page reloads', async () => {
    window().webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    fake.electron.app.emit('second-instance', {}, ['exe', join(folder, 'second.clawproof')], folder, undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window().webContents.sent).toHaveLength(3);
    await (fake.handlers.get(INVOKE_CHANNELS.rendererReady) as Handler)(trustedEvent());
    await vi.waitFor(() => expect(window().webContents.sent).toHaveLength(4));
  });

  it('sends Save Report and Save Bundle from the menu to the page', () => {
    const template = fake.electron.Menu.template as { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
    const file = template.find((item) => item.label === '&File')?.submenu ?? [];
    file.find((item) => item.label === 'Save Report…')?.click?.();
    file.find((item) => item.label === 'Save Bundle…')?.click?.();
    expect(window().webContents.sent.slice(-2)).toEqual([
      [PUSH_CHANNELS.menuCommand, 'save-report'],
      [PUSH_CHANNELS.menuCommand, 'save-bundle'],
    ]);
  });
});
