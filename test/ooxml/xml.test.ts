import { describe, expect, it } from 'vitest';
import { DhrError } from '../../pipeline/errors.ts';
import { EMPTY, END, START, TEXT, XmlOutput, XmlScanner, decodeXml, editTag, escapeAttribute, escapeText, parseAttributes } from '../../transforms/ooxml/xml.ts';

function tokens(xml: string) {
  const s = new XmlScanner(xml, 'test.xml');
  const out: string[] = [];
  while (s.next()) out.push(s.type === TEXT ? `text:${s.raw()}` : s.type === START ? `start:${s.key}` : s.type === END ? `end:${s.key}` : s.type === EMPTY ? `empty:${s.key}` : `other`);
  return out;
}

describe('XmlScanner', () => {
  it('names elements by namespace, not prefix: Transitional, Strict and any prefix are the same', () => {
    const transitional = '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:t>a</w:t></w:p>';
    const strict = '<x:p xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:t>a</x:t></x:p>';
    const defaultNs = '<p xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><t>a</t></p>';
    expect(tokens(transitional)).toEqual(['start:w:p', 'start:w:t', 'text:a', 'end:w:t', 'end:w:p']);
    expect(tokens(strict)).toEqual(tokens(transitional));
    expect(tokens(defaultNs)).toEqual(tokens(transitional));
  });

  it('tells apart names whose letters hash alike ("Aa" and "BB"), and names that begin alike', () => {
    expect(tokens('<r><Aa/><BB/><Aa x="1"/><BB></BB><Aab/><A/></r>')).toEqual(['start:r', 'empty:Aa', 'empty:BB', 'empty:Aa', 'start:BB', 'end:BB', 'empty:Aab', 'empty:A', 'end:r']);
  });

  it('keeps a namespace declared on an inner element to that element', () => {
    const xml = '<r xmlns:a="urn:one"><a:x/><b xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:t/></b><a:y/></r>';
    expect(tokens(xml)).toEqual(['start:r', 'empty:{urn:one}:x', 'start:b', 'empty:a:t', 'end:b', 'empty:{urn:one}:y', 'end:r']);
  });

  it('steps over ">" inside attribute values and copies comments and CDATA', () => {
    const xml = '<a t="x > y"><!-- c --><![CDATA[<z>]]></a>';
    const s = new XmlScanner(xml, 'p');
    const raws: string[] = [];
    while (s.next()) raws.push(s.raw());
    expect(raws.join('')).toBe(xml);
    expect(raws[0]).toBe('<a t="x > y">');
  });

  it('refuses a DOCTYPE (entity expansion) with a clear error naming the part', () => {
    const xml = '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>';
    expect(() => tokens(xml)).toThrow(DhrError);
    try {
      tokens(xml);
    } catch (e) {
      expect((e as DhrError).code).toBe('corrupt');
      expect((e as DhrError).place?.part).toBe('test.xml');
      expect((e as DhrError).message).toMatch(/DOCTYPE/);
    }
  });

  it('reports mismatched and unclosed elements as damaged XML', () => {
    expect(() => tokens('<a><b></a>')).toThrow(/damaged/);
    expect(() => tokens('<a><b>')).toThrow(/never closed/);
    expect(() => tokens('<a attr="x')).toThrow(/damaged/);
    // A closing tag is compared where it stands: a longer or shorter name is not the open one.
    expect(() => tokens('<a><bc></b></a>')).toThrow('</b> found where </bc> was expected');
    expect(() => tokens('<a><b></bc></a>')).toThrow('</bc> found where </b> was expected');
    expect(() => tokens('<a></a></x>')).toThrow('</x> closes nothing');
    expect(tokens('<a><b></b  ></a\n>')).toEqual(['start:a', 'start:b', 'end:b', 'end:a']);
  });

  it('finds namespace declarations wherever they are, after a long stretch without any', () => {
    const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const filler = '<x:p>xmlns</x:p>'.repeat(50);
    const xml = `<r xmlns:x="urn:one">${filler}<b xmlns:x="${w}"><x:t/></b><x:t/>${filler}<c xmlns:x="${w}"><x:t/></c></r>`;
    const keys = tokens(xml).filter((t) => t.endsWith(':t'));
    expect(keys).toEqual(['empty:w:t', 'empty:{urn:one}:t', 'empty:w:t']);
  });
});

describe('XmlOutput', () => {
  it('writes copied ranges and pieces of its own in order', () => {
    const src = '<a><b/>text<c/></a>';
    const o = new XmlOutput(src);
    o.copy(0, 3); // <a>
    o.copy(3, 7); // <b/>, joined to the copy before
    const text = o.push('TEXT');
    o.copy(11, 15); // <c/>
    expect(o.pieces).toEqual(['<a><b/>', 'TEXT']);
    o.pieces[text] = 'other';
    o.copy(15, 19);
    expect(o.join()).toBe('<a><b/>other<c/></a>');
  });

  it('goes back to a mark, dropping what was written after it and keeping what was being copied before it', () => {
    const src = '<p><r>one</r><r>two</r></p>';
    const o = new XmlOutput(src);
    o.copy(0, 3); // <p>
    o.copy(3, 6); // <r>
    o.push('one');
    o.copy(9, 13); // </r>
    const mark = o.mark();
    expect(mark.index).toBe(2); // "<p><r>" and "one"; "</r>" is being copied
    o.copy(13, 16); // <r>, joined to </r>
    const two = o.push('two');
    expect(two).toBeGreaterThanOrEqual(mark.index);
    o.copy(19, 23);
    o.rewind(mark);
    o.copy(23, src.length); // </p>, not touching the copy the mark kept
    expect(o.join()).toBe('<p><r>one</r></p>');
  });

  it('does not join ranges that do not touch', () => {
    const o = new XmlOutput('0123456789');
    o.copy(0, 2);
    o.copy(4, 6);
    o.copy(6, 7);
    expect(o.join()).toBe('01456');
  });
});

describe('entities and attributes', () => {
  it('decodes the five entities and character references', () => {
    expect(decodeXml('Jane&apos;s &amp; Robert&#8217;s &#x4A;o &lt;b&gt; &quot;q&quot;')).toBe('Jane\'s & Robert’s Jo <b> "q"');
  });

  it('escapes text and attribute values so they parse back to the same string', () => {
    const s = 'a & b < c > "d"\te\nf';
    expect(decodeXml(escapeText(s))).toBe(s);
    expect(decodeXml(escapeAttribute(s))).toBe(s);
    expect(escapeAttribute(s)).not.toMatch(/["\t\n]/);
  });

  it('parses attributes with either quote and edits only what it is asked to', () => {
    const tag = `<w:x w:a="1" w:b='two' w:c="3"/>`;
    expect(parseAttributes(tag).map((a) => [a.name, a.raw])).toEqual([
      ['w:a', '1'],
      ['w:b', 'two'],
      ['w:c', '3'],
    ]);
    expect(editTag(tag, new Map([['w:b', 'new & "q"'], ['w:c', null]]))).toBe('<w:x w:a="1" w:b="new &amp; &quot;q&quot;"/>');
    expect(editTag('<w:t>', new Map([['xml:space', 'preserve']]))).toBe('<w:t xml:space="preserve">');
  });
});
