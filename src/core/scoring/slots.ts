/**
 * Filling the slots of scoring/fast.ts from an agency's values, or from a website check laid over
 * them. Looking each slot's key up by name is, at one place in the code that sees ~100 names, the
 * engine's slowest kind of property read; walking the object's own keys instead (`for…in`, which
 * the engine serves from a cache kept per object layout, without allocating) and finding each
 * key's slot in a map is several times faster, and it was most of the cost of filling the slots.
 *
 * The objects of one file list their keys in one order (the form's): the map is asked through a
 * KeyOrderLookup, which remembers the last object's keys.
 *
 * The slots hold exactly what EvalContext.get reads for data objects (made by JSON.parse, spreads
 * or literals: enumerable properties, the usual prototype or none). Anything else is read key by
 * key, by name.
 */

import { KeyOrderLookup } from '../key-order.ts';

const own = Object.prototype.hasOwnProperty;

type Data = Readonly<Record<string, unknown>>;

/** Objects whose keys `for…in` lists are their own enumerable ones, and nothing inherited can shadow. */
function isData(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

export class SlotFiller {
  /** The wanted slots by key. */
  private readonly slotOf: KeyOrderLookup<number>;
  /** Wanted slots whose key Object.prototype has (`constructor`): read by name, as a lookup finds it. */
  private readonly byName: readonly number[];

  /** `keys` is the key of every slot; `wanted` the slots to fill (all, or those a check can change). */
  constructor(
    private readonly keys: readonly string[],
    private readonly wanted: readonly number[],
  ) {
    this.slotOf = new KeyOrderLookup(new Map(wanted.map((s) => [keys[s]!, s])));
    this.byName = wanted.filter((s) => keys[s]! in Object.prototype);
  }

  /** Fills the wanted slots with `values[key]`. */
  fill(values: Data, slots: unknown[]): void {
    const { keys, wanted } = this;
    if (!isData(values)) {
      for (let i = 0; i < wanted.length; i++) slots[wanted[i]!] = values[keys[wanted[i]!]!];
      return;
    }
    for (let i = 0; i < wanted.length; i++) slots[wanted[i]!] = undefined;
    let at = 0;
    for (const key in values) {
      const s = this.slotOf.at(at++, key);
      if (s !== undefined) slots[s] = values[key];
    }
    const byName = this.byName;
    for (let i = 0; i < byName.length; i++) slots[byName[i]!] = values[keys[byName[i]!]!];
  }

  /** Fills the wanted slots with the overlay's own value where it has the key, else the slot's value in `base`. */
  fillOver(overlay: Data, base: readonly unknown[], slots: unknown[]): void {
    const { keys, wanted } = this;
    if (!isData(overlay)) {
      for (let i = 0; i < wanted.length; i++) {
        const s = wanted[i]!;
        const key = keys[s]!;
        slots[s] = own.call(overlay, key) ? overlay[key] : base[s];
      }
      return;
    }
    for (let i = 0; i < wanted.length; i++) slots[wanted[i]!] = base[wanted[i]!];
    let at = 0;
    for (const key in overlay) {
      const s = this.slotOf.at(at++, key);
      // `for…in` also lists what a changed Object.prototype would make enumerable: own keys only.
      if (s !== undefined && own.call(overlay, key)) slots[s] = overlay[key];
    }
  }
}
