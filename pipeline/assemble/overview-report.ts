/**
 * The overview report (the guide's Template 27), drafted from the case folder: every section
 * in the template's order, filled from case.yaml, the IMRs and the chronologies, led by the
 * chair's own text where the chair has written it (`report/*.md`), and a visible
 * "[To be completed: …]" wherever only the chair can write what the guide asks for.
 *
 * Drafting (this module) is separate from anonymising and composing (index.ts): the drafts
 * say which parts are the template's wording, facts, prompts and figures, and which are the
 * names of the chair and panel that the reports print as they are.
 */
import type { RootContent } from 'mdast';
import type { Case, Person } from '../../schemas/case.ts';
import { overviewReportSections, protectedCharacteristics } from '../../schemas/checklists.ts';
import type { CaseFolder, ChronologyRow, ImrDocument, ImrSectionId } from '../model.ts';
import type { SectionName } from './chair-sections.ts';
import {
  ageOf,
  capitalise,
  count,
  ethnicityOf,
  fact,
  figure,
  figureNode,
  joinAnd,
  kept,
  keptFact,
  list,
  material,
  mergeChronologies,
  monthYear,
  monthsBetween,
  nameUsed,
  paragraph,
  perpetrators,
  prompt,
  reportAuthor,
  sameName,
  seen,
  shiftHeadings,
  slug,
  standard,
  subjectName,
  table,
  verbatimFact,
  victims,
  type DateStyle,
  type Part,
  type ReviewWords,
  type SectionDraft,
} from './common.ts';
import type { Figure } from './types.ts';

/** What a drafter needs: the folder, the wording of this kind of review, and the figures to place. */
export interface DraftContext {
  folder: CaseFolder;
  words: ReviewWords;
  /** How dates are written: in full in a draft, month and year in a publication copy. */
  dates: DateStyle;
  /** A publication copy (which goes without the restricted files of the draft pack). */
  publish?: boolean;
  /** Figures by id ("timeline", "genogram"); a figure is placed only if it was made. */
  figures: ReadonlyMap<string, Figure>;
  /** The action plan's rows for the appendix, when the case has one. */
  actionPlan?: ActionPlanTable;
  /** The review's own recommendations (the action plan's "overview" ones), each with its lead agency. */
  reviewRecommendations?: string[];
}

/** The action plan as the appendix prints it: Template 25's columns and one row per action. */
export interface ActionPlanTable {
  columns: string[];
  rows: string[][];
}

const extraAliases: Record<string, string[]> = {
  introduction: ['intro'],
  timescales: ['timetable', 'timescale of the review'],
  'terms-of-reference': ['tor', 'tors'],
  'involvement-of-family': ['family', 'family and friends', 'involvement of family friends and others', 'family friends and community'],
  'review-panel': ['panel', 'the panel'],
  author: ['chair', 'independent chair', 'the independent chair', 'author of the report'],
  'parallel-reviews': ['parallel processes', 'other reviews'],
  'equality-and-diversity': ['diversity', 'equality diversity'],
  background: ['facts', 'pen portrait', 'pen portraits', 'the victim', 'life of the victim'],
  chronology: ['narrative chronology'],
  overview: ['overview of agency involvement'],
  'lessons-learnt': ['learning', 'lessons learnt and recommendations'],
  'action-plan': ['action plan'],
};

/** Sections of Template 27 with the extra ways chairs name their files and headings. */
export const overviewSectionNames: SectionName[] = overviewReportSections.map((s) => ({
  id: s.id,
  title: s.title,
  aliases: s.aliases,
  loose: extraAliases[s.id] ?? [],
}));


const title = (id: string): string => {
  const spec = overviewReportSections.find((s) => s.id === id);
  if (!spec) throw new Error(`no section "${id}" in Template 27`);
  return spec.title;
};

/** Draft every section of Template 27, in order. */
export function draftOverviewReport(ctx: DraftContext): SectionDraft[] {
  return [
    introduction(ctx),
    timescales(ctx),
    confidentiality(ctx),
    termsOfReference(ctx, 'terms-of-reference', title('terms-of-reference')),
    methodology(ctx),
    involvementOfFamily(ctx),
    contributors(ctx, title('contributors')),
    reviewPanel(ctx, title('review-panel')),
    author(ctx, title('author')),
    parallelReviews(ctx),
    equalityAndDiversity(ctx),
    dissemination(ctx),
    background(ctx),
    chronology(ctx),
    overview(ctx),
    analysis(ctx),
    { id: 'conclusions', title: title('conclusions'), parts: [prompt('an overview of the main issues identified and the conclusions drawn from them, which lead to the lessons to be learnt in the next section')] },
    {
      id: 'lessons-learnt',
      title: title('lessons-learnt'),
      parts: [prompt('a summary of the lessons to be drawn from the case; how those lessons translate into recommendations for action; and any early learning identified during the review, and whether it has already been acted upon')],
    },
    recommendations(ctx, title('recommendations')),
    actionPlanAppendix(ctx),
    mergedChronologyAppendix(ctx),
  ];
}

// ---------------------------------------------------------------------------------------------
// The sections

