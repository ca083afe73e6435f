/**
 * What an attempt is scored on: the last claim sent, or the draft when nothing was sent.
 * One rule for the score page and for the attempt history, so a stored attempt scores the same
 * when it is read back.
 */
import type { CodedWork } from './types';

interface DraftLike {
  diagnoses: readonly string[];
  lines: readonly {
    code: string;
    modifiers: readonly string[];
    units: string | number;
    dxPointers: readonly number[];
  }[];
}

export function codedWork(lastClaim: CodedWork | undefined, draft: DraftLike): CodedWork {
  if (lastClaim) return { diagnoses: lastClaim.diagnoses, lines: lastClaim.lines };
  return {
    diagnoses: [...draft.diagnoses],
    lines: draft.lines.map((l) => ({
      code: l.code,
      modifiers: l.modifiers.filter(Boolean),
      units: Number(l.units) || 0,
      dxPointers: [...l.dxPointers],
    })),
  };
}
