/**
 * The rules that keep the NLP findings precise on real documents (nlp.ts): where a sentence or a
 * cell starts, ordinary words in capitals, posts, bodies and papers, plural acronyms, words next
 * to a replacement — and the names those rules must still report.
 */
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../pipeline/anonymise/engine.ts';
import { englishWord, nameLike } from '../../pipeline/anonymise/english.ts';
import { inflectionStems } from '../../pipeline/anonymise/inflections.ts';
import { isSentenceStart, startsUnit } from '../../pipeline/anonymise/sentences.ts';
import { parseCase } from '../../pipeline/ingest/case.ts';
import { corpusCaseYaml } from './corpus/nlp-corpus.ts';

const anonymiser = createAnonymiser(parseCase(corpusCaseYaml));
const found = (text: string) => anonymiser.findings(text).map((f) => f.text);
const kinds = (text: string) => anonymiser.findings(text).map((f) => [f.text, f.kind]);

describe('where a unit of text starts', () => {
  const at = (text: string, word: string) => startsUnit(text, text.indexOf(word));
  it('starts after a full stop, a colon, a semicolon, a tab, a bar, a bullet and a line break', () => {
    expect(at('It ended. Her mother', 'Her')).toBe(true);
    expect(at('Outcome: Audit found', 'Audit')).toBe(true);
    expect(at('by April 2018; Posters and cards', 'Posters')).toBe(true);
    expect(at('Name\tLettings', 'Lettings')).toBe(true);
    expect(at('| Cell | Campaign |', 'Campaign')).toBe(true);
    expect(at('• Checklist revised', 'Checklist')).toBe(true);
    expect(at('first line\nRepairs done', 'Repairs')).toBe(true);
    expect(at('Training', 'Training')).toBe(true);
  });

  it('starts after a closing quotation mark or bracket that ends a sentence', () => {
    expect(at('be how he was.” Her mother', 'Her')).toBe(true);
    expect(at('as he put it.’ Her mother', 'Her')).toBe(true);
    expect(at('(see above.) Her mother', 'Her')).toBe(true);
    expect(at('the “Front Door” Team', 'Team')).toBe(false);
    expect(at('Area Housing Manager (North)', 'North')).toBe(false);
    expect(at('told her friend Hope', 'Hope')).toBe(false);
  });

  it('leaves isSentenceStart (which capitalises replacements) as it was after a semicolon', () => {
    expect(isSentenceStart('she was frightened; the family home', 'she was frightened; '.length)).toBe(false);
    expect(startsUnit('she was frightened; the family home', 'she was frightened; '.length)).toBe(true);
  });
});

describe('ordinary English words', () => {
  it('knows words, their inflections and their American spellings', () => {
    for (const w of ['contract', 'checklist', 'custody', 'repairs', 'allocations', 'briefed', 'prioritise', 'prioritize', 'referrals', 'reportedly', 'lettings']) {
      expect(englishWord(w), w).toBe(true);
    }
  });

  it('does not know names', () => {
    for (const w of ['ollerenshaw', 'shabana', 'moorfoot', 'wragg', 'rahman', 'begum', 'nowak', 'kowalczyk', 'okafor']) expect(englishWord(w), w).toBe(false);
  });

  it('tells words that are names as well', () => {
    for (const w of ['hope', 'grace', 'baker', 'dawn', 'brooks']) expect(nameLike(w), w).toBe(true);
    for (const w of ['contract', 'custody', 'checklist']) expect(nameLike(w), w).toBe(false);
  });

  it('guesses stems of three letters or more only', () => {
    expect(inflectionStems('repairs')).toContain('repair');
    expect(inflectionStems('allocations')).toContain('allocation');
    expect(inflectionStems('planned')).toContain('plan');
    expect(inflectionStems('training')).toContain('train');
    expect(inflectionStems('ids')).toEqual([]);
  });
});