function introduction({ folder, words, dates }: DraftContext): SectionDraft {
  const c = folder.case;
  const subject = subjectName(c);
  const victim = victims(c)[0];
  const possessive = victim?.sex === 'female' ? 'her' : victim?.sex === 'male' ? 'his' : 'their';
  const resident = c.area ? `, a resident of ${c.area},` : '';
  const parts: Part[] = [
    standard(
      paragraph(
        `This report of a ${words.lower} examines agency responses and support given to ${subject}${resident} prior to the point of ${possessive} death in ${monthYear(c.death.date)}.`,
      ),
      paragraph(
        `In addition to agency involvement the review also examines the past to identify any relevant background or trail of abuse before the homicide, whether support was accessed within the community and whether there were any barriers to accessing support. By taking a holistic approach the review seeks to identify appropriate solutions to make the future safer.`,
      ),
    ),
    prompt('a summary of the circumstances that led to a review being undertaken in this case'),
  ];
  const people = [...victims(c), ...perpetrators(c)].map(nameUsed);
  if (c.reviewPeriod) {
    parts.push(
      standard(
        paragraph(
          `The review considers agencies' contact and involvement with ${joinAnd(people)} from ${dates.date(c.reviewPeriod.start)} to ${dates.date(c.reviewPeriod.end)}.${c.reviewPeriod.reason ? ` ${sentence(c.reviewPeriod.reason)}` : ''}`,
        ),
      ),
    );
    if (!c.reviewPeriod.reason) parts.push(prompt('the reason this period was chosen for the review'));
  } else {
    parts.push(prompt(`the period the review examines (its start and end) and the reason it was chosen; record it in case.yaml as reviewPeriod`));
  }
  parts.push(
    standard(
      paragraph(
        c.review === 'SIR'
          ? 'The key purpose of a serious incident review is to enable lessons to be learned from serious incidents of domestic abuse. For these lessons to be learned as widely and thoroughly as possible, professionals need to be able to understand fully what happened, and most importantly, what needs to change in order to reduce the risk of such incidents happening in the future.'
          : 'The key purpose for undertaking domestic homicide reviews is to enable lessons to be learned from homicides where a person is killed as a result of domestic violence and abuse. In order for these lessons to be learned as widely and thoroughly as possible, professionals need to be able to understand fully what happened in each homicide, and most importantly, what needs to change in order to reduce the risk of such tragedies happening in the future.',
      ),
    ),
  );
  return { id: 'introduction', title: title('introduction'), parts };
}

function timescales({ folder, dates }: DraftContext): SectionDraft {
  const d = folder.case.dates;
  const began = d.decision ?? d.panelMeetings?.[0];
  const ended = d.reportCompleted;
  const parts: Part[] = [];
  if (began && ended) parts.push(fact(paragraph(`This review began ${dates.on(began)} and was concluded ${dates.on(ended)}.`)));
  else if (began) parts.push(fact(paragraph(`This review began ${dates.on(began)}.`)), prompt('the date the review was concluded'));
  else if (ended) parts.push(prompt('the date the review began'), fact(paragraph(`The review was concluded ${dates.on(ended)}.`)));
  else parts.push(prompt('the dates the review began and was concluded'));
  parts.push(standard(paragraph('Reviews, including the overview report, should be completed, where possible, within six months of the commencement of the review.')));
  if (d.homeOfficeExtension) parts.push(fact(paragraph(`The Home Office agreed to extend the timetable ${dates.on(d.homeOfficeExtension)}.`)));
  if (began && ended) {
    const months = monthsBetween(began, ended);
    if (months >= 6) {
      parts.push(prompt(`the reasons the review took ${count(months, 'month')} rather than six, including any delays other than those due to the criminal trial`));
    }
  }
  return { id: 'timescales', title: title('timescales'), parts };
}

const roleWords: Record<Person['role'], string> = {
  victim: 'Victim',
  'alleged perpetrator': 'Alleged perpetrator',
  perpetrator: 'Perpetrator',
  child: 'Child',
  'family member': 'Family member',
  friend: 'Friend',
  partner: 'Partner',
  'ex-partner': 'Ex-partner',
  neighbour: 'Neighbour',
  colleague: 'Colleague',
  other: 'Other',
};

/** "Victim", "Perpetrator", or the relationship to the victim ("Mother"); a child's without their sex ("Child", not "Daughter"). */
function describe(person: Person): string {
  if (person.role === 'victim' || person.role === 'perpetrator' || person.role === 'alleged perpetrator') {
    const own = person.relationship && !sameName(person.relationship, person.role) ? person.relationship : undefined;
    return own ? `${roleWords[person.role]} (${own})` : roleWords[person.role];
  }
  const relationship = person.relationship && isChild(person) ? withoutSex(person.relationship) : person.relationship;
  return relationship ? capitalise(relationship) : roleWords[person.role];
}

function isChild(person: Person): boolean {
  return person.role === 'child' || (ageOf(person) !== undefined && ageOf(person)! < 18);
}

/**
 * A relationship without the sex it gives away: the guide asks that children's genders are not
 * given, "to enhance anonymity". "daughter" → "child", "stepson" → "stepchild", "sister" → "sibling".
 */
