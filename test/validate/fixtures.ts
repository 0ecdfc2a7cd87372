/**
 * Test inputs for the validate checks, built as text so each test can change one thing: a
 * small case, an IMR in Markdown that meets all 14 points of the checklist, and a helper
 * that turns Markdown into the ImrDocument the ingest stage would produce.
 */
import { parseCase } from '../../pipeline/ingest/case.ts';
import { parseMarkdown, splitImr } from '../../pipeline/ingest/imr.ts';
import type { Case } from '../../schemas/case.ts';
import type { ImrDocument } from '../../pipeline/model.ts';

export const caseYaml = `
reference: TEST-DHR-2017-01
csp: Testshire Community Safety Partnership
caseLetter: X
review: DHR
area: Testshire
death:
  date: 2017-03-14
  place: the family home
reviewPeriod:
  start: 2015-01-01
  end: 2017-03-14
people:
  - code: Adult X
    role: victim
    names: [Jane Smith, Janie Smith]
    sex: female
    age: 36
    dateOfBirth: 1980-05-02
    dataForm:
      sex: Female
      age: 36
      relationship: Cohabiting partner
      ethnicity: 'White: English, Welsh, Scottish, Northern Irish or British'
      nationality: British
      religion: No religion
      sexualOrientation: Heterosexual or straight
      disability: No
  - code: Adult XAP
    role: alleged perpetrator
    names: [Mark Davies]
    sex: male
    age: 40
    dataForm:
      sex: Male
      age: 40
      relationship: Cohabiting partner
      ethnicity: Irish
      nationality: Irish
      religion: Christian
      sexualOrientation: Heterosexual or straight
      disability: Not known
  - code: Child XD
    role: child
    names: [Daisy Smith]
    household: true
professionals:
  - code: HV1
    title: Health Visitor
    names: [Helen Price]
  - code: PC1
    title: Police Constable
    names: [Tom Jones]
    agency: Testshire Police
  - code: PC2
    title: Police Constable
    names: [Sam Oakley]
    agency: Testshire Police
  - code: DS1
    title: Detective Sergeant
    names: [Karen Whitworth]
    agency: Testshire Police
places:
  - names: [12 Crookes Road, Crookes Road]
    replacement: the family home
agencies:
  - name: Testshire Police
    short: Police
  - name: Testshire Housing
    short: Housing
chair:
  name: Patricia Holroyd
author:
  name: Patricia Holroyd
termsOfReference:
  - id: '1'
    text: Establish whether risk was identified and assessed using the DASH risk checklist.
    keywords: [DASH, risk]
  - id: '2'
    text: Examine how information was shared with other agencies, including referral to MARAC.
    keywords: [information sharing, MARAC]
  - id: '3'
    text: Consider whether practitioners recognised coercive and controlling behaviour.
dates:
  notification: 2017-03-16
  decision: 2017-03-30
  homeOfficeNotified: 2017-04-10
dataForm:
  policeForce: South Yorkshire Police
  placeOfDeath: Shared home of victim and perpetrator
  methodOfKilling: Sharp instrument
  verdict: 'Convicted of murder: life imprisonment, minimum term 18 years'
  childrenInHousehold: 1
family:
  involvement: Adult X's mother met the chair twice with her advocate.
  pseudonymOffered: true
  advocateOffered: true
anonymisation:
  allow: [Testshire]
`;

export function testCase(changes?: (yaml: string) => string): Case {
  return parseCase(changes ? changes(caseYaml) : caseYaml, 'case.yaml');
}

/** An IMR that meets every point of the checklist. Tests change one part at a time. */
export const goodImr = `# Individual Management Review report from Testshire Police

DHR case: Adult X 2017

Author: Detective Inspector, Major Crime Review Team

Date: 01/09/2017

Countersigned: Detective Superintendent, Head of Public Protection
Date: 05/09/2017

Version: 2

## Section 1: Introduction

This individual management review report of Testshire Police is produced in accordance with the partnership's procedure for conducting a Domestic Homicide Review.

The author is a Detective Inspector with fifteen years' experience of investigating domestic abuse and has been trained in writing management reviews. The author had no involvement in the case and does not manage any officer involved, and is independent of the teams that dealt with Adult X.

### About the organisation

Testshire Police is the police force for the county of Testshire. It responds to domestic abuse incidents, investigates offences, assesses risk using the DASH checklist and refers victims assessed as high risk to the MARAC. It employs about two thousand officers.

### Terms of reference

The terms of reference for this review are set out below.

1. Establish whether risk was identified and assessed using the DASH risk checklist.
2. Examine how information was shared with other agencies, including referral to MARAC.
3. Consider whether practitioners recognised coercive and controlling behaviour.

### Methodology

The author reviewed the force's electronic crime records, incident logs, custody records and the MARAC minutes. PC1 and DS1 were interviewed; a written record of each interview was shared with the interviewee and is retained for disclosure.

## Section 2: Family and household composition

Adult X was a 36-year-old White British woman who lived with Adult XAP and Child XD in the family home. Her mother describes her as warm, funny and devoted to her daughter.

## Section 3: Chronology of service provision and involvement

In March 2016 PC1 attended the family home after a neighbour called the police. Adult X told PC1 that she was frightened of Adult XAP and wanted him to leave.

## Section 4: Analysis of involvement

### Risk assessment

The DASH risk assessment was completed by PC1 and scored the risk as medium. The risk should have been graded high because Adult X disclosed strangulation; this was a missed opportunity to refer her to MARAC, contrary to the force's policy.

### Information sharing and MARAC

Information was shared with children's social care on the day, in line with the procedure. The referral to MARAC was not made, so other agencies did not know of the risk.

### Coercive and controlling behaviour

Officers did not recognise the coercive and controlling behaviour Adult X described, because training had focused on physical violence.

### Equality and diversity

Adult X was White British; her race and culture did not affect the service she received. English was her first language, so no interpreter was needed. She had no religion, and no disability was recorded.

### Good practice

The prompt attendance of PC1 and the referral to children's social care were good practice.

## Section 5: Conclusions

The force responded quickly to each call, but the risk Adult X faced was underestimated. The DASH assessment was not used to refer her to MARAC, and coercive control was not recognised. The key lesson for the force is that officers need to look beyond the incident in front of them to the pattern of abuse.

## Section 6: Recommendations

1. The Head of Public Protection will deliver training on coercive control to all response officers by March 2018; completion will be measured against the training register and its impact evaluated by an audit of 50 cases in September 2018.
2. The MARAC co-ordinator will audit every DASH form graded medium for three months from January 2018 to measure how many met the high-risk threshold, and report the findings to the review panel, reviewing the audit in June 2018.

The findings will be fed back to the staff involved through a debrief led by the Detective Inspector.
`;

/** Markdown → ImrDocument, as `readImr` produces it for a .md file. */
export function imrFrom(markdown: string, c: Case = testCase(), file = 'imrs/police.md'): ImrDocument {
  return splitImr(parseMarkdown(markdown), { file, format: 'md', caseModel: c });
}

/** The good IMR with some text replaced; fails loudly if the text to replace is not there. */
export function changed(...pairs: [string | RegExp, string][]): string {
  let out = goodImr;
  for (const [from, to] of pairs) {
    const before = out;
    out = out.replace(from, to);
    if (out === before) throw new Error(`test fixture: "${String(from)}" not found in the good IMR`);
  }
  return out;
}
