/**
 * Spreadsheet formulas: names hide in string literals (`="Jane Smith"&A1`) and sheet
 * references (`'Jane Smith'!B2`). Literals are redacted; references follow the sheets'
 * renaming, quoted as Excel requires. Everything else (functions, cell references, numbers) is
 * kept as written.
 */
import type { RedactionContext } from './context.ts';

/** Sheet renames, looked up without case (Excel compares sheet names so). */
export class SheetNames {
  private readonly map = new Map<string, string>();
  set(from: string, to: string): void {
    this.map.set(from.toLowerCase(), to);
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase());
  }
  get size(): number {
    return this.map.size;
  }
}

/** A sheet name as a formula writes it: quoted unless it is a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const unquotedReference = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*(?=!)/;

export function redactFormula(formula: string, ctx: RedactionContext, sheets: SheetNames): string {
  if (formula.length === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula[i];
    if (c === '"') {
      // A string literal; "" is a quote inside it.
      let j = i + 1;
      let value = '';
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += formula[j++];
      }
      const next = ctx.redactString(value, { findings: true });
      out += `"${next.replace(/"/g, '""')}"`;
      i = j + 1;
      continue;
    }
    if (c === "'") {
      // A quoted sheet reference; '' is a quote inside it.
      let j = i + 1;
      let name = '';
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j++];
      }
      const renamed = sheetReference(name, ctx, sheets);
      out += renamed === undefined ? formula.slice(i, j + 1) : quoteSheet(renamed);
      i = j + 1;
      continue;
    }
    // An unquoted sheet name before "!", at the start of a token.
    if (/[A-Za-z_\u00C0-\uFFFF]/.test(c) && (i === 0 || /[\s(,;=+\-*/&^<>:{]/.test(formula[i - 1]))) {
      const m = unquotedReference.exec(formula.slice(i, i + 300));
      if (m) {
        const renamed = sheetReference(m[0], ctx, sheets);
        out += renamed === undefined ? m[0] : quoteSheet(renamed);
        i += m[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** The new name of a referenced sheet (a 3-D range "First:Last" renames both ends). */
function sheetReference(name: string, ctx: RedactionContext, sheets: SheetNames): string | undefined {
  const book = /^(\[[^\]]*\])?(.*)$/.exec(name)!;
  const prefix = book[1] ?? '';
  const parts = book[2].split(':');
  let changed = false;
  const renamed = parts.map((p) => {
    const r = sheets.get(p);
    if (r !== undefined && r !== p) {
      changed = true;
      return r;
    }
    // A sheet of another workbook: redacted as text.
    if (prefix) {
      const t = ctx.redactString(p);
      if (t !== p) changed = true;
      return t;
    }
    return p;
  });
  return changed ? prefix + renamed.join(':') : undefined;
}
