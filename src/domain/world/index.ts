/**
 * The synthetic world (issue 15): a seeded practice and encounters generated from case
 * templates. Import it lazily from the app (it brings @faker-js/faker along).
 */
export type * from './encounter';
export { createWorld, behaviourOnDate, ageOn, AGE_BANDS, STARTER_PAYERS } from './world';
export type { PracticeWorld, WorldOptions, Schedule, PracticeInfo } from './world';
export { encounterSource, encounterFromTemplate } from './encounters';
export type { EncounterOptions } from './encounters';
export { templateEntries, templateProblems } from './template';
export type { EncounterTemplate, TemplateEntry, TemplateFact, FactCertainty } from './template';
export { payerBehaviour } from './behaviour';
export type { WorldPayer, PayerKind, BehaviourOverride } from './behaviour';
export { DEFAULT_CHARGE_MASTER } from './charges';
export { DEFAULT_NOISE, type NoiseOptions } from './note';
export { npiCheckDigit, makeNpi, makeMbi, isMbi, makeMemberId, fitsMemberIdPattern } from './ids';
export { claimInputOf } from './claim-input';
