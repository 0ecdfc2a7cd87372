/**
 * Small helpers for drawing figures as SVG text, and resvg to turn them into PNG.
 *
 * Sizes: each SVG is drawn on a canvas `width/2 × height/2` units (800 units or more across, for
 * A4 text width); the PNG is rendered at twice that, and Figure.width/height are the PNG's pixels.
 */
import { Resvg, renderAsync } from '@resvg/resvg-js';
import type { Figure } from '../assemble/types.ts';

const fontFamily = 'Arial, Liberation Sans, Helvetica, DejaVu Sans, sans-serif'; // unquoted: resvg skips quoted names after the first
/** PNG pixels per SVG unit. */
const pngScale = 2;

/** Escape text and attribute values for XML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

export function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export type Attributes = Record<string, string | number | undefined>;

export function attrs(a: Attributes): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? num(v) : v as string)}"`)
    .join('');
}

export function el(name: string, a: Attributes, children?: string): string {
  return children === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${children}</${name}>`;
}

export function text(x: number, y: number, content: string, a: Attributes = {}): string {
  return el('text', { x, y, ...a }, escapeXml(content));
}

/** A text with a white halo, readable over lines. */
export function haloText(x: number, y: number, content: string, a: Attributes = {}): string {
  return text(x, y, content, { stroke: '#ffffff', 'stroke-width': 4, 'stroke-linejoin': 'round', 'paint-order': 'stroke', ...a });
}

/** Rough width of a text in Arial/DejaVu Sans (generous, so labels do not collide). */
export function textWidth(content: string, fontSize: number): number {
  return content.length * fontSize * 0.58;
}

/** Wrap words into lines no wider than `width`; a single overlong word is cut with an ellipsis. */
export function wrap(content: string, width: number, fontSize: number, maxLines: number): string[] {
  const words = content.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const fit = (s: string): string => {
    if (textWidth(s, fontSize) <= width) return s;
    let cut = s;
    while (cut.length > 1 && textWidth(`${cut}…`, fontSize) > width) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  };
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = fit(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`);
    return kept;
  }
  return lines.map(fit);
}

export function svgDocument(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" ` +
    `role="img" font-family="${escapeXml(fontFamily)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="${num(width)}" height="${num(height)}" fill="#ffffff"/>` +
    body +
    `</svg>`
  );
}

const pngOptions = (pixels: number) => ({
  fitTo: { mode: 'width' as const, value: pixels },
  background: '#ffffff',
  font: { loadSystemFonts: true, sansSerifFamily: 'DejaVu Sans', defaultFontFamily: 'DejaVu Sans' },
});

/** Rasterise an SVG to PNG bytes at `pngScale` pixels per unit. */
export function svgToPng(svg: string, width: number): Uint8Array {
  return new Uint8Array(new Resvg(svg, pngOptions(Math.round(width * pngScale))).render().asPng());
}

/**
 * A figure's PNG, rasterised on a thread of its own (the same bytes as svgToPng): the build
 * goes on with its other work meanwhile, and puts the PNG in before the Word files need it.
 */
export async function figurePng(figure: Figure): Promise<Uint8Array> {
  return new Uint8Array((await renderAsync(figure.svg, pngOptions(figure.width))).asPng());
}

/** A figure: its SVG and, unless `png` is false (see figurePng), its PNG. */
export function makeFigure(id: string, title: string, svg: string, width: number, height: number, alt: string, options: { png?: boolean } = {}): Figure {
  const pixels = { width: Math.round(width * pngScale), height: Math.round(height * pngScale) };
  return { id, title, svg, ...(options.png === false ? {} : { png: svgToPng(svg, width) }), ...pixels, alt };
}

/** A zigzag along the straight line from (x1, y1) to (x2, y2): the genogram's mark for abuse. */
export function zigzag(x1: number, y1: number, x2: number, y2: number): string {
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const steps = Math.max(2, Math.round(length / 10));
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const points: string[] = [`${num(x1)},${num(y1)}`];
  for (let s = 1; s < steps; s++) {
    const t = (s / steps) * length;
    const offset = s % 2 === 0 ? -5 : 5;
    points.push(`${num(x1 + ux * t - uy * offset)},${num(y1 + uy * t + ux * offset)}`);
  }
  points.push(`${num(x2)},${num(y2)}`);
  return points.join(' ');
}

/** A zigzag along the quadratic curve a → b bowed towards c, starting `gap` away from a and b. */
export function curvedZigzag(a: [number, number], c: [number, number], b: [number, number], gap: number): string {
  const at = (t: number): [number, number] => [
    (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t ** 2 * b[0],
    (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t ** 2 * b[1],
  ];
  const samples = 200;
  const points = Array.from({ length: samples + 1 }, (_, i) => at(i / samples));
  const lengths = [0];
  for (let i = 1; i < points.length; i++) lengths.push(lengths[i - 1] + Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]));
  const total = lengths[lengths.length - 1];
  const pointAt = (distance: number): { p: [number, number]; normal: [number, number] } => {
    let i = lengths.findIndex((l) => l >= distance);
    if (i <= 0) i = 1;
    const [p0, p1] = [points[i - 1], points[i]];
    const segment = lengths[i] - lengths[i - 1] || 1;
    const f = (distance - lengths[i - 1]) / segment;
    const dx = (p1[0] - p0[0]) / segment;
    const dy = (p1[1] - p0[1]) / segment;
    return { p: [p0[0] + (p1[0] - p0[0]) * f, p0[1] + (p1[1] - p0[1]) * f], normal: [-dy, dx] };
  };
  const start = gap;
  const end = Math.max(start, total - gap);
  const steps = Math.max(2, Math.round((end - start) / 10));
  const out: string[] = [];
  for (let s = 0; s <= steps; s++) {
    const { p, normal } = pointAt(start + ((end - start) * s) / steps);
    const offset = s === 0 || s === steps ? 0 : s % 2 === 0 ? -5 : 5;
    out.push(`${num(p[0] + normal[0] * offset)},${num(p[1] + normal[1] * offset)}`);
  }
  return out.join(' ');
}
