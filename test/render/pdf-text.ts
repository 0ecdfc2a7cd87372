/** Read a PDF's text, page by page, with pdf.js (no poppler needed). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPages {
  pages: string[];
  title: string | undefined;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPages> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
    }
    const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
    return { pages, title: info.Title };
  } finally {
    await doc.destroy();
  }
}

/** How often a word stands in a text. */
export function count(text: string, word: string): number {
  return text.split(word).length - 1;
}
