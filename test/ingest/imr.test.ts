import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import officeCrypto from 'officecrypto-tool';
import { toString } from 'mdast-util-to-string';
import { Paragraph, TextRun, AlignmentType } from 'docx';
import { readImr, classifyHeading } from '../../pipeline/ingest/imr.ts';
import { DhrError } from '../../pipeline/errors.ts';
import type { ImrDocument } from '../../pipeline/model.ts';
import { makeTempDir, write, docxBuffer, sampleCase, p, h, bold, title, table, compoundFile, zipOf } from './fixtures.ts';
import { wordCorpusDir } from '../helpers/shared.ts';

const temp = makeTempDir();
afterAll(temp.cleanup);
let counter = 0;
const file = (name: string, data: string | Uint8Array) => write(path.join(temp.dir, String(++counter), name), data);

async function caught(promise: Promise<unknown>): Promise<DhrError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DhrError) return error;
    throw error;
  }
  throw new Error('expected a DhrError');
}

const sectionText = (imr: ImrDocument, id: string) => imr.sections.find((s) => s.id === id)!.children.map((n) => toString(n)).join('\n');

describe('reading an IMR written with Word heading styles', () => {
  it('finds the cover table, all six sections with their paragraph numbers, and keeps subheadings inside', async () => {
    const buffer = await docxBuffer([
      p('STRICTLY CONFIDENTIAL'),
      title('Individual Management Review report'),
      table([
        [['Agency'], ['Police']],
        [['Author'], ['DS Ann Author, Detective Sergeant, Review Unit']],
        [['Author’s role'], ['Review officer, independent of the teams involved']],
        [['Signed'], ['A. Author']],
        [['Date'], ['01/06/2017']],
        [['Countersigned'], ['Detective Superintendent B']],
        [['Date countersigned'], ['05/06/2017']],
        [['Version'], ['3']],
      ]),
      h('Section 1: Introduction'),
      p('This individual management review report of the police is produced in accordance with the procedure.'),
      h('About the organisation', 2),
      p('The force covers the county.'),
      h('Terms of reference', 2),
      p('The terms of reference are copied here.'),
      h('Methodology', 2),
      p('Records were reviewed.'),
      h('Details of parallel reviews and processes', 2),
      p('None.'),
      h('Section 2: Family and household composition'),
      p('Adult X lived with Adult XAP.'),
      h('Section 3: Chronology of service provision and involvement'),
      p('The police attended three times.'),
      h('Section 4: Analysis of involvement'),
      h('Good practice', 2),
      p('Officers completed a DASH risk assessment.'),
      h('Section 5: Conclusions'),
      p('Practice was mostly good.'),
      h('Section 6: Recommendations'),
      p('Training on coercive control.'),
    ]);
    const imr = await readImr(file('police-imr.docx', buffer), sampleCase());
    expect(imr.format).toBe('docx');
    expect(imr.sections.map((s) => s.id)).toEqual(['introduction', 'family', 'chronology', 'analysis', 'conclusions', 'recommendations']);
    expect(imr.missing).toEqual([]);
    expect(imr.agency).toBe('South Yorkshire Police');
    expect(imr.cover).toMatchObject({
      agency: 'Police',
      author: 'DS Ann Author, Detective Sergeant, Review Unit',
      authorRole: 'Review officer, independent of the teams involved',
      signed: 'A. Author',
      date: '01/06/2017',
      countersigned: 'Detective Superintendent B',
      countersignedDate: '05/06/2017',
      version: '3',
    });
    // 2 paragraphs, 8 rows × 2 cells = 16 table paragraphs, so "Section 1" is paragraph 19.
    expect(imr.sections[0].line).toBe(19);
    expect(imr.sections[0].heading).toBe('Section 1: Introduction');
    const intro = imr.sections[0].children;
    expect(intro.filter((n) => n.type === 'heading').map((n) => toString(n))).toEqual([
      'About the organisation',
      'Terms of reference',
      'Methodology',
      'Details of parallel reviews and processes',
    ]);
    expect(sectionText(imr, 'analysis')).toMatch(/Good practice\nOfficers completed a DASH risk assessment\./);
    expect(sectionText(imr, 'recommendations')).toBe('Training on coercive control.');
    expect(toString(imr.front[1])).toBe('Individual Management Review report');
    expect(imr.tree.children.length).toBe(imr.front.length + imr.sections.reduce((n, s) => n + 1 + s.children.length, 0));
  });

  it('recognises custom heading styles by their outline level and drops table-of-contents entries', async () => {
    const styles = {
      paragraphStyles: [
        { id: 'ImrSection', name: 'IMR Section', basedOn: 'Normal', run: { bold: true, size: 28 }, paragraph: { outlineLevel: 0 } },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal' },
      ],
    };
    const styled = (text: string, style: string) => new Paragraph({ text, style });
    const buffer = await docxBuffer(
      [
        title('IMR from Sheffield City Council Housing'),
        styled('Section 1: Introduction\t3', 'TOC1'),
        styled('Section 4: Analysis\t9', 'TOC1'),
        styled('Introduction', 'ImrSection'),
        p('We provide homes.'),
        styled('Family composition', 'ImrSection'),
        p('Adult X was a tenant.'),
        styled('Analysis', 'ImrSection'),
        p('Repairs were slow.'),
      ],
      styles,
    );
    const imr = await readImr(file('imr.docx', buffer), sampleCase());
    expect(imr.agency).toBe('Sheffield City Council Housing');
    expect(imr.sections.map((s) => [s.id, s.heading])).toEqual([
      ['introduction', 'Introduction'],
      ['family', 'Family composition'],
      ['analysis', 'Analysis'],
    ]);
    expect(imr.missing).toEqual(['chronology', 'conclusions', 'recommendations']);
    expect(imr.tree.children.some((n) => toString(n).includes('\t9'))).toBe(false);
  });
});

