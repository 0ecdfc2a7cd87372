/**
 * Test helpers: parse SVG with a real XML parser (any well-formedness error throws), and read a
 * PNG's signature and size.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

export function parseSvg(svg: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(svg, 'image/svg+xml');
  if (errors.length > 0) throw new Error(`SVG is not well-formed XML: ${errors.join('; ')}`);
  if (doc.documentElement?.localName !== 'svg') throw new Error('the root element is not <svg>');
  return doc;
}

export function elements(doc: Document, name?: string): Element[] {
  return Array.from(doc.getElementsByTagName(name ?? '*')) as Element[];
}

export function byClass(doc: Document, className: string): Element[] {
  return elements(doc).filter((e) => (e.getAttribute('class') ?? '').split(/\s+/).includes(className));
}

/** All text a reader of the figure would see: every <text> and the <title>. */
export function svgText(doc: Document): string {
  return [...elements(doc, 'text'), ...elements(doc, 'title')].map((e) => e.textContent ?? '').join('\n');
}

export const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  // IHDR is the first chunk: length (4), type (4), then width and height.
  const type = String.fromCharCode(...png.slice(12, 16));
  if (type !== 'IHDR') throw new Error('no IHDR chunk');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
