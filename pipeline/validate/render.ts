/**
 * The validation report for people: Markdown (validation-report.md) and a web page
 * (validation-report.html). A summary table at the top, then each document with its verdicts,
 * evidence, problems and what to do — in plain English, for someone who has never seen a
 * terminal. Also the short text `dhr check` prints.
 *
 * The report is laid out once, as an mdast tree; the Markdown is written from the tree by the
 * small writer below, and the web page goes from the same tree through remark-rehype. (Writing
 * Markdown and parsing it again cost more than everything else the build does: micromark reads
 * a few MB a second, and a large case's report runs to MBs.)
 *
 * A grouped problem (see group.ts) is one numbered entry with its places listed under it; a
 * chronology's list is cut short after `listedOccurrences`, the rest being marked row by row in
 * the Flags column of merged-chronology.xlsx.
 */
import type { Html, Link, List, ListItem, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { imrChecklist } from '../../schemas/checklists.ts';
import { listedOccurrences, occurrenceCount, problemCount } from './group.ts';
import type { ChecklistItemResult, ItemStatus, Occurrence, ValidatedDocument, ValidationProblem, ValidationReport, Where } from './types.ts';
import { plural } from './text.ts';

const verdictWords: Record<ItemStatus, string> = { pass: 'Pass', fail: 'Fail', review: "Needs a person's judgement" };

/** The text `dhr check` prints lists fewer places of a group than the Markdown and web page (listedOccurrences). */
const printedOccurrences = 10;

/** "imrs/police.md, Section 1: Introduction › Methodology, line 34" — a place in plain words. */
export function formatWhere(w: Where | undefined): string {
  if (!w) return '';
  const parts: string[] = [];
  if (w.file) parts.push(w.file);
  if (w.section) parts.push(w.section);
  if (w.sheet) parts.push(`sheet "${w.sheet}"`);
  if (w.cell) parts.push(`cell ${w.cell}`);
  if (w.row !== undefined) parts.push(`row ${w.row}`);
  if (w.line !== undefined) parts.push(w.column !== undefined ? `line ${w.line}, column ${w.column}` : `line ${w.line}`);
  if (w.columnName) parts.push(`column "${w.columnName}"`);
  if (w.field) parts.push(`field ${w.field}`);
  return parts.join(', ');
}

/** A place inside a file already named: the file left out. */
function formatWithin(w: Where, file: string | undefined): string {
  return formatWhere(w.file !== undefined && w.file === file ? { ...w, file: undefined } : w);
}

function anchor(doc: ValidatedDocument, index: number): string {
  return `doc-${index + 1}`;
}

function documentResult(doc: ValidatedDocument): string {
  const items = doc.items ?? [];
  const fails = items.filter((i) => i.status === 'fail').length;
  const reviews = items.filter((i) => i.status === 'review').length;
  const errors = doc.problems.filter((p) => p.severity === 'error').length;
  const warnings = doc.problems.length - errors;
  if (fails > 0 || errors > 0) return 'Needs changes';
  if (reviews > 0 || warnings > 0) return 'Check the points below';
  if (items.length === 0 && doc.problems.length === 0 && (doc.notes ?? []).some((n) => /^Not checked/.test(n))) return 'Not checked';
  return 'No problems found';
}

// ---------------------------------------------------------------------------------------------
// The layout, as mdast

const text = (value: string): PhrasingContent => ({ type: 'text', value: value.replace(/\r?\n/g, ' ') });
const strong = (...children: PhrasingContent[]): PhrasingContent => ({ type: 'strong', children });
const emphasis = (...children: PhrasingContent[]): PhrasingContent => ({ type: 'emphasis', children });
/** A line break inside a paragraph, as Markdown writes it: a new line, nothing more. */
const softBreak = (): PhrasingContent => ({ type: 'text', value: '\n' });
const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, ...children: PhrasingContent[]): RootContent => ({ type: 'heading', depth, children });
const html = (value: string): Html => ({ type: 'html', value });
const bullets = (items: PhrasingContent[][]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })),
});
function table(header: string[], rows: PhrasingContent[][][]): Table {
  const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map((children): TableCell => ({ type: 'tableCell', children })) });
  return { type: 'table', align: header.map(() => null), children: [row(header.map((h) => [text(h)])), ...rows.map(row)] };
}

