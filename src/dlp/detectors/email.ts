/**
 * pii.email: addr-spec-shaped email addresses (RFC 5322 section 3.4.1, the dot-atom subset people
 * actually write): a local part of up to 64 letters, digits and . _ % + -, '@', one or more
 * domain labels (letters, digits, inner hyphens) and an alphabetic TLD of 2-24 letters.
 * Letters include Latin-1 and Latin Extended-A/B (müller@bücher.de) but not CJK: Japanese and
 * Chinese text has no spaces, and a CJK-letter local part would swallow the sentence around it.
 *
 * Not matched: "pkg@1.2.3" (numeric TLD), "user@localhost" (no TLD), and retina-image names such as
 * "logo@2x.png", whose "TLD" is a file extension that is not a real TLD.
 *
 * Addresses written to dodge harvesters ("jane [at] example [dot] com") are email-obfuscated.ts's.
 */
import type { Span } from '../types.js';
import { detectObfuscatedEmail } from './email-obfuscated.js';

const LATIN = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
const LOCAL = `[${LATIN}0-9._%+-]`;
const LABEL = `[${LATIN}0-9](?:[${LATIN}0-9-]{0,61}[${LATIN}0-9])?`;
// Anchored on the '@' (the engine finds that literal fast); the local part is read back in a
// lookbehind (group 1) instead of being tried at every letter of the text.
const EMAIL = new RegExp(
  `@(?<=(?<!${LOCAL})([${LATIN}0-9]${LOCAL}{0,63})@)(?:${LABEL}\\.)+([A-Za-z]{2,24})(?![${LATIN}0-9-]|\\.[${LATIN}0-9])`,
  'dg',
);

const FILE_EXTENSIONS: ReadonlySet<string> = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'tif', 'tiff', 'heic',
  'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'css', 'scss', 'json', 'txt', 'log', 'pdf', 'yml', 'yaml',
  'lock', 'html', 'htm', 'xml', 'csv',
]);

export function detectEmail(text: string): Span[] {
  const out: Span[] = [];
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
    if (FILE_EXTENSIONS.has((m[2] ?? '').toLowerCase())) continue;
    out.push({ start: m.indices?.[1]?.[0] ?? m.index, end: m.index + m[0].length });
  }
  return [...out, ...detectObfuscatedEmail(text)];
}
