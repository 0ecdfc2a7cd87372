/**
 * Report models: what the assemble stage produces and the render stage turns into Word,
 * Excel, HTML and PDF. Plain objects; prose is mdast.
 */
import type { RootContent } from 'mdast';

export type ReportKind = 'overview-report' | 'executive-summary' | 'home-office-data-form';

export interface ReportSection {
  /** Stable id, e.g. "terms-of-reference" (used for checks and anchors). */
  id: string;
  title: string;
  /** mdast block content. Images use url "figure:ID" to refer to ReportDocument.figures. */
  content: RootContent[];
  subsections?: ReportSection[];
  /** True for appendices (the action plan, the merged chronology). */
  appendix?: boolean;
}

export interface Marking {
  /** "OFFICIAL" on drafts (header and footer of every page); null on a publication copy. */
  classification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE' | null;
  /** Draft number, printed as "Draft v3"; absent on a publication copy. */
  draft?: number;
  /** Diagonal watermark text, e.g. "RESTRICTED" on every page of an SIR report. */
  watermark?: string;
  /** Extra line for header/footer, e.g. "Not for publication". */
  note?: string;
}

export interface TitlePage {
  /** "Sheffield Safer and Sustainable Communities Partnership" */
  csp: string;
  /** "Domestic Homicide Review" or "Serious Incident Review" */
  reviewType: string;
  /** "Overview Report", "Executive Summary", "Home Office data collection form" */
  documentTitle: string;
  /** The victim's pseudonym or code, e.g. "Anna" or "Adult X". */
  subject: string;
  /** Only month and year, e.g. "March 2017". */
  deathMonth: string;
  author?: string;
  /** Date completed, as written on the title page. */
  completed?: string;
}

export interface Figure {
  id: string;
  title: string;
  /** SVG source (for HTML). */
  svg: string;
  /** PNG bytes (for Word), and its size in pixels. */
  png?: Uint8Array;
  width: number;
  height: number;
  /** Text alternative (anonymised). */
  alt: string;
}

export interface ReportDocument {
  kind: ReportKind;
  titlePage: TitlePage;
  marking: Marking;
  sections: ReportSection[];
  figures: Figure[];
  /**
   * "[To be completed: …]" prompts still in the document, for the validation report: the
   * section's title, the prompt's text without its brackets, and the section's id ("title-page"
   * for a title page field).
   */
  prompts: { section: string; text: string; sectionId?: string }[];
}
