/**
 * Where a redaction problem is, said without repeating what was found. The report is published
 * with the bundle, so it must not spell a member name in which a detector finds something (the
 * name is the leak): a place at or under such a name is given as the object holding that member
 * and the member's position among its names, never the name.
 */
import type { JsonObject, JsonValue } from '../../core/json.js';

export interface Place {
  /** RFC 6901 pointer into the document, stopping before the first flagged member name. */
  readonly pointer: string;
  /** For a place stopped short: which member of that object it lies in; '' otherwise. */
  readonly member: string;
}

export type Placer = (pointer: string) => Place;

export const exactPlace: Placer = (pointer) => ({ pointer, member: '' });

/** `flagged`: pointers of the member names in which a detector found something. */
export function placer(doc: JsonObject, flagged: readonly string[]): Placer {
  if (flagged.length === 0) return exactPlace;
  const outermost = [...new Set(flagged)].sort((a, b) => a.length - b.length);
  return (pointer) => {
    const name = outermost.find((n) => pointer === n || pointer.startsWith(`${n}/`));
    if (name === undefined) return { pointer, member: '' };
    const parent = name.slice(0, name.lastIndexOf('/'));
    const holder = valueAt(doc, parent);
    // Document order (section "Redaction"): names sorted by UTF-16 code units.
    const names = holder !== null && typeof holder === 'object' && !Array.isArray(holder) ? Object.keys(holder).sort() : [];
    const position = names.indexOf(unescapeToken(name.slice(parent.length + 1))) + 1;
    return { pointer: parent, member: `member ${position} of ${names.length} in document order, whose name is not repeated here` };
  };
}

function valueAt(doc: JsonValue, pointer: string): JsonValue | undefined {
  let node: JsonValue | undefined = doc;
  for (const token of pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeToken)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (node !== null && typeof node === 'object') node = Object.hasOwn(node, token) ? node[token] : undefined;
    else return undefined;
  }
  return node;
}

function unescapeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}
