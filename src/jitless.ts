/**
 * zod 4 compiles object parsers with `new Function` unless told not to, and merely probing for it
 * is reported as a Content-Security-Policy violation (script-src has no 'unsafe-eval'). The app
 * and the worker import this first, so zod never tries.
 * See: index.html (the policy), https://zod.dev/packages/core#jitless
 */
import { z } from 'zod';

z.config({ jitless: true });
