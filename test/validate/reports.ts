/** Report models built by hand for the report checks: sections from Markdown. */
import type { ReportDocument, ReportSection } from '../../pipeline/assemble/types.ts';
import { parseMarkdown } from '../../pipeline/ingest/imr.ts';
import { executiveSummarySections, overviewReportSections } from '../../schemas/checklists.ts';

export function section(id: string, title: string, markdown: string): ReportSection {
  return { id, title, content: parseMarkdown(markdown).children };
}

export function report(kind: 'overview-report' | 'executive-summary', sections: ReportSection[]): ReportDocument {
  return {
    kind,
    titlePage: { csp: 'Testshire CSP', reviewType: 'Domestic Homicide Review', documentTitle: kind === 'overview-report' ? 'Overview Report' : 'Executive Summary', subject: 'Adult X', deathMonth: 'March 2017' },
    marking: { classification: 'OFFICIAL', draft: 1 },
    sections,
    figures: [],
    prompts: [],
  };
}

/** Text for a section that does what the guide asks of it. */
const texts: Record<string, string> = {
  'terms-of-reference':
    '1. Establish whether risk was identified and assessed using the DASH risk checklist.\n2. Examine how information was shared with other agencies, including referral to MARAC.\n3. Consider whether practitioners recognised coercive and controlling behaviour.',
  'equality-and-diversity':
    'The panel considered the nine protected characteristics. Age: Adult X was 36. Disability: none. Gender reassignment: not relevant. Marriage and civil partnership: they were not married. Pregnancy and maternity: not relevant. Race: White British. Religion or belief: none. Sex: a woman killed by a male partner. Sexual orientation: heterosexual.',
  'involvement-of-family':
    "Adult X's mother met the chair twice with her advocate from AAFDA. The family chose the pseudonym used in this report, saw the terms of reference and read the draft.",
  analysis:
    'Coercive control is defined in section 76 of the Serious Crime Act 2015 as a pattern of controlling or coercive behaviour. Officers did not recognise the coercive control Adult X described.',
};

/** A complete overview report: every section of Template 27, in order, with text. */
export function goodOverview(change: (sections: ReportSection[]) => ReportSection[] = (s) => s): ReportDocument {
  const sections = overviewReportSections.map((spec) => section(spec.id, spec.title, texts[spec.id] ?? `The ${spec.title.toLowerCase()} of this review, written by the chair.`));
  return report('overview-report', change(sections));
}

export function goodSummary(): ReportDocument {
  return report('executive-summary', executiveSummarySections.map((spec) => section(spec.id, spec.title, texts[spec.id] ?? `The ${spec.title.toLowerCase()}, written by the chair.`)));
}
