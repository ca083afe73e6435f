import { describe, expect, it } from 'vitest';
import { boundedHeap } from '../../src/cli/heap-bound';

describe('boundedHeap (the main thread of a sharded run)', () => {
  it('collects once per `every` units passed on, not before', () => {
    let n = 0;
    const passed = boundedHeap(10, () => n++);
    passed(4);
    passed(5);
    expect(n).toBe(0);
    passed(1); // 10 since the start
    expect(n).toBe(1);
    passed(9);
    expect(n).toBe(1);
    passed(25); // one record larger than the step: one collection
    expect(n).toBe(2);
  });

  it('does nothing when V8 gives no collector', () => {
    const passed = boundedHeap(1, null);
    expect(() => passed(100)).not.toThrow();
  });

  it("finds V8's full collection in this process", () => {
    const passed = boundedHeap(1);
    expect(() => passed(2)).not.toThrow();
  });
});