export function withoutSex(relationship: string): string {
  return relationship
    .replace(/\b(grand|step)?(son|daughter)\b/gi, (_m, prefix: string | undefined) => `${prefix ?? ''}child`)
    .replace(/\b(brother|sister)\b/gi, 'sibling')
    .replace(/\b(niece|nephew)\b/gi, "sibling's child")
    .replace(/\b(boy|girl)\b/gi, 'child');
}

/** The pseudonyms used, with age and ethnicity: shared by the confidentiality section and the executive summary. */
export function pseudonymParts(c: Case): Part[] {
  const parts: Part[] = [];
  const chosen = victims(c).filter((v) => v.pseudonym);
  if (chosen.length > 0 && c.family?.pseudonymOffered !== false) {
    parts.push(fact(paragraph(`The family chose the pseudonym ${joinAnd(chosen.map((v) => `"${v.pseudonym}"`))}, which this report uses.`)));
  }
  parts.push(
    keptFact(
      paragraph('To protect the identities of the people involved, this report uses the following names:'),
      table(
        ['Name used in this report', 'Who', 'Age at the time of the homicide', 'Ethnicity'],
        c.people.map((p) => [nameUsed(p), describe(p), ageOf(p) !== undefined ? String(ageOf(p)) : 'Not known', ethnicityOf(p) ?? 'Not known']),
      ),
    ),
  );
  for (const p of [...victims(c), ...perpetrators(c)]) {
    const missing = [ageOf(p) === undefined ? 'age at the time of the homicide' : '', ethnicityOf(p) === undefined ? 'ethnicity' : ''].filter(Boolean);
    if (missing.length > 0) parts.push(prompt(`the ${joinAnd(missing)} of ${nameUsed(p)}`));
  }
  if (c.professionals.length > 0) {
    parts.push(
      keptFact(
        paragraph('Professionals are referred to by their job title:'),
        table(
          ['Code', 'Job title', 'Agency'],
          c.professionals.map((p) => [p.code, p.title, p.agency ?? '']),
        ),
      ),
    );
  }
  return parts;
}

function confidentiality({ folder }: DraftContext): SectionDraft {
  return {
    id: 'confidentiality',
    title: title('confidentiality'),
    parts: [
      standard(paragraph('The findings of each review are confidential. Information is available only to participating officers and professionals and their line managers.')),
      ...pseudonymParts(folder.case),
    ],
  };
}

export function termsOfReference({ folder, dates }: DraftContext, id: string, sectionTitle: string): SectionDraft {
  const c = folder.case;
  const parts: Part[] = [];
  if (c.termsOfReference.length === 0) {
    parts.push(prompt('the terms of reference as agreed by the review panel; record them in case.yaml as termsOfReference'));
  } else {
    const lead = c.dates.torFinalised ? `The review panel agreed the terms of reference ${dates.on(c.dates.torFinalised)}. They are:` : 'The review panel agreed the following terms of reference:';
    parts.push(keptFact(paragraph(lead), list(c.termsOfReference.map(torText), true)));
  }
  return { id, title: sectionTitle, parts };
}

function torText(item: Case['termsOfReference'][number]): string {
  return typeof item === 'string' ? item : item.text;
}

function methodology({ folder, words, dates }: DraftContext): SectionDraft {
  const c = folder.case;
  const d = c.dates;
  const parts: Part[] = [];
  const decision: string[] = [];
  if (d.notification) decision.push(`The ${c.csp} was told of the death ${dates.on(d.notification)}.`);
  if (d.decision) decision.push(`${capitalise(words.considerationPanel)} decided ${dates.on(d.decision)} to hold a ${words.lower}.`);
  if (d.homeOfficeNotified && c.review === 'DHR') decision.push(`The Home Office was told of the decision ${dates.on(d.homeOfficeNotified)}.`);
  if (decision.length > 0) parts.push(fact(paragraph(decision.join(' '))));
  parts.push(prompt(d.decision ? 'who was involved in the decision to hold the review' : 'the decision to hold the review: when it was made and who was involved'));
  const imrAgencies = unique(folder.imrs.map((i) => i.agency));
  const chronologyAgencies = unique(folder.chronologies.map((ch) => ch.agency));
  const used: string[] = [];
  if (imrAgencies.length > 0) used.push(`Individual Management Reviews (IMRs) from ${joinAnd(imrAgencies)}`);
  if (chronologyAgencies.length > 0) used.push(`chronologies from ${joinAnd(chronologyAgencies)}`);
  if (used.length > 0) parts.push(fact(paragraph(`The review drew on ${joinAnd(used)}.`)));
  parts.push(prompt('the methodology used: the documents used, and whether interviews were held and with whom'));
  return { id: 'methodology', title: title('methodology'), parts };
}

