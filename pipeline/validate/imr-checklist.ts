/**
 * The guide's "checklist for an excellent IMR": the 14 points, in the guide's order, each
 * `pass`, `fail` or `review` with its evidence — the words found and where they stand, or
 * what is missing. What the text can show is decided here; what it cannot is `review`, with
 * the reason. Every quote is anonymised before it is returned.
 */
import type { Case } from '../../schemas/case.ts';
import { imrChecklist, imrEqualityThemes, imrPhrases } from '../../schemas/checklists.ts';
import { imrSectionTitles, type ImrDocument } from '../model.ts';
import type { Block } from './blocks.ts';
import { ImrView, type SentenceHit } from './imr-view.ts';
import { initials, isCodeAfterTitle, keyLeaks, keyTerms, makeQuoter, safeWords, titledName } from './key.ts';
import { checkSmarter, isEvaluationRecommendation, parseRecommendations } from './smarter.ts';
import { findVoice, type VoiceHit } from './voice.ts';
import { escapeRegex, listWords, phraseRegex, plural, tokens, wordCount } from './text.ts';
import type { CheckAnonymiser, ChecklistItemResult, ChecklistResult, Evidence, ItemStatus, Where } from './types.ts';

export interface ImrCheckContext {
  case: Case;
  anonymiser?: CheckAnonymiser;
}

type ItemCheck = (doc: Checker) => { status: ItemStatus; evidence: Evidence[] };

/** Run the 14-point checklist on one IMR. */
export function checkImr(imr: ImrDocument, context: ImrCheckContext): ChecklistResult {
  const checker = new Checker(imr, context);
  const items: ChecklistItemResult[] = imrChecklist.map((spec) => {
    const run = checks[spec.id];
    const { status, evidence } = run(checker);
    return { id: spec.id, title: spec.title, status, evidence };
  });
  return { file: imr.file, agency: imr.agency, items };
}

/** What every item check needs: the document view, the case, and a safe way to quote. */
class Checker {
  readonly view: ImrView;
  readonly case: Case;
  readonly anonymiser?: CheckAnonymiser;
  readonly quote: (text: string, max?: number) => string;

  constructor(imr: ImrDocument, context: ImrCheckContext) {
    this.view = ImrView.of(imr);
    this.case = context.case;
    this.anonymiser = context.anonymiser;
    const base = makeQuoter(context.case, context.anonymiser);
    // Names of agency staff recorded in case.yaml (IMR authors, senior managers, contacts) are
    // not subjects of the review, but they are still real names: never quoted.
    const staffNames = context.case.agencies.flatMap((a) => [a.imrAuthor?.name, a.seniorManager?.name, a.contact?.name, a.panelMember?.name]).filter((n): n is string => !!n && n.trim().length > 2);
    this.quote = (text, max) => {
      let out = text;
      for (const n of staffNames) out = out.replace(new RegExp(`\\b${escapeRegex(n.trim())}\\b`, 'gi'), '[name]');
      return base(out, max);
    };
  }

  get file(): string {
    return this.view.imr.file;
  }

  /** Evidence from a sentence found. */
  hit(h: SentenceHit, note: string): Evidence {
    return { quote: this.quote(h.sentence), where: this.view.where(h.block), note };
  }

  /** The section heading as written, or the template's name for it. */
  sectionName(id: keyof typeof imrSectionTitles): string {
    return this.view.headings.get(id) ?? imrSectionTitles[id];
  }
}

// -------------------------------------------------------------------------------------------
// Shared patterns

const authorMention = /\b(?:author|authors|I|I'm|I’m|me|my|myself|writer|reviewer|report writer|the person completing)\b/;
/** Uses of "independent" that are not about the author: IDVA, ISVA, the chair, advocates. */
const otherIndependence =
  /\bindependent\s+(?:domestic\s+(?:violence|abuse)|sexual\s+violence)\s+advis[oe]rs?\b|\bindependent\s+(?:chair|chairs|chairperson|overview\s+author|mental\s+(?:capacity|health)\s+advocates?|advocates?|living|sector|school|hospital|provider|review\s+panel|panel\s+members?|investigat\w+|police\s+complaints?|office\s+for\s+police\s+conduct)\b|\bIDVAs?\b|\bISVAs?\b|\bIOPC\b/gi;
const notIndependent = /\b(?:not|never|is\s+not|was\s+not|isn't|wasn't)\s+(?:fully\s+|wholly\s+|entirely\s+)?independent\b|\b(?:was|were|had\s+been)\s+(?:directly\s+)?involved\s+(?:in|with)\s+(?:the\s+)?(?:case|care|management)\b(?![^.]*\bnot\b)/i;
const roleWords =
  /\b(?:manager|director|head|chief|lead|senior|superintendent|inspector|officer|co-?ordinator|consultant|nurse|practitioner|advis[oe]r|designated|named|safeguarding|deputy|assistant|principal|executive|partner|specialist|team leader|service leader|governance|quality)\b/i;
const dateLike =
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}\b/i;
const placeholder = /^\s*(?:\(?\s*please insert\b|insert\b|\[.*\]|x+|_+|-+|tbc|tba|n\/?a|to follow|name|date|signed|signature)\s*\)?\s*$/i;

function usable(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || placeholder.test(v) || /please insert|insert name/i.test(v)) return undefined;
  return v;
}

/** A cover value shown without any personal name: the parts that are job titles; names become "[name]". */
function roleOnly(value: string): string {
  return value
    .split(/\s*[,;–—(|)]\s*|\s+-\s+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (looksLikePersonName(part) ? '[name]' : part))
    .join(', ');
}

/** Words of organisations and teams, which are capitalised like names but are not people. */
const organisationWords =
  /\b(?:team|unit|service|services|department|directorate|review|crime|police|constabulary|council|trust|nhs|ccg|icb|practice|surgery|partnership|board|group|centre|center|hospital|housing|safeguarding|protection|public|city|county|foundation|charity|agency|office|court)\b/i;

/** "Lisa Crossley", "S. Hague", "Dr K Wragg": a personal name, not a role, a team or a statement. */
function looksLikePersonName(part: string): boolean {
  if (roleWords.test(part) || organisationWords.test(part) || /\d/.test(part)) return false;
  return /^(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Revd?)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(part);
}

