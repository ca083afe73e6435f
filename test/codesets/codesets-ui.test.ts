// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CodeSets from '../../src/ui/settings/CodeSets.svelte';
import { CodesetRequestError, type CodesetClient } from '../../src/codesets/client';
import type { CodesetStatus, WorkerRequest } from '../../src/codesets/protocol';

const official: CodesetStatus = {
  mode: 'official',
  describe: 'Official code sets: ICD-10-CM FY2021, FY2026 (tabular notes from FY2021)',
  releases: [
    {
      kind: 'icd10cm',
      id: 'FY2026',
      from: '2025-10-01',
      to: '2026-09-30',
      notesRelease: 'FY2021',
      origin: 'server',
      loaded: false,
      sources: ['icd10cm-order-2026.txt'],
      counts: { codes: 98186, billable: 74719 },
    },
  ],
  warnings: [],
};

function fakeClient(
  status: CodesetStatus,
  importError?: CodesetRequestError,
): CodesetClient & { calls: WorkerRequest[] } {
  const calls: WorkerRequest[] = [];
  return {
    calls,
    request: (async (req: WorkerRequest) => {
      calls.push(req);
      if (req.type === 'import' && importError) throw importError;
      if (req.type === 'import') return { built: [], log: [], skipped: [] };
      return status;
    }) as CodesetClient['request'],
    dispose: () => {},
  };
}

describe('Settings → Code sets', () => {
  afterEach(() => cleanup());
  it('shows the loaded releases with their dates and where notes come from', async () => {
    render(CodeSets, { props: { client: fakeClient(official) } });
    expect(await screen.findByText(official.describe)).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'FY2026' })).toBeTruthy();
    expect(screen.getByText('2025-10-01 to 2026-09-30')).toBeTruthy();
    expect(screen.getByText(/notes from the FY2021 tabular/)).toBeTruthy();
    expect(screen.getByText('codes 98,186, billable 74,719')).toBeTruthy();
  });

  it('says when the app runs on the starter set', async () => {
    render(CodeSets, {
      props: { client: fakeClient({ ...official, mode: 'starter', releases: [] }) },
    });
    expect(await screen.findByText(/Running on the starter code set/)).toBeTruthy();
  });

  it('reports a bad file with file:line and keeps what was there', async () => {
    const client = fakeClient(
      official,
      new CodesetRequestError([
        {
          path: 'icd10cm-order-2027.txt:812',
          message: 'column 15 must be the billable flag 0 or 1, found "7"',
        },
      ]),
    );
    render(CodeSets, { props: { client } });
    await screen.findByText(official.describe);
    const input = screen.getByLabelText('Choose files') as HTMLInputElement;
    const file = new File(['00001 A00     7 x'], 'icd10cm-order-2027.txt', { type: 'text/plain' });
    await fireEvent.change(input, { target: { files: [file] } });
    Object.defineProperty(input, 'files', { value: [file] });
    await fireEvent.submit(input.form!);
    expect(await screen.findByText('icd10cm-order-2027.txt:812')).toBeTruthy();
    expect(
      screen.getByText(/Nothing was imported; the code sets already in use are unchanged/),
    ).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'FY2026' })).toBeTruthy();
    expect(client.calls.map((c) => c.type)).toEqual(['status', 'import']);
  });

  it('sends the "Accept a smaller release" consent with the import only when ticked', async () => {
    const client = fakeClient(official);
    render(CodeSets, { props: { client } });
    await screen.findByText(official.describe);
    const input = screen.getByLabelText('Choose files') as HTMLInputElement;
    const file = new File(['x'], 'icd10cm-order-2027.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [file] });
    const imports = () => client.calls.filter((c) => c.type === 'import');
    await fireEvent.submit(input.form!);
    await vi.waitFor(() => expect(imports()).toHaveLength(1));
    await vi.waitFor(() =>
      expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    await fireEvent.click(screen.getByLabelText('Accept a smaller release'));
    await fireEvent.submit(input.form!);
    await vi.waitFor(() => expect(imports()).toHaveLength(2));
    expect('allowShrink' in imports()[0]!).toBe(false);
    expect(imports()[1]).toMatchObject({ allowShrink: true });
  });
});