describe('reading an IMR whose author used bold paragraphs instead of headings', () => {
  it('finds sections by their text, tolerant of numbering and wording, and reads "Label: value" cover lines', async () => {
    const buffer = await docxBuffer([
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Individual Management Review', bold: true })] }),
      p('DHR CASE: Adult X 2017'),
      new Paragraph({ children: [new TextRun({ text: 'Author: ', bold: true }), new TextRun('IDVA service manager')] }),
      p('Signed: (please insert)'),
      p('Date: 2 June 2017'),
      p('Countersigned: Head of service'),
      p('Version: xx'),
      p('Contents'),
      p('Section 1: Introduction 3'),
      p('Section 2: Family 4'),
      bold('1. Introduction'),
      p('The IDVA service supports victims across the city.'),
      bold('Section 2 – Pen portrait'),
      p('Adult X was described as warm and funny.'),
      bold('3) Chronology narrative'),
      p('Adult X was referred in December 2016.'),
      bold('ANALYSIS OF INVOLVEMENT:'),
      p('The referral was handled within a day.'),
      bold('Recommendations from previous reviews'),
      p('Earlier reviews asked for faster referrals.'),
      bold('5.0 Conclusions and lessons learnt'),
      p('The service responded well.'),
      bold('6. Recommendations / action plan'),
      p('None.'),
    ]);
    const imr = await readImr(file('idva.docx', buffer), sampleCase());
    expect(imr.sections.map((s) => [s.id, s.heading])).toEqual([
      ['introduction', '1. Introduction'],
      ['family', 'Section 2 – Pen portrait'],
      ['chronology', '3) Chronology narrative'],
      ['analysis', 'ANALYSIS OF INVOLVEMENT:'],
      ['conclusions', '5.0 Conclusions and lessons learnt'],
      ['recommendations', '6. Recommendations / action plan'],
    ]);
    // The bold "Recommendations from previous reviews" stays inside the analysis.
    expect(sectionText(imr, 'analysis')).toMatch(/Recommendations from previous reviews/);
    expect(imr.cover).toMatchObject({ author: 'IDVA service manager', date: '2 June 2017', countersigned: 'Head of service' });
    expect(imr.cover.signed).toBeUndefined();
    expect(imr.cover.version).toBeUndefined();
    expect(imr.cover.other).toEqual({ 'DHR CASE': 'Adult X 2017' });
    // No agency on the cover or in the title: the file name gives the short name IDVA.
    expect(imr.agency).toBe('Independent Domestic Violence Advocacy Service');
    expect(imr.sections[0].line).toBe(11);
  });
});

