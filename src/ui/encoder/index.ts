/** The encoder UI: mount `<Encoder service={…} onpick={…} />`. */
export { default as Encoder } from './Encoder.svelte';
export { createInPageEncoderService } from './in-page';
export type { CodeDetail, CodeLine, EncoderService, IndexNode } from './service';
export { withSeventh, placeholdersNeeded } from './seventh';
export { createWorkerEncoderService } from './worker-service';
