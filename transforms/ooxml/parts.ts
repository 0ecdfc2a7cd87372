/**
 * What each part of a package is for, by content type and relationship, the same in Word and
 * Excel: which hold formatting only, which are properties, which are pictures or embedded
 * packages.
 */
import type { OoxmlPackage } from './package.ts';

export const CT = {
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  customXmlProps: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
  contentTypes: '[Content_Types]',
} as const;

/** Formatting only: checked for identifiers (rarely any), otherwise copied byte for byte. */
const FORMATTING = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml',
  'application/vnd.ms-word.stylesWithEffects+xml',
  'application/vnd.openxmlformats-officedocument.theme+xml',
  'application/vnd.openxmlformats-officedocument.themeOverride+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
  'application/vnd.openxmlformats-officedocument.drawingml.chartStyle+xml',
  'application/vnd.ms-office.chartstyle+xml',
  'application/vnd.ms-office.chartcolorstyle+xml',
]);

export type PartRole = 'content-types' | 'relationships' | 'core' | 'app' | 'custom' | 'formatting' | 'xml' | 'image' | 'package' | 'binary';

const IMAGE = /\.(png|jpe?g|jpe|gif|bmp|tiff?|emf|wmf|svg|ico|webp)$/i;
const PACKAGE = /\.(docx|docm|dotx|dotm|xlsx|xlsm|xltx|xltm)$/i;

export function partRole(pkg: OoxmlPackage, part: string): PartRole {
  const lower = part.toLowerCase();
  if (lower === '[content_types].xml') return 'content-types';
  if (lower.endsWith('.rels')) return 'relationships';
  const type = pkg.contentType(part) ?? '';
  if (type === CT.core) return 'core';
  if (type === CT.app) return 'app';
  if (type === CT.custom) return 'custom';
  if (FORMATTING.has(type)) return 'formatting';
  if (IMAGE.test(lower) || type.startsWith('image/')) return 'image';
  if (PACKAGE.test(lower)) return 'package';
  if (isXmlContentType(type) || /\.(xml|vml)$/i.test(lower)) return 'xml';
  return 'binary';
}

/** An XML content type: "…+xml", "application/xml", "text/xml", or VML ("…vmlDrawing"). Not every "openxmlformats" type is XML (fonts, pictures, binaries). */
export function isXmlContentType(type: string): boolean {
  return /\+xml$|^(application|text)\/xml$|vmlDrawing$/i.test(type);
}

/** Which kind of package an embedded file is. */
export function embeddedKind(part: string): 'docx' | 'xlsx' | undefined {
  if (/\.(docx|docm|dotx|dotm)$/i.test(part)) return 'docx';
  if (/\.(xlsx|xlsm|xltx|xltm)$/i.test(part)) return 'xlsx';
  return undefined;
}
