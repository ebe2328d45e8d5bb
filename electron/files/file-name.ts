import { basename, extname } from 'node:path';

/**
 * Leaves room for an added extension inside the 255-byte name limit of ext4, APFS and NTFS
 * (NTFS counts UTF-16 units, the others bytes: both are checked).
 */
export const MAX_FILE_NAME_BYTES = 240;

// C0 and C1 controls (NUL truncates paths, newlines forge log lines) and what Windows forbids.
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/u;
// In a `u` regex this matches unpaired surrogates only: no file system can store them faithfully.
const LONE_SURROGATE = /[\ud800-\udfff]/u;
// Bidirectional controls let "report\u202Elmth.exe" display as "reportexe.html" (CVE-2021-42574 style spoofing).
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// Device names Windows resolves before the file system, with or without an extension.
const WINDOWS_DEVICE_NAMES = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/iu;

/**
 * Whether `name` is a plain file name (no folders, no tricks) that is safe to propose in a save
 * dialog on Windows, macOS and Linux. The page suggests names; the person picks the folder.
 */
export function isSafeFileName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0) return false;
  if (name.length > MAX_FILE_NAME_BYTES || Buffer.byteLength(name, 'utf8') > MAX_FILE_NAME_BYTES) return false;
  if (FORBIDDEN_CHARACTERS.test(name) || BIDI_CONTROLS.test(name) || LONE_SURROGATE.test(name)) return false;
  // Dot files are hidden; Windows drops trailing dots and spaces, so "a.json." would become "a.json".
  if (name.startsWith('.') || name.startsWith(' ') || name.endsWith('.') || name.endsWith(' ')) return false;
  return !WINDOWS_DEVICE_NAMES.test(name);
}

/** `name` ending in `extension` (compared without case), adding it when it is not already there. */
export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(extension.toLowerCase()) ? name : `${name}${extension}`;
}

/** The lower-cased extension of a path's last segment, with its dot ('' when there is none). */
export function extensionOf(path: string): string {
  return extname(basename(path)).toLowerCase();
}
