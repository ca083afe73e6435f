/** Plain-language names of the lifecycle steps, for the stepper, headings and the case list. */
import type { LifecycleStep, LifecycleTag } from '../../machines/lifecycle.machine';

const LABELS: Record<LifecycleStep, string> = {
  encounter: 'Encounter',
  coding: 'Coding',
  claim: 'Claim review',
  submitted: 'Submitted',
  adjudicated: 'Remittance received',
  paid: 'Paid',
  denied: 'Denied',
  rejected: 'Rejected',
  corrected: 'Correcting',
  resubmitted: 'Resubmitted',
  reprocessing: 'Appeal won: payer reprocessing',
  secondary: 'Billed to the secondary payer',
  patientStatement: 'Patient statement',
  closed: 'Closed: score',
};

export const stepLabel = (s: LifecycleStep): string => LABELS[s];

/** The stepper's stations, each the machine's phase tag; paid/denied/rejected share one. */
export const STATIONS: { id: string; label: string; tag: LifecycleTag }[] = [
  { id: 'encounter', label: 'Encounter', tag: 'phase.encounter' },
  { id: 'coding', label: 'Coding', tag: 'phase.coding' },
  { id: 'claim', label: 'Claim', tag: 'phase.claim' },
  { id: 'remit', label: 'Remittance', tag: 'phase.remittance' },
  { id: 'outcome', label: 'Paid / denied', tag: 'phase.outcome' },
  { id: 'correct', label: 'Correction', tag: 'phase.correction' },
  { id: 'statement', label: 'Statement', tag: 'phase.statement' },
  { id: 'closed', label: 'Score', tag: 'phase.closed' },
];