function involvementOfFamily({ folder, dates }: DraftContext): SectionDraft {
  const c = folder.case;
  const f = c.family ?? {};
  const parts: Part[] = [];
  const said: string[] = [];
  if (c.dates.familyContacted) said.push(`The family were first contacted about the review ${dates.on(c.dates.familyContacted)}.`);
  if (f.pseudonymOffered === true) said.push('The family were invited to choose a pseudonym for the victim.');
  if (f.pseudonymOffered === false) said.push('The family were not invited to choose a pseudonym.');
  if (f.advocateOffered === true) said.push(f.advocate ? `The family were offered the help of a specialist and expert advocate (${f.advocate}).` : 'The family were offered the help of a specialist and expert advocate.');
  else if (f.advocateOffered === false) said.push('The family were not offered the help of a specialist advocate.');
  else if (f.advocate) said.push(`The family had the help of an advocate (${f.advocate}).`);
  if (f.contributed === true) said.push('The family contributed to the review.');
  if (f.contributed === false) said.push('The family did not contribute to the review.');
  if (f.sawDraft === true) said.push('The family saw the draft report.');
  if (f.sawDraft === false) said.push('The family have not yet seen the draft report.');
  if (f.involvement) parts.push(fact(paragraph(sentence(f.involvement))));
  if (said.length > 0) parts.push(fact(paragraph(said.join(' '))));

  const asks: string[] = [];
  if (!c.dates.familyContacted && !f.involvement) asks.push('when family, friends, work colleagues and neighbours were contacted, and by whom');
  asks.push('the nature of their involvement');
  if (c.review === 'DHR') asks.push('whether they were given the Home Office DHR leaflet');
  if (f.advocateOffered === undefined && !f.advocate) asks.push('whether the family had the help of a specialist and expert advocate');
  asks.push('whether the terms of reference were shared with them', 'whether the family met the review panel', 'whether the family have been updated regularly');
  if (f.sawDraft === undefined) asks.push('whether they reviewed the draft report in private, with time to comment and to ask for amendments');
  asks.push('whether all those contributing could do so in the way they prefer');
  parts.push(prompt(capitalise(asks.join('; '))));
  return { id: 'involvement-of-family', title: title('involvement-of-family'), parts };
}

/** Every agency that took part: those in case.yaml, then any IMR or chronology from an agency it does not list. */
function agenciesOf(folder: CaseFolder): { name: string; agency?: Case['agencies'][number] }[] {
  const out: { name: string; agency?: Case['agencies'][number] }[] = folder.case.agencies.map((a) => ({ name: a.name, agency: a }));
  const known = (name: string): boolean => out.some((o) => sameAgency(o, name));
  for (const name of [...folder.imrs.map((i) => i.agency), ...folder.chronologies.map((ch) => ch.agency)]) {
    if (!known(name)) out.push({ name });
  }
  return out;
}

function sameAgency(o: { name: string; agency?: Case['agencies'][number] }, name: string): boolean {
  return sameName(o.name, name) || (o.agency?.short !== undefined && sameName(o.agency.short, name));
}

function imrsOf(folder: CaseFolder, entry: { name: string; agency?: Case['agencies'][number] }): ImrDocument[] {
  return folder.imrs.filter((i) => sameAgency(entry, i.agency));
}

export function contributors({ folder }: DraftContext, sectionTitle: string): SectionDraft {
  const entries = agenciesOf(folder);
  const parts: Part[] = [];
  if (entries.length === 0) {
    parts.push(prompt('the agencies and other contributors to the review, the nature of their contribution (IMR, report or information), and how the IMR authors are independent'));
    return { id: 'contributors', title: sectionTitle, parts };
  }
  const unconfirmed: string[] = [];
  const rows = entries.map((entry) => {
    const imrs = imrsOf(folder, entry);
    const hasChronology = folder.chronologies.some((ch) => sameAgency(entry, ch.agency));
    const contribution: string[] = [];
    const required = entry.agency?.imrRequired ?? imrs.length > 0;
    if (imrs.length > 0) contribution.push('IMR');
    else if (required) contribution.push('IMR (awaited)');
    if (hasChronology) contribution.push('chronology');
    if (!required) contribution.push(entry.agency?.involvement ? `information: ${entry.agency.involvement}` : 'information');
    const cover = imrs[0]?.cover;
    const authorRole = entry.agency?.imrAuthor?.role ?? cover?.authorRole ?? '';
    const independence = independenceOf(entry.agency);
    if (required && !independence) unconfirmed.push(entry.name);
    return [entry.name, capitalise(contribution.join(', ')), required ? authorRole : '', required ? (independence ?? '') : ''];
  });
  parts.push(
    keptFact(
      paragraph(`${capitalise(count(entries.length, 'agency', 'agencies'))} contributed to the review:`),
      table(['Agency', 'Contribution', 'IMR author (job title)', 'Independence of the IMR author'], rows),
    ),
  );
  if (unconfirmed.length > 0) {
    parts.push(prompt(`confirmation that the IMR authors of ${joinAnd(unconfirmed)} are independent, and how (record it in case.yaml under each agency's imrAuthor)`));
  }
  parts.push(prompt('any other contributors to the review (family, friends, other organisations) and the nature of their contribution'));
  return { id: 'contributors', title: sectionTitle, parts };
}

function independenceOf(agency: Case['agencies'][number] | undefined): string | undefined {
  const a = agency?.imrAuthor;
  if (!a) return undefined;
  if (a.independence) return a.independence;
  if (a.independent === true) return 'Independent: no involvement with the case or line management of those involved';
  if (a.independent === false) return 'Not independent of the case';
  return undefined;
}

