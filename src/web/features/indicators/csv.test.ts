import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('tables as CSV', () => {
  it('starts with a byte-order mark, quotes what needs quoting and keeps Vietnamese', () => {
    expect(
      toCsv([
        ['Cơ quan', 'Giá trị'],
        ['Sở Y tế, "mới"', 87.25],
        ['UBND huyện Hòa An', null],
      ]),
    ).toBe('\uFEFFCơ quan,Giá trị\r\n"Sở Y tế, ""mới""",87.25\r\nUBND huyện Hòa An,\r\n');
  });
});
