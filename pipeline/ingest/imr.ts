/**
 * Read an Individual Management Review (.docx or .md) and split it into the parts of the
 * Sheffield IMR template (guide, Template 2): the cover block, then Sections 1–6.
 *
 * Section headings are found by heading style or, where authors used bold paragraphs, numbered
 * list items or plain "Section 2: …" lines instead, by their text — tolerant of numbering
 * ("1.", "1.0", "1)", "Section 1 –") and of wording ("Family composition", "Pen portrait",
 * "Analysis of involvement", "Conclusions and lessons learnt", "Recommendations / action plan").
 * When a section's words appear more than once, the heading numbered as the template numbers it
 * wins, then the highest heading level, then the wording closest to the template, then the first.
 * Other headings (subheadings such as "Terms of reference") stay inside their section.
 */
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, PhrasingContent, Paragraph } from 'mdast';
import type { Case } from '../../schemas/case.ts';
import { DhrError } from '../errors.ts';
import { readInput } from '../files.ts';
import { imrSectionIds, type ImrCover, type ImrDocument, type ImrSection, type ImrSectionId } from '../model.ts';
import { readDocx } from './docx-reader.ts';
import { agencyMentioned, canonicalAgency } from './agency.ts';
import { binaryKind, decodeText } from './text.ts';

export interface ReadImrOptions {
  /** Password of an encrypted (password-protected) Word file. */
  password?: string;
}

/** Read an IMR from a .docx or .md file. Throws DhrError naming the file when it cannot be read. */
export async function readImr(file: string, caseModel?: Case, options: ReadImrOptions = {}): Promise<ImrDocument> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.docx' && extension !== '.md' && extension !== '.markdown') {
    throw new DhrError('unsupported-format', 'an IMR must be a Word document (.docx) or a Markdown file (.md)', { file });
  }
  const bytes = await readInput(file);
  if (extension === '.docx') {
    const { tree } = await readDocx(bytes, file, options);
    return splitImr(tree, { file, format: 'docx', caseModel });
  }
  const kind = binaryKind(bytes);
  if (kind !== undefined) {
    const what = kind === 'zip' ? 'a zip archive or Office file (perhaps a .docx)' : kind === 'ole' ? 'an old-format or encrypted Office file' : 'a binary file';
    throw new DhrError('unsupported-format', `this is ${what}, not a Markdown text file: check the file, or give it its proper extension`, { file });
  }
  return splitImr(parseMarkdown(decodeText(bytes)), { file, format: 'md', caseModel });
}

/** Markdown text → mdast (CommonMark with GitHub tables, footnotes, strikethrough). */
export function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text.replace(/^\uFEFF/, '')) as Root;
}

export interface SplitOptions {
  file: string;
  format: 'docx' | 'md';
  caseModel?: Case;
}

/** Split an IMR's mdast into cover, front matter and template sections. */
export function splitImr(tree: Root, { file, format, caseModel }: SplitOptions): ImrDocument {
  const chosen = chooseSectionHeadings(tree.children);
  const firstIndex = chosen.length > 0 ? chosen[0].index : tree.children.length;
  const front = tree.children.slice(0, firstIndex);
  const sections: ImrSection[] = chosen.map((c, i) => ({
    id: c.id,
    heading: c.heading,
    line: tree.children[c.index].position?.start.line,
    children: tree.children.slice(c.index + 1, i + 1 < chosen.length ? chosen[i + 1].index : tree.children.length),
  }));
  const found = new Set(sections.map((s) => s.id));
  const cover = readCover(front);
  const agencies = caseModel?.agencies ?? [];
  return {
    file,
    format,
    agency: findImrAgency(cover, front, file, agencies),
    cover,
    front,
    sections,
    missing: imrSectionIds.filter((id) => !found.has(id)),
    tree,
  };
}

// ---------------------------------------------------------------------------------------------
// Section headings

interface Classified {
  id: ImrSectionId;
  /** The number written before the words ("Section 2", "2.", "2.0"). */
  number?: number;
  /** Whether the words are one of the template's usual titles, not just a start of one. */
  exact: boolean;
}