export function reviewPanel({ folder, words, dates }: DraftContext, sectionTitle: string): SectionDraft {
  const c = folder.case;
  const parts: Part[] = [];
  const rows = c.panel.map((m) => [m.name, m.role ?? '', m.agency ?? '']);
  if (c.chair && !c.panel.some((m) => sameName(m.name, c.chair!.name))) {
    rows.unshift([c.chair.name, c.review === 'SIR' ? 'Chair' : 'Independent Chair', c.review === 'SIR' ? '' : 'Independent']);
  }
  if (rows.length === 0) {
    parts.push(prompt('the names of the panel members, their role and job title, and the agency each represents'));
  } else {
    parts.push(kept(verbatimFact(paragraph(`The ${words.lower} panel was made up of:`), table(['Name', 'Role', 'Agency'], rows))));
  }
  const meetings = c.dates.panelMeetings ?? [];
  if (meetings.length > 0) {
    parts.push(fact(paragraph(`The panel met ${count(meetings.length, 'time')}: ${dates.onEach(meetings)}.`)));
  } else {
    parts.push(prompt('the number of times the panel met (record the dates in case.yaml as dates.panelMeetings)'));
  }
  parts.push(prompt('confirmation that the panel members are independent: none had direct involvement with the victim, the perpetrator or the services they received'));
  return { id: 'review-panel', title: sectionTitle, parts };
}

export function author({ folder }: DraftContext, sectionTitle: string): SectionDraft {
  const c = folder.case;
  const parts: Part[] = [];
  const chair = c.chair;
  const writer = reportAuthor(c);
  const separate = c.author !== undefined && c.chair !== undefined && !sameName(c.author.name, c.chair.name);
  if (!chair && !writer) {
    parts.push(
      prompt(
        `the name of the chair and author, their independence, and their career history and relevant experience; confirm they have had no connection with the ${c.csp} and, if they have worked for an agency in the area, how long ago that ended`,
      ),
    );
    return { id: 'author', title: sectionTitle, parts };
  }
  const people: { person: { name: string; independence?: string; career?: string }; role: string }[] = [];
  if (separate) {
    people.push({ person: chair!, role: c.review === 'SIR' ? 'chair of the review' : 'independent chair of the review' });
    people.push({ person: c.author!, role: 'author of the overview report' });
  } else {
    people.push({ person: (chair ?? writer)!, role: c.review === 'SIR' ? 'chair of the review and author of the overview report' : 'independent chair of the review and author of the overview report' });
  }
  for (const { person, role } of people) {
    parts.push(verbatimFact(paragraph(`${person.name} is the ${role}.`)));
    if (person.independence) parts.push(fact(paragraph(sentence(person.independence))));
    else {
      parts.push(
        prompt(
          `the independence of the ${role}: confirm there has been no connection with the ${c.csp} and, if they have worked for any agency in the area, how long ago that employment ended`,
        ),
      );
    }
    if (person.career) parts.push(fact(paragraph(sentence(person.career))));
    else parts.push(prompt(`the career history and relevant experience of the ${role}`));
  }
  return { id: 'author', title: sectionTitle, parts };
}

function parallelReviews({ folder, dates }: DraftContext): SectionDraft {
  const c = folder.case;
  const parts: Part[] = [];
  const inquest = c.dates.criminalProceedings?.inquest;
  if (c.parallelReviews.length > 0) {
    parts.push(fact(paragraph('The following reviews and inquiries ran alongside this review:'), list(c.parallelReviews.map(sentence))));
  }
  if (inquest) parts.push(fact(paragraph(`The inquest was held ${dates.on(inquest)}.`)));
  if (c.parallelReviews.length === 0 && !inquest) {
    parts.push(prompt('whether an inquest or any other review or inquiry has been held, and whether it has been used to inform this review'));
  } else {
    parts.push(prompt('whether these have been used to inform this review'));
  }
  return { id: 'parallel-reviews', title: title('parallel-reviews'), parts };
}

function equalityAndDiversity({ folder }: DraftContext): SectionDraft {
  const c = folder.case;
  const parts: Part[] = [];
  const subjects = [...victims(c), ...perpetrators(c)];
  const rows: [string, (p: Person) => string | undefined][] = [
    ['Age', (p) => (ageOf(p) !== undefined ? String(ageOf(p)) : undefined)],
    ['Sex', (p) => p.dataForm?.sex ?? (p.sex && p.sex !== 'unknown' ? capitalise(p.sex) : undefined)],
    ['Gender', (p) => p.dataForm?.gender],
    ['Ethnicity', (p) => p.dataForm?.ethnicity],
    ['Nationality', (p) => p.dataForm?.nationality],
    ['Religion or belief', (p) => p.dataForm?.religion],
    ['Sexual orientation', (p) => p.dataForm?.sexualOrientation],
    ['Disability', (p) => p.dataForm?.disability],
  ];
  const known = rows.filter(([, get]) => subjects.some((p) => get(p) !== undefined));
  if (subjects.length > 0 && known.length > 0) {
    parts.push(
      fact(
        paragraph('What the case records about the protected characteristics of the people at the centre of the review:'),
        table(
          ['', ...subjects.map(nameUsed)],
          known.map(([label, get]) => [label, ...subjects.map((p) => get(p) ?? 'Not known')]),
        ),
      ),
    );
  }
  const nine = joinAnd(protectedCharacteristics.map((p) => p.title));
  parts.push(
    prompt(
      `how the nine protected characteristics under the Equality Act 2010 (${nine}) bear on the review, where relevant; the barriers to accessing services; and whether service delivery was affected`,
    ),
  );
  return { id: 'equality-and-diversity', title: title('equality-and-diversity'), parts };
}