describe('recognising section headings by their words', () => {
  it.each([
    ['Section 1: Introduction', 'introduction'],
    ['1.0 INTRODUCTION', 'introduction'],
    ['Section One – Introduction', 'introduction'],
    ['2. Family composition', 'family'],
    ['Pen portrait', 'family'],
    ['Pen Portraits of the subjects', 'family'],
    ['Household composition', 'family'],
    ['Chronology', 'chronology'],
    ['Section 3 - Narrative chronology', 'chronology'],
    ['Chronology of events 2015 to 2017', 'chronology'],
    ['Analysis', 'analysis'],
    ['4) Critical analysis', 'analysis'],
    ['Conclusions', 'conclusions'],
    ['Conclusions & lessons learned', 'conclusions'],
    ['Recommendations', 'recommendations'],
    ['Action plan', 'recommendations'],
    ['Single agency recommendations', 'recommendations'],
    ['Section 6', 'recommendations'],
  ])('%s is the %s section', (text, id) => {
    expect(classifyHeading(text)?.id).toBe(id);
  });

  it.each(['About the organisation', 'Terms of reference', '1.1 Introduction to the service', 'Lessons to be learned', 'Good practice', 'Section 1: Introduction .......... 3'])(
    '%s is not a section heading',
    (text) => {
      expect(classifyHeading(text)).toBeUndefined();
    },
  );
});

describe('reading an IMR written in Markdown', () => {
  it('splits by headings, records source lines and reads the cover lines', async () => {
    const markdown = [
      '# Individual Management Review',
      '',
      'Agency: GP practice',
      'Author: Practice safeguarding lead',
      'Date: 01/06/2017',
      '',
      '## 1. Introduction',
      '',
      'About the practice.',
      '',
      '### Terms of reference',
      '',
      'As agreed.',
      '',
      '## 2. Family and household composition',
      '',
      '| Code | Relationship |',
      '| --- | --- |',
      '| Adult X | victim |',
      '',
      '## 4. Analysis',
      '',
      'Consultations were short.',
      '',
      '## 6. Recommendations',
      '',
      '1. Routine enquiry.',
    ].join('\n');
    const imr = await readImr(file('gp-imr.md', markdown), sampleCase());
    expect(imr.format).toBe('md');
    expect(imr.sections.map((s) => [s.id, s.line])).toEqual([
      ['introduction', 7],
      ['family', 15],
      ['analysis', 21],
      ['recommendations', 25],
    ]);
    expect(imr.missing).toEqual(['chronology', 'conclusions']);
    expect(imr.cover).toMatchObject({ agency: 'GP practice', author: 'Practice safeguarding lead', date: '01/06/2017' });
    // "GP practice" names the case's GP agency by its short name.
    expect(imr.agency).toBe('Sheffield Teaching Hospitals GP Services');
    expect(imr.sections[1].children[0].type).toBe('table');
  });

  it('finds bold and numbered-list section headings in Markdown too', async () => {
    const markdown = [
      'IMR for South Yorkshire Police',
      '',
      '1. **Introduction**',
      '',
      'Text.',
      '',
      '**Section 2: Family and household composition**',
      '',
      'Text.',
      '',
      '3. **Chronology**',
      '',
      '**Analysis**',
      '',
      'A sentence that mentions the analysis section but is not a heading.',
    ].join('\n');
    const imr = await readImr(file('imr.md', markdown), sampleCase());
    expect(imr.sections.map((s) => [s.id, s.line])).toEqual([
      ['introduction', 3],
      ['family', 7],
      ['chronology', 11],
      ['analysis', 13],
    ]);
    expect(imr.agency).toBe('South Yorkshire Police');
  });

  it('uses the file name as the agency when nothing else names one', async () => {
    const imr = await readImr(file('Probation.md', '# Introduction\n\nText.\n'));
    expect(imr.agency).toBe('Probation');
    expect(imr.sections.map((s) => s.id)).toEqual(['introduction']);
  });

  it('refuses a Word file renamed .md', async () => {
    const error = await caught(readImr(file('renamed.md', await docxBuffer([p('x')]))));
    expect(error.message).toMatch(/not a Markdown text file/);
  });
});

