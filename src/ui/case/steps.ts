/** Plain-language names of the lifecycle steps, for the stepper, headings and the case list. */
import type { LifecycleStep } from '../../machines/lifecycle.machine';

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
  patientStatement: 'Patient statement',
  closed: 'Closed: score',
};

export const stepLabel = (s: LifecycleStep): string => LABELS[s];

/** The stepper's stations; paid/denied/rejected share one. */
export const STATIONS: { id: string; label: string; steps: LifecycleStep[] }[] = [
  { id: 'encounter', label: 'Encounter', steps: ['encounter'] },
  { id: 'coding', label: 'Coding', steps: ['coding'] },
  { id: 'claim', label: 'Claim', steps: ['claim', 'submitted'] },
  { id: 'remit', label: 'Remittance', steps: ['adjudicated'] },
  { id: 'outcome', label: 'Paid / denied', steps: ['paid', 'denied', 'rejected'] },
  { id: 'correct', label: 'Correction', steps: ['corrected', 'resubmitted'] },
  { id: 'statement', label: 'Statement', steps: ['patientStatement'] },
  { id: 'closed', label: 'Score', steps: ['closed'] },
];
