import { describe, expect, it } from 'vitest';
import { headingStyleMap, htmlToMdast } from '../../pipeline/ingest/docx-reader.ts';

const style = (id: string, name: string, body = '') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${body}</w:style>`;

describe('mapping Word paragraph styles to headings', () => {
  it('maps built-in, outline-level, inherited and heading-like style names, and drops table-of-contents styles', () => {
    const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      ${style('Normal', 'Normal')}
      ${style('Heading1', 'heading 1', '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>')}
      ${style('ImrSection', 'IMR Section', '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>')}
      ${style('AgencyHeading', 'Agency Top', '<w:basedOn w:val="Heading1"/>')}
      ${style('SectionHeading', 'Section Heading 3')}
      ${style('ReportTitle', 'Report Title')}
      ${style('BodyOutline', 'Body Text Outline', '<w:pPr><w:outlineLvl w:val="9"/></w:pPr>')}
      ${style('Caption', 'caption')}
      ${style('TOCHeading', 'TOC Heading', '<w:basedOn w:val="Heading1"/>')}
      <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>
    </w:styles>`;
    const map = headingStyleMap(styles);
    expect(map).toContain("p[style-name^='toc'] => !");
    expect(map).toContain("p[style-name='heading 1'] => h1:fresh");
    expect(map).toContain("p[style-name='IMR Section'] => h2:fresh");
    expect(map).toContain("p[style-name='Agency Top'] => h1:fresh");
    expect(map).toContain("p[style-name='Section Heading 3'] => h3:fresh");
    expect(map).toContain("p[style-name='Report Title'] => h2:fresh");
    expect(map.some((line) => /Body Text Outline|caption|TOC Heading|Heading 1 Char|'Normal'/.test(line))).toBe(false);
  });

  it('works with Strict OOXML prefixes', () => {
    const strict = `<w:styles xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">${style('H', 'Custom', '<w:pPr><w:outlineLvl w:val="2"/></w:pPr>')}</w:styles>`;
    expect(headingStyleMap(strict)).toContain("p[style-name='Custom'] => h3:fresh");
  });
});

describe('mammoth HTML to mdast', () => {
  it('numbers Word paragraphs (empty ones too) as positions and joins table-cell paragraphs with line breaks', () => {
    const tree = htmlToMdast('<h1>Title</h1><p></p><table><tr><td><p>Author: A</p><p>Date: B</p></td></tr></table><ul><li>One</li><li>Two</li></ul><p>After</p>');
    expect(tree.children.map((n) => [n.type, n.position?.start.line])).toEqual([
      ['heading', 1],
      ['table', undefined],
      ['list', undefined],
      ['paragraph', 7],
    ]);
    const table = tree.children[1];
    if (table.type !== 'table') throw new Error('expected a table');
    const cell = table.children.flatMap((row) => row.children).find((c) => c.children.length > 0)!;
    expect(cell.children.map((c) => c.type)).toEqual(['text', 'break', 'text']);
    const list = tree.children[2];
    if (list.type !== 'list') throw new Error('expected a list');
    expect(list.children.map((item) => item.position?.start.line)).toEqual([5, 6]);
  });
});
