/** The sample year of Cao Bằng: Phụ lục I's 33 agencies, 2017, seeded. */
import agencies from '../../seed/agencies-cao-bang.json' with { type: 'json' };
import { bundledCompiledSet } from '../core/criteria/bundled.ts';
import { generateCycle, type SampleCycle } from './generate.ts';

export const SAMPLE_YEAR = 2017;
export const SAMPLE_SEED = 2310;

/** The agencies of Phụ lục I (code, name, group, website). */
export const CAO_BANG_AGENCIES: readonly { code: string; name: string; group: string; website: string }[] =
  agencies.agencies;

export function sampleCycle(): SampleCycle {
  return generateCycle(bundledCompiledSet('cao-bang-2016')!, {
    year: SAMPLE_YEAR,
    seed: SAMPLE_SEED,
    agencies: CAO_BANG_AGENCIES,
    lateShare: 0,
    missingShare: 0,
    late: ['SNV', 'HTN'],
    missing: ['SNGV'],
    checkedShare: 1,
  });
}

/** The sample as the file `examples/cao-bang-2017.json` holds it. */
export const sampleCycleText = (): string => `${JSON.stringify(sampleCycle(), null, 2)}\n`;
