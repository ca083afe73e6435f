import type { ClaimHeader } from '../../src/machines/claim-from-draft';
import type { Remittance } from '../../src/machines/remittance';
import type { LifecycleInput } from '../../src/machines/lifecycle.machine';
import { baseProvider } from '../factories';

export const header: ClaimHeader = {
  payerId: 'medicare',
  patient: {
    sex: 'F',
    birthDate: '1956-04-12',
    memberId: '1EG4TE5MK73',
    firstName: 'Ann',
    lastName: 'Lee',
  },
  provider: baseProvider(),
  serviceDate: '2026-03-02',
  priorAuthNumber: null,
  accumulators: { deductibleMet: '0.00', outOfPocketMet: '0.00' },
};

export const input: LifecycleInput = { caseId: 'dm2-htn', header, acceptsReplacement: true };

export function remit(claimId: string, status: Remittance['status']): Remittance {
  const paid = status === 'paid' ? '80.00' : '0.00';
  return {
    claimId,
    status,
    lines: [
      {
        line: 1,
        code: '99214',
        billed: '145.00',
        allowed: status === 'paid' ? '100.00' : '0.00',
        paid,
        adjustments:
          status === 'paid'
            ? [
                { group: 'CO', carc: '45', amount: '45.00' },
                { group: 'PR', carc: '2', amount: '20.00' },
              ]
            : [{ group: 'CO', carc: status === 'rejected' ? '16' : '11', amount: '145.00' }],
        remarks: status === 'rejected' ? ['MA130'] : [],
      },
    ],
    totals: {
      billed: '145.00',
      allowed: status === 'paid' ? '100.00' : '0.00',
      paid,
      patientResponsibility: status === 'paid' ? '20.00' : '0.00',
    },
    findings: [],
  };
}
