import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesktopHandlers, type DialogHost } from '../../../electron/ipc/handlers.js';

/** Stands in for the person at the native dialog: answers with the path given, records what was shown. */
class ScriptedDialogs implements DialogHost {
  readonly opened: OpenDialogOptions[] = [];
  readonly saved: SaveDialogOptions[] = [];
  constructor(
    readonly defaultFolder: string,
    private readonly answer: string | undefined,
  ) {}
  async showOpenDialog(options: OpenDialogOptions) {
    this.opened.push(options);
    return this.answer === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [this.answer] };
  }
  async showSaveDialog(options: SaveDialogOptions) {
    this.saved.push(options);
    return this.answer === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath: this.answer };
  }
}

let folder: string;
const bundleText = '{"mediaType":"application/vnd.clawproof.bundle+json","version":1}';

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'clawproof-handlers-'));
  await writeFile(join(folder, 'run.clawproof'), bundleText);
  await writeFile(join(folder, 'trust-root.json'), '{"keys":[]}');
  await writeFile(join(folder, 'notes.txt'), 'not a bundle');
  await mkdir(join(folder, 'dir.clawproof'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('openBundle', () => {
  it('reads the chosen file and returns its name and bytes, not its path', async () => {
    const dialogs = new ScriptedDialogs(folder, join(folder, 'run.clawproof'));
    const result = await createDesktopHandlers(dialogs).openBundle([]);
    expect(result).toEqual({ status: 'opened', file: { name: 'run.clawproof', bytes: new TextEncoder().encode(bundleText) } });
    expect(JSON.stringify(result)).not.toContain(folder);
  });

  it('offers bundles and JSON files, one at a time, starting in the default folder', async () => {
    const dialogs = new ScriptedDialogs(folder, undefined);
    await createDesktopHandlers(dialogs).openBundle([]);
    expect(dialogs.opened).toHaveLength(1);
    const [options] = dialogs.opened;
    expect(options?.defaultPath).toBe(folder);
    expect(options?.properties).toContain('openFile');
    expect(options?.properties).not.toContain('multiSelections');
    expect(options?.filters?.flatMap((filter) => filter.extensions)).toEqual(['clawproof', 'json']);
  });

  it('says cancelled when the dialog is closed', async () => {
    expect(await createDesktopHandlers(new ScriptedDialogs(folder, undefined)).openBundle([])).toEqual({ status: 'cancelled' });
  });

  it('refuses arguments before showing any dialog', async () => {
    const dialogs = new ScriptedDialogs(folder, join(folder, 'run.clawproof'));
    const result = await createDesktopHandlers(dialogs).openBundle(['/etc/passwd']);
    expect(result).toMatchObject({ status: 'failed', code: 'DESKTOP_ARGUMENT_INVALID' });
    expect(dialogs.opened).toHaveLength(0);
  });

  it('reports a dialog that fails as a read failure, not a crash', async () => {
    const broken: DialogHost = {
      defaultFolder: folder,
      showOpenDialog: async () => {
        throw new Error('no display');
      },
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    };
    expect(await createDesktopHandlers(broken).openBundle([])).toMatchObject({ status: 'failed', code: 'DESKTOP_READ_FAILED' });
  });
});

describe('readDroppedFile and loadPath', () => {
  const handlers = () => createDesktopHandlers(new ScriptedDialogs(folder, undefined));

  it('reads a dropped bundle and a dropped JSON file', async () => {
    expect(await handlers().readDroppedFile([join(folder, 'run.clawproof')])).toMatchObject({
      status: 'opened',
      file: { name: 'run.clawproof' },
    });
    expect(await handlers().readDroppedFile([join(folder, 'trust-root.json')])).toMatchObject({
      status: 'opened',
      file: { name: 'trust-root.json' },
    });
  });

  it('refuses other file types without reading them', async () => {
    const result = await handlers().readDroppedFile([join(folder, 'notes.txt')]);
    expect(result).toMatchObject({
      status: 'failed',
      code: 'DESKTOP_FILE_TYPE_UNSUPPORTED',
      message: expect.stringContaining('"notes.txt"'),
    });
  });

  it('refuses a relative path', async () => {
    expect(await handlers().readDroppedFile(['run.clawproof'])).toMatchObject({ status: 'failed', code: 'DESKTOP_ARGUMENT_INVALID' });
  });

  it('reports a folder named like a bundle', async () => {
    expect(await handlers().loadPath(join(folder, 'dir.clawproof'))).toMatchObject({ status: 'failed', code: 'DESKTOP_NOT_A_FILE' });
  });

  it('reports a file that vanished, without the folder it was in', async () => {
    const result = await handlers().loadPath(join(folder, 'gone.clawproof'));
    expect(result).toMatchObject({ status: 'failed', code: 'DESKTOP_READ_FAILED' });
    expect(JSON.stringify(result)).not.toContain(folder);
  });
});

describe('saveReport', () => {
  it('proposes the name with the format extension and writes the report there', async () => {
    const target = join(folder, 'out', 'chosen.html');
    await mkdir(join(folder, 'out'));
    const dialogs = new ScriptedDialogs(folder, target);
    const report = { format: 'html', content: '<h1>Pass</h1>', suggestedName: 'run-42 report' };
    const result = await createDesktopHandlers(dialogs).saveReport([report]);
    expect(result).toEqual({ status: 'saved', name: 'chosen.html' });
    expect(await readFile(target, 'utf8')).toBe('<h1>Pass</h1>');
    expect(dialogs.saved[0]?.defaultPath).toBe(join(folder, 'run-42 report.html'));
    expect(dialogs.saved[0]?.filters).toEqual([{ name: 'HTML report', extensions: ['html'] }]);
    expect(dialogs.saved[0]?.properties).toContain('showOverwriteConfirmation');
  });

  it('does not double an extension the name already has', async () => {
    const dialogs = new ScriptedDialogs(folder, undefined);
    await createDesktopHandlers(dialogs).saveReport([{ format: 'json', content: '{}', suggestedName: 'report.JSON' }]);
    expect(dialogs.saved[0]?.defaultPath).toBe(join(folder, 'report.JSON'));
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const result = await createDesktopHandlers(new ScriptedDialogs(folder, undefined)).saveReport([
      { format: 'json', content: '{}', suggestedName: 'report' },
    ]);
    expect(result).toEqual({ status: 'cancelled' });
    expect((await readdir(folder)).sort()).toEqual(['dir.clawproof', 'notes.txt', 'run.clawproof', 'trust-root.json']);
  });

  it('refuses a suggested name with a folder before showing the dialog', async () => {
    const dialogs = new ScriptedDialogs(folder, join(folder, 'x.json'));
    const result = await createDesktopHandlers(dialogs).saveReport([{ format: 'json', content: '{}', suggestedName: '../x' }]);
    expect(result).toMatchObject({ status: 'failed', code: 'DESKTOP_ARGUMENT_INVALID' });
    expect(dialogs.saved).toHaveLength(0);
  });

  it('reports a write failure with the file name and the system code, leaving the old file', async () => {
    const target = join(folder, 'missing-folder', 'report.json');
    const result = await createDesktopHandlers(new ScriptedDialogs(folder, target)).saveReport([
      { format: 'json', content: '{}', suggestedName: 'report' },
    ]);
    expect(result).toEqual({
      status: 'failed',
      code: 'DESKTOP_WRITE_FAILED',
      message: '"report.json" could not be written (ENOENT).',
    });
  });
});

describe('saveBundle', () => {
  it('writes the exact bytes as a .clawproof file', async () => {
    const bytes = new Uint8Array([0x7b, 0x7d, 0x0a, 0xff]);
    const target = join(folder, 'copy.clawproof');
    const dialogs = new ScriptedDialogs(folder, target);
    expect(await createDesktopHandlers(dialogs).saveBundle([bytes, 'run-42'])).toEqual({ status: 'saved', name: 'copy.clawproof' });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(dialogs.saved[0]?.defaultPath).toBe(join(folder, 'run-42.clawproof'));
    expect(dialogs.saved[0]?.filters).toEqual([{ name: 'Clawproof proof bundle', extensions: ['clawproof'] }]);
  });

  it('replaces an existing bundle atomically', async () => {
    const target = join(folder, 'run.clawproof');
    await createDesktopHandlers(new ScriptedDialogs(folder, target)).saveBundle([new TextEncoder().encode('{"new":true}'), 'run']);
    expect(await readFile(target, 'utf8')).toBe('{"new":true}');
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses something that is not bytes', async () => {
    const result = await createDesktopHandlers(new ScriptedDialogs(folder, join(folder, 'x.clawproof'))).saveBundle(['{}', 'x']);
    expect(result).toMatchObject({ status: 'failed', code: 'DESKTOP_ARGUMENT_INVALID' });
  });
});
