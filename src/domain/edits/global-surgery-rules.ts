/**
 * The Medicare global surgery rules for an E/M service near a procedure, as data with their
 * sources. A procedure's global period comes from the MPFS "GLOB DAYS" column: 000 and 010 are
 * minor procedures, 090 major; MMM (maternity), XXX (concept does not apply), YYY (set by the
 * MAC) and ZZZ (add-on, inside another code's period) get no rule here.
 * See: CMS Pub. 100-04 (Medicare Claims Processing Manual) ch. 12 §40.1 (the global surgical
 * package: preoperative visits from the day before a major surgery, postoperative visits;
 * minor surgeries: same-day visits included), §40.2 (modifiers 24, 25, 57), §40.4 (adjudication);
 * NCCI Policy Manual for Medicare Services ch. I §D (E&M services with 000/010/090 procedures)
 * and ch. XI (E&M services).
 */

/** A global period the rules act on, by MPFS GLOB DAYS value. */
export type GlobalKind = 'minor' | 'major';

export const globalKind = (days: string | undefined): GlobalKind | null =>
  days === '000' || days === '010' ? 'minor' : days === '090' ? 'major' : null;

/** Postoperative days after the day of surgery (000: none; the day of surgery is day 0). */
export const postopDays = (days: string | undefined): number =>
  days === '010' ? 10 : days === '090' ? 90 : 0;

export interface GlobalSurgeryRule {
  kind: 'minor-same-day' | 'major-preop' | 'postop' | 'postop-procedure';
  /** The modifier on the E/M (or the later procedure) that makes it separately payable. */
  modifier: '25' | '57' | '24' | '79';
  /** A modifier sometimes used instead that does not apply in this situation. */
  wrong?: '25' | '57';
  /** Plain-language statement of the rule, quoted in the finding. */
  rule: string;
  /** When the modifier applies, as the suggestion says it ("if the visit was ..."). */
  when: string;
  /** What to do otherwise, when not just removing the E/M. */
  otherwise?: string;
  effective: string;
  source: string;
}

export const GLOBAL_SURGERY_RULES: Record<GlobalSurgeryRule['kind'], GlobalSurgeryRule> = {
  'minor-same-day': {
    kind: 'minor-same-day',
    modifier: '25',
    wrong: '57',
    when: 'if the visit was significant and separately identifiable (documented)',
    rule: 'an E/M service on the day of a minor procedure (000/010 global days), including the decision to perform it, is part of the procedure unless it is significant and separately identifiable (modifier 25); modifier 57 applies only to major surgery',
    effective: '1992-01-01',
    source:
      'CMS Pub. 100-04 ch. 12 §40.1.C (minor surgeries: same-day visits included) and §40.2 (modifier 25); NCCI Policy Manual ch. I §D and ch. XI (000/010-day procedures: 25, not 57)',
  },
  'major-preop': {
    kind: 'major-preop',
    modifier: '57',
    wrong: '25',
    when: 'if the visit was the decision for surgery (documented)',
    rule: 'an E/M service on the day of or the day before a major surgery (090 global days) is part of the global package unless it was the decision for surgery (modifier 57); modifier 25 does not make it payable',
    effective: '1992-01-01',
    source:
      'CMS Pub. 100-04 ch. 12 §40.1.A (preoperative visits from the day before surgery), §40.1.B (the decision for major surgery is not included) and §40.2 (modifier 57); NCCI Policy Manual ch. I §D (090-day procedures: 57)',
  },
  postop: {
    kind: 'postop',
    modifier: '24',
    when: 'if the visit was unrelated to the surgery (documented)',
    otherwise: 'a follow-up visit is reported as 99024 with no charge',
    rule: 'visits during the postoperative period of a surgery (10 days for 010, 90 days for 090) are part of its global package (follow-up visits are reported with 99024, no charge); an E/M unrelated to the surgery is payable with modifier 24',
    effective: '1992-01-01',
    source:
      'CMS Pub. 100-04 ch. 12 §40.1.A (postoperative visits included), §40.1.B (unrelated visits not included), §40.2 (modifier 24) and §40.4 (adjudication of postoperative claims); CPT 99024 (postoperative follow-up visit)',
  },
  'postop-procedure': {
    kind: 'postop-procedure',
    modifier: '79',
    when: 'if the procedure was unrelated to the earlier surgery (documented); 58 if it was staged or planned, or more extensive; 78 for an unplanned return to the operating room for a complication',
    otherwise:
      'treatment of a complication that needs no return to the operating room is part of the global package',
    rule: "a procedure during the postoperative period of an earlier surgery by the same physician is part of that surgery's global package unless it is unrelated (modifier 79), staged or more extensive (58), or a return to the operating room for a complication (78)",
    effective: '1992-01-01',
    source:
      'CMS Pub. 100-04 ch. 12 §40.1.A (complications not needing a return to the operating room are included), §40.2.A (modifiers 58, 78 and 79) and §40.4 (adjudication of postoperative claims)',
  },
};

/** The CARC a payer uses for a service included in another's global package. */
export const GLOBAL_CARC = 'CARC 97 (included in the payment for another service)';
