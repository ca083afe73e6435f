/**
 * The claim a coder would send for an encounter, as the JSON the claim parser and checkClaim
 * read (money as decimal strings): the primary coverage, frequency 1. The pack validator runs
 * generated answer keys through it; the simulation may use it too.
 */
import { formatMoney } from '../money';
import type { GeneratedEncounter } from './encounter';

export function claimInputOf(
  e: GeneratedEncounter,
  claimId: string = e.id,
  submissionDate: string = e.serviceDate,
  coding: GeneratedEncounter['answer'] = e.answer,
): Record<string, unknown> {
  const primary = e.coverage[0];
  return {
    claimId,
    payerId: primary?.payerId ?? '',
    patient: {
      firstName: e.patient.firstName,
      lastName: e.patient.lastName,
      sex: e.patient.sex,
      birthDate: e.patient.birthDate,
      memberId: primary?.memberId ?? null,
      ...(e.patient.dualStatus ? { dualStatus: e.patient.dualStatus } : {}),
    },
    provider: { npi: e.provider.npi, pos: e.provider.pos, locality: e.provider.locality },
    serviceDate: e.serviceDate,
    submissionDate,
    diagnoses: [...coding.diagnoses],
    lines: coding.lines.map((l) => ({
      code: l.code,
      modifiers: [...l.modifiers],
      units: l.units,
      dxPointers: [...l.dxPointers],
      charge: formatMoney(l.charge),
    })),
    priorAuthNumber: e.priorAuthNumber,
    accumulators: { deductibleMet: '0.00', outOfPocketMet: '0.00' },
  };
}
