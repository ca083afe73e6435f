/**
 * Vitest globalSetup: builds the official bundles when missing (same script as npm run dev),
 * so tests on real codes find them. Without ../shared/reference it only prints a note.
 */
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  spawnSync(process.execPath, ['scripts/ensure-codesets.mjs'], { stdio: 'inherit' });
}
