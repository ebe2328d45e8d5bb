/**
 * The top level of a bundle document: the media type and version first (a document of another
 * format or version is not read as this one), then the members and their container types, and
 * the count caps of every list. Parts inside are checked where they are read (build-context.ts).
 */
import { BUNDLE_MEDIA_TYPE, BUNDLE_VERSION } from '../core/bundle/media-types.js';
import type { JsonObject } from '../core/json.js';
import { MAX_APPROVALS, MAX_MODEL_VIEWS, MAX_RECEIPTS, MAX_RECORDS, MAX_TICKETS } from '../format/limits.js';
import { escapePointerToken } from '../core/pointer.js';
import type { CheckCode, CheckIssue } from './report.js';
import { BUNDLE_MEMBERS, LIST_MEMBERS, type ListMember } from './schemas/bundle.js';

export const LIST_CAPS: Readonly<Record<ListMember, number>> = {
  receipts: MAX_RECEIPTS,
  records: MAX_RECORDS,
  approvals: MAX_APPROVALS,
  model_views: MAX_MODEL_VIEWS,
  model_responses: MAX_MODEL_VIEWS,
  tickets: MAX_TICKETS,
};

export interface DocumentShape {
  readonly issues: readonly CheckIssue[];
  /** Each list as found; empty when missing, not an array, or over its cap (fail closed, bounded work). */
  readonly lists: Readonly<Record<ListMember, readonly unknown[]>>;
}

export function checkDocumentShape(document: JsonObject): DocumentShape {
  const issues: CheckIssue[] = [];
  const fail = (code: CheckCode, pointer: string, message: string) =>
    issues.push({ severity: 'fail', code, message, evidence: [{ pointer }] });

  const mediaType = document.mediaType;
  if (mediaType !== BUNDLE_MEDIA_TYPE) {
    const got = typeof mediaType === 'string' ? JSON.stringify(mediaType.slice(0, 100)) : Object.hasOwn(document, 'mediaType') ? 'not a string' : 'missing';
    fail('MEDIA_TYPE_UNKNOWN', '/mediaType', `the document's mediaType is ${got}; this verifier reads ${BUNDLE_MEDIA_TYPE} only`);
  }
  const version = document.version;
  if (version !== BUNDLE_VERSION) {
    const got = typeof version === 'number' ? String(version) : Object.hasOwn(document, 'version') ? 'not a number' : 'missing';
    fail('VERSION_UNSUPPORTED', '/version', `the bundle version is ${got}; this verifier reads version ${BUNDLE_VERSION}`);
  }
  for (const name of Object.keys(document)) {
    if (!(BUNDLE_MEMBERS as readonly string[]).includes(name)) {
      fail('UNKNOWN_FIELD', `/${escapePointerToken(name)}`, `the bundle has an unknown member ${JSON.stringify(name.slice(0, 100))}; nothing unsigned or unexplained may ride along`);
    }
  }
  for (const name of BUNDLE_MEMBERS) {
    if (name !== 'mediaType' && name !== 'version' && !Object.hasOwn(document, name)) {
      fail('FIELD_MISSING', `/${name}`, `the bundle has no ${name}`);
    }
  }
  const lists = {} as Record<ListMember, readonly unknown[]>;
  for (const name of LIST_MEMBERS) {
    const value = document[name];
    lists[name] = [];
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      fail('WRONG_TYPE', `/${name}`, `the bundle's ${name} must be an array`);
    } else if (value.length > LIST_CAPS[name]) {
      fail('ARRAY_TOO_LONG', `/${name}`, `the bundle's ${name} has ${value.length} entries; at most ${LIST_CAPS[name]} are read`);
    } else {
      lists[name] = value;
    }
  }
  return { issues, lists };
}
