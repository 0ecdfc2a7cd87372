import { describe, expect, it } from 'vitest';
import { buildKey } from '../../pipeline/anonymise/key.ts';
import { DhrError } from '../../pipeline/errors.ts';
import { parseCase } from '../../pipeline/ingest/case.ts';
import { testCase, testCaseYaml } from './fixtures.ts';

const key = buildKey(testCase());

/** The text with the key's spans replaced. */
function redact(text: string): string {
  let out = '';
  let at = 0;
  for (const span of key.find(text)) {
    out += text.slice(at, span.start) + span.replacement;
    at = span.end;
  }
  return out + text.slice(at);
}

describe('key recogniser: variants that must be replaced, and near misses that must not', () => {
  it.each([
    ['full name', 'Jane Smith attended.', 'Anna attended.', 'Janet Smithson attended.'],
    ['first name', 'She said Jane was scared.', 'She said Anna was scared.', 'She said Janet was scared.'],
    ['a listed alias', 'Janie left.', 'Anna left.', 'Janiestown is far.'],
    ['surname alone', 'Smith was seen.', 'Anna was seen.', 'Smithfield was seen.'],
    ['surname with a title', 'Mrs Smith called.', 'Anna called.', 'Mrs Smithers called.'],
    ['title with a full stop', 'Mrs. Smith called.', 'Anna called.', 'Mrs. Smyth called.'],
    ['a police title is consumed', 'PC Jones attended.', 'PC1 attended.', 'PC Jonesy attended.'],
    ['a doctor’s title is consumed', 'Dr Patel prescribed it.', 'GP1 prescribed it.', 'Dr Patela prescribed it.'],
    ['a two-word title', 'Police Constable Jones attended.', 'PC1 attended.', 'Police Constable Johns attended.'],
    ['a professional’s own job title', 'Health Visitor Price called.', 'HV1 called.', 'Health Visitor Pricey called.'],
    ['a rank in capitals', 'DC Jones and Sgt Jones', 'PC1 and PC1', 'DC Jonas and Sgt Jonas'],
    ['possessive ’s', 'Jane’s flat', 'Anna’s flat', 'Janet’s flat'],
    ["possessive 's", "Jane's flat", "Anna's flat", "Janet's flat"],
    ["bare possessive s'", "Davies' car", "Adult XAP' car", "Daviess' car"],
    ['all capitals', 'JANE SMITH', 'Anna', 'JANET SMITHSON'],
    ['lower case', 'spoke to jane smith', 'spoke to Anna', 'spoke to janet smithson'],
    ['initial and surname', 'J. Smith signed.', 'Anna signed.', 'J. Smithers signed.'],
    ['surname first', 'Smith, Jane (victim)', 'Anna (victim)', 'Smithers, Janet (victim)'],
    ['curly apostrophe', 'Zoë O’Brien-Whitaker', 'Adult XM', 'Zola O’Briant-Whitby'],
    ['straight apostrophe without diacritic', "Zoe O'Brien-Whitaker", 'Adult XM', "Zola O'Briant-Whitby"],
    ['XML entity &apos;', 'O&apos;Brien-Whitaker', 'Adult XM', 'O&apos;Briany'],
    ['XML entity &#39;', 'O&#39;Brien said', 'Adult XM said', 'O&#39;Bryan said'],
    ['apostrophe left out', 'OBrien said', 'Adult XM said', 'OBrian said'],
    ['hyphen written as a space', 'Zoe OBrien Whitaker', 'Adult XM', 'Zola OBriant Whitby'],
    ['diacritics stripped in the text', 'Siobhan Kelly', 'Adult XS', 'Siobhanne Kellyanne'],
    ['diacritics added in the text', 'Chloë Dunn', 'Adult XN', 'Chloëtta Dunnet'],
    ['part of a hyphenated surname', 'Ingram was there', 'Adult XC was there', 'Ingramson was there'],
    ['other part of a hyphenated surname', 'Whitaker was there', 'Adult XM was there', 'Whittaker was there'],
    ['non-breaking space', 'Jane\u00A0Smith', 'Anna', 'Janet\u00A0Smithson'],
    ['line break between first and last name', 'Jane\nSmith', 'Anna', 'Jane\n\nSmith went'],
    ['place, full address', 'at 12 Crookes Road, Sheffield S10 2TN', 'at the family home', 'at 12 Crookesmoor Road, Sheffield'],
    ['place, abbreviation', 'at 12 Crookes Rd.', 'at the family home.', 'at 12 Crooks Rd.'],
    ['place, street without number', 'along Crookes Road', 'along the family home', 'along Crookesmoor Road'],
    ['place, lower case', 'at 12 crookes rd', 'at the family home', 'at 12 crookes ridge'],
    ['place, other name', 'in Hillsborough Park', 'in a local park', 'in Hillsborough Parkway'],
    ['capitalised common-word name', 'Then Mark shouted.', 'Then Adult XAP shouted.', 'Then the mark showed.'],
    ['common-word name mid-sentence', 'She and Rose left.', 'She and Child XD left.', 'She rose and left.'],
    ['modal-word name', 'Later Will phoned.', 'Later Adult XF phoned.', 'Later she will phone.'],
    ['month-word name', 'May said no.', 'Adult XW said no.', 'In May 2017 she said no.'],
  ])('%s', (_name, text, expected, nearMiss) => {
    expect(redact(text)).toBe(expected);
    expect(key.find(nearMiss).map((s) => s.text)).toEqual(nearMissExpectations[nearMiss] ?? []);
  });

  it('does not take a surname ending in s for a first name without its apostrophe', () => {
    // Roberts, Edwards, Phillips are surnames of their own: "Janes" is not read as "Jane's".
    expect(key.find('the Janes family and Mr Marks')).toEqual([]);
  });

  it('never replaces inside a longer word', () => {
    expect(key.find('Marked, Markham, Remark, Janiestown, Smithson, Roses, Willing, Graceful')).toEqual([]);
  });

  it('leaves lower-case ordinary words alone', () => {
    const text = 'He will mark the form; the rose bed; grace period; in may; the bell rang.';
    expect(key.find(text)).toEqual([]);
  });

  it('replaces a capitalised ordinary-word name, but not the modal at the start of a question', () => {
    expect(redact('Will said he would come. Will you attend?')).toBe('Adult XF said he would come. Will you attend?');
    expect(redact('Grace was the friend’s surname: Mr Grace.')).toBe('Adult XF was the friend’s surname: Adult XF.');
  });

  it('does not derive an ordinary word from a hyphenated surname', () => {
    expect(key.find('The Bell rang at noon.')).toEqual([]);
    expect(redact('Kerry Bell-Ingram')).toBe('Adult XC');
  });

  it('matches the longest name first, once', () => {
    expect(redact('Jane Smith and Mrs Jane Smith')).toBe('Anna and Anna');
    expect(key.find('Jane Smith')).toHaveLength(1);
  });

  it('uses the pseudonym where chosen, else the code', () => {
    expect(redact('Jane and Mark')).toBe('Anna and Adult XAP');
  });

  it('chooses among people sharing a surname by the title', () => {
    expect(redact('Mr Davies')).toBe('Adult XAP');
    expect(redact('Miss Davies')).toBe('Child XD');
    expect(key.ambiguities).toContainEqual({ variant: 'davies', chosen: 'people[1]', others: ['people[2]'] });
  });

  it('capitalises a place phrase that opens a sentence', () => {
    expect(redact('12 Crookes Road was sold.')).toBe('The family home was sold.');
  });

  it('gives spans with offsets into the text', () => {
    const text = 'On Monday, Jane’s partner Mark Davies came.';
    for (const span of key.find(text)) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(key.find(text).map((s) => [s.text, s.kind, s.source])).toEqual([
      ['Jane', 'person', 'key'],
      ['Mark Davies', 'person', 'key'],
    ]);
  });

  it('keeps the date of birth for the pattern recogniser', () => {
    expect(key.datesOfBirth).toEqual([{ code: 'Adult X', date: '1985-02-03' }]);
  });

  it('refuses a pseudonym that is another person’s name', () => {
    const clash = testCaseYaml.replace('pseudonym: Anna', 'pseudonym: Rose');
    expect(() => buildKey(parseCase(clash))).toThrow(DhrError);
    try {
      buildKey(parseCase(clash));
    } catch (error) {
      expect((error as DhrError).code).toBe('invalid-case');
      expect((error as DhrError).place?.field).toBe('people[0].pseudonym');
    }
  });
});

/** Near misses that legitimately hold a keyed name elsewhere in the sentence. */
const nearMissExpectations: Record<string, string[]> = {
  'Jane\n\nSmith went': ['Jane', 'Smith'],
  'She rose and left.': [],
  'Health Visitor Pricey called.': [],
};
