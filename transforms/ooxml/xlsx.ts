/**
 * In-place redaction of an Excel workbook (.xlsx): cells (shared and inline strings, rich
 * text, cached formula strings), formulas' literals, sheet names (and every reference to a
 * renamed sheet), comments and notes (text redacted, authors made neutral), threaded comments
 * and their persons, headers and footers, validation messages, tables, pivot caches and
 * document properties. Numbers, dates and codes stay as they are.
 *
 *   const { bytes, replacements, findings } = redactXlsx(input, anonymiser, { file });
 */
import type { TextAnonymiser } from '../../pipeline/anonymise/types.ts';
import { redactCommonParts, removeCustomData, type Nesting } from './common.ts';
import { readableName, RedactionContext, uniqueFindings, type RedactOptions, type RedactResult } from './context.ts';
import { redactDocxPackage } from './docx.ts';
import { SheetNames } from './formula.ts';
import { redactGenericXml } from './generic-xml.ts';
import { openPackage, type OoxmlPackage } from './package.ts';
import { redactSheetXml } from './sheet-xml.ts';
import { redactWordXml } from './word-xml.ts';
import { EMPTY, START, XmlScanner, attribute } from './xml.ts';

export function redactXlsx(bytes: Uint8Array, anonymiser: TextAnonymiser, options: RedactOptions = {}): RedactResult {
  const ctx = new RedactionContext(anonymiser, options);
  const out = redactXlsxPackage(bytes, ctx, { depth: 0 });
  return { bytes: out, replacements: ctx.replacements, findings: uniqueFindings(ctx.findings), warnings: ctx.warnings };
}

export function redactXlsxPackage(bytes: Uint8Array, ctx: RedactionContext, nesting: Nesting): Uint8Array {
  const pkg = openPackage(bytes, { file: ctx.file, kind: 'xlsx' });
  removeCustomData(pkg);
  const sheets = renameSheets(pkg, ctx);
  redactCommonParts(
    pkg,
    ctx,
    nesting,
    (part, text) => {
      const type = pkg.contentType(part) ?? '';
      if (type.includes('spreadsheetml') || type.startsWith('application/vnd.ms-excel.')) return redactSheetXml(text, ctx, sheets);
      if (/drawing|chart|diagram|vml/i.test(type) || /\.vml$/i.test(part)) return redactWordXml(text, ctx);
      return redactGenericXml(text, ctx);
    },
    { docx: redactDocxPackage, xlsx: redactXlsxPackage },
  );
  return pkg.toBytes();
}

/** Characters Excel does not allow in a sheet name. */
const forbidden = /[[\]:*?/\\]/g;

/**
 * New names for sheets named after an identifier ("Jane Smith" → "Adult X"), kept to Excel's
 * rules: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe,
 * unique without regard to case.
 */
export function renameSheets(pkg: OoxmlPackage, ctx: RedactionContext): SheetNames {
  const sheets = new SheetNames();
  ctx.enter(pkg.main);
  const names: string[] = [];
  const s = new XmlScanner(pkg.text(pkg.main), pkg.main, ctx.file);
  while (s.next()) {
    if ((s.type === START || s.type === EMPTY) && s.key === 'x:sheet') {
      const name = attribute(s.raw(), 'name');
      if (name !== undefined) names.push(name);
    }
  }
  const taken = new Set(names.map((n) => n.toLowerCase()));
  for (const name of names) {
    ctx.find(readableName(name), { sheet: name });
    const redacted = ctx.redactString(name, { place: { sheet: name } });
    if (redacted === name) continue;
    let next = redacted.replace(forbidden, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim().slice(0, 31).trim();
    if (next === '') next = 'Sheet';
    taken.delete(name.toLowerCase());
    let candidate = next;
    for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      candidate = next.slice(0, 31 - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    sheets.set(name, candidate);
  }
  return sheets;
}
