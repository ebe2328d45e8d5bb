import { describe, expect, it } from 'vitest';
import { MAX_OPEN_PATHS, openablePathsFromArgv, openablePathsFromSecondInstance } from '../../../electron/launch/argv.js';

const cwd = '/home/auditor/cases';

describe.skipIf(process.platform === 'win32')('openablePathsFromArgv', () => {
  it('finds a bundle given to the packaged app', () => {
    expect(openablePathsFromArgv(['/opt/Clawproof/clawproof', '/tmp/run.clawproof'], cwd)).toEqual(['/tmp/run.clawproof']);
  });

  it('skips the executable, Electron and Chromium switches and the dev script', () => {
    const argv = [
      '/usr/lib/electron/electron',
      '--no-sandbox',
      '--allow-file-access-from-files',
      'dist/electron/electron/main.js',
      '--original-process-start-time=13371337',
      'run.clawproof',
    ];
    expect(openablePathsFromArgv(argv, cwd)).toEqual(['/home/auditor/cases/run.clawproof']);
  });

  it('resolves relative paths against the launching working directory', () => {
    expect(openablePathsFromArgv(['exe', '../shared/trust.json', './a.CLAWPROOF'], cwd)).toEqual([
      '/home/auditor/shared/trust.json',
      '/home/auditor/cases/a.CLAWPROOF',
    ]);
  });

  it('turns file:// URLs from Linux desktops into paths, decoding them', () => {
    expect(openablePathsFromArgv(['exe', 'file:///home/auditor/My%20Bundles/run%2042.clawproof'], cwd)).toEqual([
      '/home/auditor/My Bundles/run 42.clawproof',
    ]);
  });

  it.each([
    'https://example.com/run.clawproof',
    'clawproof://open?file=run.clawproof',
    'file://remote-host/share/run.clawproof',
    '/tmp/notes.txt',
    '/tmp/run.clawproof.exe',
    '/tmp/clawproof',
    '-run.clawproof',
    '',
    '/tmp/run\u0000.clawproof',
  ])('ignores %j', (arg) => {
    expect(openablePathsFromArgv(['exe', arg], cwd)).toEqual([]);
  });

  it('never takes the executable itself, whatever its name', () => {
    expect(openablePathsFromArgv(['/tmp/evil.clawproof'], cwd)).toEqual([]);
  });

  it('lists each file once, in order', () => {
    expect(openablePathsFromArgv(['exe', 'b.json', 'a.clawproof', './b.json'], cwd)).toEqual([
      '/home/auditor/cases/b.json',
      '/home/auditor/cases/a.clawproof',
    ]);
  });

  it(`keeps at most ${MAX_OPEN_PATHS} files`, () => {
    const many = Array.from({ length: MAX_OPEN_PATHS + 10 }, (_, i) => `/tmp/${i}.clawproof`);
    expect(openablePathsFromArgv(['exe', ...many], cwd)).toEqual(many.slice(0, MAX_OPEN_PATHS));
  });
});

describe.skipIf(process.platform === 'win32')('openablePathsFromSecondInstance', () => {
  const argv = ['/opt/Clawproof/clawproof', '--enable-features=X', 'from-argv.clawproof'];

  it("prefers the second instance's own parse of its command line", () => {
    expect(openablePathsFromSecondInstance(argv, cwd, { openPaths: ['/tmp/a.clawproof'] })).toEqual(['/tmp/a.clawproof']);
  });

  it('still filters what the other process sent', () => {
    const data = { openPaths: ['/tmp/a.clawproof', 'relative.clawproof', '/etc/shadow', '/tmp/a.clawproof', '/tmp/b.json'] };
    expect(openablePathsFromSecondInstance(argv, cwd, data)).toEqual(['/tmp/a.clawproof', '/tmp/b.json']);
  });

  it.each([undefined, null, 'x', {}, { openPaths: 'a.clawproof' }, { openPaths: [1] }, { openPaths: ['/tmp/a\u0000.clawproof'] }])(
    'falls back to the argv when the data is %j',
    (data) => {
      expect(openablePathsFromSecondInstance(argv, cwd, data)).toEqual(['/home/auditor/cases/from-argv.clawproof']);
    },
  );

  it('accepts an empty list: the second launch had no file', () => {
    expect(openablePathsFromSecondInstance(argv, cwd, { openPaths: [] })).toEqual([]);
  });
});
