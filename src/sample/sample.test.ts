import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileChecks, runChecks } from '../core/checks/run.ts';
import { bundledCompiledSet } from '../core/criteria/bundled.ts';
import { readCycleText } from '../core/input/cycle.ts';
import { scoreCycle } from '../core/ranking/rank.ts';
import { CAO_BANG_AGENCIES, sampleCycleText } from './cao-bang.ts';

const file = readFileSync(new URL('../../examples/cao-bang-2017.json', import.meta.url), 'utf8');

describe('the sample year that npm start ranks', () => {
  it('is the file the generator makes (run scripts/make-sample.ts after changing it)', () => {
    expect(file).toBe(sampleCycleText());
  });

  it('has the 33 agencies of Phụ lục I, 20 departments and 13 districts, with their exact names', () => {
    expect(CAO_BANG_AGENCIES).toHaveLength(33);
    expect(CAO_BANG_AGENCIES.filter((a) => a.group === 'department')).toHaveLength(20);
    expect(CAO_BANG_AGENCIES.map((a) => a.name)).toContain('Sở Lao động, Thương binh và xã hội');
    expect(CAO_BANG_AGENCIES.map((a) => a.name)).toContain('UBND huyện Trùng Khánh');
  });

  it('is valid input that ranks both groups, with a late and a missing agency not ranked', () => {
    const read = readCycleText(file, { resolveSet: bundledCompiledSet });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const result = scoreCycle(read.set, read.cycle);
    const [dept, dist] = result.groups;
    expect(dept!.ranking.length + dept!.notRanked.length).toBe(20);
    expect(dist!.ranking.length + dist!.notRanked.length).toBe(13);
    expect(dept!.notRanked).toEqual([
      { code: 'SNGV', name: 'Sở Ngoại vụ', reason: 'missing' },
      { code: 'SNV', name: 'Sở Nội vụ', reason: 'late' },
    ]);
    const classes = new Set(dept!.ranking.map((r) => r.score.classId));
    expect(classes.size).toBeGreaterThanOrEqual(3);
  });

  it('passes the hard logic checks for every agency that submitted on time', () => {
    const read = readCycleText(file, { resolveSet: bundledCompiledSet });
    if (!read.ok) throw new Error('bad sample');
    const compiled = compileChecks(read.set.def);
    for (const a of read.cycle.agencies) {
      if (a.submittedAt === null || a.submittedAt >= read.cycle.deadline) continue;
      const errors = runChecks(read.set.def, a.group, a, { deadline: read.cycle.deadline }, compiled).filter(
        (f) => f.severity === 'error',
      );
      expect(errors.map((f) => `${a.code} ${f.ruleId}`)).toEqual([]);
    }
  });
});
