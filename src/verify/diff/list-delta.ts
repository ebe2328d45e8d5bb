/**
 * How two values of a list field (tags, notifications) differ, entry by entry. Counting repeats:
 * notifications may repeat, and a second `notify:x` is a change even when the first was kept.
 */

/** One entry of the union of two lists: only in the second (added), only in the first (removed), or in both (kept). */
export interface ListEntry {
  readonly value: string;
  readonly mark: 'added' | 'removed' | 'kept';
}

/**
 * Every entry of `from` and `to`, each once per occurrence, marked. Kept and removed entries come in
 * `from`'s order, then the added ones in `to`'s order, so a sorted tag set stays readable.
 */
export function listEntries(from: readonly string[], to: readonly string[]): ListEntry[] {
  const left = counts(to);
  const entries: ListEntry[] = from.map((value) => {
    const n = left.get(value) ?? 0;
    if (n === 0) return { value, mark: 'removed' };
    left.set(value, n - 1);
    return { value, mark: 'kept' };
  });
  for (const value of minus(to, from)) entries.push({ value, mark: 'added' });
  return entries;
}

/** The entries of `from` not matched by one in `take` (each entry of `take` cancels one). */
export function minus(from: readonly string[], take: readonly string[]): string[] {
  const left = counts(take);
  return from.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n === 0) return true;
    left.set(x, n - 1);
    return false;
  });
}

function counts(list: readonly string[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const x of list) n.set(x, (n.get(x) ?? 0) + 1);
  return n;
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((x) => typeof x === 'string');
}
