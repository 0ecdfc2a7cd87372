/**
 * In-place redaction of a Word document (.docx): the same file, its formatting, styles,
 * tables, numbering and pictures intact, with every identifier the engine finds replaced in
 * the body, headers, footers, footnotes, endnotes, text boxes, alt text, bookmarks, field
 * instructions and hyperlinks; tracked changes accepted; comments, hidden text and personal
 * metadata removed.
 *
 *   const { bytes, replacements, findings } = redactDocx(input, anonymiser, { publish: true, file });
 */
import type { TextAnonymiser } from '../../pipeline/anonymise/types.ts';
import { redactCommonParts, removeByRelationship, removeCustomData, type Nesting } from './common.ts';
import { RedactionContext, uniqueFindings, type RedactOptions, type RedactResult } from './context.ts';
import { openPackage } from './package.ts';
import { redactWordXml } from './word-xml.ts';
import { redactXlsxPackage } from './xlsx.ts';

/** Comments and their companions (threads, ids, dates) and the people who wrote them. */
const WORD_REMOVED_RELATIONSHIPS = new Set(['comments', 'commentsExtended', 'commentsIds', 'commentsExtensible', 'people']);
const WORD_REMOVED_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml',
]);

export function redactDocx(bytes: Uint8Array, anonymiser: TextAnonymiser, options: RedactOptions = {}): RedactResult {
  const ctx = new RedactionContext(anonymiser, options);
  const out = redactDocxPackage(bytes, ctx, { depth: 0 });
  return { bytes: out, replacements: ctx.replacements, findings: uniqueFindings(ctx.findings), warnings: ctx.warnings };
}

/** Redact a Word package with a context shared with the package around it, if any. */
export function redactDocxPackage(bytes: Uint8Array, ctx: RedactionContext, nesting: Nesting): Uint8Array {
  const pkg = openPackage(bytes, { file: ctx.file, kind: 'docx' });
  removeByRelationship(pkg, WORD_REMOVED_RELATIONSHIPS);
  for (const p of pkg.parts()) if (WORD_REMOVED_TYPES.has(pkg.contentType(p) ?? '')) pkg.remove(p);
  removeCustomData(pkg);
  redactCommonParts(pkg, ctx, nesting, (_part, text) => redactWordXml(text, ctx), { docx: redactDocxPackage, xlsx: redactXlsxPackage });
  return pkg.toBytes();
}