function dissemination({ folder }: DraftContext): SectionDraft {
  const c = folder.case;
  if (c.dissemination.length > 0) {
    return {
      id: 'dissemination',
      title: title('dissemination'),
      parts: [keptFact(paragraph('The following will receive copies of the report:'), list(c.dissemination))],
    };
  }
  return {
    id: 'dissemination',
    title: title('dissemination'),
    parts: [
      prompt(
        c.review === 'SIR'
          ? 'the recipients of copies of the report, as agreed by the panel (a serious incident review report is shared only with those given copies); record them in case.yaml as dissemination'
          : 'the recipients of copies of the report: family members, elected Members, the Police and Crime Commissioner and the heads of all the services involved; record them in case.yaml as dissemination',
      ),
    ],
  };
}

function background({ folder, figures, dates }: DraftContext): SectionDraft {
  const c = folder.case;
  const subject = subjectName(c);
  const parts: Part[] = [];
  const where: string[] = [];
  if (c.area) where.push(`${subject} lived in ${c.area}.`);
  if (c.death.place) where.push(`The homicide took place at ${c.death.place} in ${monthYear(c.death.date)}.`);
  if (where.length > 0) parts.push(fact(paragraph(where.join(' '))));
  if (!c.death.place) parts.push(prompt('where the victim lived and where the homicide took place'));
  parts.push(prompt('a synopsis of the homicide: what happened and how the victim was killed'));
  parts.push(prompt("details of the post mortem and of the inquest or coroner's inquiry if already held, and the cause of death"));

  const family = c.people.filter((p) => p.role !== 'victim');
  const household = c.people.filter((p) => p.household === true);
  if (family.length > 0) {
    parts.push(
      fact(
        paragraph('The members of the family and the household:'),
        list(
          c.people.map((p) => {
            const age = ageOf(p);
            const details = [describe(p), age !== undefined ? `aged ${age}` : '', p.household === true ? 'lived in the household' : p.household === false ? 'lived elsewhere' : ''].filter(Boolean);
            return `${nameUsed(p)}: ${details.join(', ')}`;
          }),
        ),
      ),
    );
  }
  if (household.length === 0) parts.push(prompt('who else lived at the address and, if children lived there, their ages at the time (not their genders)'));
  const genogram = figures.get('genogram');
  if (genogram) parts.push(figure(figureNode('genogram', genogram.alt, genogram.title)));
  parts.push(prompt('how long the victim had been living with the perpetrator and, if partners or former partners, how long they had been together'));
  parts.push(...proceedingsParts(c, dates));
  return { id: 'background', title: title('background'), parts };
}

/** What the case records of the criminal proceedings; a prompt where it records nothing. */
export function proceedingsParts(c: Case, dates: DateStyle): Part[] {
  const p = c.dates.criminalProceedings;
  const accused = perpetrators(c).map(nameUsed);
  const who = accused.length > 0 ? joinAnd(accused) : 'The perpetrator';
  const said: string[] = [];
  if (p?.charged) said.push(`${who} was charged ${dates.on(p.charged)}.`);
  if (p?.trial) said.push(`The trial began ${dates.on(p.trial)}.`);
  if (p?.verdict) said.push(`The verdict was given ${dates.on(p.verdict)}.`);
  if (p?.sentence) said.push(`Sentence was passed ${dates.on(p.sentence)}.`);
  if (p?.outcome) said.push(sentence(p.outcome));
  if (said.length === 0) return [prompt('who has been charged with the homicide, the date and outcome of the trial, and the sentence given')];
  const parts = [fact(paragraph(said.join(' ')))];
  if (!p?.outcome) parts.push(prompt('the outcome of the trial and the sentence given'));
  return parts;
}

function chronology({ folder, figures, dates }: DraftContext): SectionDraft {
  const parts: Part[] = [prompt('the background history of the victim and the perpetrator before the period under review, to give context to their story')];
  const timeline = figures.get('timeline');
  if (timeline) parts.push(figure(figureNode('timeline', timeline.alt, timeline.title)));
  const rows = mergeChronologies(folder.chronologies);
  if (folder.imrs.length > 0) {
    parts.push(material(paragraph(`The agencies' chronology narratives follow, agency by agency.${rows.length > 0 ? ' The merged chronology of every entry is at the end of this report.' : ''}`)));
  }
  const subsections: SectionDraft[] = folder.imrs.map((imr) => imrPart(imr, 'chronology', 'chronology', `the ${imr.agency} IMR has no chronology narrative: ask the agency for it, or summarise its chronology here`));
  if (folder.imrs.length === 0) parts.push(prompt('a combined narrative chronology of the key events and each agency\'s contact with the victim, the perpetrator and their families'));
  subsections.push(chronologySummary(rows, folder, dates));
  return { id: 'chronology', title: title('chronology'), parts, subsections };
}

