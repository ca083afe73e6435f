/**
 * The CLI's ledger store spills texts to a temporary file through a 1 MiB buffer: every handle
 * gives back its text exactly, whether it is still in the buffer, already on disk, or larger
 * than the buffer, and multi-byte characters keep their byte lengths.
 */
import { describe, expect, it } from 'vitest';
import { fileLedgerStore } from '../../src/cli/ledger-file';

describe('fileLedgerStore', () => {
  it('returns each text exactly, across buffer flushes and for texts over the buffer size', () => {
    const store = fileLedgerStore();
    const texts = Array.from({ length: 3000 }, (_, i) =>
      i % 500 === 7
        ? `big ${i} ${'é'.repeat(700_000)}`
        : `{"i":${i},"s":"${'ü€'.repeat(i % 300)}"}`,
    );
    const handles = texts.map((t) => store.put(t));
    expect(new Set(handles).size).toBe(texts.length);
    // Read back in a scrambled order: some from the file, the last ones from the buffer.
    for (let k = 0; k < texts.length; k++) {
      const i = (k * 7919) % texts.length;
      expect(store.get(handles[i]!)).toBe(texts[i]);
    }
  });
});
