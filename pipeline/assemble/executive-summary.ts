/**
 * The executive summary (the guide's Template 28), drafted like the overview report: every
 * section in the template's order, the sections it shares with the overview report drafted
 * the same way, and "[To be completed: …]" where only the chair can write.
 */
import { executiveSummarySections } from '../../schemas/checklists.ts';
import type { SectionName } from './chair-sections.ts';
import {
  capitalise,
  count,
  fact,
  mergeChronologies,
  paragraph,
  prompt,
  standard,
  subjectName,
  type Part,
  type SectionDraft,
} from './common.ts';
import {
  author,
  chronologyFacts,
  contributors,
  sentence,
  pseudonymParts,
  recommendations,
  reviewPanel,
  termsOfReference,
  type DraftContext,
} from './overview-report.ts';

const extraAliases: Record<string, string[]> = {
  'review-process': ['process', 'the process'],
  'terms-of-reference': ['tor', 'tors'],
  'review-panel': ['panel', 'the panel'],
  author: ['chair', 'independent chair'],
  'summary-chronology': ['chronology summary', 'summary'],
  'key-issues': ['issues', 'key issues from the review'],
  'lessons-learnt': ['learning'],
};

/** Sections of Template 28 with the extra ways chairs name their files and headings. */
export const executiveSummarySectionNames: SectionName[] = executiveSummarySections.map((s) => ({
  id: s.id,
  title: s.title,
  aliases: s.aliases,
  loose: extraAliases[s.id] ?? [],
}));

/**
 * Sections the executive summary may take from the chair's overview report text when the chair
 * has written none for the summary itself: the template asks for the same content in both.
 */
export const sharedWithOverview = ['contributors', 'review-panel', 'author', 'terms-of-reference', 'conclusions', 'lessons-learnt', 'recommendations'];

const title = (id: string): string => {
  const spec = executiveSummarySections.find((s) => s.id === id);
  if (!spec) throw new Error(`no section "${id}" in Template 28`);
  return spec.title;
};

/** Draft every section of Template 28, in order. */
export function draftExecutiveSummary(ctx: DraftContext): SectionDraft[] {
  return [
    reviewProcess(ctx),
    contributors(ctx, title('contributors')),
    reviewPanel(ctx, title('review-panel')),
    author(ctx, title('author')),
    termsOfReference(ctx, 'terms-of-reference', title('terms-of-reference')),
    {
      id: 'summary-chronology',
      title: title('summary-chronology'),
      parts: [
        prompt(
          "a summary of the key facts from the background and the combined chronology of agencies' contact with the victim, the perpetrator and their family: what was done or agreed, with enough facts to give context to the key issues, and the background to the victim's and perpetrator's story",
        ),
        ...chronologyFacts(mergeChronologies(ctx.folder.chronologies), ctx.folder, ctx.dates),
      ],
    },
    { id: 'key-issues', title: title('key-issues'), parts: [prompt('the key issues arising from the review, one by one')] },
    { id: 'conclusions', title: title('conclusions'), parts: [prompt('the conclusions of the review')] },
    { id: 'lessons-learnt', title: title('lessons-learnt'), parts: [prompt('the lessons to be learned from the review')] },
    recommendations(ctx, title('recommendations')),
  ];
}

function reviewProcess({ folder, words, dates }: DraftContext): SectionDraft {
  const c = folder.case;
  const subject = subjectName(c);
  const where = c.area ? `, who was a resident of ${c.area}` : ', who was a resident in its area';
  const parts: Part[] = [
    standard(paragraph(`This summary outlines the process undertaken by the ${c.csp} ${words.lower} panel in reviewing the homicide of ${subject}${where}.`)),
    ...pseudonymParts(c),
    ...summaryProceedings(c, dates),
  ];
  if (c.dates.decision) {
    parts.push(
      fact(
        paragraph(
          `The process began with an initial meeting of ${c.review === 'SIR' ? 'the Consideration Panel' : `the ${c.csp}`} ${dates.on(c.dates.decision)}, when the decision to hold a ${words.lower} was agreed.`,
        ),
      ),
    );
  } else {
    parts.push(prompt(`the date of the initial meeting at which the decision to hold a ${words.lower} was agreed (record it in case.yaml as dates.decision)`));
  }
  parts.push(
    standard(
      paragraph(
        `All agencies that potentially had contact with ${subject} prior to the point of death were contacted and asked to confirm whether they had involvement with them.`,
      ),
    ),
  );
  // case.yaml lists the agencies that had contact; how many were asked is the chair's to say.
  const confirmed = c.agencies.filter((a) => a.imrRequired || a.involvement).length;
  if (confirmed > 0) {
    parts.push(fact(paragraph(`${capitalise(count(confirmed, 'agency', 'agencies'))} confirmed contact with the victim, the perpetrator or their family and ${confirmed === 1 ? 'was' : 'were'} asked to secure their files.`)));
    parts.push(prompt('the total number of agencies contacted'));
  } else {
    parts.push(prompt('how many of the agencies contacted confirmed contact with the victim, the perpetrator or their family, out of how many contacted (list the agencies in case.yaml)'));
  }
  return { id: 'review-process', title: title('review-process'), parts };
}

/** Template 28's sentence on the criminal proceedings: when they were completed, and the outcome. */
function summaryProceedings(c: DraftContext['folder']['case'], dates: DraftContext['dates']): Part[] {
  const p = c.dates.criminalProceedings;
  const completed = p?.sentence ?? p?.verdict;
  const parts: Part[] = [];
  if (completed && p?.outcome) parts.push(fact(paragraph(`Criminal proceedings were completed ${dates.on(completed)}. ${sentence(p.outcome)}`)));
  else if (completed) parts.push(fact(paragraph(`Criminal proceedings were completed ${dates.on(completed)}.`)), prompt('the verdict, sentence and tariff'));
  else if (p?.outcome) parts.push(fact(paragraph(sentence(p.outcome))), prompt('the date the criminal proceedings were completed'));
  else parts.push(prompt("the date the criminal proceedings were completed and the verdict, sentence and tariff (or, after a suicide, the coroner's conclusion)"));
  return parts;
}
