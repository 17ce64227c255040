/**
 * Finding the keys of one object after another in a map, when the objects list their keys in
 * one order (those of one file, in the form's order): remembering the last object's keys with
 * what each found, the key at the same place in the next object is most often the same string,
 * and comparing it with the one remembered costs less than a lookup in the map. Reading a cycle
 * file looks up about a million keys this way; bulk scoring as many.
 */

/** Objects with more keys than this are not data; past it, keys are looked up without remembering. */
const MAX_REMEMBERED = 512;

export class KeyOrderLookup<V> {
  /** The keys of the last object, in its order, and what each found in the map. */
  private readonly keys: string[] = [];
  private readonly found: (V | undefined)[] = [];

  constructor(private readonly map: ReadonlyMap<string, V>) {}

  /** What the map holds for `key`, the `at`-th key (from 0) of the object being read. */
  at(at: number, key: string): V | undefined {
    if (this.keys[at] === key) return this.found[at];
    const v = this.map.get(key);
    if (at < MAX_REMEMBERED) {
      this.keys[at] = key;
      this.found[at] = v;
    }
    return v;
  }
}
