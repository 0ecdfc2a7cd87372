/**
 * The text of a PDF, page by page, with its document information (author, title) and the
 * text of its annotations (comments), for the scanner. pdf.js reads it; nothing is rendered
 * and no script runs.
 */
import { DhrError, type Place } from '../../pipeline/errors.ts';
import { limits, formatBytes } from './limits.ts';
import type { TextUnit } from './text.ts';

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

export async function extractPdfText(bytes: Uint8Array, file?: string): Promise<TextUnit[]> {
  const place: Place = { file };
  if (bytes.length > limits.maxInputBytes) {
    throw new DhrError('too-large', `the file is ${formatBytes(bytes.length)}, more than the ${formatBytes(limits.maxInputBytes)} dhr-kit reads`, place);
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js may keep the buffer: give it a copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new DhrError('encrypted', 'the PDF is password-protected: remove the password and try again', place);
    throw new DhrError('corrupt', `the PDF cannot be read (${(error as Error).message})`, place);
  }
  const units: TextUnit[] = [];
  try {
    const meta = await doc.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(info)) {
      if (key === 'PDFFormatVersion' || key === 'Language') continue;
      if (typeof value === 'string' && value.trim()) units.push({ part: 'document information', text: value, place: { file, part: `document information (${key})` }, prose: true });
      if (key === 'Custom' && value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          if (typeof v === 'string' && v.trim()) units.push({ part: 'document information', text: v, place: { file, part: `document information (${k})` }, prose: true });
        }
      }
    }
    const xmp = meta?.metadata?.getAll?.() as Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(xmp ?? {})) {
      const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
      if (text.trim()) units.push({ part: 'XMP metadata', text, place: { file, part: `XMP metadata (${key})` }, prose: true });
    }
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const part = `page ${n}`;
      const content = await page.getTextContent();
      let paragraph = '';
      for (const item of content.items as TextItemLike[]) {
        if (typeof item.str !== 'string') continue;
        paragraph += item.str;
        if (item.hasEOL) paragraph += '\n';
      }
      // Paragraphs: blank lines, or the page as a whole.
      for (const p of paragraph.split(/\n\s*\n/)) if (p.trim()) units.push({ part, text: p, place: { file, part }, prose: true });
      const annotations = (await page.getAnnotations().catch(() => [])) as Record<string, unknown>[];
      for (const a of annotations) {
        for (const key of ['contentsObj', 'titleObj', 'richText']) {
          const value = a[key] as { str?: string } | undefined;
          if (value?.str?.trim()) units.push({ part: `${part} annotations`, text: value.str, place: { file, part: `${part} annotations` }, prose: true });
        }
        if (typeof a.url === 'string') units.push({ part: `${part} links`, text: a.url, place: { file, part: `${part} links` }, prose: false });
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return units;
}
