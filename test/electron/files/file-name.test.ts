import { describe, expect, it } from 'vitest';
import { extensionOf, isSafeFileName, MAX_FILE_NAME_BYTES, withExtension } from '../../../electron/files/file-name.js';

describe('isSafeFileName', () => {
  it.each([
    'report.json',
    'verification report 2025-01-31.html',
    'bundle-7f3a.clawproof',
    'Prüfbericht.json',
    'отчёт.html',
    '報告書.json',
    'emoji 🧾.json',
    'no-extension',
    'a'.repeat(MAX_FILE_NAME_BYTES),
  ])('accepts %j', (name) => {
    expect(isSafeFileName(name)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['a folder', 'reports/a.json'],
    ['a Windows folder', 'reports\\a.json'],
    ['a parent folder', '../a.json'],
    ['an absolute path', '/etc/passwd'],
    ['a drive', 'C:evil.json'],
    ['dot', '.'],
    ['dot dot', '..'],
    ['a dot file', '.bashrc'],
    ['a trailing dot', 'report.json.'],
    ['a trailing space', 'report.json '],
    ['a leading space', ' report.json'],
    ['NUL', 'report\u0000.json'],
    ['a newline', 'report\n.json'],
    ['DEL', 'report\u007f.json'],
    ['a C1 control', 'report\u0085.json'],
    ['a right-to-left override', 'report\u202Enosj.exe'],
    ['a left-to-right isolate', 'report\u2066.json'],
    ['an Arabic letter mark', 'report\u061c.json'],
    ['a lone surrogate', 'report\ud800.json'],
    ['Windows-reserved characters', 'what?.json'],
    ['a pipe', 'a|b.json'],
    ['an asterisk', '*.json'],
    ['a quote', '"a".json'],
    ['angle brackets', '<a>.json'],
    ['the device CON', 'CON'],
    ['the device nul with an extension', 'nul.json'],
    ['the device COM1', 'com1.clawproof'],
    ['the device LPT9', 'LPT9.html'],
    ['the device COM¹', 'COM¹.txt'],
    ['too many characters', 'a'.repeat(MAX_FILE_NAME_BYTES + 1)],
    ['too many UTF-8 bytes', 'é'.repeat(MAX_FILE_NAME_BYTES / 2 + 1)],
  ])('refuses %s', (_label, name) => {
    expect(isSafeFileName(name)).toBe(false);
  });

  it.each([undefined, null, 1, ['a.json'], { name: 'a.json' }])('refuses the non-string %j', (value) => {
    expect(isSafeFileName(value)).toBe(false);
  });

  it('allows names that merely start like a device name', () => {
    expect(isSafeFileName('console.json')).toBe(true);
    expect(isSafeFileName('com10.json')).toBe(true);
  });
});

describe('withExtension', () => {
  it('adds the extension when missing', () => {
    expect(withExtension('report', '.json')).toBe('report.json');
    expect(withExtension('report.html', '.json')).toBe('report.html.json');
  });

  it('keeps a name that already ends with it, in any case', () => {
    expect(withExtension('report.json', '.json')).toBe('report.json');
    expect(withExtension('Bundle.CLAWPROOF', '.clawproof')).toBe('Bundle.CLAWPROOF');
  });
});

describe('extensionOf', () => {
  it.each([
    ['/home/a/bundle.clawproof', '.clawproof'],
    ['C:/Users/a/Bundle.CLAWPROOF', '.clawproof'],
    ['/tmp/archive.tar.gz', '.gz'],
    ['/tmp/.clawproof', ''],
    ['/tmp/noext', ''],
    ['/tmp/dir.json/file', ''],
  ])('%s -> %j', (path, extension) => {
    expect(extensionOf(path)).toBe(extension);
  });
});
