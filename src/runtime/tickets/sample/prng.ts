/**
 * A small seeded PRNG (sfc32, seeded from a string through a 32-bit FNV-1a/murmur mix), so the
 * sample set is reproducible byte for byte from its seed on every JavaScript engine: only 32-bit
 * integer arithmetic, no Math.random, no floating-point accumulation.
 */

export interface Prng {
  /** Uniform 32-bit unsigned integer. */
  u32(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** true with probability `percent`/100. */
  chance(percent: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in random order (all of them when count >= length). */
  sample<T>(items: readonly T[], count: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string;
  bytes(length: number): Uint8Array;
}

function seedWords(seed: string): [number, number, number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  const mix = (x: number): number => {
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) >>> 0;
  };
  return [mix(h1), mix(h2), mix(h1 ^ 0x9e3779b9), mix(h2 ^ 0x7f4a7c15)];
}

export function createPrng(seed: string): Prng {
  let [a, b, c, d] = seedWords(seed);
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of sfc32 still show the seed's structure.
  for (let i = 0; i < 15; i++) u32();

  // Rejection sampling keeps every value in the range equally likely.
  const below = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0 || n > 0x100000000) throw new RangeError(`bad range size ${n}`);
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = u32();
      if (x < limit) return x % n;
    }
  };

  const prng: Prng = {
    u32,
    int: (min, max) => min + below(max - min + 1),
    chance: (percent) => below(100) < percent,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[below(items.length)] as (typeof items)[number];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = below(i + 1);
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    sample: (items, count) => prng.shuffle(items).slice(0, count),
    chars: (alphabet, length) => {
      let s = '';
      for (let i = 0; i < length; i++) s += alphabet[below(alphabet.length)];
      return s;
    },
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = below(256);
      return out;
    },
  };
  return prng;
}
