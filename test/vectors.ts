/** The worked cases of spec/vectors: NAME.input.json scored must equal NAME.expected.json. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const VECTOR_DIR = fileURLToPath(new URL('../spec/vectors/', import.meta.url));

export const vectorNames = (): string[] =>
  readdirSync(VECTOR_DIR)
    .filter((f) => f.endsWith('.input.json'))
    .map((f) => f.slice(0, -'.input.json'.length))
    .sort();

export const vectorInputPath = (name: string): string => `${VECTOR_DIR}${name}.input.json`;
export const vectorInputText = (name: string): string => readFileSync(vectorInputPath(name), 'utf8');
export const vectorExpected = (name: string): unknown =>
  JSON.parse(readFileSync(`${VECTOR_DIR}${name}.expected.json`, 'utf8'));