/** A section made of one part of an IMR, with the agency named. */
function imrPart(imr: ImrDocument, sectionId: ImrSectionId, idPrefix: string, missing: string, missingIsFact = false): SectionDraft {
  const found = imr.sections.find((s) => s.id === sectionId);
  const content = found ? found.children.filter((n) => !(n.type === 'heading' && isEmptyHeading(n))) : [];
  const parts: Part[] = [];
  if (content.length > 0) parts.push(material(...shiftHeadings(content, 3)));
  else parts.push(missingIsFact ? material(paragraph(missing)) : prompt(missing));
  return { id: `${idPrefix}-${slug(imr.agency)}`, title: imr.agency, parts };
}

function isEmptyHeading(node: RootContent): boolean {
  return node.type === 'heading' && node.children.length === 0;
}

function chronologySummary(rows: ChronologyRow[], folder: CaseFolder, dates: DateStyle): SectionDraft {
  return { id: 'chronology-summary', title: 'Summary of the merged chronology', parts: chronologyFacts(rows, folder, dates) };
}

/** The merged chronology in figures: entries, agencies, dates, and how often each agency saw the client. */
export function chronologyFacts(rows: ChronologyRow[], folder: CaseFolder, dates: DateStyle): Part[] {
  if (rows.length === 0) return [prompt("the agencies' chronologies (Template 20): none has been received yet")];
  const agencies = unique(folder.chronologies.map((c) => c.agency));
  const last = rows[rows.length - 1];
  // Each agency's rows, in the rows' order, found in one pass.
  const byAgency = new Map<string, ChronologyRow[]>(agencies.map((a) => [a.trim().toLowerCase(), []]));
  for (const r of rows) byAgency.get(r.agency.trim().toLowerCase())?.push(r);
  return [
    material(
      paragraph(
        `The merged chronology holds ${count(rows.length, 'entry', 'entries')} from ${count(agencies.length, 'agency', 'agencies')}, from ${dates.date(rows[0].dateFrom)} to ${dates.date(last.dateTo ?? last.dateFrom)}.`,
      ),
      // The counts come after the dates: a count just before a month ("1 | January 2016") would
      // read as a precise date wherever the cells run together (a PDF's text).
      table(
        ['Agency', 'First entry', 'Last entry', 'Entries', 'Client seen'],
        agencies.map((agency) => {
          const own = byAgency.get(agency.trim().toLowerCase()) ?? [];
          return [
            agency,
            own.length > 0 ? dates.cell(own[0].dateFrom) : '',
            own.length > 0 ? dates.cell(own[own.length - 1].dateFrom) : '',
            String(own.length),
            String(own.filter((r) => seen(r.clientSeen)).length),
          ];
        }),
      ),
    ),
  ];
}

function overview({ folder }: DraftContext): SectionDraft {
  const parts: Part[] = [
    prompt('an overview of what the agencies and professionals knew about the victim, the perpetrator and their families, and any other relevant facts about the victim and the perpetrator'),
  ];
  const subsections = folder.imrs.map((imr) => {
    const draft = imrPart(imr, 'family', 'overview', `The ${imr.agency} IMR gives no pen portrait of the family and household.`, true);
    return { ...draft, title: `${imr.agency}: the family and household` };
  });
  if (subsections.length > 0) parts.push(material(paragraph("The agencies' pen portraits of the family and household follow.")));
  return { id: 'overview', title: title('overview'), parts, subsections };
}

function analysis({ folder }: DraftContext): SectionDraft {
  const items = folder.case.termsOfReference;
  const what =
    'how and why events occurred, the information shared, the decisions made, the actions taken or not taken, and good practice; and whether different decisions or actions might have led to a different course of events';
  if (items.length === 0) {
    return { id: 'analysis', title: title('analysis'), parts: [prompt(`the analysis against the terms of reference and their key lines of enquiry: ${what}`)] };
  }
  return {
    id: 'analysis',
    title: title('analysis'),
    parts: [standard(paragraph('The analysis addresses each term of reference in turn.'))],
    subsections: items.map((item, i) => ({
      id: `analysis-tor-${i + 1}`,
      title: `Term of reference ${i + 1}`,
      parts: [standard({ type: 'blockquote', children: [paragraph(torText(item))] }), prompt(`the analysis of this term of reference: ${what}`)],
    })),
  };
}

export function recommendations({ folder, reviewRecommendations }: DraftContext, sectionTitle: string): SectionDraft {
  const own = reviewRecommendations ?? [];
  const subsections: SectionDraft[] = [
    {
      id: 'recommendations-review',
      title: "The review's recommendations",
      parts:
        own.length > 0
          ? [standard(paragraph('The review makes the following recommendations (from the action plan):'), list(own, true))]
          : [prompt("the review's own recommendations: focused and specific, capable of being implemented, and including any of national impact for national bodies or organisations")],
    },
  ];
  for (const imr of folder.imrs) {
    const draft = imrPart(imr, 'recommendations', 'recommendations', `The ${imr.agency} IMR makes no recommendations.`, true);
    subsections.push({ ...draft, title: `${imr.agency}: IMR recommendations` });
  }
  const parts: Part[] = [];
  if (folder.imrs.length > 0) {
    parts.push(material(paragraph("The recommendations include those made in the agencies' Individual Management Reviews, each with the agency named.")));
  }
  return { id: 'recommendations', title: sectionTitle, parts, subsections };
}

