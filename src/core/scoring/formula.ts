/**
 * A criterion's formula evaluated exactly, and explained in words a civil servant can check by
 * hand: `min(1; 38/40) × 5 = 4,75 điểm`. What each operator means is in formula/registry.ts;
 * this is the scorer's door to it. An explanation is built from the value the evaluation gave,
 * so it can never disagree with the score; bulk scoring (no explanations) goes through
 * scoring/fast.ts and comes here only for what that does not handle.
 */
export { EvalContext, readNumber } from '../formula/context.ts';
export { evaluateNode as evaluate, explainNode as explain } from '../formula/registry.ts';
