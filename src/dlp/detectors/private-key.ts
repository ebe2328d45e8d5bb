/**
 * secret.private_key: private keys.
 *   - PEM / OpenPGP armored keys: "-----BEGIN <LABEL >PRIVATE KEY-----" (RSA, EC, DSA, OPENSSH,
 *     ENCRYPTED, none) and "-----BEGIN PGP PRIVATE KEY BLOCK-----". The span runs from BEGIN to
 *     the next matching END line. A key pasted without its END line (cut off, or truncated by a
 *     mail client) is still key material: the span then runs over the armor headers and base64
 *     body that follow, so the partial key is not left in the text. Inside a JSON string (a GCP
 *     service-account file) the lines are separated by the two characters "\n"; so they may be.
 *   - PuTTY .ppk files (putty-key.ts) and age identities ("AGE-SECRET-KEY-1" + 58 bech32
 *     characters, and plugin identities "AGE-PLUGIN-NAME-1…").
 */
import type { Span } from '../types.js';
import { prefixedTokenSpans, type PrefixedRule } from './prefixed-token.js';
import { detectPuttyKey } from './putty-key.js';

const BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g;
const END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g;

// One token of an unterminated body, separated by whitespace or by an escaped "\n" / "\r".
const TOKEN = /(?:\s|\\[nr])*((?:(?!\\[nr])\S)+)/y;
const ARMOR_HEADER = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset|MessageID):$/;
const BASE64_TOKEN = /^(?:[A-Za-z0-9+/]+={0,2}|=[A-Za-z0-9+/]{4})$/;

/**
 * End of the body that starts at `from` when there is no END line: base64 tokens (at least 16
 * characters, or carrying + / = so short ones are not ordinary words) and armor header lines.
 */
function unterminatedBodyEnd(text: string, from: number): number {
  let end = from;
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const token = m[1] ?? '';
    if (ARMOR_HEADER.test(token)) {
      const eol = text.indexOf('\n', TOKEN.lastIndex);
      end = eol === -1 ? text.length : eol;
      TOKEN.lastIndex = end;
      continue;
    }
    if (!BASE64_TOKEN.test(token) || (token.length < 16 && !/[+/=]/.test(token))) break;
    end = TOKEN.lastIndex;
  }
  return end;
}

const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';
export const AGE_RULES: readonly PrefixedRule[] = [
  { prefix: 'AGE-SECRET-KEY-1', body: BECH32, min: 58, max: 58, before: 'A-Za-z0-9-' },
  { prefix: 'AGE-PLUGIN-[A-Z0-9]{1,32}-1', body: BECH32, min: 20, max: 400, before: 'A-Za-z0-9-' },
];

function pemSpans(text: string): Span[] {
  const out: Span[] = [];
  let endMissing = false; // once no END follows some BEGIN, none follows any later BEGIN: stay O(n)
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m !== null; m = BEGIN.exec(text)) {
    const headerEnd = m.index + m[0].length;
    let spanEnd = -1;
    if (!endMissing) {
      END.lastIndex = headerEnd;
      const e = END.exec(text);
      if (e === null) endMissing = true;
      else spanEnd = e.index + e[0].length;
    }
    if (spanEnd === -1) spanEnd = unterminatedBodyEnd(text, headerEnd);
    out.push({ start: m.index, end: spanEnd });
    BEGIN.lastIndex = spanEnd;
  }
  return out;
}

export function detectPrivateKey(text: string): Span[] {
  return [...pemSpans(text), ...detectPuttyKey(text), ...AGE_RULES.flatMap((rule) => prefixedTokenSpans(rule, text))];
}
