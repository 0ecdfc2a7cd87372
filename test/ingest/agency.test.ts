import { describe, expect, it } from 'vitest';
import { canonicalAgency } from '../../pipeline/ingest/agency.ts';
import type { Agency } from '../../schemas/case.ts';

const agencies = [
  { name: 'South Yorkshire Police', short: 'Police', imrRequired: true },
  { name: 'Sheffield Independent Domestic Abuse Service (IDVAS)', imrRequired: true },
  { name: 'Sheffield City Council Housing Services', short: 'Housing', imrRequired: true },
  { name: 'Probation', imrRequired: false },
] as Agency[];

describe('canonicalAgency', () => {
  it('knows an agency by its initials, as chronologies often name it', () => {
    expect(canonicalAgency('SYP', agencies)).toBe('South Yorkshire Police');
    expect(canonicalAgency('SCCHS', agencies)).toBe('Sheffield City Council Housing Services');
  });

  it('knows an agency by the abbreviation in brackets in its name', () => {
    expect(canonicalAgency('IDVAS', agencies)).toBe('Sheffield Independent Domestic Abuse Service (IDVAS)');
  });

  it('still knows names and short names, and leaves an unknown agency as written', () => {
    expect(canonicalAgency('south yorkshire police', agencies)).toBe('South Yorkshire Police');
    expect(canonicalAgency('Housing', agencies)).toBe('Sheffield City Council Housing Services');
    expect(canonicalAgency('Yorkshire Ambulance Service', agencies)).toBe('Yorkshire Ambulance Service');
    // A one-word name gives no initials: "P" must not match Probation.
    expect(canonicalAgency('P', agencies)).toBe('P');
  });
});
