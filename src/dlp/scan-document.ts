/**
 * scanDocument(): the verifier's re-check of a model view. Every string value and every member
 * name, in document order, is scanned with the given detectors. A view produced by redact() with
 * the same detectors yields an empty list.
 */
import type { DetectorId } from './detector-ids.js';
import { escapePointerToken } from '../core/pointer.js';
import { assertJsonDocument, sortedKeys } from './json-walk.js';
import { checkDetectors, scanWith } from './scan-text.js';
import type { DocumentFinding, JsonObject, JsonValue } from './types.js';

export function scanDocument(view: JsonObject, detectors: readonly DetectorId[]): DocumentFinding[] {
  const ids = checkDetectors(detectors);
  assertJsonDocument(view, 'view');
  const out: DocumentFinding[] = [];
  const visit = (value: JsonValue, pointer: string): void => {
    if (typeof value === 'string') {
      for (const f of scanWith(value, ids)) out.push({ ...f, pointer, part: 'value' });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${pointer}/${i}`));
    } else if (value !== null && typeof value === 'object') {
      for (const name of sortedKeys(value)) {
        const child = `${pointer}/${escapePointerToken(name)}`;
        for (const f of scanWith(name, ids)) out.push({ ...f, pointer: child, part: 'name' });
        visit(value[name]!, child);
      }
    }
  };
  visit(view, '');
  return out;
}

/** Total UTF-16 code units of all string values in `view`: the quantity maxChars bounds. */
export function viewChars(view: JsonObject): number {
  assertJsonDocument(view, 'view');
  let n = 0;
  const visit = (value: JsonValue): void => {
    if (typeof value === 'string') n += value.length;
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(view);
  return n;
}
