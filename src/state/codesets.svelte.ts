/**
 * State of the Settings → Code sets screen: what the worker has loaded, and importing official
 * files chosen from disk. Talks to the code-set worker through a CodesetClient (a fake in tests).
 */
import { CodesetRequestError, type CodesetClient } from '../codesets/client';
import { codesetClient } from '../services/codeset-client';
import type { CodesetStatus, ImportReport } from '../codesets/protocol';
import type { ManifestEntry } from '../codesets/manifest';
import type { Problem } from '../domain/result';

/** What the Settings screen names (it imports them from here, not from codesets/). */
export type { CodesetClient } from '../codesets/client';
export type { ReleaseStatus } from '../codesets/protocol';

export class CodesetsState {
  #client: CodesetClient;
  status = $state<CodesetStatus | null>(null);
  busy = $state(false);
  problems = $state<Problem[]>([]);
  lastImport = $state<ImportReport | null>(null);

  constructor(client: CodesetClient = codesetClient()) {
    this.#client = client;
  }

  get icd() {
    return this.status?.releases.filter((r) => r.kind === 'icd10cm') ?? [];
  }
  get others() {
    return this.status?.releases.filter((r) => r.kind !== 'icd10cm') ?? [];
  }

  async refresh(): Promise<void> {
    await this.#run(async () => {
      this.status = await this.#client.request({ type: 'status' });
    });
  }

  /**
   * Imports official files; a release with noticeably fewer codes than the one it replaces is
   * refused (the file looks truncated) unless `allowShrink`, the user's explicit consent.
   */
  async importFiles(files: File[], allowShrink = false): Promise<void> {
    if (!files.length) return;
    this.lastImport = null;
    await this.#run(async () => {
      const data = await Promise.all(
        files.map(async (f) => ({ name: f.name, data: await readBytes(f) })),
      );
      this.lastImport = await this.#client.request(
        { type: 'import', files: data, ...(allowShrink ? { allowShrink } : {}) },
        data.map((d) => d.data),
      );
      this.status = await this.#client.request({ type: 'status' });
    });
  }

  async remove(kind: ManifestEntry['kind'], id: string): Promise<void> {
    await this.#run(async () => {
      this.status = await this.#client.request({ type: 'remove', kind, id });
    });
  }

  async #run(fn: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.problems = [];
    try {
      await fn();
    } catch (e) {
      this.problems =
        e instanceof CodesetRequestError
          ? e.problems
          : [{ path: 'code sets', message: (e as Error).message }];
    } finally {
      this.busy = false;
    }
  }
}

/** File.arrayBuffer, with FileReader for environments that lack it (older engines, jsdom). */
function readBytes(f: File): Promise<ArrayBuffer> {
  if (typeof f.arrayBuffer === 'function') return f.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(new Error(`${f.name}: cannot be read`));
    r.readAsArrayBuffer(f);
  });
}
