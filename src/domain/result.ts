/** A value or a list of problems, each with the path of the field it concerns. */
export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; errors: E[] };

export interface Problem {
  /** Path of the offending field, e.g. `lines[0].modifiers[1]` or `file.txt:12`. */
  path: string;
  message: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = Problem>(...errors: E[]): Result<never, E> => ({ ok: false, errors });