describe('false alarms of real documents', () => {
  it('does not report an ordinary word opening a sentence, a clause or a cell', () => {
    expect(found('He said he would change.” Her mother has told the chair.')).toEqual([]);
    expect(found('Agreed with the panel; Campaign content agreed; Posters distributed; Dip sample of 50 cases')).toEqual([]);
    expect(found('Outcome: Audit in January 2018 found 19 of 20 flagged.')).toEqual([]);
    expect(found('Prioritise MARAC-generated DVDS applications.')).toEqual([]);
    expect(found('Re-audit January 2019; results to the CCG Safeguarding Committee')).toEqual([]);
  });

  it('does not report posts, bodies, papers and defined terms made of ordinary words', () => {
    expect(found('A former Assistant Chief Officer of a probation trust.')).toEqual([]);
    expect(found('Accountable Officer; Cabinet Member; Chief Executives; Lettings Manager')).toEqual([]);
    expect(found('The DHR Consideration Panel considered a Decision Report.')).toEqual([]);
    expect(found('The Consultant shall provide the Work in accordance with this Contract.')).toEqual([]);
    expect(found('Owner: Chief Inspector, Custody and Criminal Justice.')).toEqual([]);
    expect(found('The panel included the Domestic Abuse Co-ordination Team.')).toEqual([]);
    expect(found('Sheffield Domestic Abuse Co-ordination Team (DACT)')).toEqual([]);
  });

  it('does not report plural acronyms, short mixed-case acronyms or template placeholders', () => {
    expect(found('Number of DVPNs and DVPOs at both MARACs; the IDVAs and CVs; DoH and ToR guidance.')).toEqual([]);
    expect(found('DHR XXXXX, Date XXXXXX')).toEqual([]);
  });

  it('does not report a compass word in brackets', () => {
    expect(found('Area Housing Manager (North)')).toEqual([]);
  });

  it('judges a word next to a replacement on its own', () => {
    expect(found('Email Adult X')).toEqual([]);
    expect(found('Text Box Adult X')).toEqual([]);
    expect(found('The service had contact only with Adult X. It had no direct contact.')).toEqual([]);
    expect(found('The letter was addressed to Anna Nowakowska.')).toEqual(['Nowakowska']);
  });
});

describe('names the rules must still report', () => {
  it('reports a title and a surname, even an ordinary word', () => {
    expect(found('DI Hague had no operational involvement.')).toEqual(['DI Hague']);
    expect(found('Dr Wragg works for the CCG.')).toEqual(['Dr Wragg']);
    expect(found('The police spoke to Mrs Baker next door.')).toEqual(['Mrs Baker']);
    expect(kinds('Ms Rahman joined the service.')).toEqual([['Ms Rahman', 'person']]);
  });

  it('reports a single unknown first name before a verb, also after a semicolon', () => {
    expect(found('Shabana said she had seen bruises.')).toEqual(['Shabana']);
    expect(found('Referral received by April 2018; Shabana said she would attend.')).toEqual(['Shabana']);
  });

  it('asks compromise only when an unknown word opening a sentence is followed by another verb in -ed', () => {
    expect(found('Sertraline increased to 100 mg.')).toEqual([]);
    expect(found('Nowak told officers she was scared.')).toEqual(['Nowak']);
  });

  it('reports names in possessive form', () => {
    expect(found('Anna had spent the night at Fatima Begum’s flat.')).toEqual(['Fatima Begum']);
    expect(found('Officers went to Okafor’s address.')).toEqual(['Okafor']);
  });

  it('reports ordinary words used as a name', () => {
    expect(kinds('Anna stayed at 4 Park Lane for a week.')).toEqual([['4 Park Lane', 'place']]);
    expect(kinds('She moved to Rose Cottage with her children.')).toEqual([['Rose Cottage', 'place']]);
    expect(kinds('She lived on the Parson Cross estate.')).toEqual([['Parson Cross', 'place']]);
    expect(kinds('He drank at the Fat Cat most nights.')).toEqual([['Fat Cat', 'place']]);
    expect(kinds('He was employed as a driver by Stagecoach.')).toEqual([['Stagecoach', 'organisation']]);
    expect(kinds('Records show she was registered at Porter Brook Medical Centre.')).toEqual([['Porter Brook Medical Centre', 'organisation']]);
    expect(found('Anna’s friend Hope drove her home.')).toEqual(['Hope']);
    expect(found('The Baker family moved to the area.')).toEqual(['Baker']);
    expect(found('Contact with Dawn Hill was lost.')).toEqual(['Dawn Hill']);
  });

  it('keeps a first name that is also a word before a surname', () => {
    expect(found('\tPenny Brooks ')).toEqual(['Penny Brooks']);
  });

  it('reports an organisation the case does not list, as an organisation', () => {
    expect(kinds('Her last employment was with West Yorkshire Probation Trust.')).toEqual([['West Yorkshire Probation Trust', 'organisation']]);
  });
});
