import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../pipeline/render/docx.ts';
import type { ReportDocument } from '../../pipeline/assemble/types.ts';
import { DhrError } from '../../pipeline/errors.ts';
import { draftMarking, markdown, overviewReport, publicationMarking, sirMarking, timeline } from './fixtures.ts';
import { openDocx, packageProblems, partText, toHtml, toText, type Parts } from './package-checks.ts';

/** Text of a part without its markup, for "does the reader see it" checks. */
function visibleText(parts: Parts, name: string): string {
  return partText(parts, name).replace(/<[^>]+>/g, '');
}

function markingParts(parts: Parts): string[] {
  return [...parts.keys()].filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name));
}

describe('the overview report as Word', () => {
  let bytes: Uint8Array;
  let parts: Parts;
  let html: string;
  let document: string;

  beforeAll(async () => {
    bytes = await renderReportDocx(overviewReport(draftMarking));
    parts = openDocx(bytes);
    html = await toHtml(bytes);
    document = partText(parts, 'word/document.xml');
  });

  it('is a sound package: well-formed XML, every relationship, content type, style, list and footnote present', () => {
    expect(packageProblems(parts)).toEqual([]);
  });

  it('has the title page: review type, document, subject, month of death, partnership, author and date', () => {
    const text = visibleText(parts, 'word/document.xml');
    const titlePage = text.slice(0, text.indexOf('Contents'));
    for (const expected of [
      'Domestic Homicide Review',
      'Overview Report',
      'Adult X',
      'March 2017',
      'Sheffield Safer and Sustainable Communities Partnership',
      'J. Example, Independent Chair',
      'November 2017',
    ]) {
      expect(titlePage).toContain(expected);
    }
    expect(titlePage).not.toContain('[To be completed');
    expect(document).not.toMatch(/\{[#^/@]?[A-Za-z]+\}/);
  });

  it('puts the section headings in order, appendices last under Appendix A and B, each on a new page', () => {
    const h1 = [...html.matchAll(/<h1>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h1>/g)].map((m) => m[1]);
    expect(h1).toEqual([
      'Introduction',
      'Timescales',
      'Terms of reference',
      'Chronology',
      'Recommendations',
      'Appendix A: Action plan',
      'Appendix B: Merged chronology',
    ]);
    expect(html).toMatch(/<h2>(?:<a id="[^"]*"><\/a>)?South Yorkshire Police<\/h2>/);
    // "### Contacts" in a level-2 subsection is the next level down, not level 5.
    expect(html).toMatch(/<h3>(?:<a id="[^"]*"><\/a>)?Contacts in 2016<\/h3>/);
    const appendixHeadings = [...document.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading1"\/>(<w:pageBreakBefore\/>)?/g)];
    expect(appendixHeadings.map((m) => Boolean(m[1]))).toEqual([false, false, false, false, false, true, true]);
  });

  it('writes headings in the Heading styles, which carry outline levels for the navigation pane', () => {
    const styles = partText(parts, 'word/styles.xml');
    for (let level = 1; level <= 4; level += 1) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/>[\\s\\S]*?<w:outlineLvl w:val="${level - 1}"/>`);
      expect(styles).toMatch(style);
    }
    expect(document).toContain('<w:pStyle w:val="Heading3"/>');
  });

  it('has a contents field Word updates on opening, with a static list of headings linked to them', () => {
    expect(document).toContain('TOC \\o "1-3" \\h \\z \\u');
    expect(partText(parts, 'word/settings.xml')).toContain('<w:updateFields w:val="true"/>');
    const entries = [...document.matchAll(/<w:pStyle w:val="TOC(\d)"\/><\/w:pPr>(?:<w:r>.*?<\/w:r>)*?<w:hyperlink w:anchor="([^"]+)"[^>]*><w:r><w:t[^>]*>([^<]*)</g)].map(
      (m) => `${m[1]} ${m[3]}`,
    );
    expect(entries).toEqual([
      '1 Introduction',
      '1 Timescales',
      '1 Terms of reference',
      '1 Chronology',
      '2 South Yorkshire Police',
      '3 Contacts in 2016',
      '1 Recommendations',
      '1 Appendix A: Action plan',
      '1 Appendix B: Merged chronology',
    ]);
  });

  it('renders emphasis, strong, strike-through and inline code', () => {
    expect(html).toContain('<em>Adult X</em>');
    expect(html).toContain('<strong>March 2017</strong>');
    expect(html).toContain('<s>no referral</s>');
    expect(document).toMatch(/<w:rStyle w:val="CodeCharacter"\/><\/w:rPr><w:t xml:space="preserve">standard<\/w:t>/);
  });

  it('makes external links real hyperlinks with relationships, and "#section" links jump to the heading', () => {
    expect(html).toContain(
      '<a href="https://www.gov.uk/government/publications/revised-statutory-guidance-for-the-conduct-of-domestic-homicide-reviews">Home Office statutory guidance</a>',
    );
    const rels = partText(parts, 'word/_rels/document.xml.rels');
    const id = /<w:hyperlink r:id="([^"]+)"/.exec(document)?.[1];
    expect(id).toBeDefined();
    expect(rels).toContain(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"`);
    expect(rels).toMatch(new RegExp(`Id="${id}"[^>]*TargetMode="External"`));
    const termsBookmark = /<w:bookmarkStart w:id="\d+" w:name="([^"]+)"\/><w:r><w:t xml:space="preserve">Terms of reference</.exec(document)?.[1];
    expect(html).toContain(`<a href="#${termsBookmark}">terms of reference</a>`);
  });

  it('numbers lists with a fresh numbering instance per list, nested lists one level down', () => {
    expect(html).toContain(
      '<ol><li>What did each agency know about the abuse?<ul><li>contacts with the police</li><li>contacts with the GP</li></ul></li><li>Were risk assessments completed?</li><li>Was information shared between agencies?</li></ol>',
    );
    expect(html).toContain('<ol><li>Whether their staff had training in domestic abuse.</li><li>Whether their policies were followed.</li></ol>');
    const numbering = partText(parts, 'word/numbering.xml');
    const listIds = [...document.matchAll(/<w:pStyle w:val="ListNumber"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    const distinct = [...new Set(listIds)];
    expect(distinct).toHaveLength(2);
    for (const id of distinct) {
      expect(numbering).toMatch(new RegExp(`<w:num w:numId="${id}"><w:abstractNumId w:val="\\d+"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`));
    }
    expect(document).toMatch(/<w:pStyle w:val="ListBullet"\/><w:numPr><w:ilvl w:val="1"\/>/);
  });

  it('renders GFM tables in Table Grid with a bold header row repeated on each page', () => {
    expect(html).toContain('<th><p><strong>Date</strong></p></th><th><p><strong>Agency</strong></p></th><th><p><strong>Event</strong></p></th>');
    expect(html).toContain('<td><p>June 2016</p></td><td><p>GP</p></td>');
    const table = /<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"\/>[\s\S]*?<\/w:tbl>/.exec(document.slice(document.indexOf('The timeline below')))?.[0] ?? '';
    expect(table).toContain('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    expect((table.match(/<w:tblHeader\/>/g) ?? []).length).toBe(1);
    // The centred column (":---:") is centred.
    expect(table).toMatch(/<w:jc w:val="center"\/><\/w:pPr><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Agency</);
    // Text that looks like a tag is kept, escaped.
    expect(html).toContain('Request to move &lt;unclear&gt; &amp; urgent');
  });

  it('turns footnotes into real Word footnotes', () => {
    const footnotes = partText(parts, 'word/footnotes.xml');
    const id = /<w:footnoteReference w:id="(\d+)"\/>/.exec(document)?.[1];
    expect(id).toBeDefined();
    expect(footnotes).toMatch(
      new RegExp(`<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/>`),
    );
    expect(footnotes).toContain('Multi-agency statutory guidance for the conduct of domestic homicide reviews, Home Office, 2016, section 7.');
    expect(visibleText(parts, 'word/document.xml')).not.toContain('Multi-agency statutory guidance');
    expect(html).toContain('<li id="footnote-1"><p> Multi-agency statutory guidance');
  });

  it('embeds the figure as an inline picture with its alt text, relationship, content type and caption', () => {
    const embed = /<a:blip r:embed="([^"]+)"\/>/.exec(document)?.[1];
    expect(embed).toBeDefined();
    const rels = partText(parts, 'word/_rels/document.xml.rels');
    const target = new RegExp(`Id="${embed}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="([^"]+)"`).exec(rels)?.[1];
    expect(target).toBe('media/figure-timeline.png');
    expect(parts.get('word/media/figure-timeline.png')).toEqual(timeline.png);
    expect(partText(parts, '[Content_Types].xml')).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(document).toContain(`descr="${timeline.alt}"`);
    expect(html).toContain(`<img alt="${timeline.alt}" src="data:image/png;base64,`);
    expect(html).toContain('<p>Figure 1: Agency contacts over the review period</p>');
    // 640 × 480 pixels is wider than the text, so it is scaled to the text width keeping its shape.
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(document) ?? [];
    expect(Number(cx)).toBe(9026 * 635);
    expect(Number(cy)).toBe(Math.round(480 * 9525 * ((9026 * 635) / (640 * 9525))));
  });

  it('highlights "[To be completed: …]" prompts in their own character style', () => {
    expect(document).toContain(
      '<w:r><w:rPr><w:rStyle w:val="ToBeCompleted"/></w:rPr><w:t xml:space="preserve">[To be completed: the date the review began]</w:t></w:r>',
    );
    expect(partText(parts, 'word/styles.xml')).toMatch(/<w:style w:type="character" w:styleId="ToBeCompleted">[\s\S]*?<w:highlight w:val="yellow"\/>/);
  });

  it('renders block quotes, code blocks, thematic breaks and task list items', () => {
    expect(document).toMatch(/<w:pStyle w:val="Quote"\/><\/w:pPr><w:r><w:t xml:space="preserve">The officer recorded/);
    expect(document).toContain('<w:pStyle w:val="Code"/></w:pPr><w:r><w:t xml:space="preserve">  risk level: standard</w:t></w:r>');
    expect(document).toContain('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>');
    expect(html).toContain('<li>\u2610 Police to audit DASH completion.</li>');
  });

  it('marks every page OFFICIAL and "Draft v2" in the header and the footer, with page numbers', () => {
    const header = partText(parts, 'word/header1.xml');
    const footer = partText(parts, 'word/footer1.xml');
    for (const part of [header, footer]) {
      expect(part).toMatch(/<w:pStyle w:val="ProtectiveMarking"\/><\/w:pPr><w:r><w:t xml:space="preserve">OFFICIAL<\/w:t>/);
      expect(part).toContain('>Draft v2<');
    }
    expect(footer).toContain(' PAGE \\* MERGEFORMAT ');
    expect(footer).toContain(' NUMPAGES \\* MERGEFORMAT ');
    expect(header).not.toContain('PowerPlusWaterMarkObject');
    const styles = partText(parts, 'word/styles.xml');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="ProtectiveMarking">[\s\S]*?<w:jc w:val="center"\/>[\s\S]*?<w:b\/>/);
    // Every section of the document uses this header and footer.
    const sections = [...document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)];
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) {
      expect(section[0]).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/><w:footerReference w:type="default"/);
    }
  });

  it('gives the same bytes for the same report', async () => {
    const again = await renderReportDocx(overviewReport(draftMarking));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('the publication copy', () => {
  it('carries no marking and no draft number, but keeps the page numbers', async () => {
    const bytes = await renderReportDocx(overviewReport(publicationMarking));
    const parts = openDocx(bytes);
    expect(packageProblems(parts)).toEqual([]);
    const marked = markingParts(parts);
    expect(marked.length).toBeGreaterThanOrEqual(2);
    for (const name of marked) {
      const xml = partText(parts, name);
      expect(xml).not.toContain('OFFICIAL');
      expect(xml).not.toMatch(/Draft/i);
      expect(xml).not.toContain('PowerPlusWaterMarkObject');
    }
    expect(partText(parts, 'word/footer1.xml')).toContain(' PAGE \\* MERGEFORMAT ');
    const text = await toText(bytes);
    expect(text).not.toContain('OFFICIAL');
    expect(text).toContain('Introduction');
  });
});

describe('a Serious Incident Review', () => {
  it('carries the RESTRICTED watermark in the header of every page, as a Word watermark', async () => {
    const report: ReportDocument = {
      ...overviewReport(sirMarking),
      titlePage: { ...overviewReport().titlePage, reviewType: 'Serious Incident Review' },
    };
    const parts = openDocx(await renderReportDocx(report));
    expect(packageProblems(parts)).toEqual([]);
    const header = partText(parts, 'word/header1.xml');
    expect(header).toContain('<w:docPartGallery w:val="Watermarks"/>');
    expect(header).toMatch(/<v:shape id="PowerPlusWaterMarkObject1"[^>]*rotation:315[^>]*>/);
    expect(header).toContain('<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string="RESTRICTED"/>');
    expect(header).toContain('>OFFICIAL<');
    expect(visibleText(parts, 'word/document.xml')).toContain('Serious Incident Review');
    const document = partText(parts, 'word/document.xml');
    for (const section of document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)) expect(section[0]).toContain('<w:headerReference w:type="default"');
  });
});

describe('report problems the renderer refuses', () => {
  it('refuses a picture of a figure the report does not have', async () => {
    const report = overviewReport();
    report.sections[0].content.push(...markdown('![Genogram](figure:genogram)'));
    await expect(renderReportDocx(report)).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('"genogram"') });
  });

  it('refuses a figure without a PNG', async () => {
    const report = overviewReport();
    report.figures = [{ ...timeline, png: undefined }];
    const error = await renderReportDocx(report).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DhrError);
    expect((error as DhrError).code).toBe('unsupported-format');
  });

  it('refuses to render the data form as a report', async () => {
    await expect(renderReportDocx({ ...overviewReport(), kind: 'home-office-data-form' })).rejects.toMatchObject({ code: 'usage' });
  });
});