/** The validation report as a Markdown syntax tree. */
export function validationTree(report: ValidationReport): Root {
  const out: RootContent[] = [];
  const s = report.summary;
  const imrs = report.documents.filter((d) => d.kind === 'imr');
  out.push(heading(1, text(`Validation report: ${report.case}`)));
  out.push(paragraph(text(`Checked for ${longDate(report.today)}. This report is OFFICIAL: it quotes the documents, with every name from the case key replaced by its code.`)));
  out.push(
    s.fail > 0 || s.errors > 0
      ? paragraph(
          strong(text('Changes are needed before this review can go forward:')),
          text(` ${[s.fail ? `${plural(s.fail, 'checklist item')} failed` : '', s.errors ? `${plural(s.errors, 'problem')} must be put right` : ''].filter(Boolean).join(' and ')}.`),
        )
      : paragraph(strong(text('No failures and no problems that must be put right were found.'))),
  );
  if (imrs.length > 0) out.push(paragraph(text(`IMR checklist (${plural(imrs.length, 'IMR')}, 14 points each): ${s.pass} passed, ${s.fail} failed, ${s.review} need a person's judgement.`)));
  out.push(paragraph(text(`Problems: ${plural(s.errors, 'must be put right', 'must be put right')}, ${plural(s.warnings, 'warning')} to look at.`)));

  out.push(heading(2, text('Summary')));
  out.push(
    table(
      ['Document', 'Result', 'Checklist: pass / fail / judgement', 'Problems to put right', 'Warnings'],
      report.documents.map((d, i) => {
        const items = d.items ?? [];
        const counts = items.length ? `${items.filter((x) => x.status === 'pass').length} / ${items.filter((x) => x.status === 'fail').length} / ${items.filter((x) => x.status === 'review').length}` : '—';
        const errors = occurrenceCount(d.problems.filter((p) => p.severity === 'error'));
        const link: Link = { type: 'link', url: `#${anchor(d, i)}`, children: [text(d.title)] };
        return [[link], [text(documentResult(d))], [text(counts)], [text(String(errors))], [text(String(occurrenceCount(d.problems) - errors))]];
      }),
    ),
  );

  out.push(heading(2, text('How to read this report')));
  out.push(
    bullets([
      [strong(text('Pass')), text(': the document shows what the guide asks for; the words found are quoted, with where they are.')],
      [strong(text('Fail')), text(': it does not; the evidence says what is missing and what to do.')],
      [strong(text("Needs a person's judgement")), text(': the text cannot show it either way (for example, whether an author is suitable); the evidence is set out for you to decide.')],
      [strong(text('Problems to put right')), text(' must be dealt with before the review goes forward; '), strong(text('warnings')), text(' are worth checking but may be fine.')],
    ]),
  );

  report.documents.forEach((d, i) => {
    out.push(paragraph(html(`<a id="${anchor(d, i)}">`), html('</a>')));
    out.push(heading(2, text(d.title)));
    out.push(paragraph(text(`File: ${d.file}. Result: `), strong(text(documentResult(d))), text('.')));
    if (d.items) renderItems(out, d.items);
    renderProblems(out, d.problems);
    if (d.notes && d.notes.length > 0) out.push(bullets(d.notes.map((n) => [text(n)])));
    if (!d.items && d.problems.length === 0 && !(d.notes && d.notes.length)) out.push(paragraph(text('No problems found.')));
  });
  return { type: 'root', children: out };
}

function renderItems(out: RootContent[], items: ChecklistItemResult[]): void {
  out.push(table(['#', 'Checklist item', 'Verdict'], items.map((item) => [[text(String(item.id))], [text(item.title)], [text(verdictWords[item.status])]])));
  for (const item of items) {
    const spec = imrChecklist.find((s) => s.id === item.id);
    out.push(heading(3, text(`${item.id}. ${item.title}: ${verdictWords[item.status]}`)));
    if (spec) out.push(paragraph(emphasis(text('The guide asks:')), text(` ${spec.guideText}`)));
    const lines: PhrasingContent[][] = item.evidence.map((e) => {
      const where = formatWhere(e.where);
      return [text(`${e.note}${e.quote ? ` “${e.quote}”` : ''}${where ? ` (${where})` : ''}`)];
    });
    if (spec?.judgement && item.status !== 'fail') lines.push([emphasis(text('Still for a person to judge:')), text(` ${spec.judgement}`)]);
    if (lines.length > 0) out.push(bullets(lines));
  }
}

