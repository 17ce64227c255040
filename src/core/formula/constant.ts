/**
 * A plain number where the format allows one instead of a formula (a gate's `else`: 0 points).
 * It is not an operator of the file format, so it has no schema; the registry handles a number
 * through this node wherever a formula may stand.
 */
import * as X from '../exact.ts';
import { en, vi } from './context.ts';

export interface ConstNode {
  readonly op: 'const';
  readonly value: X.Q;
}

export const constNode = (n: number): ConstNode => ({ op: 'const', value: X.fromNumber(n) });
export const constText = (node: ConstNode) => ({ vi: vi(node.value), en: en(node.value) });
