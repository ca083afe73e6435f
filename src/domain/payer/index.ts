/**
 * The payer simulation's public API (the lifecycle machine, the UI, scoring and the CLI use
 * these): adjudicate a claim into a remittance, profiles, COB helpers, appeal levels, and our
 * CARC/RARC wording. The payers and fee tables come from the packs, through the payer service
 * (src/services/payer.ts).
 *
 *   const remit = adjudicate(claim, { payer, fees, findings, edits });
 *   remittanceJson(remit) // the `claimlab adjudicate` contract
 */
export { adjudicate, type AdjudicationContext } from './adjudicate';
export {
  appealLevels,
  meetsAmountInControversy,
  type AppealLevelOnDate,
} from './corrections/appeals';
export {
  birthdayRule,
  coordinationOrder,
  primaryOverMedicare,
  type Coverage,
} from './coordination/cob';
export { CARC, RARC, GROUP_CODES, carcText, rarcText, type GroupCode } from './remittance/codes';
export { filingDeadline } from './checks';
export { parseFeeTable, type FeeSources, type FeeTable, type MpfsTables } from './pricing/fees';
export { policyFor } from './policy';
export { parsePayerProfile, valueOn, datedOn, type PayerProfile } from './profile';
export { mpfsAmount, medicareFee } from './pricing/pricing';
export {
  remittanceJson,
  lineBalances,
  lineIsDenied,
  statusOf,
  type Remittance,
  type RemitLine,
  type Adjustment,
  type ClaimStatus,
  type RemittanceJson,
} from './remittance/remittance';