/**
 * The places a grouped problem lists, and a last line for those not listed. Only a chronology's
 * list is cut short: each of its entries is also flagged on its row of the merged chronology.
 */
function occurrenceLines(p: ValidationProblem, limit: number): string[] {
  const all = p.occurrences ?? [];
  const total = problemCount(p);
  const cut = p.check?.startsWith('chronology.') && total > limit + 1;
  const shown = cut ? all.slice(0, limit) : all;
  const lines = shown.map((o: Occurrence) => {
    const where = formatWithin(o.place, p.place.file);
    const text = o.fix ? `${o.message} What to do: ${o.fix}` : o.message;
    return where ? `${where}: ${text}` : text;
  });
  const more = total - shown.length;
  if (more > 0) {
    lines.push(`… and ${more} more. Every one is flagged on its row: in the Flags column of merged-chronology.xlsx (written by "dhr build"), and in the row flags of "dhr check --json".`);
  }
  return lines;
}

function renderProblems(out: RootContent[], problems: ValidationProblem[]): void {
  const list = (title: string, ps: ValidationProblem[]) => {
    if (ps.length === 0) return;
    out.push(heading(3, text(title)));
    const items = ps.map((p): ListItem => {
      const lines: PhrasingContent[] = [strong(text(p.message))];
      const where = formatWhere(p.place);
      if (where) lines.push(softBreak(), text(`Where: ${where}.`));
      lines.push(softBreak(), text(`What to do: ${p.fix}`));
      const children: ListItem['children'] = [{ type: 'paragraph', children: lines }];
      if (p.occurrences) children.push(bullets(occurrenceLines(p, listedOccurrences).map((l) => [text(l)])));
      return { type: 'listItem', spread: children.length > 1, children };
    });
    // Loose (a paragraph to each item) when there is more than one, as Markdown reads it.
    out.push({ type: 'list', ordered: true, start: 1, spread: items.length > 1, children: items });
  };
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  list(`Problems to put right (${occurrenceCount(errors)})`, errors);
  list(`Warnings (${occurrenceCount(warnings)})`, warnings);
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

// ---------------------------------------------------------------------------------------------
// Markdown, written from the tree

/** Escape text for Markdown so quotes from documents cannot turn into formatting or links. */
function md(value: string): string {
  return value.replace(/([\\`*_[\]<>|#~])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function inline(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out += n.value === '\n' ? '\n' : md(n.value);
        break;
      case 'strong':
        out += `**${inline(n.children)}**`;
        break;
      case 'emphasis':
        out += `*${inline(n.children)}*`;
        break;
      case 'link':
        out += `[${inline(n.children)}](${n.url})`;
        break;
      case 'html':
        out += n.value;
        break;
      default:
        throw new Error(`validation report: no Markdown for ${n.type}`);
    }
  }
  return out;
}

/** Lines of a block, without the blank line after it. */
function block(node: RootContent): string[] {
  switch (node.type) {
    case 'heading':
      return [`${'#'.repeat(node.depth)} ${inline(node.children)}`];
    case 'paragraph':
      return inline(node.children).split('\n');
    case 'table': {
      const [head, ...rows] = node.children;
      // The headings are the report's own words, written as they are.
      const raw = (cell: TableCell) => cell.children.map((c) => (c.type === 'text' ? c.value : inline([c]))).join('');
      const line = (r: TableRow, cell: (c: TableCell) => string) => `| ${r.children.map(cell).join(' | ')} |`;
      return [line(head, raw), `| ${head.children.map(() => '---').join(' | ')} |`, ...rows.map((r) => line(r, (c) => inline(c.children)))];
    }
    case 'list': {
      const loose = node.spread || node.children.some((item) => item.spread);
      const lines: string[] = [];
      node.children.forEach((item, i) => {
        const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
        // A paragraph's further lines continue it at three spaces; a block inside the item is
        // indented to the width of the marker ("10. " is four), or it would leave the list.
        const nested = ' '.repeat(marker.length);
        item.children.forEach((child, c) => {
          const inner = block(child);
          if (c > 0) lines.push('');
          inner.forEach((l, k) => lines.push(c === 0 && k === 0 ? `${marker}${l}` : !l ? l : c === 0 ? `   ${l}` : `${nested}${l}`));
        });
        if (loose) lines.push('');
      });
      if (loose) lines.pop();
      return lines;
    }
    default:
      throw new Error(`validation report: no Markdown for ${node.type}`);
  }
}

/** The Markdown of a tree made by validationTree. */
function toMarkdown(tree: Root): string {
  return `${tree.children.map((n) => block(n).join('\n')).join('\n\n')}\n`;
}

export function renderValidationMarkdown(report: ValidationReport): string {
  return toMarkdown(validationTree(report));
}

const style = `
body { font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; border-bottom: 3px solid #1d3557; padding-bottom: .3rem; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #999; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #e8edf3; }
li { margin: .3rem 0; }
.marking { text-align: center; font-weight: bold; letter-spacing: .1em; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-before: auto; } a { color: inherit; text-decoration: none; } }
`;

const toHtml = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });

/** The report as a complete web page (UTF-8, British English), readable in any browser and printable. */
export function renderValidationHtml(report: ValidationReport): string {
  const tree = validationTree(report);
  const body = toHtml.stringify(toHtml.runSync(tree));
  const title = `Validation report: ${report.case}`.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${style}</style>
</head>
<body>
<p class="marking">OFFICIAL</p>
${body}
<p class="marking">OFFICIAL</p>
</body>
</html>
`;
}

/** Notes of evidence that supports a pass (what was found), as opposed to what is missing or wrong. */
const supporting =
  /^(?:All six sections|Term of reference \S+ \("[^"]*"\) is answered|\S+ is addressed\.|The terms of reference are set out|Staff interviews are recorded|A record of the interviews|The records accessed are|Good practice is identified|Practice is weighed|Analytical wording found|The Conclusions run to|Lessons to be learnt are identified|Recommendation \S+ is a single action|\d+ recommendations? found|Countersigned with|The cover states|The author's (?:independence|background) is)/;

/** The short text `dhr check` prints: one line per document, then the failures and problems. */
export function renderValidationText(report: ValidationReport): string {
  const out: string[] = [];
  const s = report.summary;
  out.push(`Validation of ${report.case} (for ${longDate(report.today)})`);
  for (const d of report.documents) {
    out.push('');
    out.push(`${d.title} — ${d.file}: ${documentResult(d)}`);
    for (const item of d.items ?? []) {
      out.push(`  ${String(item.id).padStart(2)}. ${verdictWords[item.status].padEnd(5)}  ${item.title}`);
      if (item.status !== 'pass') {
        // The evidence that explains the verdict, not the parts that were found in order.
        const e = item.evidence.find((x) => !supporting.test(x.note)) ?? item.evidence[0];
        if (e) out.push(`        ${e.note}${e.where ? ` (${formatWhere(e.where)})` : ''}`);
      }
    }
    for (const p of d.problems) {
      out.push(`  ${p.severity === 'error' ? 'Problem' : 'Warning'}: ${p.message}`);
      const where = formatWhere(p.place);
      if (where) out.push(`    Where: ${where}`);
      out.push(`    What to do: ${p.fix}`);
      if (p.occurrences) for (const line of occurrenceLines(p, printedOccurrences)) out.push(`      - ${line}`);
    }
    for (const n of d.notes ?? []) out.push(`  ${n}`);
  }
  out.push('');
  out.push(
    `Summary: ${s.pass} checklist items passed, ${s.fail} failed, ${s.review} need a person's judgement; ${plural(s.errors, 'problem')} to put right, ${plural(s.warnings, 'warning')}.`,
  );
  return out.join('\n');
}
