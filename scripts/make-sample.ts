/**
 * Regenerates examples/cao-bang-2017.json, the sample year that `npm start` ranks:
 * the 33 agencies of Phụ lục I with plausible, seeded data (a test keeps the file in step).
 */
import { writeFileSync } from 'node:fs';
import { sampleCycleText } from '../src/sample/cao-bang.ts';

writeFileSync(new URL('../examples/cao-bang-2017.json', import.meta.url), sampleCycleText());
console.log('examples/cao-bang-2017.json');
