import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotFiller } from './slots.ts';

const KEYS = ['total_staff', 'has_lan', 'constructor', 'website_active'];
const ALL = [0, 1, 2, 3];
const byName = (values: Record<string, unknown>) => KEYS.map((k) => values[k]);
const ownOrBase = (overlay: Record<string, unknown>, base: readonly unknown[]) =>
  KEYS.map((k, i) => (Object.hasOwn(overlay, k) ? overlay[k] : base[i]));

describe('filling slots reads what a lookup by name reads', () => {
  const filler = new SlotFiller(KEYS, ALL);
  const fill = (values: Record<string, unknown>) => {
    const slots = ['stale', 'stale', 'stale', 'stale'];
    filler.fill(values, slots);
    return slots;
  };

  it('from JSON, in any key order, with keys missing or unknown', () => {
    for (const values of [
      JSON.parse('{"has_lan": true, "total_staff": 40, "other": 1}'),
      { website_active: false },
      {},
    ])
      expect(fill(values)).toEqual(byName(values));
  });

  it('one object after another, whatever order each lists its keys in (the filler remembers the last order)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.shuffledSubarray([...KEYS.filter((k) => k !== 'constructor'), 'other', 'more'], {
            minLength: 0,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (orders) => {
          for (const [i, order] of orders.entries()) {
            const values = JSON.parse(
              JSON.stringify(Object.fromEntries(order.map((k, j) => [k, i * 10 + j]))),
            );
            expect(fill(values)).toEqual(byName(values));
          }
        },
      ),
    );
  });

  it('finds what the prototype has, as a lookup does (a field named "constructor")', () => {
    expect(fill({ total_staff: 3 })[2]).toBe(Object);
    expect(fill({ constructor: 5 })[2]).toBe(5);
  });

  it('from objects that are not plain data: no prototype, another prototype, a hidden property', () => {
    const bare = Object.assign(Object.create(null), { has_lan: true });
    const inherited = Object.create({ total_staff: 9 });
    const hidden = Object.defineProperty({}, 'has_lan', { value: true, enumerable: false });
    for (const values of [bare, inherited]) expect(fill(values)).toEqual(byName(values));
    // A non-enumerable own property is not data: it is not in the slots (JSON never makes one).
    expect(fill(hidden)[1]).toBeUndefined();
  });
});

describe('a website check laid over the agency', () => {
  const filler = new SlotFiller(KEYS, [0, 3]);
  const base = [40, true, Object, true];

  it('takes the check’s own values, else the agency’s, only for the slots a check can change', () => {
    const slots = ['stale', 'stale', 'stale', 'stale'];
    filler.fillOver({ website_active: false, has_lan: false }, base, slots);
    expect(slots).toEqual([40, 'stale', 'stale', false]);
  });

  it('never takes an inherited value for the check’s own', () => {
    const overlay = Object.create({ website_active: false });
    const slots: unknown[] = [];
    filler.fillOver(overlay, base, slots);
    expect([slots[0], slots[3]]).toEqual([ownOrBase(overlay, base)[0], ownOrBase(overlay, base)[3]]);
    expect(slots[3]).toBe(true);
  });
});
