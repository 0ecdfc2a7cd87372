/**
 * Building blocks shared by the report models: small mdast constructors, the wording that
 * changes between a Domestic Homicide Review and a Serious Incident Review, dates as the
 * reports write them, and the people of the case as the reports name them.
 *
 * A section is first drafted as a list of parts, each saying what kind of text it is:
 * - standard: the template's own wording;
 * - fact: what case.yaml records, written out as the template asks (the panel, the dates);
 * - prompt: "[To be completed: …]" for what only the chair can write;
 * - material: what the agencies sent (IMR sections, chronology tables, the action plan);
 * - figure: an image node referring to a figure ("figure:timeline").
 * When the chair has written a section, the chair's text replaces the template wording, the
 * facts and the prompts (the chair has said it in their own words), and leads the agencies'
 * material and the figures, which are kept. A table or list the template asks for (the panel,
 * the pseudonyms, the terms of reference) is kept too, unless the chair's text has a table or
 * list of its own.
 * A part marked verbatim (the names of the chair and panel members, which the guide says the
 * reports include) does not go through the anonymisation engine.
 */
import type {
  Heading,
  Image,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Case, Person } from '../../schemas/case.ts';
import type { Chronology, ChronologyRow } from '../model.ts';
import { cloneTree } from './clone.ts';
import type { ReportSection } from './types.ts';

// ---------------------------------------------------------------------------------------------
// mdast constructors

export function text(value: string): Text {
  return { type: 'text', value };
}

export type Inline = string | PhrasingContent;

function inline(children: Inline[]): PhrasingContent[] {
  return children.map((c) => (typeof c === 'string' ? text(c) : c));
}

export function paragraph(...children: Inline[]): Paragraph {
  return { type: 'paragraph', children: inline(children) };
}

export function strong(value: string): PhrasingContent {
  return { type: 'strong', children: [text(value)] };
}

export function heading(depth: number, value: string): Heading {
  return { type: 'heading', depth: clampDepth(depth), children: [text(value)] };
}

export function list(items: (Inline | RootContent[])[], ordered = false): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map(
      (item): ListItem => ({
        type: 'listItem',
        spread: false,
        children: Array.isArray(item) ? (item as ListItem['children']) : [paragraph(item)],
      }),
    ),
  };
}

/** A table with a header row; every cell is plain text. */
export function table(header: string[], rows: string[][]): Table {
  const row = (cells: string[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((c): TableCell => ({ type: 'tableCell', children: c ? [text(c)] : [] })),
  });
  return { type: 'table', align: header.map(() => null), children: [row(header), ...rows.map(row)] };
}

/** A figure placed in the text: the renderer swaps "figure:ID" for ReportDocument.figures[ID]. */
export function figureNode(id: string, alt: string, title?: string): Paragraph {
  const image: Image = { type: 'image', url: `figure:${id}`, alt, title: title ?? null };
  return { type: 'paragraph', children: [image] };
}

export const promptOpening = '[To be completed: ';

/** The visible placeholder for what the chair still has to write. */
export function promptParagraph(what: string): Paragraph {
  return paragraph(`${promptOpening}${what}]`);
}

/** The text of a prompt paragraph without its brackets, or null if the text is not a prompt. */
export function promptText(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed.startsWith(promptOpening) || !trimmed.endsWith(']')) return null;
  return trimmed.slice(promptOpening.length, -1).trim();
}

function clampDepth(depth: number): Heading['depth'] {
  return Math.min(6, Math.max(1, Math.round(depth))) as Heading['depth'];
}

/**
 * Move headings so the shallowest is at `depth`, keeping their relative levels: an IMR's
 * "# Chronology" placed inside a report section becomes a subheading there.
 */
export function shiftHeadings(nodes: RootContent[], depth: number): RootContent[] {
  let shallowest = Infinity;
  for (const node of nodes) if (node.type === 'heading') shallowest = Math.min(shallowest, node.depth);
  if (shallowest === Infinity) return nodes.map((n) => cloneTree(n));
  const by = depth - shallowest;
  return nodes.map((node) => {
    const copy = cloneTree(node);
    if (copy.type === 'heading') copy.depth = clampDepth(copy.depth + by);
    return copy;
  });
}

// ---------------------------------------------------------------------------------------------
// Parts and section drafts

export type PartKind = 'standard' | 'fact' | 'prompt' | 'material' | 'figure';

export interface Part {
  kind: PartKind;
  nodes: RootContent[];
  /** Not passed through the anonymisation engine (names of the chair and panel members). */
  verbatim?: boolean;
  /** A fact the template asks for as a table or list: kept after the chair's text unless that has its own. */
  keep?: 'table' | 'list';
}

export interface SectionDraft {
  id: string;
  title: string;
  parts: Part[];
  subsections?: SectionDraft[];
  appendix?: boolean;
}

