/**
 * The encoder UI: mount `<Encoder service={…} onpick={…} />`. The service it talks to is built
 * by the code engine (src/state/code-engine.svelte.ts, over src/codesets/encoder/).
 */
export { default as Encoder } from './Encoder.svelte';
export { lazyInPageEncoderService } from '../../state/code-engine.svelte';
export type {
  CodeDetail,
  CodeLine,
  EncoderService,
  IndexNode,
} from '../../state/code-engine.svelte';
export { withSeventh, placeholdersNeeded } from './seventh';
