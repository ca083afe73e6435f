import { describe, expect, it } from 'vitest';
import { counted, readableReference, statusWords } from '../../src/ui/case/words';

describe('case screen wording', () => {
  it('statuses in words', () => {
    expect(statusWords('partially-paid')).toBe('Partially paid');
    expect(statusWords('refused')).toBe('Reopening refused');
    expect(statusWords('something-new')).toBe('Something new');
  });

  it('counts with the right plural', () => {
    expect(counted(1, 'match', 'matches')).toBe('1 match');
    expect(counted(2, 'match', 'matches')).toBe('2 matches');
    expect(counted(0, 'finding')).toBe('0 findings');
    expect(counted(1, 'finding')).toBe('1 finding');
  });

  it('references lose internal file paths but keep the rule they cite', () => {
    expect(readableReference('Plan contract (scenarios/starter/payers/commercial-ppo.json)')).toBe(
      'Plan contract',
    );
    expect(readableReference('42 CFR 405.942; src/domain/payer/corrections/appeals.ts')).toBe(
      '42 CFR 405.942',
    );
    expect(readableReference('NCCI PTP edits, CMS 2026 Q1')).toBe('NCCI PTP edits, CMS 2026 Q1');
    expect(readableReference('MUE (codesets/ncci/mue.json, curated from CMS policy)')).toBe(
      'MUE (curated from CMS policy)',
    );
  });
});