// -------------------------------------------------------------------------------------------
// The 14 items

const checks: Record<number, ItemCheck> = {
  1: independentAuthor,
  2: agencyRole,
  3: authorBackground,
  4: templateAndAnonymised,
  5: termsOfReference,
  6: recordsAccessed,
  7: staffInterviewed,
  8: victimsVoice,
  9: equalityThemes,
  10: analyticalAndGoodPractice,
  11: conclusionsAndLessons,
  12: smarterRecommendations,
  13: seniorSignOff,
  14: feedbackToStaff,
};

function independentAuthor(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const independence = phraseRegex(imrPhrases.independence);
  const cover = doc.view.imr.cover;
  // The author line of the cover (its label says it is about the author).
  for (const [label, value] of [
    ['Author', cover.author],
    ['Author role', cover.authorRole],
    ...Object.entries(cover.other).filter(([k]) => /author|independen/i.test(k)),
  ] as [string, string | undefined][]) {
    const v = usable(value);
    if (!v) continue;
    const cleaned = v.replace(otherIndependence, ' ');
    if (notIndependent.test(cleaned)) {
      return { status: 'fail', evidence: [{ quote: doc.quote(label === 'Author' ? roleOnly(v) : v), where: { file: doc.file, section: 'Cover' }, note: `The cover's "${label}" says the author is not independent of the case.` }] };
    }
    if (independence.test(cleaned)) {
      return { status: 'pass', evidence: [{ quote: doc.quote(`${label}: ${label === 'Author' ? roleOnly(v) : v}`), where: { file: doc.file, section: 'Cover' }, note: "The cover states the author's independence." }] };
    }
  }

  const aboutAuthor = (s: string, b: Block): boolean => b.sectionId === 'cover' || authorMention.test(s);
  const near = doc.view.blocks('cover', 'introduction');
  const test = (s: string, b: Block) => {
    const cleaned = s.replace(otherIndependence, ' ');
    return aboutAuthor(s, b) && (independence.test(cleaned) || notIndependent.test(cleaned));
  };
  const hit = doc.view.find(near, test) ?? doc.view.find(doc.view.blocks(), test);
  if (hit) {
    if (notIndependent.test(hit.sentence.replace(otherIndependence, ' '))) {
      return { status: 'fail', evidence: [doc.hit(hit, 'The IMR says its author is not independent of the case: the guide asks for an author with no involvement in it.')] };
    }
    const nearAuthor = hit.block.sectionId === 'cover' || hit.block.sectionId === 'introduction';
    return {
      status: 'pass',
      evidence: [doc.hit(hit, nearAuthor ? "The author's independence is stated." : "The author's independence is stated, though not in the cover or introduction where readers look for it.")],
    };
  }
  const evidence: Evidence[] = [
    {
      where: { file: doc.file, section: 'Cover and Section 1: Introduction' },
      note: 'No statement that the author is independent of the case was found. Add a sentence near the author details such as "The author has had no involvement in the case and no line management of the staff involved."',
    },
  ];
  const recorded = doc.case.agencies.find((a) => sameAgency(a.name, a.short, doc.view.imr.agency))?.imrAuthor?.independence;
  if (recorded) evidence.push({ where: { file: 'case.yaml' }, note: 'case.yaml records an independence statement for this author, but the IMR itself must state it.' });
  return { status: 'fail', evidence };
}

function agencyRole(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const sub = doc.view.under('introduction', /\babout\s+(?:the|our|this)?\s*(?:organisation|organization|agency|service|trust|force|practice|council)\b|\b(?:role|overview)\s+of\s+(?:the|our|this)\s+(?:agency|organisation|organization|service)\b|^\s*(?:the\s+)?(?:organisation|agency|service)\s*$/i);
  if (sub) {
    const text = sub.content.filter((b) => b.type !== 'heading').map((b) => b.text).join(' ');
    const words = wordCount(text);
    const first = sub.content.find((b) => b.type !== 'heading');
    if (words >= 20 && first) {
      return { status: 'pass', evidence: [{ quote: doc.quote(first.text), where: doc.view.where(first), note: `"${sub.heading.text}" describes the agency in ${plural(words, 'word')}.` }] };
    }
    return {
      status: 'fail',
      evidence: [
        {
          where: doc.view.where(sub.heading),
          note: words === 0 ? `"${sub.heading.text}" is empty (or holds only the template's prompt). Describe what the agency does and its part in the case.` : `"${sub.heading.text}" has only ${plural(words, 'word')}: too little to give an overview of the agency's role. Describe what the agency does, for whom, and how it came to know the people in this review.`,
        },
      ],
    };
  }
  const role = phraseRegex(imrPhrases.agencyRole);
  const agencyRef = new RegExp(`\\b(?:the|our|this)\\s+(?:organisation|organization|agency|service|trust|force|practice|council)\\b${agencyNamePattern(doc)}`, 'i');
  const hit = doc.view.find(doc.view.section('introduction'), (s) => role.test(s) && agencyRef.test(s));
  if (hit) {
    return {
      status: 'review',
      evidence: [doc.hit(hit, 'There is no "About the organisation" part, but the introduction says something of what the agency does. A person must judge whether this gives an overview of its role.')],
    };
  }
  return {
    status: 'fail',
    evidence: [{ where: { file: doc.file, section: doc.sectionName('introduction') }, note: 'No overview of the agency\'s role was found. Add "About the organisation" to the introduction: what the agency does, for whom, and how it came to know the people in this review.' }],
  };
}

function agencyNamePattern(doc: Checker): string {
  const names = new Set<string>([doc.view.imr.agency]);
  for (const a of doc.case.agencies) if (sameAgency(a.name, a.short, doc.view.imr.agency)) [a.name, a.short].forEach((n) => n && names.add(n));
  const parts = [...names].filter((n) => n && n.trim().length > 2).map((n) => escapeRegex(n.trim()));
  return parts.length ? `|\\b(?:${parts.join('|')})\\b` : '';
}

