/**
 * Surgeons other than the one primary surgeon: assistant at surgery (modifiers 80, 81, 82 and
 * AS), co-surgery (62) and team surgery (66), each allowed or not by the code's ASST SURG,
 * CO SURG and TEAM SURG indicators on the RVU file.
 * See: CMS PFS Relative Value File read-me (RVU25D), ASST SURG / CO SURG / TEAM SURG;
 * Pub. 100-04 ch. 12 §20.4.3 (assistants, 16%), §40.8 (co-surgeons 62.5%, team surgery by
 * report), §110–§120 (non-physician assistants, 85% of the 16%).
 */
import { PFS_RATES, rateText, type PfsRate } from './pfs-rates';

export type SurgicalRole = '80' | '81' | '82' | 'AS' | '62' | '66';

/** The first surgical-team modifier on the line, or null (the common case: no allocation). */
export function surgicalRole(modifiers: readonly string[]): SurgicalRole | null {
  for (const m of modifiers)
    if (m === '80' || m === '81' || m === '82' || m === 'AS' || m === '62' || m === '66') return m;
  return null;
}

/** Indicators as the fee source has them; undefined when a flat table does not state them. */
export interface TeamIndicators {
  asstSurg?: string | undefined;
  coSurg?: string | undefined;
  teamSurg?: string | undefined;
}

export type TeamReason =
  // Payable only with documentation of medical necessity (ASST SURG 0, CO SURG 1), none sent.
  | 'team-documentation-missing'
  | 'assistant-not-payable'
  | 'co-surgery-not-payable'
  | 'team-surgery-not-payable'
  | 'team-surgery-by-report';

export type RoleOutcome =
  | {
      kind: 'rate';
      rate: PfsRate;
      rule: string;
      /** Paid only when documentation of medical necessity is sent (ASST SURG 0, CO SURG 1). */
      documentation: boolean;
    }
  | { kind: 'unpriced'; reason: TeamReason };

const NOT_STATED = ' (indicator not in the fee table)';

/** What the role pays under the code's indicator. */
export function roleOutcome(role: SurgicalRole, ind: TeamIndicators): RoleOutcome {
  if (role === '66') {
    // TEAM SURG 1/2: payable, but priced by report (no fee schedule amount); 0/9: not payable.
    return {
      kind: 'unpriced',
      reason:
        ind.teamSurg === '0' || ind.teamSurg === '9'
          ? 'team-surgery-not-payable'
          : 'team-surgery-by-report',
    };
  }
  if (role === '62') {
    // CO SURG 1 = with documentation, 2 = permitted; 0 = not permitted; 9 = does not apply.
    const i = ind.coSurg;
    if (i === '0' || i === '9') return { kind: 'unpriced', reason: 'co-surgery-not-payable' };
    const r = PFS_RATES.coSurgery;
    const why = i === '1' ? ' (documentation of medical necessity required)' : '';
    return {
      kind: 'rate',
      rate: r,
      rule: rateText(r) + (i === undefined ? NOT_STATED : why),
      documentation: i === '1',
    };
  }
  // ASST SURG 0 = payable with documentation, 2 = payable; 1 = statutory restriction (not
  // payable); 9 = the concept does not apply to the code, so an assistant is not paid either.
  const i = ind.asstSurg;
  if (i === '1' || i === '9') return { kind: 'unpriced', reason: 'assistant-not-payable' };
  const r = role === 'AS' ? PFS_RATES.nonPhysicianAssistant : PFS_RATES.assistant;
  const why = i === '0' ? ' (documentation of medical necessity required)' : '';
  return {
    kind: 'rate',
    rate: r,
    rule: rateText(r) + (i === undefined ? NOT_STATED : why),
    documentation: i === '0',
  };
}
