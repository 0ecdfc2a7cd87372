import { readFileSync } from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { buildTemplates } from '../../templates/build-templates.ts';
import { dataFormRows, defaultTemplateDir, templateFiles } from '../../pipeline/render/docx.ts';
import { openDocx, packageProblems, partText, type Parts } from './package-checks.ts';

const reportTags = ['reviewType', 'documentTitle', 'subject', 'deathMonth', 'csp', 'author', 'completed', 'contents', 'body'];
const markingTags = ['classification', 'draft', 'note', 'watermark'];

/** The tags docxtemplater finds in a template (its parser sees each tag's name once compiled). */
function templateTags(file: string): string[] {
  const tags = new Set<string>();
  new Docxtemplater(new PizZip(readFileSync(file)), {
    paragraphLoop: true,
    parser(tag) {
      tags.add(tag);
      return { get: () => undefined };
    },
  });
  return [...tags].sort();
}

function styleNames(parts: Parts): string[] {
  return [...partText(parts, 'word/styles.xml').matchAll(/<w:style [^>]*><w:name w:val="([^"]+)"\/>/g)].map((m) => m[1]);
}

describe('the Word templates', () => {
  const built = buildTemplates();

  it('are what build-templates.ts writes (run `npm run templates` after changing it)', () => {
    for (const [name, bytes] of built) {
      const committed = readFileSync(path.join(defaultTemplateDir, name));
      expect(Buffer.from(bytes).equals(committed), `${name} is out of date`).toBe(true);
    }
  });

  it('are built the same way every time', () => {
    const again = buildTemplates();
    for (const [name, bytes] of built) expect(Buffer.from(again.get(name)!).equals(Buffer.from(bytes))).toBe(true);
  });

  it('are sound Word packages', () => {
    for (const [name, bytes] of built) expect(packageProblems(openDocx(bytes)), name).toEqual([]);
  });

  it('carry the tags the renderer fills, and no others', () => {
    for (const kind of ['overview-report', 'executive-summary'] as const) {
      expect(templateTags(path.join(defaultTemplateDir, templateFiles[kind]))).toEqual([...reportTags, ...markingTags].sort());
    }
    const fields = dataFormRows.flatMap((group) => group.rows.map((row) => row.field));
    expect(templateTags(path.join(defaultTemplateDir, templateFiles['home-office-data-form']))).toEqual(
      ['reviewType', 'documentTitle', ...markingTags, ...fields].sort(),
    );
  });

  it('keep every tag whole inside one run of text, so Word and docxtemplater agree on it', () => {
    for (const [name, bytes] of built) {
      const parts = openDocx(bytes);
      for (const part of [...parts.keys()].filter((p) => p.startsWith('word/') && p.endsWith('.xml'))) {
        for (const text of partText(parts, part).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) {
          const opens = (text[1].match(/\{/g) ?? []).length;
          const closes = (text[1].match(/\}/g) ?? []).length;
          expect(opens, `${name} ${part}: "${text[1]}"`).toBe(closes);
        }
      }
    }
  });

  it('define the styles a council restyles, under the names Word knows them by', () => {
    const parts = openDocx(built.get('overview-report.docx')!);
    const names = styleNames(parts);
    for (const name of [
      'Normal',
      'Title',
      'Subtitle',
      'heading 1',
      'heading 2',
      'heading 3',
      'heading 4',
      'List Bullet',
      'List Number',
      'Table Grid',
      'caption',
      'footnote text',
      'footnote reference',
      'toc 1',
      'toc 2',
      'toc 3',
      'header',
      'footer',
      'Hyperlink',
      'Quote',
      'To Be Completed',
    ]) {
      expect(names).toContain(name);
    }
    const styles = partText(parts, 'word/styles.xml');
    // Normal is Arial 12 point (the document defaults), in British English.
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"\/><w:sz w:val="24"\/><w:szCs w:val="24"\/><w:lang w:val="en-GB"\/>/);
  });

  it('link List Bullet to bullets and List Number to numbers in numbering.xml', () => {
    const parts = openDocx(built.get('overview-report.docx')!);
    const styles = partText(parts, 'word/styles.xml');
    const numbering = partText(parts, 'word/numbering.xml');
    const format = (styleId: string): string => {
      const numId = new RegExp(`w:styleId="${styleId}">[\\s\\S]*?<w:numId w:val="(\\d+)"/>`).exec(styles)?.[1];
      const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
      return new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}">[\\s\\S]*?<w:numFmt w:val="([^"]+)"/>`).exec(numbering)?.[1] ?? 'none';
    };
    expect(format('ListBullet')).toBe('bullet');
    expect(format('ListNumber')).toBe('decimal');
  });

  it('have a header and footer on every page, with the marking slots, a watermark slot and page numbers', () => {
    const parts = openDocx(built.get('overview-report.docx')!);
    const header = partText(parts, 'word/header1.xml');
    const footer = partText(parts, 'word/footer1.xml');
    expect(header).toContain('>{@watermark}<');
    expect(header).toContain('>{classification}<');
    expect(footer).toContain('>{#classification}<');
    expect(footer).toMatch(/>Page <[\s\S]*? PAGE [\s\S]*?> of <[\s\S]*? NUMPAGES /);
    const document = partText(parts, 'word/document.xml');
    expect(document).toMatch(/<w:sectPr><w:headerReference w:type="default" r:id="rId6"\/><w:footerReference w:type="default" r:id="rId7"\/>/);
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  });

  it('mark the data form as not for publication', () => {
    const parts = openDocx(built.get('home-office-data-form.docx')!);
    expect(partText(parts, 'word/document.xml')).toContain('This form is not for publication – for Home Office data collection only.');
  });
});
