/**
 * A Map that keeps at most `cap` entries: setting a new key past the cap drops the oldest one. Used for the
 * memos of pure functions (sentence readings, names, features of a text), where a dropped entry is only
 * computed again.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  private readonly cap: number;

  constructor(cap: number) {
    super();
    this.cap = cap;
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.cap) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}
