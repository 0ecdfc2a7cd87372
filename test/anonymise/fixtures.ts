/**
 * The case the engine tests share: every kind of name the key must handle (a pseudonym, a code,
 * a hyphenated name with an apostrophe and a diacritic, names that are ordinary words, a shared
 * surname, professionals with titles, places with street abbreviations, a date of birth).
 * Every name is invented.
 */
import { parseCase } from '../../pipeline/ingest/case.ts';
import type { Case } from '../../schemas/case.ts';

export const testCaseYaml = `reference: SSCP-DHR-2017-01
csp: Sheffield Safer and Sustainable Communities Partnership
area: Sheffield
caseLetter: X
review: DHR
death:
  date: 2017-03-14
people:
  - code: Adult X
    role: victim
    names: [Jane Smith, Janie]
    pseudonym: Anna
    sex: female
    dateOfBirth: 1985-02-03
  - code: Adult XAP
    role: alleged perpetrator
    names: [Mark Davies]
    sex: male
  - code: Child XD
    role: child
    names: [Rose Davies]
    sex: female
  - code: Adult XM
    role: family member
    names: [Zoë O'Brien-Whitaker]
  - code: Adult XS
    role: family member
    names: [Siobhán Kelly]
  - code: Adult XF
    role: friend
    names: [Will Grace]
  - code: Adult XN
    role: neighbour
    names: [Chloe Dunn]
  - code: Adult XC
    role: colleague
    names: [Kerry Bell-Ingram]
  - code: Adult XW
    role: friend
    names: [May Okonkwo]
professionals:
  - code: PC1
    title: Police Constable
    names: [Gareth Jones]
  - code: GP1
    title: General Practitioner
    names: [Dr Raj Patel]
  - code: HV1
    title: Health Visitor
    names: [Helen Price]
places:
  - names: ["12 Crookes Road, Sheffield S10 2TN"]
    replacement: the family home
  - names: [Hillsborough Park]
    replacement: a local park
agencies:
  - name: South Yorkshire Police
    short: Police
  - name: Independent Domestic Abuse Service
    short: IDAS
`;

export function testCase(): Case {
  return parseCase(testCaseYaml);
}
