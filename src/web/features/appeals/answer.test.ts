import { describe, expect, it } from 'vitest';
import { correctionsOf } from './answer.ts';
import type { AppealView } from './appealsApi.ts';

const field = (
  key: string,
  type: string,
  current: string | number | boolean | null,
): AppealView['fields'][number] => ({
  key,
  label: { vi: key, en: key },
  type,
  unit: null,
  options: type === 'enum' ? [{ value: 'a', label: { vi: 'A', en: 'A' } }] : null,
  current,
  currentShown: { vi: String(current), en: String(current) },
});

describe('the corrections an upheld appeal writes', () => {
  const fields = [
    field('computers', 'integer', 40),
    field('bandwidth', 'decimal', 12.5),
    field('has_plan', 'boolean', false),
    field('level', 'enum', null),
    field('plan_date', 'date', '2018-03-01'),
  ];

  it('takes only the fields typed and different from the official value', () => {
    expect(
      correctionsOf(
        fields,
        { computers: '45', bandwidth: '12,5', has_plan: 'true', level: 'a', plan_date: '2018-03-01' },
        'vi',
      ),
    ).toEqual({
      corrections: [
        { fieldKey: 'computers', value: 45 },
        { fieldKey: 'has_plan', value: true },
        { fieldKey: 'level', value: 'a' },
      ],
    });
  });

  it('reads numbers as the language writes them', () => {
    expect(correctionsOf(fields, { bandwidth: '20.75' }, 'en')).toEqual({
      corrections: [{ fieldKey: 'bandwidth', value: 20.75 }],
    });
    expect(correctionsOf(fields, { bandwidth: '20,75' }, 'vi')).toEqual({
      corrections: [{ fieldKey: 'bandwidth', value: 20.75 }],
    });
  });

  it('says what is wrong: a number that is not one, or nothing changed', () => {
    const bad = correctionsOf(fields, { computers: '4 5' }, 'vi');
    expect('problem' in bad && bad.problem).toContain('"computers" phải là một số');
    const same = correctionsOf(fields, { computers: '40', plan_date: '2018-03-01' }, 'vi');
    expect('problem' in same && same.problem).toContain('khác với số liệu hiện tại');
  });
});
