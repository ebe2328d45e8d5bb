import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, MAX_FILE_BYTES } from '../../../electron/ipc/contract.js';
import { MAX_PATH_LENGTH, validateArguments } from '../../../electron/ipc/validate.js';

const absolute = process.platform === 'win32' ? 'C:\\Users\\a\\bundle.clawproof' : '/home/a/bundle.clawproof';

function refusal(run: () => unknown): { code?: unknown; pointer?: unknown; message?: unknown } {
  try {
    run();
  } catch (error) {
    return error as { code?: unknown; pointer?: unknown; message?: unknown };
  }
  throw new Error('expected the arguments to be refused');
}

describe('validateArguments: argument-less channels', () => {
  it.each([INVOKE_CHANNELS.openBundle, INVOKE_CHANNELS.rendererReady])('%s takes no arguments', (channel) => {
    expect(validateArguments(channel, [])).toEqual([]);
    expect(refusal(() => validateArguments(channel, ['/etc/passwd']))).toMatchObject({ code: 'DESKTOP_ARGUMENT_INVALID' });
  });
});

describe('validateArguments: readDroppedFile', () => {
  const channel = INVOKE_CHANNELS.readDroppedFile;

  it('accepts one absolute path', () => {
    expect(validateArguments(channel, [absolute])).toEqual([absolute]);
  });

  it.each([
    ['no argument', []],
    ['two arguments', [absolute, absolute]],
    ['a relative path', ['bundle.clawproof']],
    ['a dot path', ['./bundle.clawproof']],
    ['an empty path', ['']],
    ['NUL in the path', [`${absolute}\u0000.png`]],
    ['a path longer than any file system allows', [`/${'a'.repeat(MAX_PATH_LENGTH)}`]],
    ['a number', [42]],
    ['an object', [{ path: absolute }]],
    ['a file URL', ['file:///home/a/bundle.clawproof']],
  ])('refuses %s', (_label, args) => {
    expect(refusal(() => validateArguments(channel, args))).toMatchObject({ code: 'DESKTOP_ARGUMENT_INVALID' });
  });
});

describe('validateArguments: saveReport', () => {
  const channel = INVOKE_CHANNELS.saveReport;
  const report = { format: 'json', content: '{"verdict":"pass"}', suggestedName: 'report' };

  it.each(['json', 'html'])('accepts a %s report', (format) => {
    expect(validateArguments(channel, [{ ...report, format }])).toEqual([{ ...report, format }]);
  });

  it('accepts an empty report and non-ASCII text', () => {
    expect(validateArguments(channel, [{ ...report, content: '' }])).toHaveLength(1);
    expect(validateArguments(channel, [{ ...report, content: 'Prüfung ✓ 🧾' }])).toHaveLength(1);
  });

  it.each([
    ['another format', '/0/format', { ...report, format: 'pdf' }],
    ['a missing format', '/0/format', { content: report.content, suggestedName: 'r' }],
    ['content that is not text', '/0/content', { ...report, content: new Uint8Array(3) }],
    ['a name with a folder', '/0/suggestedName', { ...report, suggestedName: '../../.bashrc' }],
    ['a name with a right-to-left override', '/0/suggestedName', { ...report, suggestedName: 'report\u202Elmth.exe' }],
    ['an empty name', '/0/suggestedName', { ...report, suggestedName: '' }],
    ['a reserved device name', '/0/suggestedName', { ...report, suggestedName: 'CON' }],
    ['an extra key', '/0', { ...report, path: '/etc/passwd' }],
  ])('refuses %s, pointing at %s', (_label, pointer, value) => {
    expect(refusal(() => validateArguments(channel, [value]))).toMatchObject({ code: 'DESKTOP_ARGUMENT_INVALID', pointer });
  });

  it.each([
    ['null', [null]],
    ['a string', ['{"verdict":"pass"}']],
    ['no argument', []],
    ['a second argument', [report, 'extra']],
  ])('refuses %s as the argument list', (_label, args) => {
    expect(refusal(() => validateArguments(channel, args))).toMatchObject({ code: 'DESKTOP_ARGUMENT_INVALID' });
  });

  it('refuses content over the limit as UTF-8 even when its length in characters is under it', () => {
    // 3 bytes per character in UTF-8: under the limit in UTF-16 units, over it in bytes.
    const content = '€'.repeat(MAX_FILE_BYTES / 3 + 1);
    expect(content.length).toBeLessThan(MAX_FILE_BYTES);
    expect(refusal(() => validateArguments(channel, [{ ...report, content }]))).toMatchObject({ pointer: '/0/content' });
  });
});

describe('validateArguments: saveBundle', () => {
  const channel = INVOKE_CHANNELS.saveBundle;
  const bytes = new TextEncoder().encode('{"mediaType":"application/vnd.clawproof.bundle+json"}');

  it('accepts bytes and a name', () => {
    const [checked, name] = validateArguments(channel, [bytes, 'run-42']);
    expect(checked).toBe(bytes);
    expect(name).toBe('run-42');
  });

  it('accepts a Node Buffer, which is a Uint8Array', () => {
    expect(validateArguments(channel, [Buffer.from(bytes), 'run-42'])).toHaveLength(2);
  });

  it.each([
    ['an empty bundle', [new Uint8Array(0), 'a'], '/0'],
    ['a string instead of bytes', ['{}', 'a'], '/0'],
    ['an ArrayBuffer instead of a Uint8Array', [bytes.buffer, 'a'], '/0'],
    ['an array of numbers', [[1, 2, 3], 'a'], '/0'],
    ['a name that is a path', [bytes, '/tmp/a.clawproof'], '/1'],
    ['a name that is not a string', [bytes, 7], '/1'],
    ['no name', [bytes], ''],
  ])('refuses %s', (_label, args, pointer) => {
    expect(refusal(() => validateArguments(channel, args))).toMatchObject({ code: 'DESKTOP_ARGUMENT_INVALID', pointer });
  });

  it('refuses a bundle over 256 MiB without copying it', () => {
    // A view claiming MAX + 1 bytes over a shared buffer costs no copy; only its length is read.
    const huge = new Uint8Array(new ArrayBuffer(MAX_FILE_BYTES + 1));
    expect(refusal(() => validateArguments(channel, [huge, 'big']))).toMatchObject({ pointer: '/0' });
  });

  it('says which call and which argument were wrong', () => {
    expect(refusal(() => validateArguments(channel, [bytes, 'a/b']))).toMatchObject({
      message: expect.stringMatching(/clawproof:save-bundle.*\/1.*plain file name/u),
    });
  });
});
