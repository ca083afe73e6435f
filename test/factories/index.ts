/** Test factories: claims, payers and cases, seeded (no randomness) and typed. */
export * from './claims';
export * from './payers';
export * from './cases';