function actionPlanAppendix({ actionPlan }: DraftContext): SectionDraft {
  const parts: Part[] = actionPlan && actionPlan.rows.length > 0
    ? [material(table(actionPlan.columns, actionPlan.rows))]
    : [prompt('the action plan (Template 25): each recommendation with its SMARTER actions, lead, target date and status')];
  return { id: 'action-plan', title: title('action-plan'), parts, appendix: true };
}

/**
 * The merged chronology as a table: every row of every agency, in date order, with the agency
 * by its short name so the columns fit a page (the workbook, merged-chronology.xlsx, has every
 * column of Template 20). The agency comes first, so no number at the end of one row's action
 * runs into the next row's date where cells run together.
 */
export function mergedChronologyTable(rows: ChronologyRow[], dates: DateStyle, c: Case): RootContent {
  const short = new Map<string, string>();
  const shortOf = (name: string) => {
    let s = short.get(name);
    if (s === undefined) short.set(name, (s = shortAgency(name, c)));
    return s;
  };
  return table(
    ['Agency', 'Date', 'Client', 'Staff', 'Event (source)', 'Seen', 'Action'],
    rows.map((r) => [
      shortOf(r.agency),
      r.dateTo && r.dateTo !== r.dateFrom ? `${dates.cell(r.dateFrom)} to ${dates.cell(r.dateTo)}` : dates.cell(r.dateFrom),
      r.clientCode,
      r.staffCode,
      r.source ? `${r.event} (${r.source})` : r.event,
      r.clientSeen,
      r.action,
    ]),
  );
}

/** The short name case.yaml gives an agency ("Police"), else the name as written. */
export function shortAgency(name: string, c: Case): string {
  const agency = c.agencies.find((a) => sameName(a.name, name) || (a.short !== undefined && sameName(a.short, name)));
  return agency?.short ?? agency?.name ?? name;
}

/** The most entries of the merged chronology the overview report prints in full, unless case.yaml says otherwise (report.chronologyAppendixLimit). */
export const defaultChronologyAppendixLimit = 2000;

/** How many entries of the merged chronology this case's overview report prints in full. */
export function chronologyAppendixLimit(c: Case): number {
  return c.report?.chronologyAppendixLimit ?? defaultChronologyAppendixLimit;
}

/**
 * The merged chronology as an appendix: every entry, in date order — unless there are more than
 * chronologyAppendixLimit, when the appendix says how many each agency recorded and over which
 * dates, and where the entries are (merged-chronology.xlsx, in the same pack). A table of tens of
 * thousands of rows is thousands of pages, which nobody reads on paper, Word is slow to open
 * and a browser takes minutes and gigabytes to print; the workbook can be filtered.
 */
function mergedChronologyAppendix({ folder, dates, publish }: DraftContext): SectionDraft {
  const rows = mergeChronologies(folder.chronologies);
  const limit = chronologyAppendixLimit(folder.case);
  let parts: Part[];
  if (rows.length === 0) parts = [prompt("the merged chronology: no agency's chronology has been received yet")];
  else if (rows.length <= limit) parts = [material(paragraph("Every agency's chronology entries, in date order."), mergedChronologyTable(rows, dates, folder.case))];
  else {
    const byAgency = new Map<string, ChronologyRow[]>();
    for (const row of rows) {
      const own = byAgency.get(row.agency);
      if (own) own.push(row);
      else byAgency.set(row.agency, [row]);
    }
    const lastDate = (r: ChronologyRow) => (r.dateTo && r.dateTo > r.dateFrom ? r.dateTo : r.dateFrom);
    parts = [
      material(
        paragraph(
          `The merged chronology has ${rows.length.toLocaleString('en-GB')} entries from ${byAgency.size === 1 ? 'one agency' : `${byAgency.size} agencies`}, too many to print here${
            // The workbook is in the draft pack, which is restricted; a publication copy goes without it.
            publish ? '.' : ': it is the workbook merged-chronology.xlsx, which goes with this report, with every entry in date order and filters by agency, date and person.'
          } The entries each agency recorded:`,
        ),
        table(
          ['Agency', 'Entries', 'First entry', 'Last entry'],
          [...byAgency].map(([agency, own]) => [
            shortAgency(agency, folder.case),
            own.length.toLocaleString('en-GB'),
            dates.cell(own.reduce((a, r) => (r.dateFrom < a ? r.dateFrom : a), own[0].dateFrom)),
            dates.cell(own.reduce((a, r) => (lastDate(r) > a ? lastDate(r) : a), lastDate(own[0]))),
          ]),
        ),
      ),
    ];
  }
  return { id: 'merged-chronology', title: title('merged-chronology'), parts, appendix: true };
}

// ---------------------------------------------------------------------------------------------

export function unique(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) if (!out.some((o) => sameName(o, v))) out.push(v);
  return out;
}

/** A value from case.yaml as a sentence: capital first letter, full stop at the end. */
export function sentence(value: string): string {
  const t = capitalise(value.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
