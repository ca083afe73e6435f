// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import DiagnosisList from '../../src/ui/case/DiagnosisList.svelte';
import type { LifecycleEvent } from '../../src/machines/lifecycle.machine';
import type { Finding } from '../../src/domain/findings';

afterEach(cleanup);

const finding: Finding = {
  id: 'code.not-billable',
  severity: 'error',
  line: null,
  codes: ['E11.6'],
  message: 'E11.6 is a header.',
  reference: 'Guidelines I.A.3',
  diagnosisIndex: 0,
};

describe('DiagnosisList', () => {
  it('lists diagnoses in claim order, marks the first-listed and shows its findings', () => {
    render(DiagnosisList, {
      diagnoses: ['E11.6', 'I10'],
      describe: (c: string) => (c === 'I10' ? 'Essential (primary) hypertension' : undefined),
      findings: [[finding], []],
      editable: true,
      send: () => {},
    });
    const items = [
      ...screen
        .getByRole('list', { name: 'Diagnoses in claim order' })
        .querySelectorAll(':scope > li'),
    ];
    expect(items[0]?.textContent).toContain('First-listed');
    expect(items[1]?.textContent).toContain('Essential (primary) hypertension');
    expect(
      within(screen.getByRole('list', { name: 'Findings for diagnosis E11.6' })).getByText(
        'code.not-billable',
      ),
    ).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Move E11.6 up' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('sends move and remove events from its labelled buttons', async () => {
    const sent: LifecycleEvent[] = [];
    render(DiagnosisList, {
      diagnoses: ['E11.65', 'I10'],
      describe: () => undefined,
      findings: [[], []],
      editable: true,
      send: (e: LifecycleEvent) => sent.push(e),
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Move I10 up' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Remove E11.65' }));
    expect(sent).toEqual([
      { type: 'dx.move', index: 1, by: -1 },
      { type: 'dx.remove', index: 0 },
    ]);
  });

  it('shows no editing buttons once the claim is read-only', () => {
    render(DiagnosisList, {
      diagnoses: ['I10'],
      describe: () => undefined,
      findings: [[]],
      editable: false,
      send: () => {},
    });
    expect(screen.queryByRole('button')).toBeNull();
  });
});
