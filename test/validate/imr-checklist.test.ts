import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../pipeline/anonymise/engine.ts';
import { checkImr } from '../../pipeline/validate/imr-checklist.ts';
import type { ChecklistResult } from '../../pipeline/validate/types.ts';
import { changed, goodImr, imrFrom, testCase } from './fixtures.ts';

function check(markdown: string, c = testCase()): ChecklistResult {
  return checkImr(imrFrom(markdown, c), { case: c });
}

function item(result: ChecklistResult, id: number) {
  const found = result.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

function notes(result: ChecklistResult, id: number): string {
  return item(result, id)
    .evidence.map((e) => `${e.note} ${e.quote ?? ''}`)
    .join('\n');
}

const independence = 'The author had no involvement in the case and does not manage any officer involved, and is independent of the teams that dealt with Adult X.';
const background = "The author is a Detective Inspector with fifteen years' experience of investigating domestic abuse and has been trained in writing management reviews.";
const aboutText =
  'Testshire Police is the police force for the county of Testshire. It responds to domestic abuse incidents, investigates offences, assesses risk using the DASH checklist and refers victims assessed as high risk to the MARAC. It employs about two thousand officers.';
const records = "The author reviewed the force's electronic crime records, incident logs, custody records and the MARAC minutes. ";
const interviews = 'PC1 and DS1 were interviewed; a written record of each interview was shared with the interviewee and is retained for disclosure.';
const voice = 'Adult X told PC1 that she was frightened of Adult XAP and wanted him to leave.';
const disclosed = 'because Adult X disclosed strangulation';
/** Every other place the good IMR records what the victim said, so a test can take them all away. */
const otherVoice: [string, string][] = [
  [disclosed, 'because of the injuries seen'],
  ['behaviour Adult X described', 'behaviour Adult X experienced'],
];
const coercive = 'Officers did not recognise the coercive and controlling behaviour Adult X described, because training had focused on physical violence.';
const goodPractice = "The prompt attendance of PC1 and the referral to children's social care were good practice.";
const lesson = 'The key lesson for the force is that officers need to look beyond the incident in front of them to the pattern of abuse.';
const feedback = 'The findings will be fed back to the staff involved through a debrief led by the Detective Inspector.';
const rec1 =
  '1. The Head of Public Protection will deliver training on coercive control to all response officers by March 2018; completion will be measured against the training register and its impact evaluated by an audit of 50 cases in September 2018.';

describe('the 14-point IMR checklist', () => {
  it('returns the 14 items in the guide order with the guide titles', () => {
    const r = check(goodImr);
    expect(r.items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(item(r, 12).title).toMatch(/SMARTER/);
    expect(r.agency).toBe('Testshire Police');
  });

  it('passes every item the text can show on an IMR written to the template, with quotes and places', () => {
    const r = check(goodImr);
    for (const i of r.items.filter((x) => x.id !== 4)) expect({ id: i.id, status: i.status }).toEqual({ id: i.id, status: 'pass' });
    const one = item(r, 1).evidence[0];
    expect(one.quote).toContain('no involvement in the case');
    expect(one.where).toMatchObject({ file: 'imrs/police.md', section: 'Section 1: Introduction', line: 18 });
  });

  describe('1. independent author', () => {
    it('fails when no statement of independence is made', () => {
      const r = check(changed([independence, '']));
      expect(item(r, 1).status).toBe('fail');
      expect(notes(r, 1)).toMatch(/No statement that the author is independent/);
    });
    it('is not fooled by an independent domestic violence adviser', () => {
      const r = check(changed([independence, 'Adult X was supported by an independent domestic violence adviser.']));
      expect(item(r, 1).status).toBe('fail');
    });
    it('fails when the IMR says the author is not independent', () => {
      const r = check(changed([independence, 'The author is not independent: they managed the team that dealt with Adult X.']));
      expect(item(r, 1).status).toBe('fail');
      expect(notes(r, 1)).toMatch(/not independent/);
    });
    it('passes on a statement in the cover', () => {
      const r = check(changed([independence, ''], ['Author: Detective Inspector, Major Crime Review Team', 'Author: Detective Inspector, Major Crime Review Team, independent of the case']));
      expect(item(r, 1).status).toBe('pass');
      expect(item(r, 1).evidence[0].where?.section).toBe('Cover');
    });
  });

  describe("2. the agency's role", () => {
    it('fails when "About the organisation" is empty', () => {
      const r = check(changed([aboutText, '']));
      expect(item(r, 2).status).toBe('fail');
      expect(notes(r, 2)).toMatch(/empty/);
    });
    it('fails when it is a single line', () => {
      const r = check(changed([aboutText, 'We are the police.']));
      expect(item(r, 2).status).toBe('fail');
      expect(notes(r, 2)).toMatch(/only 4 words/);
    });
    it('fails when it still holds the template prompt', () => {
      const r = check(changed([aboutText, 'Include here a brief description of your organisation.']));
      expect(item(r, 2).status).toBe('fail');
    });
    it('asks a person to judge when there is no such part but the introduction says what the agency does', () => {
      const r = check(changed(['### About the organisation\n\n', ''], [aboutText, 'The force provides policing services to the county.']));
      expect(item(r, 2).status).toBe('review');
    });
  });

  describe("3. the author's background", () => {
    it('fails when only a job title is given', () => {
      const r = check(changed([background, '']));
      expect(item(r, 3).status).toBe('fail');
      expect(notes(r, 3)).toMatch(/Only the author's job title/);
    });
    it('passes on years of service stated by the author', () => {
      const r = check(changed([background, 'I have been a detective for 17 years.']));
      expect(item(r, 3).status).toBe('pass');
    });
    it('fails when neither background nor role is given', () => {
      const r = check(changed([background, ''], ['Author: Detective Inspector, Major Crime Review Team', 'Author:']));
      expect(item(r, 3).status).toBe('fail');
    });
  });

  describe('4. template and anonymisation', () => {
    it('without the scanner, asks a person to look for unlisted names', () => {
      const r = check(goodImr);
      expect(item(r, 4).status).toBe('review');
      expect(notes(r, 4)).toMatch(/scanner was not run/);
    });
    it('passes with the anonymisation engine when nothing identifying is found', () => {
      const c = testCase();
      const r = checkImr(imrFrom(goodImr, c), { case: c, anonymiser: createAnonymiser(c) });
      expect(item(r, 4).status).toBe('pass');
    });
    it('with the engine, asks a person about a name the key does not list, shown only by its initials', () => {
      const c = testCase();
      const r = checkImr(imrFrom(changed([voice, `${voice} Her neighbour Bernadette Fairweather called the police.`]), c), { case: c, anonymiser: createAnonymiser(c) });
      expect(item(r, 4).status).toBe('review');
      expect(notes(r, 4)).toMatch(/possible person's name that the case key does not list/);
      expect(notes(r, 4)).toContain('B… F…');
      expect(JSON.stringify(r)).not.toMatch(/Bernadette|Fairweather/);
    });
    it('with the engine, fails on a key name and a date of birth', () => {
      const c = testCase();
      const r = checkImr(imrFrom(changed([voice, `${voice} Jane Smith (born 02/05/1980) was seen.`]), c), { case: c, anonymiser: createAnonymiser(c) });
      expect(item(r, 4).status).toBe('fail');
      expect(notes(r, 4)).toMatch(/A date of birth is written here/);
      expect(JSON.stringify(r)).not.toMatch(/Jane|Smith|02\/05\/1980/);
    });
    it("fails on a real name from the key and never prints it", () => {
      const r = check(changed([voice, 'Jane Smith told PC1 that she was frightened of Adult XAP.']));
      expect(item(r, 4).status).toBe('fail');
      expect(notes(r, 4)).toMatch(/A person's real name from the case key/);
      expect(JSON.stringify(r)).not.toMatch(/Jane|Smith/);
    });
    it('fails on an address from the key', () => {
      const r = check(changed(['attended the family home after', 'attended 12 Crookes Road after']));
      expect(item(r, 4).status).toBe('fail');
      expect(JSON.stringify(r)).not.toMatch(/Crookes/);
    });
    it('fails on a professional named by title and surname', () => {
      const r = check(changed(['The prompt attendance of PC1', 'The prompt attendance of PC Bloggs']));
      expect(item(r, 4).status).toBe('fail');
      expect(notes(r, 4)).toMatch(/by title and surname/);
      expect(notes(r, 4)).toContain('PC B…');
      expect(JSON.stringify(r)).not.toMatch(/Bloggs/);
    });
    it('fails when a template section is missing', () => {
      const r = check(changed([/## Section 3: Chronology[\s\S]*?(?=## Section 4)/, '']));
      expect(item(r, 4).status).toBe('fail');
      expect(notes(r, 4)).toMatch(/"Chronology narrative" section is missing/);
    });
    it('does not mistake codes for names ("Mrs X", "Adult XAP")', () => {
      const r = check(changed([goodPractice, `${goodPractice} Mrs X and Mr XAP were both seen.`]));
      expect(item(r, 4).status).toBe('review');
    });
  });

  describe('5. terms of reference', () => {
    it('lists each term of reference with the paragraph that answers it', () => {
      const r = check(goodImr);
      const tor = item(r, 5).evidence.filter((e) => /Term of reference/.test(e.note));
      expect(tor).toHaveLength(3);
      expect(tor.every((e) => /is answered/.test(e.note))).toBe(true);
      expect(tor[1].where?.section).toMatch(/Information sharing and MARAC/);
    });
    it('fails naming the term of reference not answered', () => {
      const r = check(changed([`### Coercive and controlling behaviour\n\n${coercive}`, '']));
      expect(item(r, 5).status).toBe('fail');
      expect(notes(r, 5)).toMatch(/Term of reference 3 .*was not found in the Analysis/);
    });
    it('takes a part of the analysis labelled with the term as its answer', () => {
      const r = check(changed([`### Coercive and controlling behaviour\n\n${coercive}`, '### ToR 3\n\nOfficers responded to what they saw at each call, not to the pattern behind it.']));
      expect(item(r, 5).status).toBe('pass');
      expect(notes(r, 5)).toMatch(/Term of reference 3 .*is answered under its own label/);
    });
    it('asks a person to judge a partial match', () => {
      const r = check(changed([`### Coercive and controlling behaviour\n\n${coercive}`, 'Officers did not see the controlling behaviour.']));
      expect(item(r, 5).status).toBe('review');
      expect(notes(r, 5)).toMatch(/Term of reference 3 .*may be answered here/);
    });
    it('accepts a statement that a term does not apply to the agency', () => {
      const r = check(changed([coercive, 'The question of coercive and controlling behaviour recognised by practitioners is not applicable to this agency.']));
      expect(item(r, 5).status).toBe('pass');
    });
    it('fails when the terms of reference are not set out', () => {
      const r = check(changed([/### Terms of reference[\s\S]*?(?=### Methodology)/, '']));
      expect(item(r, 5).status).toBe('fail');
      expect(notes(r, 5)).toMatch(/not set out/);
    });
    it('asks a person when case.yaml has no terms of reference', () => {
      const c = testCase((y) => y.replace(/termsOfReference:[\s\S]*?(?=dates:)/, ''));
      expect(item(check(goodImr, c), 5).status).toBe('review');
    });
  });

  describe('6. records accessed', () => {
    it('passes on a lead-in sentence and a list of records', () => {
      const r = check(changed([records, 'The following sources were used:\n\n- the crime records;\n- the custody records.\n\n']));
      expect(item(r, 6).status).toBe('pass');
    });
    it('fails when the records are not stated', () => {
      const r = check(changed([records, '']));
      expect(item(r, 6).status).toBe('fail');
    });
  });

  describe('7. staff interviewed', () => {
    it('fails when interviews are not mentioned', () => {
      expect(item(check(changed([interviews, ''])), 7).status).toBe('fail');
    });
    it('fails when staff were not interviewed and no reason is given', () => {
      const r = check(changed([interviews, 'No staff were interviewed.']));
      expect(item(r, 7).status).toBe('fail');
      expect(notes(r, 7)).toMatch(/no reason is given/);
    });
    it('passes when the reason staff could not be interviewed is given', () => {
      const r = check(changed([interviews, 'PC1 could not be interviewed because she has left the force.']));
      expect(item(r, 7).status).toBe('pass');
    });
    it("fails when one of the agency's staff in the events is not said to have been interviewed", () => {
      const r = check(changed(['In March 2016 PC1 attended', 'In March 2016 PC1 and PC2 attended']));
      expect(item(r, 7).status).toBe('fail');
      expect(notes(r, 7)).toMatch(/PC2 \(Police Constable\) took part in the events but is not said to have been interviewed/);
    });
    it('passes when the reason that member of staff was not interviewed is given', () => {
      const r = check(changed(['In March 2016 PC1 attended', 'In March 2016 PC1 and PC2 attended'], [interviews, `${interviews} PC2 could not be interviewed because she has left the force.`]));
      expect(item(r, 7).status).toBe('pass');
    });
    it('asks a person to check the interview records when none is mentioned', () => {
      const r = check(changed([interviews, 'PC1 and DS1 were interviewed.']));
      expect(item(r, 7).status).toBe('review');
      expect(notes(r, 7)).toMatch(/record of each interview/);
    });
  });

  describe("8. the victim's voice", () => {
    it('fails when nothing the victim said or felt is recorded', () => {
      const r = check(changed([voice, 'PC1 attended.'], ...otherVoice));
      expect(item(r, 8).status).toBe('fail');
    });
    it("does not count the perpetrator's words as the victim's", () => {
      const r = check(changed([voice, 'Adult XAP told PC1 that Adult X had fallen.'], ...otherVoice));
      expect(item(r, 8).status).toBe('fail');
    });
    it('does not count a statement that her wishes were not recorded', () => {
      const r = check(changed([voice, "Adult X's wishes and feelings were not recorded."], ...otherVoice));
      expect(item(r, 8).status).toBe('fail');
    });
    it('does not count words reported from someone else', () => {
      const r = check(changed([voice, 'A caller said there was shouting.'], ...otherVoice));
      expect(item(r, 8).status).toBe('fail');
    });
    it('fails when what the victim said is only summarised, and shows the summary', () => {
      const r = check(changed([voice, 'Adult X disclosed that she had been assaulted.'], ...otherVoice));
      expect(item(r, 8).status).toBe('fail');
      expect(notes(r, 8)).toMatch(/only summarised/);
      expect(item(r, 8).evidence[1].quote).toBe('Adult X disclosed that she had been assaulted.');
    });
    it("asks a person when someone's own words are quoted but the text does not say whose", () => {
      const r = check(changed([voice, 'The note left on the door said “I am scared of him”.'], ...otherVoice));
      expect(item(r, 8).status).toBe('review');
    });
    it('does not take a quoted document for speech', () => {
      const r = check(changed([voice, 'The ambulance report of a laceration “with police in attendance” was filed.'], ...otherVoice));
      expect(item(r, 8).status).toBe('fail');
    });
    it('follows a quotation to the speaker of the verb that introduces it', () => {
      const r = check(changed([voice, 'Adult X told PC1: “He keeps my card.”'], ...otherVoice));
      expect(item(r, 8).status).toBe('pass');
      expect(item(r, 8).evidence[0].note).toMatch(/own words/);
    });
    it("does not give the perpetrator's quoted words to the victim", () => {
      const r = check(changed([voice, 'Adult XAP said Adult X “can\'t manage money”.'], ...otherVoice));
      expect(item(r, 8).status).toBe('fail');
    });
    it('follows a pronoun back to the victim', () => {
      const r = check(changed([voice, 'Adult X was seen alone. She said that she was scared to go home.'], ...otherVoice));
      expect(item(r, 8).status).toBe('pass');
      expect(item(r, 8).evidence[0].quote).toBe('She said that she was scared to go home.');
    });
    it('follows a pronoun back past sentences that name only someone of the other sex', () => {
      const r = check(changed([voice, 'Adult X was seen alone. Adult XAP waited outside. PC1 noted the time. She said that she was scared to go home.'], ...otherVoice));
      expect(item(r, 8).status).toBe('pass');
      expect(item(r, 8).evidence[0].quote).toBe('She said that she was scared to go home.');
    });
  });

  describe('9. race, culture, language, religion and disability', () => {
    it('fails listing what is not addressed', () => {
      const r = check(changed(['She had no religion, and no disability was recorded.', '']));
      expect(item(r, 9).status).toBe('fail');
      expect(notes(r, 9)).toMatch(/Religion and disability are not addressed/);
    });
  });

  describe('10. analytical and critical; good practice', () => {
    it('asks a person when no good practice is named', () => {
      const r = check(changed([goodPractice, 'PC1 attended promptly.'], ['### Good practice\n\n', '']));
      expect(item(r, 10).status).toBe('review');
      expect(notes(r, 10)).toMatch(/No good practice is named/);
    });
    it('fails a descriptive analysis with neither good practice nor criticism', () => {
      const analysis = '## Section 4: Analysis of involvement\n\n### Risk assessment\n\nThe DASH risk assessment was completed by PC1 and scored the risk as medium. Adult X was referred to the IDVA service.\n\n### Information sharing and MARAC\n\nInformation was shared with children\'s social care on the day. Officers attended each call promptly and recorded the incidents on the force system as the procedure sets out for every call.\n\n';
      const r = check(changed([/## Section 4: Analysis of involvement[\s\S]*?(?=## Section 5)/, analysis]));
      expect(item(r, 10).status).toBe('fail');
      expect(notes(r, 10)).toMatch(/describes what happened/);
    });
    it('fails when the analysis is too short to be critical', () => {
      const r = check(changed([/## Section 4: Analysis of involvement[\s\S]*?(?=## Section 5)/, '## Section 4: Analysis of involvement\n\nPC1 attended.\n\n']));
      expect(item(r, 10).status).toBe('fail');
    });
  });

  describe('11. conclusions and lessons', () => {
    it('fails when no lessons are stated', () => {
      const r = check(changed([lesson, 'Officers will need to do better in future when they attend calls of this kind, and managers will check that they do.']));
      expect(item(r, 11).status).toBe('fail');
      expect(notes(r, 11)).toMatch(/No lessons to be learnt/);
    });
    it('fails when the conclusions are a line', () => {
      const r = check(changed([/## Section 5: Conclusions[\s\S]*?(?=## Section 6)/, '## Section 5: Conclusions\n\nLessons were learnt.\n\n']));
      expect(item(r, 11).status).toBe('fail');
    });
  });

  describe('12. SMARTER recommendations', () => {
    it('fails naming the recommendation without a date', () => {
      const r = check(changed([rec1, '1. The Head of Public Protection will deliver training on coercive control to all response officers; its impact will be evaluated by an audit of 50 cases.']));
      expect(item(r, 12).status).toBe('fail');
      expect(notes(r, 12)).toMatch(/Recommendation 1 lacks a date\./);
    });
    it('fails a recommendation that is several actions', () => {
      const r = check(changed([rec1, '1. The Head of Public Protection will revise the DASH policy and train all response officers by March 2018, with an audit of 50 cases in September 2018.']));
      expect(item(r, 12).status).toBe('fail');
      expect(notes(r, 12)).toMatch(/Recommendation 1 lacks a single action \(it has 2/);
    });
    it('fails a recommendation with no owner, measure or evaluation', () => {
      const r = check(changed([/1\. The Head of Public Protection[\s\S]*?(?=\n\nThe findings)/, '1. Improve awareness of coercive control by March 2018.']));
      expect(item(r, 12).status).toBe('fail');
      expect(notes(r, 12)).toMatch(/Recommendation 1 lacks an owner, a measure and evaluation or review built in\./);
    });
    it('accepts evaluation and review set out in a recommendation of their own', () => {
      const r = check(changed([rec1, '1. The Head of Public Protection will deliver training on coercive control to all response officers by March 2018, measured against the training register.']));
      expect(item(r, 12).status).toBe('pass');
    });
    it('fails when there are no recommendations', () => {
      const r = check(changed([/## Section 6: Recommendations[\s\S]*$/, '## Section 6: Recommendations\n\nThe force will think about training.\n']));
      expect(item(r, 12).status).toBe('fail');
    });
    it('asks a person when the IMR says it makes no recommendations', () => {
      const r = check(changed([/## Section 6: Recommendations[\s\S]*$/, `## Section 6: Recommendations\n\nThe force makes no recommendations: the lessons were acted on at once.\n\n${feedback}\n`]));
      expect(item(r, 12).status).toBe('review');
    });
    it('reads a recommendations table with lead and date columns', () => {
      const table = `| No. | Recommendation | Lead | Target date |\n| --- | --- | --- | --- |\n| 1 | Deliver training on coercive control to all response officers, with its impact evaluated by an audit of 50 cases | Head of Public Protection | March 2018 |\n| 2 | Remind officers of the policy | | |\n`;
      const r = check(changed([/1\. The Head of Public Protection[\s\S]*?(?=\n\nThe findings)/, table]));
      expect(item(r, 12).status).toBe('fail');
      expect(notes(r, 12)).toMatch(/Recommendation 1 is a single action/);
      expect(notes(r, 12)).toMatch(/Recommendation 2 lacks an owner, a measure, a date and evaluation or review built in/);
    });
  });

  describe('13. senior sign-off', () => {
    it('fails when not countersigned', () => {
      const r = check(changed(['Countersigned: Detective Superintendent, Head of Public Protection\nDate: 05/09/2017', '']));
      expect(item(r, 13).status).toBe('fail');
      expect(notes(r, 13)).toMatch(/not countersigned/);
    });
    it('fails when the countersignature has no date', () => {
      const r = check(changed(['Countersigned: Detective Superintendent, Head of Public Protection\nDate: 05/09/2017', 'Countersigned: Detective Superintendent, Head of Public Protection']));
      expect(item(r, 13).status).toBe('fail');
      expect(notes(r, 13)).toMatch(/has no date/);
    });
    it('treats the template placeholder as not signed', () => {
      const r = check(changed(['Countersigned: Detective Superintendent, Head of Public Protection', 'Countersigned: (please insert name and designation of person signing off the report on behalf of the agency)']));
      expect(item(r, 13).status).toBe('fail');
    });
    it('passes a name and date, without printing the name', () => {
      const r = check(changed(['Countersigned: Detective Superintendent, Head of Public Protection', 'Countersigned: Lisa Crossley']));
      expect(item(r, 13).status).toBe('pass');
      expect(notes(r, 13)).toMatch(/Whether this person is a senior manager/);
      expect(JSON.stringify(r)).not.toMatch(/Crossley/);
    });
  });

  describe('14. feedback to staff', () => {
    it('fails when there is no plan to feed back', () => {
      const r = check(changed([feedback, '']));
      expect(item(r, 14).status).toBe('fail');
    });
  });
});
