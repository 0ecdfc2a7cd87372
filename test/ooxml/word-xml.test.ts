import { describe, expect, it } from 'vitest';
import { RedactionContext } from '../../transforms/ooxml/context.ts';
import { redactWordXml } from '../../transforms/ooxml/word-xml.ts';
import { mapAnonymiser } from './helpers/map-anonymiser.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';

function redact(body: string, ns = W, publish = false) {
  const ctx = new RedactionContext(mapAnonymiser({ 'Jane Smith': 'Adult X', Jane: 'Adult X', Smith: 'Adult X' }, { findings: ['Kevin'] }), { publish });
  ctx.enter('word/document.xml');
  const xml = redactWordXml(`<w:document xmlns:w="${ns}"><w:body>${body}</w:body></w:document>`, ctx);
  return { xml: xml.replace(/^<w:document[^>]*><w:body>|<\/w:body><\/w:document>$/g, ''), ctx };
}

describe('redactWordXml', () => {
  it('works the same on Strict OOXML', () => {
    expect(redact('<w:p><w:r><w:t>Ja</w:t></w:r><w:r><w:t>ne</w:t></w:r></w:p>', STRICT).xml).toBe('<w:p><w:r><w:t>Adult X</w:t></w:r><w:r><w:t></w:t></w:r></w:p>');
  });

  it('removes a hidden run but keeps one switched off (w:val="0") and a hidden run that carries part of a field', () => {
    const { xml } = redact(
      '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Kevin</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>shown</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:instrText> XE "Smith, Jane" </w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    );
    expect(xml).not.toContain('Kevin');
    expect(xml).toContain('<w:t>shown</w:t>');
    expect(xml).toContain('<w:fldChar w:fldCharType="begin"/>');
    expect(xml).toContain('<w:fldChar w:fldCharType="end"/>');
    // The index entry's instruction is in a hidden run too: with no field character it goes.
    expect(xml).not.toContain('XE');
  });

  it('reports findings only in text that stays', () => {
    const { ctx } = redact('<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Kevin</w:t></w:r><w:del w:author="A"><w:r><w:delText>Kevin</w:delText></w:r></w:del></w:p><w:p><w:r><w:t>Kevin said</w:t></w:r></w:p>');
    expect(ctx.findings.map((f) => f.context)).toEqual(['Kevin said']);
  });

  it('keeps the text of a run that also held a comment mark, and drops a run that held only the mark', () => {
    const { xml } = redact('<w:p><w:r><w:rPr><w:b/></w:rPr><w:commentReference w:id="1"/></w:r><w:r><w:t>kept</w:t><w:commentReference w:id="2"/></w:r></w:p>');
    expect(xml).toBe('<w:p><w:r><w:t>kept</w:t></w:r></w:p>');
  });

  it('accepts insertions (unwrapped), deletions (gone), property marks (gone), and a table whose only row was deleted', () => {
    const { xml } = redact(
      '<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="A"/></w:rPr></w:pPr><w:ins w:id="2" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins><w:del w:id="3" w:author="A"><w:r><w:delText>old</w:delText></w:r></w:del></w:p><w:tbl><w:tr><w:trPr><w:del w:id="4" w:author="A"/></w:trPr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>',
    );
    expect(xml).toBe('<w:p><w:pPr><w:rPr></w:rPr></w:pPr><w:r><w:t>new</w:t></w:r></w:p><w:p/>');
  });

  describe('a paragraph whose mark is a tracked deletion', () => {
    const deletedMark = '<w:pPr><w:pStyle w:val="Normal"/><w:rPr><w:del w:id="9" w:author="A"/></w:rPr></w:pPr>';
    const deletedText = '<w:del w:id="8" w:author="A"><w:r><w:delText>Jane Smith left.</w:delText></w:r></w:del>';

    it('goes when the deletions leave nothing in it and another paragraph follows (a deleted paragraph)', () => {
      expect(redact(`<w:p><w:r><w:t>Before.</w:t></w:r></w:p><w:p w:rsidR="00AB">${deletedMark}${deletedText}</w:p>\n  <w:p><w:r><w:t>After.</w:t></w:r></w:p>`).xml).toBe(
        '<w:p><w:r><w:t>Before.</w:t></w:r></w:p><w:p><w:r><w:t>After.</w:t></w:r></w:p>',
      );
      // Two in a row go together.
      expect(redact(`<w:p>${deletedMark}${deletedText}</w:p><w:p>${deletedMark}</w:p><w:p><w:r><w:t>After.</w:t></w:r></w:p>`).xml).toBe('<w:p><w:r><w:t>After.</w:t></w:r></w:p>');
    });

    it('stays where anything is left in it, where it is the last of its container, before a table, or holding a section break', () => {
      // Text left: the paragraphs stay apart (not joined), the deletion mark gone.
      expect(redact(`<w:p>${deletedMark}<w:r><w:t>Kept.</w:t></w:r></w:p><w:p><w:r><w:t>After.</w:t></w:r></w:p>`).xml).toBe(
        '<w:p><w:pPr><w:pStyle w:val="Normal"/><w:rPr></w:rPr></w:pPr><w:r><w:t>Kept.</w:t></w:r></w:p><w:p><w:r><w:t>After.</w:t></w:r></w:p>',
      );
      // A bookmark left in it (a REF field may point to it).
      expect(redact(`<w:p>${deletedMark}<w:bookmarkStart w:id="1" w:name="_Ref1"/></w:p><w:p/>`).xml).toContain('_Ref1');
      // The last paragraph of a table cell: a cell must keep one.
      expect(redact(`<w:tbl><w:tr><w:tc><w:p>${deletedMark}${deletedText}</w:p></w:tc></w:tr></w:tbl><w:p/>`).xml).toBe(
        '<w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="Normal"/><w:rPr></w:rPr></w:pPr></w:p></w:tc></w:tr></w:tbl><w:p/>',
      );
      // Followed by a table, not a paragraph.
      expect(redact(`<w:p>${deletedMark}</w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`).xml).toMatch(/^<w:p><w:pPr>/);
      // A section break in its properties.
      expect(redact(`<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="A"/></w:rPr><w:sectPr/></w:pPr></w:p><w:p/>`).xml).toContain('<w:sectPr/>');
      // Emptied, but its mark not deleted: an empty paragraph, as Word leaves it.
      expect(redact(`<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${deletedText}</w:p><w:p/>`).xml).toBe('<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p><w:p/>');
    });
  });

  it('renames a bookmark the same way wherever it is named, whichever comes first', () => {
    const { xml } = redact(
      '<w:p><w:hyperlink w:anchor="JaneSmith"><w:r><w:t>link</w:t></w:r></w:hyperlink><w:fldSimple w:instr=" REF JaneSmith \\h "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p><w:p><w:bookmarkStart w:id="1" w:name="JaneSmith"/><w:bookmarkStart w:id="2" w:name="_Toc1"/></w:p>',
    );
    expect(xml).toContain('w:anchor="_dhr1"');
    expect(xml).toContain('w:instr=" REF _dhr1 \\h "');
    expect(xml).toContain('w:name="_dhr1"');
    expect(xml).toContain('w:name="_Toc1"');
  });

  it("redacts a smart tag's data (Word's PersonName tag) and the names of form fields", () => {
    const { xml } = redact('<w:p><w:smartTag w:element="PersonName"><w:smartTagPr><w:attr w:name="ProductID" w:val="Jane Smith"/></w:smartTagPr><w:r><w:t>x</w:t></w:r></w:smartTag><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Jane"/><w:helpText w:type="text" w:val="Ask Jane"/></w:ffData></w:fldChar></w:r></w:p>');
    expect(xml).toContain('w:val="Adult X"/></w:smartTagPr>');
    expect(xml).toContain('<w:name w:val="Adult X"/><w:helpText w:type="text" w:val="Ask Adult X"/>');
  });

  it('sets xml:space="preserve" where a replacement leaves edge spaces, and escapes what it writes', () => {
    const { xml } = redact('<w:p><w:r><w:t>Jane &amp; co</w:t></w:r></w:p>');
    expect(xml).toBe('<w:p><w:r><w:t>Adult X &amp; co</w:t></w:r></w:p>');
    const edge = redact('<w:p><w:r><w:t xml:space="preserve">x </w:t></w:r><w:r><w:t>Jane</w:t></w:r><w:r><w:t>Smith y</w:t></w:r></w:p>').xml;
    // "x JaneSmith y": no name. With the space in the first run's text, the name is whole:
    expect(edge).toBe('<w:p><w:r><w:t xml:space="preserve">x </w:t></w:r><w:r><w:t>Jane</w:t></w:r><w:r><w:t>Smith y</w:t></w:r></w:p>');
    const spaced = redact('<w:p><w:r><w:t xml:space="preserve">x </w:t></w:r><w:r><w:t>Jane</w:t></w:r><w:r><w:t>&#x20;Smith y</w:t></w:r></w:p>').xml;
    expect(spaced).toBe('<w:p><w:r><w:t xml:space="preserve">x </w:t></w:r><w:r><w:t>Adult X</w:t></w:r><w:r><w:t xml:space="preserve"> y</w:t></w:r></w:p>');
  });
});
