/**
 * The validation report for people: Markdown (validation-report.md) and a web page
 * (validation-report.html, from the same Markdown through remark-rehype). A summary table at
 * the top, then each document with its verdicts, evidence, problems and what to do — in plain
 * English, for someone who has never seen a terminal. Also the short text `dhr check` prints.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { imrChecklist } from '../../schemas/checklists.ts';
import type { ChecklistItemResult, ItemStatus, ValidatedDocument, ValidationProblem, ValidationReport, Where } from './types.ts';
import { plural } from './text.ts';

const verdictWords: Record<ItemStatus, string> = { pass: 'Pass', fail: 'Fail', review: "Needs a person's judgement" };

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

/** Escape text for Markdown so quotes from documents cannot turn into formatting or links. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|#~])/g, '\\$1').replace(/\r?\n/g, ' ');
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

export function renderValidationMarkdown(report: ValidationReport): string {
  const out: string[] = [];
  const s = report.summary;
  const imrs = report.documents.filter((d) => d.kind === 'imr');
  out.push(`# Validation report: ${md(report.case)}`, '');
  out.push(`Checked for ${longDate(report.today)}. This report is OFFICIAL: it quotes the documents, with every name from the case key replaced by its code.`, '');
  const headline =
    s.fail > 0 || s.errors > 0
      ? `**Changes are needed before this review can go forward:** ${[s.fail ? `${plural(s.fail, 'checklist item')} failed` : '', s.errors ? `${plural(s.errors, 'problem')} must be put right` : ''].filter(Boolean).join(' and ')}.`
      : '**No failures and no problems that must be put right were found.**';
  out.push(headline, '');
  if (imrs.length > 0) out.push(`IMR checklist (${plural(imrs.length, 'IMR')}, 14 points each): ${s.pass} passed, ${s.fail} failed, ${s.review} need a person's judgement.`, '');
  out.push(`Problems: ${plural(s.errors, 'must be put right', 'must be put right')}, ${plural(s.warnings, 'warning')} to look at.`, '');

  out.push('## Summary', '');
  out.push('| Document | Result | Checklist: pass / fail / judgement | Problems to put right | Warnings |', '| --- | --- | --- | --- | --- |');
  report.documents.forEach((d, i) => {
    const items = d.items ?? [];
    const counts = items.length ? `${items.filter((x) => x.status === 'pass').length} / ${items.filter((x) => x.status === 'fail').length} / ${items.filter((x) => x.status === 'review').length}` : '—';
    const errors = d.problems.filter((p) => p.severity === 'error').length;
    out.push(`| [${md(d.title)}](#${anchor(d, i)}) | ${documentResult(d)} | ${counts} | ${errors} | ${d.problems.length - errors} |`);
  });
  out.push('');

  out.push('## How to read this report', '');
  out.push('- **Pass**: the document shows what the guide asks for; the words found are quoted, with where they are.');
  out.push('- **Fail**: it does not; the evidence says what is missing and what to do.');
  out.push("- **Needs a person's judgement**: the text cannot show it either way (for example, whether an author is suitable); the evidence is set out for you to decide.");
  out.push('- **Problems to put right** must be dealt with before the review goes forward; **warnings** are worth checking but may be fine.');
  out.push('');

  report.documents.forEach((d, i) => {
    out.push(`<a id="${anchor(d, i)}"></a>`, '');
    out.push(`## ${md(d.title)}`, '');
    out.push(`File: ${md(d.file)}. Result: **${documentResult(d)}**.`, '');
    if (d.items) renderItems(out, d.items);
    renderProblems(out, d.problems);
    if (d.notes && d.notes.length > 0) {
      for (const n of d.notes) out.push(`- ${md(n)}`);
      out.push('');
    }
    if (!d.items && d.problems.length === 0 && !(d.notes && d.notes.length)) out.push('No problems found.', '');
  });
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function renderItems(out: string[], items: ChecklistItemResult[]): void {
  out.push('| # | Checklist item | Verdict |', '| --- | --- | --- |');
  for (const item of items) out.push(`| ${item.id} | ${md(item.title)} | ${verdictWords[item.status]} |`);
  out.push('');
  for (const item of items) {
    const spec = imrChecklist.find((s) => s.id === item.id);
    out.push(`### ${item.id}. ${md(item.title)}: ${verdictWords[item.status]}`, '');
    if (spec) out.push(`*The guide asks:* ${md(spec.guideText)}`, '');
    for (const e of item.evidence) {
      const where = formatWhere(e.where);
      const quote = e.quote ? ` “${md(e.quote)}”` : '';
      out.push(`- ${md(e.note)}${quote}${where ? ` (${md(where)})` : ''}`);
    }
    if (spec?.judgement && item.status !== 'fail') out.push(`- *Still for a person to judge:* ${md(spec.judgement)}`);
    out.push('');
  }
}

function renderProblems(out: string[], problems: ValidationProblem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const list = (title: string, ps: ValidationProblem[]) => {
    if (ps.length === 0) return;
    out.push(`### ${title}`, '');
    ps.forEach((p, n) => {
      out.push(`${n + 1}. **${md(p.message)}**`);
      const where = formatWhere(p.place);
      if (where) out.push(`   Where: ${md(where)}.`);
      out.push(`   What to do: ${md(p.fix)}`, '');
    });
  };
  list(`Problems to put right (${errors.length})`, errors);
  list(`Warnings (${warnings.length})`, warnings);
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
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

/** The report as a complete web page (UTF-8, British English), readable in any browser and printable. */
export function renderValidationHtml(report: ValidationReport): string {
  const markdown = renderValidationMarkdown(report);
  const body = String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true })
      .processSync(markdown),
  );
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
    }
    for (const n of d.notes ?? []) out.push(`  ${n}`);
  }
  out.push('');
  out.push(
    `Summary: ${s.pass} checklist items passed, ${s.fail} failed, ${s.review} need a person's judgement; ${plural(s.errors, 'problem')} to put right, ${plural(s.warnings, 'warning')}.`,
  );
  return out.join('\n');
}
