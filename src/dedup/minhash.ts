/** Number of hash functions in a signature; 16 bands of 4 rows puts the LSH threshold near Jaccard 0.5. */
export const NUM_HASHES = 64;
const BANDS = 16;
const ROWS = NUM_HASHES / BANDS;

const SEEDS = Uint32Array.from({ length: NUM_HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a base hash with a seed (murmur3 finalizer), giving NUM_HASHES independent-looking hashes. */
function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** MinHash signature of a token list over word `k`-shingles. */
export function minhash(tokens: string[], k = 5): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  const n = Math.max(1, tokens.length - k + 1);
  for (let i = 0; i < n; i++) {
    const h = fnv1a(tokens.slice(i, i + k).join(" "));
    for (let j = 0; j < NUM_HASHES; j++) {
      const v = mix(h, SEEDS[j]);
      if (v < sig[j]) sig[j] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/** LSH band keys of a signature. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r], 0x01000193);
    keys.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return keys;
}
