import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { beforeEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, PUSH_CHANNELS, type ClawproofDesktopApi } from '../../electron/ipc/contract.js';

const PRELOAD_SOURCE = readFileSync(new URL('../../electron/preload.cts', import.meta.url), 'utf8');
// The preload compiled the way the build compiles it (a .cts file becomes CommonJS).
const PRELOAD_JS = ts.transpileModule(PRELOAD_SOURCE, {
  fileName: 'preload.cts',
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
}).outputText;

type Listener = (event: unknown, payload: unknown) => void;

/** Electron's renderer modules as a sandboxed preload sees them, recording what the preload does. */
class FakeRenderer {
  readonly exposed = new Map<string, unknown>();
  readonly invocations: unknown[][] = [];
  readonly listeners = new Map<string, Set<Listener>>();
  readonly required: string[] = [];
  readonly filePaths = new Map<object, string>();

  readonly electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => this.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        this.invocations.push([channel, ...args]);
        return { status: 'cancelled' };
      },
      on: (channel: string, listener: Listener) => {
        const set = this.listeners.get(channel) ?? new Set();
        set.add(listener);
        this.listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: Listener) => this.listeners.get(channel)?.delete(listener),
    },
    webUtils: {
      getPathForFile: (file: unknown) => {
        if (typeof file !== 'object' || file === null) throw new TypeError('Expected a File');
        return this.filePaths.get(file) ?? '';
      },
    },
  };

  load(): ClawproofDesktopApi {
    const module = { exports: {} };
    runInNewContext(PRELOAD_JS, {
      module,
      exports: module.exports,
      require: (id: string) => {
        this.required.push(id);
        if (id !== 'electron') throw new Error(`A sandboxed preload cannot require ${id}`);
        return this.electron;
      },
    });
    return this.exposed.get('clawproofDesktop') as ClawproofDesktopApi;
  }

  emit(channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'the IPC event' }, payload);
  }
}

let renderer: FakeRenderer;
let api: ClawproofDesktopApi;

beforeEach(() => {
  renderer = new FakeRenderer();
  api = renderer.load();
});

describe('the preload', () => {
  it('requires nothing but electron', () => {
    expect(renderer.required).toEqual(['electron']);
  });

  it('exposes one frozen object, window.clawproofDesktop, with exactly the six functions', () => {
    expect([...renderer.exposed.keys()]).toEqual(['clawproofDesktop']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([
      'onMenuCommand',
      'onOpenFile',
      'openBundle',
      'readDroppedFile',
      'saveBundle',
      'saveReport',
    ]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('openBundle sends the open-bundle call with no arguments and returns the answer', async () => {
    expect(await api.openBundle()).toEqual({ status: 'cancelled' });
    expect(renderer.invocations).toEqual([[INVOKE_CHANNELS.openBundle]]);
  });

  it('readDroppedFile sends the path of a file from disk', async () => {
    const file = {} as File;
    renderer.filePaths.set(file, '/home/a/run.clawproof');
    await api.readDroppedFile(file);
    expect(renderer.invocations).toEqual([[INVOKE_CHANNELS.readDroppedFile, '/home/a/run.clawproof']]);
  });

  it('readDroppedFile refuses a file that is not on disk without asking the main process', async () => {
    expect(await api.readDroppedFile({} as File)).toMatchObject({ status: 'failed', code: 'DESKTOP_FILE_NOT_ON_DISK' });
    expect(await api.readDroppedFile('/etc/passwd' as unknown as File)).toMatchObject({ code: 'DESKTOP_FILE_NOT_ON_DISK' });
    expect(renderer.invocations).toEqual([]);
  });

  it('saveReport sends only the three fields of a report', async () => {
    const report = { format: 'json', content: '{}', suggestedName: 'r', path: '/etc/passwd', extra: 1 } as const;
    await api.saveReport(report);
    expect(renderer.invocations).toEqual([[INVOKE_CHANNELS.saveReport, { format: 'json', content: '{}', suggestedName: 'r' }]]);
  });

  it('saveReport passes a non-object on for the main process to refuse', async () => {
    await api.saveReport(null as never);
    expect(renderer.invocations).toEqual([[INVOKE_CHANNELS.saveReport, null]]);
  });

  it('saveBundle sends the bytes and the name', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    await api.saveBundle(bytes, 'run');
    expect(renderer.invocations).toEqual([[INVOKE_CHANNELS.saveBundle, bytes, 'run']]);
  });

  it('onOpenFile passes the payload only, announces the listener, and unsubscribes', () => {
    const received: unknown[] = [];
    const unsubscribe = api.onOpenFile((result) => received.push(result));
    expect(renderer.invocations).toEqual([[INVOKE_CHANNELS.rendererReady]]);
    const result = { status: 'opened', file: { name: 'a.clawproof', bytes: new Uint8Array([1]) } };
    renderer.emit(PUSH_CHANNELS.fileOpened, result);
    expect(received).toEqual([result]);
    unsubscribe();
    renderer.emit(PUSH_CHANNELS.fileOpened, result);
    expect(received).toHaveLength(1);
    expect(renderer.listeners.get(PUSH_CHANNELS.fileOpened)?.size).toBe(0);
  });

  it('onMenuCommand passes the command only and unsubscribes', () => {
    const received: unknown[] = [];
    const unsubscribe = api.onMenuCommand((command) => received.push(command));
    renderer.emit(PUSH_CHANNELS.menuCommand, 'save-report');
    unsubscribe();
    renderer.emit(PUSH_CHANNELS.menuCommand, 'save-bundle');
    expect(received).toEqual(['save-report']);
  });

  it.each([undefined, null, 'alert(1)', {}])('refuses %j as a callback', (callback) => {
    expect(() => api.onOpenFile(callback as never)).toThrow('The callback must be a function.');
    expect(() => api.onMenuCommand(callback as never)).toThrow('The callback must be a function.');
    expect(renderer.listeners.size).toBe(0);
  });
});