function sameAgency(name: string, short: string | undefined, agency: string): boolean {
  const a = agency.trim().toLowerCase();
  return !!a && (name.trim().toLowerCase() === a || short?.trim().toLowerCase() === a || a.includes(name.trim().toLowerCase()) || name.trim().toLowerCase().includes(a));
}

/** "I have been a GP for 17 years", "22 years' service", "fifteen years as a social worker". */
const yearsOfService =
  /\bfor\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+years\b|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+years['’]?\s+(?:service|experience|as\b|in\b|of\s+(?:experience|service|practice))/i;

function authorBackground(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const background = phraseRegex(imrPhrases.background);
  const isBackground = (s: string) => background.test(s) || yearsOfService.test(s);
  const cover = doc.view.imr.cover;
  for (const [isAuthorLine, v] of [[true, cover.author], [false, cover.authorRole], ...Object.entries(cover.other).filter(([k]) => /author/i.test(k)).map(([, v]) => [false, v])] as [boolean, string | undefined][]) {
    const u = usable(v);
    if (u && isBackground(u)) {
      return { status: 'pass', evidence: [{ quote: doc.quote(isAuthorLine ? roleOnly(u) : u), where: { file: doc.file, section: 'Cover' }, note: "The author's background is given with their details. Whether it makes the author suitable is for a person to judge." }] };
    }
  }
  const hit = doc.view.find(doc.view.blocks('cover', 'introduction'), (s, b) => isBackground(s) && (b.sectionId === 'cover' ? /author|\bI\b|\bmy\b/i.test(s) : authorMention.test(s)));
  if (hit) {
    return { status: 'pass', evidence: [doc.hit(hit, "The author's background is summarised. Whether it makes the author suitable is for a person to judge.")] };
  }
  const role = usable(cover.authorRole) ?? (usable(cover.author) && roleWords.test(cover.author ?? '') ? cover.author : undefined);
  return {
    status: 'fail',
    evidence: [
      {
        ...(role ? { quote: doc.quote(roleOnly(role)) } : {}),
        where: { file: doc.file, section: 'Cover' },
        note: role
          ? "Only the author's job title is given. The guide asks for a brief summary of their background and why it makes them suitable: their experience, training, and how their role equips them to write this IMR."
          : "No summary of the author's background or suitability was found. Add their job title, their experience and why it equips them to write this IMR.",
      },
    ],
  };
}

function templateAndAnonymised(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  let failed = false;
  const imr = doc.view.imr;

  if (imr.missing.length > 0) {
    failed = true;
    evidence.push({
      where: { file: doc.file },
      note: `The template's ${listWords(imr.missing.map((m) => `"${imrSectionTitles[m]}"`))} ${imr.missing.length === 1 ? 'section is' : 'sections are'} missing. Add ${imr.missing.length === 1 ? 'it' : 'them'} with the template's headings (Template 2).`,
    });
  } else {
    evidence.push({ where: { file: doc.file }, note: 'All six sections of the template are present.' });
  }

  // Key identifiers: the engine's scan when given, else the key itself. The cover's author and
  // signature lines name the author and the senior manager, as the template asks: not subjects
  // of the review, so not looked at for names (key identifiers still are).
  const signatureLine = /^\s*(?:(?:imr\s+|report\s+)?author(?:['’]s)?(?:\s+name)?|signed(?:\s+off)?(?:\s+by)?|signature|countersigned(?:\s+by)?|counter-signed(?:\s+by)?|approved\s+by|authorised\s+by|date|designation)\s*(?::|—)/i;
  const blocks = doc.view.blocks();
  const staff = staffNameWords(doc.case);
  const terms = keyTerms(doc.case);
  const leaksIn = (text: string) => (doc.anonymiser ? doc.anonymiser.leaks(text) : keyLeaks(text, terms));
  // Every identifier is counted; the first 20 are shown, so only they are quoted (a quote is
  // the text anonymised: the costliest thing here, in an IMR with a name in every paragraph).
  const leakEvidence: Evidence[] = [];
  let leakCount = 0;
  for (const block of blocks) {
    for (const leak of leaksIn(block.text)) {
      if (++leakCount > 20) continue;
      leakEvidence.push({
        quote: doc.quote(block.text, 160),
        where: doc.view.where(block),
        note: `${describeKind(leak.kind)}${['person', 'professional', 'place'].includes(leak.kind ?? '') ? ' from the case key' : ''} is written here. Replace it with its code or pseudonym, or remove it (the quote shows the text with it already replaced).`,
      });
    }
  }
  if (leakCount > 0) {
    failed = true;
    evidence.push(...leakEvidence);
    if (leakCount > 20) evidence.push({ where: { file: doc.file }, note: `… and ${leakCount - 20} more places with identifiers. Run "dhr redact" on the file to replace them all.` });
  }

  // Possible names the key does not list (NLP findings of the engine). A finding is only a
  // possibility, so it asks for a person's judgement; it does not fail the item by itself.
  let possible = 0;
  if (doc.anonymiser) {
    const findingEvidence: Evidence[] = [];
    for (const block of blocks) {
      if (block.type === 'heading' || (block.type === 'table-row' && block.row === 1)) continue;
      if (block.sectionId === 'cover' && signatureLine.test(block.text)) continue;
      // Table cells are read one by one: a cell is a text of its own, not the middle of a sentence.
      const texts = block.type === 'table-row' && block.cells ? block.cells : [block.text];
      for (const f of texts.flatMap((t) => doc.anonymiser!.findings(t))) {
        if (f.text.split(/[\s.]+/).filter((w) => w.length > 1).every((w) => staff.has(w.toLowerCase()))) continue;
        findingEvidence.push({
          quote: initials(f.text),
          where: doc.view.where(block),
          note: `A possible ${f.kind === 'place' ? 'place' : f.kind === 'organisation' ? 'organisation' : "person's name"} that the case key does not list (shown by its initials). A person must decide: add it to case.yaml with its code, or confirm it safe under anonymisation.allow.`,
        });
      }
    }
    possible = findingEvidence.length;
    evidence.push(...findingEvidence.slice(0, 20));
    if (findingEvidence.length > 20) evidence.push({ where: { file: doc.file }, note: `… and ${findingEvidence.length - 20} more possible names. Run "dhr scan" on the file to see them all.` });
  }

  // Professionals by title and surname ("PC Jones", "Dr Patel") rather than by job-title code.
  const safe = safeWords(doc.case);
  let titled = 0;
  for (const block of blocks) {
    if (block.sectionId === 'cover' && signatureLine.test(block.text)) continue;
    for (const m of block.text.matchAll(titledName)) {
      const name = m[2];
      if (isCodeAfterTitle(name, safe) || name.split(/\s+/).every((w) => staff.has(w.toLowerCase()))) continue;
      titled++;
      failed = true;
      if (titled <= 10) {
        evidence.push({
          quote: `${m[1]} ${initials(name)}`,
          where: doc.view.where(block),
          note: `A ${/^(?:Mr|Mrs|Ms|Miss|Mx)$/.test(m[1]) ? 'person' : 'professional'} is named by title and surname (shown by initials). Use the job-title code from case.yaml (for example "PC1", "GP 2").`,
        });
      }
    }
  }
  if (titled > 10) evidence.push({ where: { file: doc.file }, note: `… and ${titled - 10} more people named by title and surname.` });

  if (failed) return { status: 'fail', evidence };
  if (possible > 0) {
    evidence.push({ where: { file: doc.file }, note: `No identifier from the case key was found, but the scanner found ${plural(possible, 'word')} that may be names the key does not list. Once each is added to the key or confirmed safe, this item passes.` });
    return { status: 'review', evidence };
  }
  if (!doc.anonymiser) {
    evidence.push({
      where: { file: doc.file },
      note: 'No name, place or date of birth from the case key was found. The anonymisation scanner was not run, so names the key does not list were not looked for: a person must read for them, or run "dhr scan" on the file.',
    });
    return { status: 'review', evidence };
  }
  evidence.push({ where: { file: doc.file }, note: 'No identifier from the case key, no possible unlisted name, and no professional named by title and surname was found.' });
  evidence.push({ where: { file: doc.file }, note: 'Whether the separate list of professionals was sent to the co-ordinator cannot be seen from the IMR.' });
  return { status: 'pass', evidence };
}

/** Words of the names of people who run the review rather than are reviewed: IMR authors, senior managers, contacts, panel, chair and author. */
function staffNameWords(c: Case): Set<string> {
  const names = [
    ...c.agencies.flatMap((a) => [a.imrAuthor?.name, a.seniorManager?.name, a.contact?.name, a.panelMember?.name]),
    ...c.panel.map((p) => p.name),
    c.chair?.name,
    c.author?.name,
  ].filter((n): n is string => !!n);
  const words = new Set<string>();
  for (const n of names) for (const w of n.split(/[\s.]+/)) if (w.length > 1) words.add(w.toLowerCase());
  return words;
}

function describeKind(kind: string | undefined): string {
  switch (kind) {
    case 'person':
      return "A person's real name";
    case 'professional':
      return "A professional's real name";
    case 'place':
      return 'A real place or address';
    case 'date-of-birth':
      return 'A date of birth';
    case 'postcode':
      return 'A postcode';
    case 'phone':
      return 'A phone number';
    case 'email':
      return 'An email address';
    case 'nhs-number':
      return 'An NHS number';
    case 'ni-number':
      return 'A National Insurance number';
    default:
      return 'An identifier';
  }
}

/** Words too common in DHR terms of reference to tell one from another. */
const torGeneric = new Set(
  tokens(
    'victim perpetrator alleged agency agencies domestic abuse violence review consider relevant information contact service services time period known family whether practice adult case agency involvement identify identified term terms reference subject any lessons learnt',
  ),
);

interface TorItem {
  text: string;
  id?: string;
  /** The number or letter an IMR labels it with ("3" for "ToR3"). */
  label?: string;
  /** The words that show it is answered: case.yaml's keywords, else the item's own specific words. */
  keywords: string[][];
  /** All the content words of the item, to see it copied out. */
  words: string[][];
  explicit: boolean;
}

function torKeywords(item: Case['termsOfReference'][number], codeWords: Set<string>, index: number): TorItem {
  const text = typeof item === 'string' ? item : item.text;
  const id = typeof item === 'string' ? undefined : item.id;
  const all = [...new Set(tokens(text))].filter((t) => !codeWords.has(t));
  const specific = all.filter((t) => !torGeneric.has(t));
  const derived = (specific.length >= 2 ? specific : all).map((t) => [t]);
  const explicit = typeof item !== 'string' && !!item.keywords && item.keywords.length > 0;
  return {
    text,
    id,
    label: id?.match(/\d+/)?.[0] ?? (id && /^[A-Za-z]$/.test(id) ? id : String(index + 1)),
    keywords: explicit ? (item as { keywords: string[] }).keywords.map((k) => tokens(k)).filter((k) => k.length > 0) : derived,
    words: all.map((t) => [t]),
    explicit,
  };
}

/** The block that answers a term of reference labelled with its number: "ToR3", "TOR 3:", "Term of reference 3". */
function labelledAnswer(analysis: readonly Block[], label: string): Block | undefined {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:ToR|TOR|T\\.O\\.R\\.?|terms?\\s+of\\s+reference)\\s*[-.:#]?\\s*${escapeRegex(label)}(?![\\p{L}\\p{N}])`, 'iu');
  for (let i = 0; i < analysis.length; i++) {
    const b = analysis[i];
    if (b.type === 'heading' && re.test(b.text)) {
      const content: Block[] = [];
      for (const next of analysis.slice(i + 1)) {
        if (next.type === 'heading' && (next.depth ?? 9) <= (b.depth ?? 9)) break;
        if (next.type !== 'heading') content.push(next);
      }
      if (wordCount(content.map((c) => c.text).join(' ')) >= 5) return content[0];
    } else if (b.type !== 'heading') {
      const m = b.text.slice(0, 120).match(re);
      if (m && wordCount(b.text.slice((m.index ?? 0) + m[0].length)) >= 3) return b;
    }
  }
  return undefined;
}

/** Share of a TOR item's keywords a text contains (a keyword of several words needs all of them). */
function coverage(keywords: string[][], text: string): number {
  if (keywords.length === 0) return 0;
  const have = new Set(tokens(text));
  let n = 0;
  for (const k of keywords) if (k.every((t) => have.has(t))) n++;
  return n / keywords.length;
}

function termsOfReference(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const tor = doc.case.termsOfReference;
  if (tor.length === 0) {
    return {
      status: 'review',
      evidence: [{ where: { file: 'case.yaml', field: 'termsOfReference' }, note: 'case.yaml lists no terms of reference, so they cannot be matched to the analysis. Add them to case.yaml, or a person must check each is answered.' }],
    };
  }
  const codeWords = new Set<string>();
  for (const p of doc.case.people) for (const t of tokens(`${p.code} ${p.pseudonym ?? ''}`)) codeWords.add(t);
  const items = tor.map((t, i) => torKeywords(t, codeWords, i));
  const evidence: Evidence[] = [];

  // Set out: a "Terms of reference" part of the introduction with content, or the items themselves quoted there.
  // Set out: the items themselves copied into the introduction (most of each item's words there).
  const sub = doc.view.under('introduction', /terms\s+of\s+reference/i);
  const introText = doc.view.section('introduction').map((b) => b.text).join('\n');
  const quotedInIntro = items.filter((i) => coverage(i.words, introText) >= 0.6).length;
  const setOut = quotedInIntro >= Math.ceil(items.length / 2);
  if (setOut) {
    evidence.push({ where: sub ? doc.view.where(sub.heading) : { file: doc.file, section: doc.sectionName('introduction') }, note: 'The terms of reference are set out in the introduction.' });
  } else {
    evidence.push({
      where: { file: doc.file, section: doc.sectionName('introduction') },
      note: 'The terms of reference are not set out in the introduction. Copy them in under "Terms of reference", as the template asks.',
    });
  }

  const analysis = doc.view.section('analysis');
  if (analysis.length === 0) {
    evidence.push({ where: { file: doc.file }, note: 'There is no Analysis section to answer the terms of reference in.' });
    return { status: 'fail', evidence };
  }
  // Candidates: each paragraph, and each subheading together with the paragraph after it.
  const candidates: { block: Block; text: string; needs?: string }[] = [];
  analysis.forEach((b, i) => {
    if (b.type === 'heading') {
      const next = analysis[i + 1];
      // A subheading naming the term counts with the paragraph under it, if that paragraph is on the subject too.
      if (next && next.type !== 'heading') candidates.push({ block: next, text: `${b.text} ${next.text}`, needs: next.text });
    } else {
      candidates.push({ block: b, text: b.text });
    }
  });
  const notApplicable = phraseRegex(imrPhrases.notApplicable);

  let unanswered = 0;
  let weak = 0;
  items.forEach((item, n) => {
    const label = `Term of reference ${item.id ?? n + 1}`;
    let best: { block: Block; score: number } | undefined;
    for (const c of candidates) {
      if (c.needs !== undefined && coverage(item.keywords, c.needs) === 0 && coverage(item.words, c.needs) === 0) continue;
      const score = Math.max(coverage(item.keywords, c.text), item.explicit ? coverage(item.words, c.text) : 0);
      if (!best || score > best.score) best = { block: c.block, score };
    }
    // A part of the analysis labelled with the term's number ("ToR3", "Term of reference 3") answers it.
    const labelled = labelledAnswer(analysis, item.label ?? String(n + 1));
    if (labelled) {
      evidence.push({ quote: doc.quote(labelled.text, 180), where: doc.view.where(labelled), note: `${label} ("${doc.quote(item.text, 90)}") is answered under its own label.` });
      return;
    }
    const answeredHere = best && best.score >= 0.5 ? best : undefined;
    if (answeredHere) {
      const na = notApplicable.test(answeredHere.block.text);
      evidence.push({
        quote: doc.quote(answeredHere.block.text, 180),
        where: doc.view.where(answeredHere.block),
        note: `${label} ("${doc.quote(item.text, 90)}") is ${na ? 'answered: the IMR says it does not apply to the agency' : 'answered'}.`,
      });
      return;
    }
    // Anywhere else, a statement that it does not apply.
    const naHit = doc.view.find(doc.view.blocks('analysis', 'conclusions'), (s) => notApplicable.test(s) && Math.max(coverage(item.keywords, s), coverage(item.words, s)) >= 0.34);
    if (naHit) {
      evidence.push({ ...doc.hit(naHit, `${label} ("${doc.quote(item.text, 90)}"): the IMR says it does not apply to the agency.`) });
      return;
    }
    if (best && best.score >= 0.25) {
      weak++;
      evidence.push({
        quote: doc.quote(best.block.text, 180),
        where: doc.view.where(best.block),
        note: `${label} ("${doc.quote(item.text, 90)}") may be answered here, but only some of its key words appear. A person must judge whether it is answered.`,
      });
      return;
    }
    unanswered++;
    evidence.push({
      where: { file: doc.file, section: doc.sectionName('analysis') },
      note: `${label} ("${doc.quote(item.text, 90)}") was not found in the Analysis. Answer it there, or say why it does not apply to the agency.`,
    });
  });

  if (!setOut || unanswered > 0) return { status: 'fail', evidence };
  if (weak > 0) return { status: 'review', evidence };
  return { status: 'pass', evidence };
}

function recordsAccessed(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const records = phraseRegex(imrPhrases.records);
  const access = phraseRegex(imrPhrases.recordsAccess);
  const test = (s: string) => records.test(s) && access.test(s);
  const hit = doc.view.find(doc.view.section('introduction'), test) ?? doc.view.find(doc.view.blocks(), test);
  if (hit) return { status: 'pass', evidence: [doc.hit(hit, 'The records accessed are stated.')] };
  // "The following were used:" and a list of records under it.
  const intro = doc.view.section('introduction');
  for (let i = 0; i < intro.length - 1; i++) {
    const lead = intro[i];
    const items = intro.slice(i + 1).filter((b, j, all) => all.slice(0, j + 1).every((x) => x.type === 'list-item'));
    if (lead.type === 'paragraph' && /:\s*$/.test(lead.text) && access.test(lead.text) && items.some((b) => records.test(b.text))) {
      return { status: 'pass', evidence: [{ quote: doc.quote(`${lead.text} ${items[0].text}`), where: doc.view.where(lead), note: 'The records accessed are listed.' }] };
    }
  }
  return {
    status: 'fail',
    evidence: [{ where: { file: doc.file, section: doc.sectionName('introduction') }, note: 'No statement of which records were accessed was found. List them under "Methodology" (case files, electronic records, supervision notes, policies).' }],
  };
}

/** Sentences saying staff were not interviewed. */
const notInterviewed =
  /\b(?:not|never)\s+(?:been\s+|yet\s+been\s+)?(?:formally\s+)?interviewed\b|\bno\s+(?:staff|one|member\s+of\s+staff|officers?|practitioners?|formal\s+interviews?|interviews?)\b[^.]{0,40}\binterview|\b(?:unable|not\s+able|not\s+possible|impossible|could\s+not|couldn't|cannot|can't)\s+(?:to\s+)?(?:be\s+)?interview|\binterviews?\s+(?:was|were|has|have|had)\s+not\b|\bwithout\s+(?:an\s+)?interview/i;

function staffInterviewed(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const interview = phraseRegex(imrPhrases.interview);
  const record = phraseRegex(imrPhrases.interviewRecord);
  const reason = phraseRegex(imrPhrases.interviewReason);
  const blocks = doc.view.blocks();
  const hits = doc.view.findAll(blocks, (s) => interview.test(s));
  if (hits.length === 0) {
    return {
      status: 'fail',
      evidence: [{ where: { file: doc.file, section: doc.sectionName('introduction') }, note: 'The IMR does not say whether staff were interviewed. State who was interviewed (by job title), or why staff could not be.' }],
    };
  }
  const evidence: Evidence[] = [];
  const positives: SentenceHit[] = [];
  const explainedHits: SentenceHit[] = [];
  let unexplained = 0;
  for (const h of hits) {
    if (notInterviewed.test(h.sentence)) {
      const next = nextSentence(doc, h);
      if (reason.test(h.sentence) || (next !== undefined && reason.test(next))) {
        explainedHits.push(h);
        evidence.push(doc.hit(h, 'Staff not interviewed, with the reason given.'));
      } else {
        unexplained++;
        evidence.push(doc.hit(h, 'Staff were not interviewed and no reason is given. The guide asks for this to be fully explained.'));
      }
    } else {
      positives.push(h);
    }
  }
  if (positives.length > 0) evidence.unshift(doc.hit(positives[0], 'Staff interviews are recorded.'));

  // The agency's own staff who appear in the IMR but are neither said to have been interviewed nor explained.
  const agencyStaff = doc.case.professionals.filter((p) => p.agency && sameAgency(p.agency, undefined, doc.view.imr.agency));
  const mentions = (p: (typeof agencyStaff)[number], text: string) => [p.code, ...p.names].some((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(n)}(?![\\p{L}\\p{N}])`, 'iu').test(text));
  const namedInterviewed = agencyStaff.filter((p) => positives.some((h) => mentions(p, h.sentence)));
  if (namedInterviewed.length > 0) {
    const body = doc.view.blocks('family', 'chronology', 'analysis', 'conclusions');
    const bodyText = body.map((b) => b.text).join('\n');
    for (const p of agencyStaff) {
      if (namedInterviewed.includes(p) || explainedHits.some((h) => mentions(p, h.sentence)) || !mentions(p, bodyText)) continue;
      const excuse = doc.view.find(blocks, (s) => mentions(p, s) && reason.test(s) && /\b(?:interview|left|retired|leave|unavailable|sick|declined)/i.test(s));
      if (excuse) continue;
      const where = doc.view.find(body, (s) => mentions(p, s));
      unexplained++;
      evidence.push({
        ...(where ? { quote: doc.quote(where.sentence), where: doc.view.where(where.block) } : { where: { file: doc.file } }),
        note: `${p.code} (${p.title}) took part in the events but is not said to have been interviewed, and no reason is given. Interview them, or explain why that was not possible.`,
      });
    }
  }

  if (unexplained > 0) return { status: 'fail', evidence };
  if (positives.length === 0) return { status: explainedHits.length > 0 ? 'pass' : 'fail', evidence };
  const recordHit = doc.view.find(blocks, (s) => record.test(s) && (interview.test(s) || /\b(?:them|they|interviewee|staff|notes)\b/i.test(s)));
  if (recordHit) {
    evidence.push(doc.hit(recordHit, 'A record of the interviews is kept or shared.'));
    return { status: 'pass', evidence };
  }
  evidence.push({
    where: { file: doc.file },
    note: 'The IMR does not say that a record of each interview was kept, shared with the interviewee and retained for disclosure. A person must check this with the agency.',
  });
  return { status: 'review', evidence };
}

function nextSentence(doc: Checker, h: SentenceHit): string | undefined {
  const list = doc.view.findAll([h.block], () => true);
  return list[h.index + 1]?.sentence;
}

function victimsVoice(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const victimRefs = doc.case.people.filter((p) => p.role === 'victim').flatMap((p) => [p.pseudonym, p.code].filter((x): x is string => !!x));
  const hits = findVoice(doc.view.blocks('family', 'chronology', 'analysis', 'conclusions'), doc.case);
  const hit = (h: VoiceHit, note: string): Evidence => ({ quote: doc.quote(h.sentence), where: doc.view.where(h.block), note });
  const own = hits.filter((h) => h.speaker === 'victim' && h.kind !== 'reported');
  if (own.length > 0) {
    return {
      status: 'pass',
      evidence: own.slice(0, 3).map((h) => hit(h, h.kind === 'own words' ? "The victim's own words are quoted." : "The victim's wishes or feelings are recorded.")),
    };
  }
  const unknown = hits.filter((h) => h.speaker === 'unknown' && h.kind !== 'reported');
  if (unknown.length > 0) {
    return {
      status: 'review',
      evidence: unknown.slice(0, 3).map((h) => hit(h, "Someone's own words, wishes or feelings are recorded, but the text does not show whose. A person must judge whether they are the victim's.")),
    };
  }
  const reported = hits.filter((h) => h.speaker === 'victim' && h.kind === 'reported');
  const evidence: Evidence[] = [
    {
      where: { file: doc.file },
      note: `The victim's own words, wishes and feelings were not found in the family, chronology or analysis sections${reported.length ? ': what she or he said is only summarised, as below' : ''}. Record them where the agency knew them (for example: ${victimRefs[0] ?? 'The victim'} told HV1 "I am frightened to go home"; she wanted him to leave), or say that they were not sought and why.`,
    },
  ];
  evidence.push(...reported.slice(0, 3).map((h) => hit(h, 'A summary of what the victim said, not her or his own words, wishes or feelings.')));
  return { status: 'fail', evidence };
}

function equalityThemes(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const blocks = doc.view.blocks(...doc.view.imr.sections.map((s) => s.id));
  const evidence: Evidence[] = [];
  const missing: string[] = [];
  for (const theme of imrEqualityThemes) {
    const re = phraseRegex(theme.phrases);
    const hit = doc.view.find(blocks, (s) => re.test(s));
    if (hit) evidence.push(doc.hit(hit, `${capitalise(theme.title)} is addressed.`));
    else missing.push(theme.title);
  }
  if (missing.length === 0) return { status: 'pass', evidence };
  evidence.push({
    where: { file: doc.file, section: doc.sectionName('analysis') },
    note: `${capitalise(listWords(missing))} ${missing.length === 1 ? 'is' : 'are'} not addressed. Say in the analysis how each was considered, even if only that it was not relevant.`,
  });
  return { status: 'fail', evidence };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function analyticalAndGoodPractice(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const analysis = doc.view.section('analysis');
  const words = wordCount(analysis.map((b) => b.text).join(' '));
  if (analysis.length === 0 || words < 50) {
    return {
      status: 'fail',
      evidence: [{ where: { file: doc.file, section: doc.sectionName('analysis') }, note: analysis.length === 0 ? 'There is no Analysis section.' : `The Analysis has only ${plural(words, 'word')}: too little to look openly and critically at practice.` }],
    };
  }
  const evidence: Evidence[] = [];
  const good = phraseRegex(imrPhrases.goodPractice);
  const body = doc.view.blocks(...doc.view.imr.sections.map((s) => s.id));
  // Good practice named in the text, or a "Good practice" heading with text under it.
  let goodHit = doc.view.find(body, (s) => good.test(s));
  if (!goodHit) {
    const at = body.findIndex((b) => b.type === 'heading' && good.test(b.text));
    const next = at >= 0 ? body.slice(at + 1).find((b) => b.type !== 'heading') : undefined;
    if (next && body.indexOf(next) === at + 1) goodHit = doc.view.find([next], () => true);
  }
  if (goodHit) evidence.push(doc.hit(goodHit, 'Good practice is identified.'));
  else evidence.push({ where: { file: doc.file, section: doc.sectionName('analysis') }, note: 'No good practice is named. The guide asks for good practice to be identified, or for the IMR to say there was none.' });

  const text = analysis.map((b) => b.text).join('\n');
  const markers = new Set(phrasesInText(text, imrPhrases.analytical));
  const critical = /should have|could have|missed opportunit|opportunity was missed|not in line with|contrary to|failed to|failure/;
  const criticalHit = doc.view.find(analysis, (s) => critical.test(s.toLowerCase()));
  if (criticalHit) evidence.push(doc.hit(criticalHit, 'Practice is weighed against what should have happened.'));
  evidence.push({ where: { file: doc.file, section: doc.sectionName('analysis') }, note: `Analytical wording found: ${markers.size ? [...markers].map((m) => `"${m}"`).join(', ') : 'none'}. How open and critical the analysis is can only be judged by reading it.` });

  if (goodHit && criticalHit && markers.size >= 3) return { status: 'pass', evidence };
  if (!goodHit && !criticalHit) {
    evidence.push({
      where: { file: doc.file, section: doc.sectionName('analysis') },
      note: 'The analysis describes what happened but neither names good practice nor weighs practice against what should have happened (policy, procedure, missed opportunities). Say what went well, what did not, and why.',
    });
    return { status: 'fail', evidence };
  }
  return { status: 'review', evidence };
}

function phrasesInText(text: string, phrases: string[]): string[] {
  const re = phraseRegex(phrases, 'gi');
  return [...new Set([...text.matchAll(re)].map((m) => m[0].toLowerCase().replace(/\s+/g, ' ')))];
}

function conclusionsAndLessons(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const conclusions = doc.view.section('conclusions');
  const words = wordCount(conclusions.filter((b) => b.type !== 'heading').map((b) => b.text).join(' '));
  if (!doc.view.has('conclusions') || words < 40) {
    return {
      status: 'fail',
      evidence: [
        {
          where: { file: doc.file, section: doc.sectionName('conclusions') },
          note: !doc.view.has('conclusions') ? 'There is no Conclusions section.' : `The Conclusions have only ${plural(words, 'word')}. Pull the findings together: the service given, decisions, actions, and the key lessons.`,
        },
      ],
    };
  }
  const evidence: Evidence[] = [];
  const first = conclusions.find((b) => b.type !== 'heading');
  if (first) evidence.push({ quote: doc.quote(first.text, 160), where: doc.view.where(first), note: `The Conclusions run to ${plural(words, 'word')}. Whether they follow from the analysis is for a person to judge.` });
  const lessons = phraseRegex(imrPhrases.lessons);
  const hit = doc.view.find(doc.view.blocks('conclusions', 'analysis', 'recommendations'), (s) => lessons.test(s));
  if (hit) {
    evidence.push(doc.hit(hit, 'Lessons to be learnt are identified.'));
    return { status: 'pass', evidence };
  }
  evidence.push({ where: { file: doc.file, section: doc.sectionName('conclusions') }, note: 'No lessons to be learnt are stated. Say what the agency has learnt from the case.' });
  return { status: 'fail', evidence };
}

function smarterRecommendations(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  if (!doc.view.has('recommendations')) {
    return { status: 'fail', evidence: [{ where: { file: doc.file }, note: 'There is no Recommendations section.' }] };
  }
  const blocks = doc.view.section('recommendations');
  const recs = parseRecommendations(blocks, doc.file);
  if (recs.length === 0) {
    const none = doc.view.find(blocks, (s) => /\bno\s+(?:further\s+|new\s+|single[- ]agency\s+)?recommendations?\b|\bnot\s+(?:made|make)\s+any\s+recommendations?\b/i.test(s));
    if (none) return { status: 'review', evidence: [doc.hit(none, 'The IMR makes no recommendations. A person must judge whether that follows from its lessons.')] };
    return {
      status: 'fail',
      evidence: [{ where: { file: doc.file, section: doc.sectionName('recommendations') }, note: 'No recommendations were found. Write each as a numbered item: one action, who will do it, how success is measured, by when, and how it will be evaluated and reviewed.' }],
    };
  }
  const agency = doc.case.agencies.find((a) => sameAgency(a.name, a.short, doc.view.imr.agency));
  const agencyNames = [doc.view.imr.agency, agency?.name, agency?.short].filter((n): n is string => !!n);
  const evaluationRecs = recs.filter((r) => isEvaluationRecommendation(r.text));
  const evidence: Evidence[] = [];
  let failing = 0;
  for (const rec of recs) {
    const r = checkSmarter(rec, { agencyNames, evaluationElsewhere: evaluationRecs.length > 0 && !evaluationRecs.includes(rec) });
    if (r.missing.length === 0) {
      evidence.push({ quote: doc.quote(rec.text, 160), where: rec.where, note: `Recommendation ${rec.number} is a single action with an owner, a measure, a date, and evaluation or review.` });
    } else {
      failing++;
      const parts = r.missing.map((m) => (m === 'single action' ? `a single action (it has ${r.actions.length}: ${r.actions.map((a) => `"${doc.quote(a, 50)}"`).join(', ')})` : `${m === 'evaluation and review' ? 'evaluation or review built in' : `${m === 'owner' ? 'an' : 'a'} ${m}`}`));
      evidence.push({ quote: doc.quote(rec.text, 160), where: rec.where, note: `Recommendation ${rec.number} lacks ${listWords(parts)}.` });
    }
  }
  evidence.push({ where: { file: doc.file, section: doc.sectionName('recommendations') }, note: `${plural(recs.length, 'recommendation')} found. Whether each is achievable and realistic, and flows from the lessons, is for a person to judge.` });
  return { status: failing > 0 ? 'fail' : 'pass', evidence };
}

function seniorSignOff(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const cover = doc.view.imr.cover;
  let who = usable(cover.countersigned);
  let when = usable(cover.countersignedDate);
  let where: Where = { file: doc.file, section: 'Cover' };
  if (!who) {
    // A cover block the reader did not recognise: "Countersigned: …" or "Signed off by: …" as a line.
    const hit = doc.view.find(doc.view.cover, (s) => /\b(?:countersigned|signed\s+off\s+by|approved\s+by|sign-?off)\b\s*:?\s*\S/i.test(s));
    if (hit) {
      const value = hit.sentence.replace(/^.*?\b(?:countersigned|signed\s+off\s+by|approved\s+by|sign-?off)\b\s*:?\s*/i, '');
      who = usable(value.replace(dateLike, '').replace(/\b(?:date|dated|signed)\s*:?\s*$/i, '').trim());
      when = when ?? value.match(dateLike)?.[0];
      where = { ...doc.view.where(hit.block) };
    }
  }
  const evidence: Evidence[] = [];
  if (!who) {
    return {
      status: 'fail',
      evidence: [{ where, note: 'The IMR is not countersigned. A senior manager of the agency must sign it off: their name and job title, and the date.' }],
    };
  }
  const dated = when && dateLike.test(when) ? when : undefined;
  const quote = `Countersigned: ${roleOnly(who)}${dated ? `, ${dated}` : ''}`;
  if (!dated) {
    return {
      status: 'fail',
      evidence: [{ quote: doc.quote(quote), where, note: when ? `The countersignature's date ("${doc.quote(when, 40)}") is not a date. Add the date it was signed off.` : 'The countersignature has no date. Add the date it was signed off.' }],
    };
  }
  const author = usable(cover.author);
  if (author && author.toLowerCase().replace(/\W+/g, ' ').trim() === who.toLowerCase().replace(/\W+/g, ' ').trim()) {
    return {
      status: 'review',
      evidence: [{ quote: doc.quote(quote), where, note: 'The IMR is countersigned by its own author. A person must check that a senior manager of the agency signed it off.' }],
    };
  }
  evidence.push({
    quote: doc.quote(quote),
    where,
    note: roleWords.test(who) ? 'Countersigned with a job title and dated.' : 'Countersigned by name and dated. Whether this person is a senior manager of the agency is for a person to check.',
  });
  return { status: 'pass', evidence };
}

function feedbackToStaff(doc: Checker): { status: ItemStatus; evidence: Evidence[] } {
  const feedback = phraseRegex(imrPhrases.feedback);
  const audience = /\b(?:staff|practitioners?|teams?|colleagues?|officers?|workers?|employees?|professionals?|nurses?|GPs?|managers?|learning|findings|lessons|involved)\b/i;
  const blocks = doc.view.blocks('conclusions', 'recommendations', 'analysis', 'introduction', 'family', 'chronology');
  const hit = doc.view.find(doc.view.blocks('conclusions', 'recommendations'), (s) => feedback.test(s) && audience.test(s)) ?? doc.view.find(blocks, (s) => feedback.test(s) && audience.test(s));
  if (hit) return { status: 'pass', evidence: [doc.hit(hit, 'A plan to feed the findings back to staff is given.')] };
  return {
    status: 'fail',
    evidence: [{ where: { file: doc.file, section: doc.sectionName('conclusions') }, note: 'No plan to feed the findings back to the staff involved was found. Say how and when they will be debriefed (for example a briefing or team meeting led by a named role).' }],
  };
}
