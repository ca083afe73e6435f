export * from './types';
export { scoreCoding, totals } from './score-coding';
