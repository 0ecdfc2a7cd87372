/**
 * The document model every stage shares. Prose travels as mdast; chronologies as typed rows.
 * Stages are plain functions from one of these to another.
 */
import type { Root, RootContent } from 'mdast';
import type { Case } from '../schemas/case.ts';
import type { Place } from './errors.ts';

export type { Case };

/** The parts of the Sheffield IMR template (guide, Template 2). */
export const imrSectionIds = [
  'introduction',
  'family',
  'chronology',
  'analysis',
  'conclusions',
  'recommendations',
] as const;
export type ImrSectionId = (typeof imrSectionIds)[number];

export const imrSectionTitles: Record<ImrSectionId, string> = {
  introduction: 'Introduction',
  family: 'Family and household composition',
  chronology: 'Chronology narrative',
  analysis: 'Analysis',
  conclusions: 'Conclusions',
  recommendations: 'Recommendations',
};

/** The cover block of an IMR: who wrote it, who signed it off, when, which version. */
export interface ImrCover {
  agency?: string;
  author?: string;
  authorRole?: string;
  signed?: string;
  date?: string;
  countersigned?: string;
  countersignedDate?: string;
  version?: string;
  /** Any other "Label: value" line of the cover, keyed by its label as written. */
  other: Record<string, string>;
}

export interface ImrSection {
  id: ImrSectionId;
  /** The heading as written in the document. */
  heading: string;
  /** 1-based line of the heading in the source (Markdown) or paragraph number (Word). */
  line?: number;
  /** Content under the heading, up to the next section heading (subheadings included). */
  children: RootContent[];
}

export interface ImrDocument {
  file: string;
  format: 'docx' | 'md';
  /** The agency, from the cover, the file name or case.yaml. */
  agency: string;
  cover: ImrCover;
  /** Content before the first section heading (title, cover block). */
  front: RootContent[];
  sections: ImrSection[];
  /** Template sections not found. */
  missing: ImrSectionId[];
  /** The whole document as mdast. */
  tree: Root;
}

/** One row of a Template 20 chronology. */
export interface ChronologyRow {
  agency: string;
  /** YYYY-MM-DD */
  dateFrom: string;
  /** YYYY-MM-DD, when the entry covers a period. */
  dateTo?: string;
  clientCode: string;
  staffCode: string;
  source: string;
  event: string;
  clientSeen: string;
  action: string;
  /** Where the row stands: file, sheet, line or row number. */
  place: Place;
}

export interface Chronology {
  file: string;
  agency: string;
  /** The optional header rows: "DHR case:", "Agency:", "Person completing chronology:". */
  header: { case?: string; agency?: string; completedBy?: string };
  rows: ChronologyRow[];
}

/** A loaded case folder. */
export interface CaseFolder {
  dir: string;
  caseFile: string;
  case: Case;
  imrs: ImrDocument[];
  chronologies: Chronology[];
  /** The chair's own sections, keyed by file name without extension. */
  report: { file: string; name: string; tree: Root }[];
  actionPlanFile?: string;
  /** Files in imrs/, chronologies/ or report/ that were not read, and why (e.g. a .doc or .pdf). */
  skipped?: { file: string; reason: string }[];
}

/**
 * A chronology row's identity: where it stands in its source (file, sheet and cell, or line).
 * The QA checks key their per-row flags by it and the merged chronology looks them up by it.
 */
export function chronologyRowKey(row: ChronologyRow): string {
  const p = row.place;
  return [p.file ?? '', p.sheet ?? '', p.cell ?? (p.line !== undefined ? `line ${p.line}` : '')].join('|');
}