export function standard(...nodes: RootContent[]): Part {
  return { kind: 'standard', nodes };
}

export function fact(...nodes: RootContent[]): Part {
  return { kind: 'fact', nodes };
}

export function material(...nodes: RootContent[]): Part {
  return { kind: 'material', nodes };
}

export function verbatimFact(...nodes: RootContent[]): Part {
  return { kind: 'fact', nodes, verbatim: true };
}

/** A fact that is a table or list the template asks for. */
export function keptFact(...nodes: RootContent[]): Part {
  return kept(fact(...nodes));
}

/** A table or list the template asks for: see Part.keep. */
export function kept(part: Part): Part {
  const table = part.nodes.some((n) => n.type === 'table');
  return { ...part, keep: table ? 'table' : 'list' };
}

export function prompt(what: string): Part {
  return { kind: 'prompt', nodes: [promptParagraph(what)] };
}

export function figure(node: Paragraph): Part {
  return { kind: 'figure', nodes: [node] };
}

// ---------------------------------------------------------------------------------------------
// Review wording

export interface ReviewWords {
  /** "Domestic Homicide Review" or "Serious Incident Review". */
  title: string;
  /** "domestic homicide review" or "serious incident review", for the middle of a sentence. */
  lower: string;
  /** "DHR" or "SIR". */
  short: string;
  /** "the DHR Consideration Panel" or "the Consideration Panel". */
  considerationPanel: string;
}

export function reviewWords(c: Case): ReviewWords {
  if (c.review === 'SIR') {
    return {
      title: 'Serious Incident Review',
      lower: 'serious incident review',
      short: 'SIR',
      considerationPanel: 'the Consideration Panel',
    };
  }
  return {
    title: 'Domestic Homicide Review',
    lower: 'domestic homicide review',
    short: 'DHR',
    considerationPanel: 'the DHR Consideration Panel',
  };
}

// ---------------------------------------------------------------------------------------------
// Dates

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m, d];
}

/** "2017-03-14" → "14 March 2017". */
export function longDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${d} ${monthNames[m - 1]} ${y}`;
}

/** "2017-03-14" → "March 2017": the only form of the date of death a report may carry. */
export function monthYear(iso: string): string {
  const [y, m] = parts(iso);
  return `${monthNames[m - 1]} ${y}`;
}

/** "2017-03-14" → "14/03/2017", for table cells. */
export function shortDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/**
 * How a report writes dates. A draft gives them in full; a publication copy gives month and
 * year only, as the guidance requires ("on 14 March 2017" becomes "in March 2017"), so the
 * sentences still read well.
 */
export interface DateStyle {
  /** "14 March 2017" or "March 2017". */
  date(iso: string): string;
  /** "on 14 March 2017" or "in March 2017". */
  on(iso: string): string;
  /** "on 2 May, 4 July and 5 September 2017"-style list: "on 2 May 2017, …" or "in May 2017, …". */
  onEach(isos: string[]): string;
  /** A table cell: "14/03/2017" or "March 2017". */
  cell(iso: string): string;
}

export function dateStyle(publish: boolean): DateStyle {
  const date = publish ? monthYear : longDate;
  return {
    date,
    on: (iso) => `${publish ? 'in' : 'on'} ${date(iso)}`,
    onEach: (isos) => `${publish ? 'in' : 'on'} ${joinAnd(isos.map(date))}`,
    cell: publish ? monthYear : shortDate,
  };
}

/** Whole calendar months from one date to another (rounded down). */
export function monthsBetween(fromIso: string, toIso: string): number {
  const [y1, m1, d1] = parts(fromIso);
  const [y2, m2, d2] = parts(toIso);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 < d1) months -= 1;
  return months;
}

/** "a, b and c". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Small numbers as words, as a report writes them: 3 → "three", 12 → "12". */
export function numberWord(n: number): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return n >= 0 && n < words.length ? words[n] : String(n);
}

/** "one time", "three times". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${numberWord(n)} ${n === 1 ? singular : plural}`;
}

// ---------------------------------------------------------------------------------------------
// People

/** The name a report uses for a person: the family's pseudonym, else the code. */
export function nameUsed(person: Person): string {
  return person.pseudonym ?? person.code;
}

export function victims(c: Case): Person[] {
  return c.people.filter((p) => p.role === 'victim');
}

export function perpetrators(c: Case): Person[] {
  return c.people.filter((p) => p.role === 'perpetrator' || p.role === 'alleged perpetrator');
}

/** The victim as the reports name them ("Anna" or "Adult X"); the first listed if several. */
export function subjectName(c: Case): string {
  const victim = victims(c)[0] ?? c.people[0];
  return nameUsed(victim);
}

/** Age at the time of the death: the data form's, else the person's. */
export function ageOf(person: Person): number | undefined {
  return person.dataForm?.age ?? person.age;
}

