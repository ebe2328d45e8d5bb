/**
 * Every text a bundle carries, including what hides inside encodings: DSSE payloads, the CST's
 * JWS segments, and any other string that decodes as base64 or base64url to UTF-8. A planted
 * secret must not appear in any of them.
 */
import { base64Decode, base64urlDecode, utf8Decode } from '../../src/core/bytes.js';
import { parseStrictJson, type JsonValue } from '../../src/core/json.js';

export interface ScannedText {
  /** JSON Pointer of the string in the bundle, with `!decoded` steps for encoded layers. */
  readonly where: string;
  readonly text: string;
}

export function bundleTexts(bundle: unknown): ScannedText[] {
  const out: ScannedText[] = [];
  const visit = (value: unknown, where: string, depth: number): void => {
    if (typeof value === 'string') {
      out.push({ where, text: value });
      if (depth < 4) for (const decoded of decodings(value)) visitText(decoded, `${where}!decoded`, depth + 1);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${where}/${i}`, depth));
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        out.push({ where: `${where}/${k}#name`, text: k });
        visit(v, `${where}/${k}`, depth);
      }
    }
  };
  const visitText = (text: string, where: string, depth: number): void => {
    out.push({ where, text });
    let parsed: JsonValue | undefined;
    try {
      parsed = parseStrictJson(text);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined && typeof parsed === 'object' && parsed !== null) visit(parsed, where, depth);
  };
  visit(bundle, '', 0);
  return out;
}

/** Only these characters occur in base64, base64url and compact JWS. */
const ENCODED_SHAPE = /^[A-Za-z0-9+/=_.-]{8,}$/;

/** UTF-8 texts `s` decodes to: as a whole in base64 or base64url, and per `.`-separated segment (JWS). */
function decodings(s: string): string[] {
  const texts: string[] = [];
  if (!ENCODED_SHAPE.test(s)) return texts;
  const parts = s.includes('.') ? [s, ...s.split('.')] : [s];
  for (const part of parts) {
    if (part.length < 8) continue;
    for (const decode of [base64Decode, base64urlDecode]) {
      try {
        texts.push(utf8Decode(decode(part)));
      } catch {
        // not this encoding, or not text
      }
    }
  }
  return texts;
}

/** Case-insensitive search over many texts at once: one scan of a joined text, then the places. */
export class TextIndex {
  readonly #texts: readonly ScannedText[];
  readonly #lower: readonly string[];
  readonly #joined: string;

  constructor(texts: readonly ScannedText[]) {
    this.#texts = texts;
    this.#lower = texts.map((t) => t.text.toLowerCase());
    this.#joined = this.#lower.join('\u0000');
  }

  get size(): number {
    return this.#texts.length;
  }

  /** Where `value` occurs; empty when nowhere. */
  find(value: string): string[] {
    const needle = value.toLowerCase();
    if (!this.#joined.includes(needle)) return [];
    return this.#texts.filter((_, i) => this.#lower[i]!.includes(needle)).map((t) => t.where);
  }
}
