/**
 * Pictures as inline DrawingML (what Word writes for a picture "in line with text"): the size
 * read from the PNG or JPEG itself, scaled to fit the text area, with the alternative text Word
 * shows to screen readers (docPr/@descr).
 */
import { escapeAttribute } from './xml.ts';

/** English Metric Units per pixel at 96 dots per inch, and per twip. */
const emuPerPixel = 9525;
const emuPerTwip = 635;

export interface PixelSize {
  width: number;
  height: number;
}

/** The size of a PNG (from IHDR) or JPEG (from its SOF segment); undefined if it is neither. */
export function pictureSize(bytes: Uint8Array): { size: PixelSize; extension: 'png' | 'jpeg' } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && png.every((b, i) => bytes[i] === b)) {
    // The first chunk is IHDR: length (4), type (4), width (4), height (4).
    if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
    return { size: { width: view.getUint32(16), height: view.getUint32(20) }, extension: 'png' };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return undefined;
      const marker = bytes[offset + 1];
      const length = view.getUint16(offset + 2);
      const startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (startOfFrame) {
        return { size: { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) }, extension: 'jpeg' };
      }
      offset += 2 + length;
    }
  }
  return undefined;
}

/** The picture's size in EMU, scaled down (never up) to fit `maxWidth` × `maxHeight` twips. */
export function fitPicture(size: PixelSize, maxWidthTwips: number, maxHeightTwips: number): { cx: number; cy: number } {
  const width = Math.max(1, size.width) * emuPerPixel;
  const height = Math.max(1, size.height) * emuPerPixel;
  const scale = Math.min(1, (maxWidthTwips * emuPerTwip) / width, (maxHeightTwips * emuPerTwip) / height);
  return { cx: Math.round(width * scale), cy: Math.round(height * scale) };
}

export interface InlinePicture {
  relationshipId: string;
  /** Unique w:docPr id. */
  drawingId: number;
  name: string;
  /** Alternative text. */
  description: string;
  title?: string;
  cx: number;
  cy: number;
}

/** A run holding the picture in line with the text. */
export function inlinePictureRun(p: InlinePicture): string {
  const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const pic = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
  const title = p.title !== undefined ? ` title="${escapeAttribute(p.title)}"` : '';
  return (
    '<w:r><w:rPr><w:noProof/></w:rPr><w:drawing>' +
    '<wp:inline distT="0" distB="0" distL="0" distR="0">' +
    `<wp:extent cx="${p.cx}" cy="${p.cy}"/>` +
    '<wp:effectExtent l="0" t="0" r="0" b="0"/>' +
    `<wp:docPr id="${p.drawingId}" name="${escapeAttribute(p.name)}" descr="${escapeAttribute(p.description)}"${title}/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${a}"><a:graphicData uri="${pic}">` +
    `<pic:pic xmlns:pic="${pic}">` +
    `<pic:nvPicPr><pic:cNvPr id="0" name="${escapeAttribute(p.name)}" descr="${escapeAttribute(p.description)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${p.relationshipId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${p.cx}" cy="${p.cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}
