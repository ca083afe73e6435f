/**
 * What the studio's components use from the pack modules (ui/ reaches behaviour through
 * state/, STYLE.md): the parts and their labels, per-item problems, the diff, sharing and
 * seeded variants. Pure functions, re-exported as they are.
 */
export {
  EDITABLE_PARTS,
  PART_LABELS,
  PART_ITEM_LABELS,
  itemProblems,
  previousVersion,
  type BumpLevel,
  type ChangeInput,
  type EditablePart,
} from '../scenarios/authoring';
export { diffPacks } from '../scenarios/diff';
export { exportPack, piiFlags, PII_LABELS, MAX_PACK_FILE_BYTES } from '../scenarios/share';
export { makeVariant } from '../scenarios/variants';
