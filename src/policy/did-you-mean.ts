/**
 * "Did you mean": the closest known name to a misspelt one, by edit distance.
 *
 * The distance is the optimal string alignment variant of Damerau-Levenshtein: insertions,
 * deletions, substitutions and transpositions of two adjacent characters each cost 1, so the
 * commonest typo (`add_lable` for `add_label`) is one edit, not two.
 */

/** Edits needed to turn `a` into `b` (optimal string alignment distance). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the transposition step looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * How far a name may be from a suggestion: a third of its length, at most 3. Further than that,
 * a "did you mean" is a guess that misleads more than it helps.
 */
export function maxSuggestionDistance(name: string): number {
  return Math.min(3, Math.floor(name.length / 3));
}

/**
 * The candidate closest to `name` within maxSuggestionDistance, or null when none is that close.
 * On a tie the earlier candidate wins, so the answer does not depend on anything but the list.
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const limit = maxSuggestionDistance(name);
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