describe('the real Word files of the corpus', () => {
  const corpus = wordCorpusDir;
  it.each([
    ['comments.docx', 'Ouch.'],
    ['endnotes.docx', 'A tachyon walks into a bar.'],
    ['footnotes.docx', 'A tachyon walks into a bar.'],
    ['footnote-hyperlink.docx', 'Example'],
    ['simple-list.docx', 'Banana'],
    ['strict-format.docx', 'Test'],
    ['tables.docx', 'Top left'],
    ['text-box.docx', 'Datum plane'],
    ['utf8-bom.docx', 'This XML has a byte order mark.'],
  ])('%s reads with its text', async (name, text) => {
    const imr = await readImr(path.join(corpus, name));
    const all = imr.tree.children.map((n) => toString(n, { includeImageAlt: false })).join('\n');
    expect(all).toContain(text);
    expect(imr.missing).toHaveLength(6);
    expect(imr.agency).toBe(name.replace(/\.docx$/, ''));
  });

  it('tables.docx keeps its table with four cells', async () => {
    const imr = await readImr(path.join(corpus, 'tables.docx'));
    const tableNode = imr.tree.children.find((n) => n.type === 'table');
    expect(tableNode).toBeDefined();
    expect(toString(tableNode!)).toMatch(/Top left.*Top right.*Bottom left.*Bottom right/s);
    expect(imr.tree.children.map((n) => toString(n))).toEqual(expect.arrayContaining(['Above', 'Below']));
  });

  it('simple-list.docx becomes an mdast list', async () => {
    const imr = await readImr(path.join(corpus, 'simple-list.docx'));
    expect(imr.tree.children[0].type).toBe('list');
  });
});

describe('files that are not Word documents', () => {
  it('refuses random bytes', async () => {
    const random = new Uint8Array(300).map((_, i) => (i * 131 + 7) % 256);
    const error = await caught(readImr(file('random.docx', random)));
    expect(error.code).toBe('unsupported-format');
    expect(error.place?.file).toMatch(/random\.docx$/);
    expect(error.message).toMatch(/does not start the way an Office file does.*save it as \.docx/);
  });

  it('refuses an empty file', async () => {
    expect((await caught(readImr(file('empty.docx', new Uint8Array(0))))).message).toMatch(/the file is empty/);
  });

  it('refuses a zip without word/document.xml', async () => {
    const zip = zipOf({ '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'notes.txt': 'hello' });
    const error = await caught(readImr(file('nodoc.docx', zip)));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/no main document part \(word\/document\.xml\)/);
    const plainZip = zipOf({ 'photo.txt': 'x' });
    expect((await caught(readImr(file('plain.docx', plainZip)))).message).toMatch(/zip archive, not a Word document/);
  });

  it('refuses an encrypted Word file with advice, and reads it with --password', async () => {
    const plain = await docxBuffer([h('Introduction'), p('Confidential text.')]);
    const encrypted = officeCrypto.encrypt(plain, { password: 'Crookes' });
    expect([...encrypted.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const target = file('locked.docx', encrypted);
    const error = await caught(readImr(target));
    expect(error.code).toBe('encrypted');
    expect(error.lines()[0]).toMatch(/locked\.docx: this file is encrypted \(password-protected\): run again with --password .* or open it in Word, remove the password/);
    const imr = await readImr(target, undefined, { password: 'Crookes' });
    expect(imr.sections.map((s) => s.id)).toEqual(['introduction']);
  });

  it('refuses a .doc renamed .docx', async () => {
    const doc = compoundFile({ WordDocument: new Uint8Array(1024), '1Table': new Uint8Array(512) });
    const error = await caught(readImr(file('old.docx', doc)));
    expect(error.message).toMatch(/old Word 97–2003 document \(\.doc\).*Save As > Word Document \(\.docx\)/);
  });

  it('refuses an .odt renamed .docx', async () => {
    const odt = zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>', 'META-INF/manifest.xml': '<manifest/>' });
    const error = await caught(readImr(file('report.docx', odt)));
    expect(error.message).toMatch(/OpenDocument text file \(\.odt\) renamed \.docx/);
  });

  it('refuses an Excel workbook renamed .docx and a PDF', async () => {
    const xlsxLike = zipOf({
      '[Content_Types].xml': '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      '_rels/.rels': '<Relationships><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml': '<workbook/>',
    });
    expect((await caught(readImr(file('sheet.docx', xlsxLike)))).message).toMatch(/this is an Excel workbook \(\.xlsx\), not a Word document/);
    expect((await caught(readImr(file('scan.docx', '%PDF-1.7\n...')))).message).toMatch(/this is a PDF file/);
  });

  it('refuses a file that is neither .docx nor .md', async () => {
    const error = await caught(readImr(file('imr.pdf', '%PDF-1.7')));
    expect(error.message).toMatch(/must be a Word document \(\.docx\) or a Markdown file/);
  });

  it('reads a real corpus file byte-for-byte unchanged', async () => {
    const before = readFileSync(path.join(wordCorpusDir, 'tables.docx'));
    await readImr(path.join(wordCorpusDir, 'tables.docx'));
    expect(readFileSync(path.join(wordCorpusDir, 'tables.docx')).equals(before)).toBe(true);
  });
});
