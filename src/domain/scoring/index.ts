export * from './types';
export { scoreCoding, totals } from './score-coding';
export { codedWork } from './work';