export function ethnicityOf(person: Person): string | undefined {
  return person.dataForm?.ethnicity;
}

/** The report's author: case.author, else the chair (one person holding both roles). */
export function reportAuthor(c: Case): { name: string; independence?: string; career?: string } | undefined {
  return c.author ?? c.chair;
}

/** The agency's name as tables print it. */
export function agencyLabel(name: string, c: Case): string {
  const agency = c.agencies.find((a) => sameName(a.name, name) || (a.short !== undefined && sameName(a.short, name)));
  return agency?.name ?? name;
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Composing a drafted section with the chair's text

/**
 * Anonymises mdast block content (the engine, through anonymiseMarkdown). With `pseudonyms`,
 * a person's code is also written as the family's pseudonym ("Adult X" → "Anna"), so what the
 * case and the agencies wrote reads like the rest of the report; the chair's own text is left
 * as the chair wrote it.
 */
export type AnonymiseNodes = (nodes: RootContent[], options?: { pseudonyms?: boolean }) => RootContent[];

export interface PromptEntry {
  /** The section's title, as the reader sees it. */
  section: string;
  /** The section's id (an addition to the shared model: checks can match on it). */
  sectionId: string;
  text: string;
}

export interface Composed {
  section: ReportSection;
  prompts: PromptEntry[];
}

/**
 * Turn a drafted section into the report's section. The chair's text for a section (or for a
 * section above it) replaces its template wording, facts and prompts, and leads the agencies'
 * material and the figures. Everything except verbatim parts goes through `anonymise`.
 */
export function composeSection(
  draft: SectionDraft,
  chair: ReadonlyMap<string, { content: RootContent[] }>,
  anonymise: AnonymiseNodes,
  level = 1,
  writtenAbove = false,
): Composed {
  const own = chair.get(draft.id);
  const written = writtenAbove || own !== undefined;
  const content: RootContent[] = [];
  if (own) content.push(...anonymise(shiftHeadings(own.content, level + 1)));
  const chairHas = new Set<string>();
  if (own) for (const node of own.content) visit(node, (n) => void chairHas.add(n.type));
  for (const part of draft.parts) {
    const keep = part.kind === 'material' || part.kind === 'figure' || (part.keep !== undefined && !chairHas.has(part.keep));
    if (written && !keep) continue;
    content.push(...(part.verbatim ? part.nodes.map((n) => cloneTree(n)) : anonymise(part.nodes, { pseudonyms: true })));
  }
  const prompts: PromptEntry[] = [];
  for (const node of content) {
    const t = node.type === 'paragraph' ? promptText(toString(node)) : null;
    if (t !== null) prompts.push({ section: draft.title, sectionId: draft.id, text: t });
  }
  const subsections: ReportSection[] = [];
  for (const sub of draft.subsections ?? []) {
    const composed = composeSection(sub, chair, anonymise, level + 1, written);
    if (composed.section.content.length === 0 && !composed.section.subsections?.length) continue;
    subsections.push(composed.section);
    prompts.push(...composed.prompts);
  }
  const section: ReportSection = { id: draft.id, title: draft.title, content };
  if (subsections.length > 0) section.subsections = subsections;
  if (draft.appendix) section.appendix = true;
  return { section, prompts };
}

/** Every piece of text in a list of sections (titles, content, image alt text), for checks. */
export function sectionTexts(sections: ReportSection[]): string[] {
  const out: string[] = [];
  const walk = (s: ReportSection): void => {
    out.push(s.title);
    for (const node of s.content) {
      visit(node, (n) => {
        if ('value' in n && typeof n.value === 'string' && n.type !== 'yaml') out.push(n.value);
        if (n.type === 'image' && n.alt) out.push(n.alt);
      });
    }
    for (const sub of s.subsections ?? []) walk(sub);
  };
  for (const s of sections) walk(s);
  return out;
}

/** A slug for ids: "South Yorkshire Police" → "south-yorkshire-police". */
export function slug(value: string): string {
  return (
    value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'item'
  );
}

// ---------------------------------------------------------------------------------------------
// The merged chronology

/**
 * Every agency's rows in one list, in date order: by start date, then agency, then the order
 * the rows were given in (a stable merge, so two entries of one agency on the same day keep
 * the order the agency gave them). The same order as the merged chronology workbook.
 */
export function mergeChronologies(chronologies: Chronology[]): ChronologyRow[] {
  const indexed = chronologies.flatMap((c) => c.rows).map((row, index) => ({ row, index }));
  indexed.sort((a, b) => compare(a.row.dateFrom, b.row.dateFrom) || compare(a.row.agency, b.row.agency) || a.index - b.index);
  return indexed.map((x) => x.row);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "Yes", "Y", "yes - at home" → true. */
export function seen(value: string): boolean {
  return /^\s*y(es)?\b/i.test(value);
}
