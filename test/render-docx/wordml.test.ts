import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportDocument, ReportSection } from '../../pipeline/assemble/types.ts';
import { defaultTemplateDir, renderReportDocx, templateFiles } from '../../pipeline/render/docx.ts';
import { appendixLetter, appendixTitle } from '../../transforms/wordml/sections.ts';
import { ensureNamespaces } from '../../transforms/wordml/namespaces.ts';
import { WordPackage } from '../../transforms/wordml/package.ts';
import { fitPicture, pictureSize } from '../../transforms/wordml/pictures.ts';
import { textRun } from '../../transforms/wordml/runs.ts';
import { escapeAttribute, escapeText } from '../../transforms/wordml/xml.ts';
import { draftMarking, makePng, markdown, overviewReport, timeline, titlePage } from './fixtures.ts';
import { openDocx, packageProblems, partText, toHtml, xmlProblems } from './package-checks.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A folder holding the shipped templates after `change` has edited the overview report's parts. */
function changedTemplates(change: (pkg: WordPackage) => void): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'dhr-templates-'));
  folders.push(folder);
  for (const name of Object.values(templateFiles)) {
    const bytes = readFileSync(path.join(defaultTemplateDir, name));
    if (name !== templateFiles['overview-report']) {
      writeFileSync(path.join(folder, name), bytes);
      continue;
    }
    const pkg = WordPackage.fromZip(bytes);
    change(pkg);
    writeFileSync(path.join(folder, name), pkg.toZip());
  }
  return folder;
}

function report(sections: ReportSection[], extra: Partial<ReportDocument> = {}): ReportDocument {
  return { kind: 'overview-report', titlePage, marking: draftMarking, sections, figures: [timeline], prompts: [], ...extra };
}

describe('XML text', () => {
  it('escapes markup characters and drops characters XML cannot hold', () => {
    expect(escapeText('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
    expect(escapeAttribute('say "hi"\tthere')).toBe('say &quot;hi&quot;&#9;there');
    expect(escapeText('bell\u0007 and lone \uD800 surrogate')).toBe('bell and lone  surrogate');
    expect(escapeText('emoji \u{1F600} stays')).toBe('emoji \u{1F600} stays');
  });

  it('keeps spaces and writes tabs and line feeds as Word does', () => {
    expect(textRun('  two  spaces\tthen tab\nnext line', { bold: true })).toBe(
      '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">  two  spaces</w:t><w:tab/><w:t xml:space="preserve">then tab</w:t><w:br/><w:t xml:space="preserve">next line</w:t></w:r>',
    );
    expect(textRun('')).toBe('');
  });

  it('declares namespaces a part uses but its root does not', () => {
    const repaired = ensureNamespaces('<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:pict><v:shape/></w:pict></w:r></w:p></w:hdr>');
    expect(xmlProblems(repaired)).toEqual([]);
    expect(repaired).toContain('xmlns:v="urn:schemas-microsoft-com:vml"');
    const unchanged = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>';
    expect(ensureNamespaces(unchanged)).toBe(unchanged);
  });

  it('is checked by a parser that does find broken XML', () => {
    expect(xmlProblems('<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<w:a/>')).not.toEqual([]);
    expect(xmlProblems('<a>\u0001</a>')).not.toEqual([]);
    expect(xmlProblems('<a>fine &amp; dandy</a>')).toEqual([]);
  });
});

describe('pictures', () => {
  it('reads the size of a PNG and a JPEG, and nothing else', () => {
    expect(pictureSize(makePng(3, 2))).toEqual({ size: { width: 3, height: 2 }, extension: 'png' });
    // A JPEG: SOI, an APP0 segment of 16 bytes, then SOF0 with height 2 and width 3.
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0), 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x02, 0x00, 0x03, 0x03]);
    expect(pictureSize(jpeg)).toEqual({ size: { width: 3, height: 2 }, extension: 'jpeg' });
    expect(pictureSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });

  it('shrinks a picture to the text area but never enlarges one', () => {
    expect(fitPicture({ width: 100, height: 50 }, 9026, 13958)).toEqual({ cx: 952500, cy: 476250 });
    const wide = fitPicture({ width: 2000, height: 500 }, 9026, 13958);
    expect(wide.cx).toBe(9026 * 635);
    expect(wide.cy).toBe(Math.round(500 * 9525 * ((9026 * 635) / (2000 * 9525))));
    const tall = fitPicture({ width: 500, height: 4000 }, 9026, 10000);
    expect(tall.cy).toBe(10000 * 635);
  });
});

