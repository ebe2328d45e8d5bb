/**
 * Shannon entropy in bits per character, over UTF-16 code units:
 * H = -sum(p_c * log2 p_c) for each distinct unit c with frequency p_c.
 * "aaaa" is 0; a string of n distinct units is log2(n), so H is bounded by the length.
 */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    h -= p * Math.log2(p);
  }
  return h;
}