interface Candidate extends Classified {
  index: number;
  heading: string;
  /** Heading level 1–6; 7 for a bold paragraph or list item; 8 for a plain "Section N" line. */
  rank: number;
}

const numberWords: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** For each section: the whole titles the template and authors use, then looser starts. */
const wordings: { id: ImrSectionId; exact: RegExp; loose: RegExp }[] = [
  {
    id: 'introduction',
    exact: /^(introduction|intro|introduction and background|background and introduction)$/,
    loose: /^introduction\b/,
  },
  {
    id: 'family',
    exact: /^((the )?family( and household)?( composition| background| structure| details)?|household composition|pen portraits?( of the (victim|subjects))?|family composition and pen portraits?|genogram and pen portraits?)$/,
    loose: /^((the )?family|household|pen portraits?)\b/,
  },
  {
    id: 'chronology',
    exact: /^(chronology( narrative)?|narrative chronology|chronology of (service provision and involvement|involvement|events)|chronological narrative|narrative|summary of involvement)$/,
    loose: /^(chronolog|narrative\b|summary of (the )?(agency('s|s)? )?involvement)/,
  },
  {
    id: 'analysis',
    exact: /^((critical )?analysis( of (involvement|practice|agency involvement))?)$/,
    loose: /^(critical )?analysis\b/,
  },
  {
    id: 'conclusions',
    exact: /^(conclusions?( and lessons (learnt|learned|to be learn(t|ed)))?|findings and conclusions|overall conclusions?|summary and conclusions)$/,
    loose: /^(conclusions?|(findings|summary) and conclusions?|overall conclusions?)\b/,
  },
  {
    id: 'recommendations',
    exact: /^(recommendations?( (and|\/) action plan)?|action plan|(single |individual )?agency recommendations|recommendations for action)$/,
    loose: /^((single |individual )?(agency )?recommendations?|action plan)\b/,
  },
];

/** Which template section a heading's text names, if any. */
export function classifyHeading(text: string): Classified | undefined {
  let rest = text.replace(/[\u00a0\t]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^[*_"“'‘]+|[*_"”'’]+$/g, '');
  if (rest === '' || rest.length > 100) return undefined;
  // A table-of-contents entry ends with its page number.
  if (/[a-z)]\s*(\.{2,}|…|\s)\s*\d{1,3}$/i.test(rest) && !/^(section|part)\s+\S+$/i.test(rest)) return undefined;

  let number: number | undefined;
  let explicitSection = false;
  const section = /^(?:section|part|chapter)\s+(\d{1,2}|one|two|three|four|five|six)\b\s*[.:)\-–—]*\s*/i.exec(rest);
  if (section) {
    number = /^\d/.test(section[1]) ? Number(section[1]) : numberWords[section[1].toLowerCase()];
    explicitSection = true;
    rest = rest.slice(section[0].length);
  } else {
    const numbered = /^\(?(\d{1,2})((?:\.\d+)*)\.?\)?\s*[.:)\-–—]?\s*(?=[A-Za-z])/.exec(rest);
    if (numbered) {
      // "1.1 About the organisation" is a subsection; "1.0 Introduction" is a section.
      if (numbered[2] !== '' && !/^(\.0+)+$/.test(numbered[2])) return undefined;
      number = Number(numbered[1]);
      rest = rest.slice(numbered[0].length);
    }
  }
  const words = rest
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[’‘`]/g, "'")
    .replace(/\s*\/\s*/g, ' / ')
    .replace(/[\s.:;,\-–—]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const wording of wordings) {
    if (wording.exact.test(words)) return { id: wording.id, number, exact: true };
  }
  for (const wording of wordings) {
    if (wording.loose.test(words)) return { id: wording.id, number, exact: false };
  }
  if (explicitSection && number !== undefined && number >= 1 && number <= imrSectionIds.length) {
    return { id: imrSectionIds[number - 1], number, exact: false };
  }
  return undefined;
}

function templateNumber(id: ImrSectionId): number {
  return imrSectionIds.indexOf(id) + 1;
}

function chooseSectionHeadings(children: RootContent[]): Candidate[] {
  const best = new Map<ImrSectionId, Candidate>();
  children.forEach((node, index) => {
    const looks = headingLike(node);
    if (!looks) return;
    const classified = classifyHeading(looks.text);
    if (!classified) return;
    if (looks.rank === 8 && !/^(section|part)\s/i.test(looks.text.trim())) return;
    const candidate: Candidate = { ...classified, index, heading: looks.text.trim(), rank: looks.rank };
    const current = best.get(candidate.id);
    if (current === undefined || better(candidate, current)) best.set(candidate.id, candidate);
  });
  return [...best.values()].sort((a, b) => a.index - b.index);
}

function better(a: Candidate, b: Candidate): boolean {
  const score = (c: Candidate) => [c.number === templateNumber(c.id) ? 0 : 1, c.rank, c.exact ? 0 : 1, c.index];
  const sa = score(a);
  const sb = score(b);
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] < sb[i];
  return false;
}

/** The text and rank of a node that could be a section heading. */
function headingLike(node: RootContent): { text: string; rank: number } | undefined {
  if (node.type === 'heading') return { text: toString(node), rank: node.depth };
  if (node.type === 'paragraph') {
    const text = toString(node);
    if (text.length > 100) return undefined;
    if (isBoldOnly(node)) return { text, rank: 7 };
    return { text, rank: 8 };
  }
  if (node.type === 'list' && node.children.length === 1) {
    const item = node.children[0];
    const only = item.children.length === 1 ? item.children[0] : undefined;
    if (only?.type !== 'paragraph' && only?.type !== 'heading') return undefined;
    const text = toString(only);
    if (text.length > 100 || (only.type === 'paragraph' && !isBoldOnly(only))) return undefined;
    const number = node.ordered ? (node.start ?? 1) : undefined;
    return { text: number !== undefined && !/^\s*\d/.test(text) ? `${number}. ${text}` : text, rank: only.type === 'heading' ? only.depth : 7 };
  }
  return undefined;
}

/** A paragraph whose visible text is all bold. */
function isBoldOnly(paragraph: Paragraph): boolean {
  const visible = paragraph.children.filter((c) => !(c.type === 'break' || (c.type === 'text' && c.value.trim() === '')));
  if (visible.length === 0) return false;
  return visible.every((c) => c.type === 'strong' || (c.type === 'emphasis' && c.children.every((d) => d.type === 'strong')));
}

// ---------------------------------------------------------------------------------------------
// Cover block

type CoverField = Exclude<keyof ImrCover, 'other'>;

const coverLabels: { field: CoverField; labels: RegExp }[] = [
  { field: 'agency', labels: /^(agency|organisation|organization|agency name|name of (agency|organisation|organization)|agency or organisation)$/ },
  { field: 'author', labels: /^((imr |report )?author|author'?s? name|name of (imr |report )?author|report (written|completed|prepared) by|(written|completed|prepared) by)$/ },
  { field: 'authorRole', labels: /^(designation|job title|role|position|(author'?s? |imr author'?s? )(designation|job title|role|position))$/ },
  { field: 'countersignedDate', labels: /^(date countersigned|countersigned date|date (signed off|approved)|countersignature date)$/ },
  { field: 'countersigned', labels: /^(countersigned( by)?|counter[- ]signed( by)?|signed off by|senior manager|approved by|authorised by|authorized by)$/ },
  { field: 'signed', labels: /^(signed|signature|signed by)$/ },
  { field: 'date', labels: /^(date|date of report|report date|date signed|date completed|date of submission)$/ },
  { field: 'version', labels: /^(version|version (number|no)|draft|draft (number|no))$/ },
];

/** Template placeholders that mean "not filled in". */
function isPlaceholder(value: string): boolean {
  return /^\(?\s*(please )?insert\b/i.test(value) || /^x+$/i.test(value) || /^\.+$/.test(value) || /^_+$/.test(value);
}

/** The lines of the front matter, with table rows read as "label: value". */
function frontLines(front: RootContent[]): string[] {
  const lines: string[] = [];
  for (const node of front) {
    if (node.type === 'table') {
      for (const row of node.children) {
        const cells = row.children.map((cell) => phrasingLines(cell.children).join('\n').trim());
        const filled = cells.filter((c) => c !== '');
        if (filled.length === 0) continue;
        const label = cells[0].replace(/:$/, '').trim();
        if (cells.length >= 2 && cells[0] !== '' && !cells[0].includes('\n') && label.split(/\s+/).length <= 5 && !label.includes(':')) {
          lines.push(`${label}: ${cells.slice(1).join(' ').replace(/\s+/g, ' ').trim()}`);
        } else {
          for (const cell of filled) lines.push(...cell.split('\n'));
        }
      }
    } else if (node.type === 'paragraph' || node.type === 'heading') {
      lines.push(...phrasingLines(node.children));
    } else if (node.type === 'list') {
      for (const item of node.children) for (const child of item.children) if (child.type === 'paragraph') lines.push(...phrasingLines(child.children));
    }
  }
  return lines.map((l) => l.trim()).filter((l) => l !== '');
}

/** Inline content as lines: breaks and newlines in text end a line. */
function phrasingLines(children: readonly (PhrasingContent | RootContent)[]): string[] {
  let text = '';
  const walk = (nodes: readonly (PhrasingContent | RootContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'break') text += '\n';
      else if (node.type === 'paragraph') {
        text += '\n';
        walk(node.children);
        text += '\n';
      } else if ('value' in node && typeof node.value === 'string' && node.type !== 'html') text += node.value;
      else if ('children' in node && Array.isArray(node.children)) walk(node.children as PhrasingContent[]);
    }
  };
  walk(children);
  return text.split('\n');
}

function splitLabel(line: string): { label: string; value: string } | undefined {
  const match = /^([^:]{1,60}?)\s*:\s*(.*)$/.exec(line);
  if (!match) return undefined;
  const label = match[1].replace(/^[*_\s]+|[*_\s]+$/g, '').trim();
  if (label === '' || label.split(/\s+/).length > 6) return undefined;
  return { label, value: match[2].replace(/^[*_\s]+|[*_\s]+$/g, '').trim() };
}

/** Read the cover's "Label: value" lines (paragraphs or a table) from the front matter. */
export function readCover(front: RootContent[]): ImrCover {
  const cover: ImrCover = { other: {} };
  let afterCountersigned = false;
  for (const line of frontLines(front)) {
    const pair = splitLabel(line);
    if (!pair) continue;
    const key = pair.label.toLowerCase().replace(/\s+/g, ' ').replace(/[’‘`]/g, "'");
    // "Section 1: Introduction" (a contents line or heading) is not a cover field.
    if (/^(section|part|chapter)\s+\S+$/.test(key)) continue;
    let field = coverLabels.find((c) => c.labels.test(key))?.field;
    if (field === 'countersigned') afterCountersigned = true;
    if (afterCountersigned && field === 'date') field = 'countersignedDate';
    const value = isPlaceholder(pair.value) ? '' : pair.value;
    if (afterCountersigned && field === 'signed') {
      if (value !== '') cover.other[`${pair.label} (countersignatory)`] ??= value;
      continue;
    }
    if (field !== undefined && cover[field] === undefined) {
      if (value !== '') cover[field] = value;
    } else if (value !== '' && cover.other[pair.label] === undefined) {
      cover.other[pair.label] = value;
    }
  }
  return cover;
}

// ---------------------------------------------------------------------------------------------
// Agency

function findImrAgency(cover: ImrCover, front: RootContent[], file: string, agencies: Case['agencies']): string {
  if (cover.agency) return canonicalAgency(cover.agency, agencies);
  const titleLines = [
    ...front.filter((n) => n.type === 'heading').flatMap((n) => phrasingLines((n as { children: PhrasingContent[] }).children)),
    ...frontLines(front).filter((l) => splitLabel(l) === undefined),
  ];
  for (const line of titleLines) {
    const agency = agencyMentioned(line, agencies);
    if (agency) return agency.name;
  }
  const base = path.basename(file, path.extname(file));
  return agencyMentioned(base, agencies)?.name ?? base;
}