describe('appendices', () => {
  it('are lettered A to Z, then AA', () => {
    expect([0, 1, 25, 26, 27].map(appendixLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
    expect(appendixTitle(1, 'Action plan')).toBe('Appendix B: Action plan');
    expect(appendixTitle(0, 'Appendix 1 – action plan')).toBe('Appendix 1 – action plan');
  });
});

describe('mdast the renderer meets', () => {
  it('writes awkward text so that Word reads it back unchanged', async () => {
    const awkward = 'Mr O\'Brien said "get out" & <left>; costs £5 — 50% · naïve\u0007';
    const bytes = await renderReportDocx(report([{ id: 'overview', title: 'Overview & <analysis>', content: [{ type: 'paragraph', children: [{ type: 'text', value: awkward }] }] }]));
    expect(packageProblems(openDocx(bytes))).toEqual([]);
    const html = await toHtml(bytes);
    expect(html).toContain('Overview &amp; &lt;analysis&gt;');
    expect(html).toContain('Mr O\'Brien said "get out" &amp; &lt;left&gt;; costs £5 — 50% · naïve</p>');
  });

  it('resolves reference links and images, embeds data-URI pictures, and links footnotes with their own relationships', async () => {
    const png = Buffer.from(makePng(4, 4)).toString('base64');
    const content = markdown(
      [
        'See [the guidance][guide] and the diagram: ![Household](data:image/png;base64,' + png + ')',
        '',
        'A note[^n] and the same note again[^n].',
        '',
        '[guide]: https://www.gov.uk/guidance',
        '[^n]: As the [leaflet](https://www.gov.uk/leaflet) explains.',
      ].join('\n'),
    );
    const bytes = await renderReportDocx(report([{ id: 'methodology', title: 'Methodology', content }]));
    const parts = openDocx(bytes);
    expect(packageProblems(parts)).toEqual([]);
    const html = await toHtml(bytes);
    expect(html).toContain('<a href="https://www.gov.uk/guidance">the guidance</a>');
    expect(html).toMatch(/<img alt="Household" src="data:image\/png;base64,/);
    // Two references to one definition: two notes, the link in each related from footnotes.xml.
    const footnotes = partText(parts, 'word/footnotes.xml');
    expect(footnotes.match(/As the /g)).toHaveLength(2);
    const footnoteRels = partText(parts, 'word/_rels/footnotes.xml.rels');
    expect(footnoteRels).toMatch(/Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/hyperlink" Target="https:\/\/www.gov.uk\/leaflet" TargetMode="External"/);
    expect(partText(parts, 'word/_rels/document.xml.rels')).not.toContain('leaflet');
  });

  it('places headings below the section title whatever depth the author used, up to Heading 6', async () => {
    const content = markdown('# Top\n\ntext\n\n## Next\n\n###### Deepest');
    const sections: ReportSection[] = [
      { id: 'analysis', title: 'Analysis', content, subsections: [{ id: 'police', title: 'Police', content: markdown('#### Only heading') }] },
    ];
    const html = await toHtml(await renderReportDocx(report(sections)));
    const headings = [...html.matchAll(/<h(\d)>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h\d>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual(['1 Analysis', '2 Top', '3 Next', '6 Deepest', '2 Police', '3 Only heading']);
  });

  it('restarts numbering at a list’s own start number', async () => {
    const bytes = await renderReportDocx(report([{ id: 'lessons', title: 'Lessons', content: markdown('3. third\n4. fourth\n\ntext\n\n1. again') }]));
    const numbering = partText(openDocx(bytes), 'word/numbering.xml');
    expect(numbering).toMatch(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"\/>/);
    expect(numbering).toMatch(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"\/>/);
  });
});

describe('templates a council has changed', () => {
  it('still render when the template has no numbering or footnotes part', async () => {
    const folder = changedTemplates((pkg) => {
      pkg.files.delete('word/numbering.xml');
      pkg.files.delete('word/footnotes.xml');
      const drop = (name: string, pattern: RegExp): void => pkg.setText(name, pkg.text(name)!.replace(pattern, ''));
      drop('word/_rels/document.xml.rels', /<Relationship [^>]*Target="(numbering|footnotes)\.xml"\/>/g);
      drop('[Content_Types].xml', /<Override PartName="\/word\/(numbering|footnotes)\.xml"[^>]*\/>/g);
      drop('word/settings.xml', /<w:footnotePr>.*?<\/w:footnotePr>/);
      // Word re-saves styles without the numbering links when there is no numbering part.
      drop('word/styles.xml', /<w:numPr>.*?<\/w:numPr>/g);
    });
    const bytes = await renderReportDocx(overviewReport(), { templateDir: folder });
    const parts = openDocx(bytes);
    expect(packageProblems(parts)).toEqual([]);
    expect(partText(parts, 'word/footnotes.xml')).toContain('<w:footnote w:type="separator" w:id="-1">');
    expect(partText(parts, 'word/numbering.xml')).toMatch(/<w:abstractNum w:abstractNumId="0">[\s\S]*<w:abstractNum w:abstractNumId="1">/);
    const html = await toHtml(bytes);
    expect(html).toContain('<ol><li>What did each agency know about the abuse?<ul><li>contacts with the police</li>');
    expect(html).toContain('Multi-agency statutory guidance');
  });

  it('do not clash with ids the template already uses', async () => {
    const folder = changedTemplates((pkg) => {
      const rels = pkg.text('word/_rels/document.xml.rels')!;
      pkg.setText(
        'word/_rels/document.xml.rels',
        rels.replace('</Relationships>', '<Relationship Id="rIdDhr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.sheffield.gov.uk/" TargetMode="External"/></Relationships>'),
      );
      const document = pkg.text('word/document.xml')!;
      pkg.setText(
        'word/document.xml',
        document.replace('<w:body>', '<w:body><w:p><w:bookmarkStart w:id="1" w:name="Logo"/><w:hyperlink r:id="rIdDhr1"><w:r><w:t>Sheffield City Council</w:t></w:r></w:hyperlink><w:bookmarkEnd w:id="1"/></w:p>'),
      );
    });
    const bytes = await renderReportDocx(overviewReport(), { templateDir: folder });
    const parts = openDocx(bytes);
    expect(packageProblems(parts)).toEqual([]);
    const html = await toHtml(bytes);
    expect(html).toContain('<a href="https://www.sheffield.gov.uk/">Sheffield City Council</a>');
    expect(html).toContain('>Home Office statutory guidance</a>');
  });

  it('are refused, with the reason, when a tag is unknown or the body tag is lost', async () => {
    const unknown = changedTemplates((pkg) => {
      pkg.setText('word/document.xml', pkg.text('word/document.xml')!.replace('>{deathMonth}<', '>{victimFullName}<'));
    });
    await expect(renderReportDocx(overviewReport(), { templateDir: unknown })).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining('{victimFullName}'),
    });
    const lost = changedTemplates((pkg) => {
      pkg.setText('word/document.xml', pkg.text('word/document.xml')!.replace('>{@body}<', '>body goes here<'));
    });
    await expect(renderReportDocx(overviewReport(), { templateDir: lost })).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining('{@body}'),
    });
    const broken = changedTemplates((pkg) => {
      pkg.setText('word/document.xml', pkg.text('word/document.xml')!.replace('>{deathMonth}<', '>{deathMonth<'));
    });
    await expect(renderReportDocx(overviewReport(), { templateDir: broken })).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('are looked for where they are said to be', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'dhr-templates-'));
    folders.push(empty);
    await expect(renderReportDocx(overviewReport(), { templateDir: empty })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('the package checks', () => {
  it('find a missing picture, an undefined style, a duplicate picture id and an unbalanced field', async () => {
    const parts = openDocx(await renderReportDocx(overviewReport()));
    expect(packageProblems(parts)).toEqual([]);
    const broken = new Map(parts);
    broken.delete('word/media/figure-timeline.png');
    const document = partText(parts, 'word/document.xml');
    const drawing = /<w:r><w:rPr><w:noProof\/><\/w:rPr><w:drawing>[\s\S]*?<\/w:drawing><\/w:r>/.exec(document)![0];
    broken.set(
      'word/document.xml',
      new TextEncoder().encode(
        document
          .replace('<w:pStyle w:val="Quote"/>', '<w:pStyle w:val="Quotation"/>')
          .replace(drawing, drawing + drawing)
          .replace('<w:fldChar w:fldCharType="end"/>', ''),
      ),
    );
    const problems = packageProblems(broken).join('\n');
    expect(problems).toContain('points to word/media/figure-timeline.png, which does not exist');
    expect(problems).toContain('style Quotation is not defined');
    expect(problems).toContain('picture ids are not unique');
    expect(problems).toContain('fields are unbalanced');
  });
});

describe('the executive summary', () => {
  it('is filled from its own template', async () => {
    const folder = changedTemplates(() => undefined);
    const own = WordPackage.fromZip(readFileSync(path.join(defaultTemplateDir, templateFiles['executive-summary'])));
    own.setText('word/document.xml', own.text('word/document.xml')!.replace('>Contents<', '>List of contents<'));
    writeFileSync(path.join(folder, templateFiles['executive-summary']), own.toZip());
    const summary: ReportDocument = {
      ...report([{ id: 'the-review-process', title: 'The review process', content: markdown('This summary outlines the process.') }]),
      kind: 'executive-summary',
      titlePage: { ...titlePage, documentTitle: 'Executive Summary', author: undefined },
    };
    const bytes = await renderReportDocx(summary, { templateDir: folder });
    expect(packageProblems(openDocx(bytes))).toEqual([]);
    const html = await toHtml(bytes);
    expect(html).toContain('List of contents');
    expect(html).toContain('Executive Summary');
    expect(html).toContain("<td><p>[To be completed: author's name]</p></td>");
    expect(html).toMatch(/<h1>(?:<a id="[^"]*"><\/a>)?The review process<\/h1>/);
  });
});
