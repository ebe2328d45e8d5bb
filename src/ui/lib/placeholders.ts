/**
 * Splits redacted text into plain runs and typed placeholders (`[EMAIL_1]`, `[AWS_KEY_2]`), so
 * the model view can show exactly what redaction replaced.
 */

/** The placeholder form src/dlp writes: an upper-case type, an underscore and a number, in brackets. */
const PLACEHOLDER = /\[[A-Z][A-Z0-9_]*_\d+\]/g;

export interface TextRun {
  readonly text: string;
  readonly placeholder: boolean;
}

export function splitPlaceholders(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const start = match.index;
    if (start > last) runs.push({ text: text.slice(last, start), placeholder: false });
    runs.push({ text: match[0], placeholder: true });
    last = start + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), placeholder: false });
  return runs;
}

export function countPlaceholders(text: string): number {
  return [...text.matchAll(PLACEHOLDER)].length;
}
