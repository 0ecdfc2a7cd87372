import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { renderReportHtml, tableRowsAtOnce } from '../../pipeline/render/html.ts';
import { genogramFigure, timelineFigure } from '../../pipeline/render/figures.ts';
import type { Marking } from '../../pipeline/assemble/types.ts';
import { fixtureCase, fixtureReport, fixtureRows } from './fixtures.ts';

const draft: Marking = { classification: 'OFFICIAL', draft: 2 };
const figures = [
  timelineFigure(fixtureRows(), { start: '2015-03-01', end: '2017-03-14', deathDate: '2017-03-14', agencies: ['South Yorkshire Police', 'GP'] }),
  genogramFigure(fixtureCase()),
];

function parse(html: string): Root {
  return unified().use(rehypeParse).parse(html);
}

function all(tree: Root | Element, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (test(e)) found.push(e);
  });
  return found;
}

function classes(e: Element): string[] {
  const c = e.properties.className;
  return Array.isArray(c) ? c.map(String) : [];
}

function textOf(node: Element | Root): string {
  let text = '';
  visit(node, 'text', (t: { value: string }) => {
    text += t.value;
  });
  return text;
}

describe('renderReportHtml', () => {
  const html = renderReportHtml(fixtureReport(draft, figures));
  const tree = parse(html);

  it('is a complete standalone document in British English with the print CSS inlined', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const [root] = all(tree, (e) => e.tagName === 'html');
    expect(root.properties.lang).toBe('en-GB');
    const [style] = all(tree, (e) => e.tagName === 'style');
    const css = textOf(style);
    expect(css).toContain('@page');
    expect(css).toContain('size: A4');
    expect(css).toContain('Arial');
    expect(css).toMatch(/section\.appendix\s*{[^}]*break-before: page/);
    expect(css).toMatch(/tr,[^{]*{[^}]*break-inside: avoid/);
    expect(all(tree, (e) => e.tagName === 'link' || (e.tagName === 'img' && typeof e.properties.src === 'string' && /^https?:/.test(e.properties.src)))).toHaveLength(0);
    expect(textOf(all(tree, (e) => e.tagName === 'title')[0])).toBe('Domestic Homicide Review: Overview Report (Anna)');
  });

  it('has the sections in order as section elements with headings, subsections one level down', () => {
    const sections = all(tree, (e) => e.tagName === 'section' && classes(e).includes('section'));
    expect(sections.map((s) => s.properties.id)).toEqual(['introduction', 'timescales', 'chronology', 'family', 'action-plan']);
    const headings = all(tree, (e) => /^h[1-6]$/.test(e.tagName)).map((h) => `${h.tagName} ${textOf(h)}`);
    expect(headings).toEqual([
      'h1 Contents',
      'h1 Introduction',
      'h1 Timescales',
      'h1 Chronology',
      'h2 Background', // a level-1 heading inside a section moves below the section's own
      'h2 The family',
      'h1 Notes',
      'h1 Action plan',
    ]);
    const appendix = sections.find((s) => s.properties.id === 'action-plan')!;
    expect(classes(appendix)).toContain('appendix');
  });

  it('has a title page and a contents list whose links reach every section', () => {
    const [title] = all(tree, (e) => classes(e).includes('title-page'));
    const text = textOf(title);
    expect(text).toContain('Sheffield Safer and Sustainable Communities Partnership');
    expect(text).toContain('Anna, March 2017');
    expect(text).toContain('Overview Report');
    const [nav] = all(tree, (e) => e.tagName === 'nav');
    const links = all(nav, (e) => e.tagName === 'a').map((a) => String(a.properties.href));
    expect(links).toEqual(['#introduction', '#timescales', '#chronology', '#family', '#action-plan']);
    const ids = new Set(all(tree, (e) => typeof e.properties.id === 'string').map((e) => e.properties.id));
    for (const link of links) expect(ids.has(link.slice(1))).toBe(true);
  });

  it('marks every prompt the chair must complete, including one on the title page', () => {
    const marks = all(tree, (e) => e.tagName === 'mark' && classes(e).includes('prompt'));
    expect(marks.map(textOf)).toEqual(['[To be completed: the date the report was completed]', '[To be completed: explain any reasons for delay]']);
    const [timescales] = all(tree, (e) => e.properties.id === 'timescales');
    expect(textOf(timescales)).toContain('This review began in May 2017. [To be completed: explain any reasons for delay] The panel met six times.');
  });

  it('runs no script and escapes markup in the text', () => {
    expect(all(tree, (e) => e.tagName === 'script')).toHaveLength(0);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    const [intro] = all(tree, (e) => e.properties.id === 'introduction');
    expect(textOf(intro)).toContain('responses to Anna <script>alert(1)</script> & her family.');
    // Raw HTML in the content is shown as text, in a paragraph of its own.
    const paragraphs = all(intro, (e) => e.tagName === 'p').map(textOf);
    expect(paragraphs).toContain('<script>alert("raw")</script>');
    // A javascript: link loses its address but keeps its words.
    const links = all(intro, (e) => e.tagName === 'a' && textOf(e) === 'this link');
    expect(links).toHaveLength(1);
    expect(links[0].properties.href).toBeUndefined();
    expect(html).not.toMatch(/javascript:/i);
    expect(all(tree, (e) => Object.keys(e.properties).some((k) => /^on/i.test(k)))).toHaveLength(0);
  });

  it('renders GFM tables with a header row', () => {
    const [table] = all(tree, (e) => e.tagName === 'table');
    expect(all(table, (e) => e.tagName === 'th').map(textOf)).toEqual(['Agency', 'Contacts']);
    expect(all(table, (e) => e.tagName === 'td').map(textOf)).toEqual(['Police', '3 < 4']);
  });

  it('numbers footnotes and lists them before the appendices', () => {
    const [ref] = all(tree, (e) => e.tagName === 'sup');
    expect(textOf(ref)).toBe('1');
    const order = all(tree, (e) => e.tagName === 'section' && (classes(e).includes('footnotes') || classes(e).includes('appendix'))).map((e) =>
      classes(e).includes('footnotes') ? 'notes' : 'appendix',
    );
    expect(order).toEqual(['notes', 'appendix']);
    const [notes] = all(tree, (e) => e.tagName === 'section' && classes(e).includes('footnotes'));
    expect(textOf(notes)).toContain('Home Office statutory guidance, 2016, section 7.');
  });

  it('puts each figure inline as SVG with a numbered caption', () => {
    const figureElements = all(tree, (e) => e.tagName === 'figure');
    expect(figureElements.map((f) => f.properties.id)).toEqual(['figure-timeline', 'figure-genogram']);
    for (const f of figureElements) expect(all(f, (e) => e.tagName === 'svg')).toHaveLength(1);
    expect(figureElements.map((f) => textOf(all(f, (e) => e.tagName === 'figcaption')[0]))).toEqual([
      'Figure 1: Timeline of agency contacts',
      'Figure 2: Genogram of the family and household',
    ]);
    // The figure's text alternative travels with it.
    const [title] = all(figureElements[1], (e) => e.tagName === 'title');
    expect(textOf(title)).toBe(figures[1].alt);
    // Not wrapped in a paragraph.
    expect(all(tree, (e) => e.tagName === 'p' && all(e, (c) => c.tagName === 'figure').length > 0)).toHaveLength(0);
  });

  it('shows a missing figure as a prompt rather than dropping it', () => {
    const out = parse(renderReportHtml(fixtureReport(draft, [])));
    const marks = all(out, (e) => e.tagName === 'mark').map(textOf);
    expect(marks).toContain('[To be completed: figure "timeline" was not found]');
  });

  it('strips anything active from a figure’s SVG', () => {
    const hostile = { ...figures[0], svg: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><text>x</text></a></svg>' };
    const out = renderReportHtml(fixtureReport(draft, [hostile, figures[1]]));
    expect(out).not.toMatch(/<script|onload|javascript:/i);
    expect(out).toContain('<text>x</text>');
  });

  it('carries the marking in a header and footer, and the watermark of an SIR', () => {
    const header = all(tree, (e) => e.tagName === 'header' && classes(e).includes('marking'));
    const footer = all(tree, (e) => e.tagName === 'footer' && classes(e).includes('marking'));
    expect(header.map(textOf)).toEqual(['OFFICIAL · Draft v2']);
    expect(footer.map(textOf)).toEqual(['OFFICIAL · Draft v2']);
    expect(all(tree, (e) => classes(e).includes('watermark'))).toHaveLength(0);
    const sir = parse(renderReportHtml(fixtureReport({ ...draft, watermark: 'RESTRICTED' }, figures)));
    const [watermark] = all(sir, (e) => classes(e).includes('watermark'));
    expect(textOf(watermark)).toBe('RESTRICTED');
    expect(watermark.properties.ariaHidden).toBe('true');
  });

  it('has no marking on a publication copy', () => {
    const publication = parse(renderReportHtml(fixtureReport({ classification: null }, figures)));
    expect(all(publication, (e) => classes(e).includes('marking'))).toHaveLength(0);
    expect(textOf(publication)).not.toContain('OFFICIAL');
    expect(textOf(publication)).not.toContain('Draft');
  });

  it('escapes the title page', () => {
    const report = fixtureReport(draft, figures);
    report.titlePage.subject = '<b>Anna</b> & "X"';
    const out = renderReportHtml(report);
    expect(out).not.toContain('<b>Anna</b>');
    const [title] = all(parse(out), (e) => classes(e).includes('title-subject'));
    expect(textOf(title)).toBe('<b>Anna</b> & "X"');
  });

  it('does not change the report it is given', () => {
    const report = fixtureReport(draft, figures);
    const before = JSON.stringify(report.sections);
    renderReportHtml(report);
    expect(JSON.stringify(report.sections)).toBe(before);
  });

  it('uses a council’s own style sheet when given, without letting it close the style element', () => {
    const out = renderReportHtml(fixtureReport(draft, figures), { css: 'body { color: navy } </style><script>alert(1)</script>' });
    expect(out).toContain('body { color: navy }');
    expect(all(parse(out), (e) => e.tagName === 'script')).toHaveLength(0);
  });

  it('writes a report without notes section by section, exactly as the whole document', () => {
    // Without its footnote, the report is converted a section at a time; with a note nobody
    // refers to (which prints nothing), it is converted whole. The two must be the same.
    const withoutNotes = fixtureReport(draft, figures);
    const intro = withoutNotes.sections[0];
    intro.content = intro.content
      .filter((n) => n.type !== 'footnoteDefinition')
      .map((n) => (n.type === 'paragraph' ? { ...n, children: n.children.filter((c) => c.type !== 'footnoteReference') } : n));
    const withUnusedNote = structuredClone(withoutNotes);
    withUnusedNote.sections[1].content.push({ type: 'footnoteDefinition', identifier: 'unused', label: 'unused', children: [] });
    const bySection = renderReportHtml(withoutNotes);
    expect(bySection).toBe(renderReportHtml(withUnusedNote));
    expect(bySection).not.toContain('dhr-kit: the sections go here');
    expect(all(parse(bySection), (e) => e.tagName === 'section' && classes(e).includes('section')).length).toBeGreaterThan(3);
  });

  it(`cuts a table of more than ${tableRowsAtOnce} rows into tables of ${tableRowsAtOnce}, each with the heading row`, () => {
    const cell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] });
    const rows = Array.from({ length: tableRowsAtOnce * 2 + 1 }, (_, i) => ({ type: 'tableRow' as const, children: [cell(`Entry ${i + 1}`), cell('Police')] }));
    const report = fixtureReport(draft, figures);
    report.sections[2].content.push({ type: 'table', align: [null, null], children: [{ type: 'tableRow', children: [cell('Entry'), cell('Agency')] }, ...rows] });
    const tables = all(parse(renderReportHtml(report)), (e) => e.tagName === 'table').slice(1);
    expect(tables).toHaveLength(3);
    for (const t of tables) expect(all(t, (e) => e.tagName === 'th').map(textOf)).toEqual(['Entry', 'Agency']);
    expect(tables.map((t) => all(t, (e) => e.tagName === 'tr').length - 1)).toEqual([tableRowsAtOnce, tableRowsAtOnce, 1]);
    expect(tables.map((t) => classes(t))).toEqual([[], ['continued'], ['continued']]);
    expect(tables.flatMap((t) => all(t, (e) => e.tagName === 'td' && textOf(e).startsWith('Entry')).map(textOf))).toEqual(rows.map((_, i) => `Entry ${i + 1}`));
  });
});
