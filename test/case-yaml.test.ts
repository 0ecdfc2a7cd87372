import { describe, expect, it } from 'vitest';
import { parseCase } from '../pipeline/ingest/case.ts';
import { DhrError } from '../pipeline/errors.ts';

const minimum = `reference: SSCP-DHR-2017-01
csp: Sheffield Safer and Sustainable Communities Partnership
caseLetter: X
review: DHR            # DHR or SIR
death:
  date: 2017-03-14
people:
  - code: Adult X
    role: victim
    names: [Jane Smith, Janie Smith, Janie]
    pseudonym: Anna    # optional: the family's choice, used in reports instead of the code
  - code: Adult XAP
    role: alleged perpetrator
    names: [Mark Davies]
professionals:
  - code: HV1
    title: Health Visitor
    names: [Helen Price]
places:
  - names: [12 Crookes Road, Crookes Road]
    replacement: the family home
`;

function errorLines(source: string): string[] {
  try {
    parseCase(source, 'case.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(DhrError);
    return (error as DhrError).lines();
  }
  throw new Error('expected the case to be refused');
}

describe('case.yaml', () => {
  it('accepts the minimum exactly as written in the issue', () => {
    const c = parseCase(minimum);
    expect(c.reference).toBe('SSCP-DHR-2017-01');
    expect(c.death.date).toBe('2017-03-14');
    expect(c.people.map((p) => p.code)).toEqual(['Adult X', 'Adult XAP']);
    expect(c.people[0].pseudonym).toBe('Anna');
    expect(c.professionals[0]).toMatchObject({ code: 'HV1', title: 'Health Visitor', names: ['Helen Price'] });
    expect(c.places[0].replacement).toBe('the family home');
    expect(c.anonymisation.allow).toEqual([]);
  });

  it('names the line and field of an impossible date', () => {
    expect(errorLines(minimum.replace('2017-03-14', '2017-02-31'))).toEqual([
      'case.yaml, line 6, field death.date: this date does not exist',
    ]);
  });

  it('names an unknown field with a did-you-mean', () => {
    const lines = errorLines(minimum.replace('    pseudonym: Anna', '    pseudonim: Anna'));
    expect(lines).toEqual(['case.yaml, line 11, field people[0].pseudonim: unknown field "pseudonim" — did you mean "pseudonym"?']);
  });

  it('names a missing required field', () => {
    const lines = errorLines(minimum.replace('csp: Sheffield Safer and Sustainable Communities Partnership\n', ''));
    expect(lines).toEqual(['case.yaml, line 1, field csp: the field "csp" is required']);
  });

  it('names a wrong review type with the values allowed', () => {
    expect(errorLines(minimum.replace('review: DHR', 'review: SCR'))).toEqual(['case.yaml, line 4, field review: must be one of: DHR, SIR']);
  });

  it('reports broken YAML with its line', () => {
    const lines = errorLines(minimum.replace('names: [Mark Davies]', 'names: [Mark Davies'));
    expect(lines[0]).toMatch(/^case\.yaml, line \d+, column \d+: this is not valid YAML/);
  });

  it('refuses an empty file and a file that is not a mapping', () => {
    expect(errorLines('')[0]).toMatch(/empty or not a mapping/);
    expect(errorLines('- a\n- b\n')[0]).toMatch(/empty or not a mapping/);
  });
});
