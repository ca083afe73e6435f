/**
 * The one CLI capture for tests: an Io whose stdout and stderr lines are collected, with the
 * given text as stdin. Every CLI test runs commands through it.
 */
import type { Io } from '../../src/cli/io';

export function captureIo(stdin = ''): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin };
  return { io, out, err };
}
