/** Types of scripts/build-cli.mjs (the CLI build), for the bench and tests written in TypeScript. */
export const OUT_DIR: string;
export const OUT_FILE: string;
export function isStale(): boolean;
export function buildCli(): Promise<string>;
