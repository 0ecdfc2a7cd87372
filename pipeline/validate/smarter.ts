/**
 * SMARTER recommendations (the guide's Template 25 key and IMR checklist item 12): each
 * recommendation a single action, stating who should do it, measurable, with a timescale, and
 * with evaluation and review built in. Achievable and realistic need a person's judgement.
 *
 * Used for the IMRs' recommendations and for the action plan's rows.
 */
import type { Block } from './blocks.ts';
import type { Where } from './types.ts';
import { phraseRegex } from './text.ts';

export interface Recommendation {
  /** As numbered in the document ("1", "2.1"), or its position. */
  number: string;
  text: string;
  where: Where;
  /** Separate fields when the recommendation is a table row or an action plan row. */
  owner?: string;
  date?: string;
  measure?: string;
  evaluation?: string;
}

export type SmarterPart = 'single action' | 'owner' | 'measure' | 'date' | 'evaluation and review';

export interface SmarterResult {
  missing: SmarterPart[];
  /** The separate actions found, when there is more than one. */
  actions: string[];
  /** A short note of what was found for each part. */
  found: Partial<Record<SmarterPart, string>>;
}

/** Verbs that start an action. Evaluation verbs (review, audit, evaluate, monitor) are not counted as a second action: they are the "ER" of SMARTER. */
const actionVerbs = [
  'develop', 'deliver', 'introduce', 'implement', 'provide', 'ensure', 'train', 'update', 'revise', 'produce', 'create',
  'establish', 'issue', 'raise', 'share', 'publish', 'appoint', 'commission', 'design', 'write', 'amend', 'adopt', 'embed',
  'promote', 'hold', 'run', 'set up', 'launch', 'distribute', 'circulate', 'include', 'add', 'extend', 'increase', 'improve',
  'strengthen', 'clarify', 'consider', 'explore', 'refer', 'complete', 'carry out', 'undertake', 'arrange', 'offer', 'make',
  'put in place', 'recruit', 'fund', 'change', 'remind', 'require', 'roll out', 'build', 'agree', 'incorporate', 'expand',
  'replace', 'identify', 'investigate', 'prepare', 'draft', 'cascade', 'brief', 'inform', 'engage', 'contact', 'invite',
];
const evaluationVerbs = ['review', 'evaluate', 'audit', 're-audit', 'monitor', 'measure', 'assess', 'test', 'check', 'report', 'dip sample'];

const actionVerbRe = phraseRegex(actionVerbs);
const evaluationStartRe = new RegExp(`^(?:to\\s+)?${phraseRegex(evaluationVerbs).source}`, 'iu');
const ownerNouns =
  'manager|managers|lead|leads|director|directorate|head|team|teams|board|officer|co-?ordinator|trust|service|services|police|constabulary|council|agency|department|practice|unit|partnership|group|nurse|consultant|supervisor|chief|superintendent|inspector|sergeant|commissioner|provider|committee|panel|hub|authority|safeguarding|housing|probation|gp|ccg|icb|idva|marac|chair';
const ownerLabelRe = /\b(?:owner|lead(?:\s+(?:officer|person|agency|manager))?|responsible(?:\s+(?:officer|person|manager))?|accountable(?:\s+officer)?|by whom|who)\s*[:–-]\s*\S/i;
const ownerSubjectRe = new RegExp(
  `^(?:that\\s+)?(?:the\\s+)?(?:[\\p{L}\\p{N}'’&/-]+\\s+){0,6}?(?:${ownerNouns})\\b(?:\\s+[\\p{L}'’&/-]+){0,4}?\\s+(?:will|shall|should|must|is to|are to|to|needs to|need to|is asked to|are asked to|is responsible|are responsible|agrees to)\\b`,
  'iu',
);
const ownerByRe = new RegExp(
  `\\b(?:led|owned|overseen|delivered|undertaken|completed|carried out|implemented|actioned|managed|chaired|coordinated|co-ordinated)\\s+by\\s+(?:the\\s+)?(?:[\\p{L}\\p{N}'’&/-]+\\s+){0,5}?(?:${ownerNouns})\\b`,
  'iu',
);
const measureRe =
  /\d+\s*%|\bper\s*cent\b|\bpercent\b|\b(?:all|every|each)\s+(?:[\w-]+\s+)?(?:staff|practitioners|officers|members|cases|referrals|managers|employees|nurses|gps|health visitors|workers|colleagues|teams|call handlers|patients|tenants)\b|\bnumber of\b|\bmeasur(?:e|ed|able|ing)\b|\bevidenced by\b|\bevidence of\b|\btarget of\b|\bat least\b|\b\d+\s+(?:staff|practitioners|officers|cases|sessions|audits?|files|records|people|managers|teams)\b|\bcompliance\b|\bKPIs?\b|\bdip[- ]sampl\w*|\bsuccess (?:will be|is) (?:shown|measured|judged)\b|\bcompletion rates?\b/i;
const monthNames = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const dateRe = new RegExp(
  [
    `\\b(?:${monthNames})\\.?\\s+\\d{4}\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${monthNames})\\.?,?\\s+\\d{4}\\b`,
    '\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b',
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\bwithin\\s+(?:\\d+|one|two|three|four|five|six|nine|twelve|eighteen)\\s+(?:working\\s+)?(?:days?|weeks?|months?|years?)\\b',
    '\\b(?:by|before|from)\\s+(?:the\\s+)?(?:end\\s+of\\s+)?(?:the\\s+)?(?:(?:spring|summer|autumn|winter|q[1-4]|quarter\\s+[1-4]|financial\\s+year|year)\\s+)?\\d{4}(?:/\\d{2,4})?\\b',
    '\\bq[1-4]\\s+\\d{4}(?:/\\d{2,4})?\\b',
  ].join('|'),
  'iu',
);
const evaluationRe =
  /\b(?:evaluat\w*|review(?:ed|ing|s)?|audit(?:ed|ing|s)?|re-audit\w*|impact|monitor(?:ed|ing|s)?|dip[- ]sampl\w*|follow[- ]up|feedback from|measure the effect\w*|assess(?:ed|ing|ment)?\s+(?:the\s+)?(?:impact|effect\w*|understanding|knowledge|confidence))\b/i;
/** "Review" meaning this DHR, not a review built into the recommendation. */
const thisReviewRe = /\b(?:domestic homicide review|serious incident review|this review|the review panel|review panel|dhr|sir|individual management review|imr)\b/gi;

/** Check one recommendation against SMARTER. */
export function checkSmarter(rec: Recommendation, options: { agencyNames?: string[]; evaluationElsewhere?: boolean } = {}): SmarterResult {
  const missing: SmarterPart[] = [];
  const found: SmarterResult['found'] = {};
  const text = rec.text.replace(/\s+/g, ' ').trim();

  const actions = separateActions(text);
  if (actions.length > 1) missing.push('single action');
  else found['single action'] = actions[0] ?? text;

  const owner = ownerOf(rec, options.agencyNames ?? []);
  if (owner) found.owner = owner;
  else missing.push('owner');

  // A measure or an evaluation may be written in any column of a table row.
  const everything = [text, rec.owner, rec.date, rec.measure, rec.evaluation].filter(Boolean).join(' ');
  const measure = nonEmpty(rec.measure) ?? text.match(measureRe)?.[0];
  if (measure) found.measure = measure;
  else missing.push('measure');

  const date = nonEmpty(rec.date) ?? text.match(dateRe)?.[0];
  if (date) found.date = date;
  else missing.push('date');

  const evaluation = nonEmpty(rec.evaluation) ?? everything.replace(thisReviewRe, ' ').match(evaluationRe)?.[0];
  if (evaluation) found['evaluation and review'] = evaluation;
  else if (options.evaluationElsewhere) found['evaluation and review'] = 'in a separate recommendation';
  else missing.push('evaluation and review');

  return { missing, actions: actions.length > 1 ? actions : [], found };
}

/** True for a recommendation whose action is itself evaluation or review ("Review the impact of …"). */
export function isEvaluationRecommendation(text: string): boolean {
  const t = stripNumber(text).replace(/^(?:that\s+)?(?:the\s+)?(?:[\p{L}'’&/-]+\s+){0,6}?(?:will|should|must|to)\s+/iu, '');
  return evaluationStartRe.test(t) && evaluationRe.test(t.replace(thisReviewRe, ' '));
}

function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t && !/^(?:-+|n\/?a|tbc|tba|none|\?)$/i.test(t) ? t : undefined;
}

function stripNumber(text: string): string {
  return text.replace(/^\s*(?:recommendation\s*)?(?:\d+(?:\.\d+)*|[a-z])[.):]?\s+/i, '');
}

/**
 * The separate actions of a recommendation: clauses that start with an action verb, joined by
 * "and", "as well as", "also", a semicolon, or written as separate sentences.
 */
export function separateActions(text: string): string[] {
  const body = stripNumber(text);
  const clauses: string[] = [];
  // Split into sentences and semicolon clauses first.
  for (const part of body.split(/(?<=[.;])\s+|;\s*/)) {
    const p = part.trim();
    if (!p) continue;
    // Then at "and"/"as well as"/"also" followed by an action verb (optionally "to", an adverb).
    const pieces = p.split(new RegExp(`\\s+(?:and|as well as|and also|also|then|plus)\\s+(?=(?:to\\s+)?(?:\\p{L}+ly\\s+)?${actionVerbRe.source})`, 'iu'));
    clauses.push(...pieces);
  }
  // "Ask the Home Office to consider X and to include Y": parts of one request, not two actions.
  const request = /^(?:[\p{L}'’-]+\s+){0,8}?(?:ask|asks|request|requests|invite|invites|urge|urges|encourage|encourages|write\s+to|writes\s+to|lobby|lobbies|recommend|recommends|seek|seeks|propose|proposes)\b[^.]*\bto\s+\p{L}+/iu.test(clauses[0] ?? '');
  const actions = clauses.filter((c, i) => {
    if (i > 0 && request && /^to\s/i.test(c)) return false;
    const start = c.replace(/^(?:to|also|then)\s+/i, '').replace(/^\p{L}+ly\s+/iu, '');
    // The first clause always counts (it states the action, whatever its grammar); later
    // clauses count only when they start with an action verb that is not evaluation.
    if (i === 0) return true;
    return new RegExp(`^${actionVerbRe.source}`, 'iu').test(start) && !evaluationStartRe.test(start);
  });
  return actions.map((a) => a.trim().replace(/[.;,]$/, ''));
}

function ownerOf(rec: Recommendation, agencyNames: string[]): string | undefined {
  const field = nonEmpty(rec.owner);
  if (field) return field;
  const text = stripNumber(rec.text.replace(/\s+/g, ' ').trim());
  const label = text.match(ownerLabelRe);
  if (label) return text.slice(label.index ?? 0, (label.index ?? 0) + 60).split(/[.;]/)[0];
  const subject = text.match(ownerSubjectRe) ?? text.match(ownerByRe);
  if (subject) return subject[0];
  for (const name of agencyNames) {
    const n = name.trim();
    if (n.length < 2) continue;
    const re = new RegExp(`^(?:that\\s+)?(?:the\\s+)?${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b(?:\\s+[\\p{L}'’&/-]+){0,4}?\\s+(?:will|shall|should|must|is to|are to|to)\\b`, 'iu');
    const m = text.match(re);
    if (m) return m[0];
  }
  return undefined;
}

/** Column roles of a recommendations table, from its header row. */
function columnRoles(header: string[]): Record<'number' | 'text' | 'owner' | 'date' | 'measure' | 'evaluation', number> {
  const find = (re: RegExp, exclude: number[] = []): number => header.findIndex((h, i) => !exclude.includes(i) && re.test(h));
  const number = find(/^(?:rec(?:ommendation)?\.?\s*(?:no|number|ref)\.?|no\.?|number|ref\.?|#)$/i);
  const owner = find(/\b(?:lead|owner|responsib\w*|by whom|who|accountable)\b/i, [number]);
  const date = find(/\b(?:date|when|timescale|deadline|target)\b/i, [number, owner]);
  const measure = find(/\b(?:measure\w*|evidence|outcome|success|indicator|kpi)\b/i, [number, owner, date]);
  const evaluation = find(/\b(?:review|evaluat\w*|monitor\w*)\b/i, [number, owner, date, measure]);
  let text = find(/\b(?:recommendation|action|what)\b/i, [number, owner, date, measure, evaluation]);
  if (text < 0) text = header.findIndex((_, i) => ![number, owner, date, measure, evaluation].includes(i));
  return { number, text, owner, date, measure, evaluation };
}

/**
 * The recommendations of an IMR's Recommendations section: the rows of a table (its first row
 * being the header), else the items of numbered lists, else bulleted items, else paragraphs
 * numbered "1." or "Recommendation 1", else text under "Recommendation N" headings.
 */
export function parseRecommendations(blocks: readonly Block[], file: string): Recommendation[] {
  const where = (b: Block): Where => ({ file, section: b.heading ? `${b.section} › ${b.heading}` : b.section, line: b.line });

  const rows = blocks.filter((b) => b.type === 'table-row' && (b.row ?? 1) > 1 && b.text.trim());
  if (rows.length > 0) {
    return rows.map((b, i) => {
      const roles = columnRoles(b.header ?? []);
      const cell = (k: keyof typeof roles): string | undefined => (roles[k] >= 0 ? b.cells?.[roles[k]] : undefined);
      const text = cell('text') ?? b.text;
      return {
        number: (cell('number') || String(i + 1)).replace(/[.)]$/, ''),
        text,
        where: { ...where(b), row: b.row },
        owner: cell('owner'),
        date: cell('date'),
        measure: cell('measure'),
        evaluation: cell('evaluation'),
      };
    });
  }

  const numbered = blocks.filter((b) => b.type === 'list-item' && b.ordered);
  const items = numbered.length > 0 ? numbered : blocks.filter((b) => b.type === 'list-item');
  if (items.length > 0) {
    return items.map((b, i) => {
      const explicit = b.text.match(/^\s*(?:recommendation\s*)?(\d+(?:\.\d+)*)[.):]?\s/i);
      return { number: explicit?.[1] ?? String(b.ordered ? b.index : i + 1), text: b.text, where: where(b) };
    });
  }

  const numberedParas = blocks.filter((b) => b.type === 'paragraph' && /^\s*(?:recommendation\s*)?\d+(?:\.\d+)*\s*[.):–-]\s*\S/i.test(b.text));
  if (numberedParas.length > 0) {
    return numberedParas.map((b) => ({ number: b.text.match(/\d+(?:\.\d+)*/)?.[0] ?? '?', text: b.text, where: where(b) }));
  }

  const recs: Recommendation[] = [];
  let current: Recommendation | undefined;
  for (const b of blocks) {
    if (b.type === 'heading') {
      const m = b.text.match(/^\s*recommendation\s*(\d+(?:\.\d+)*)?/i);
      current = m ? { number: m[1] ?? String(recs.length + 1), text: '', where: where(b) } : undefined;
      if (current) recs.push(current);
    } else if (current) {
      current.text = `${current.text} ${b.text}`.trim();
    }
  }
  return recs.filter((r) => r.text);
}
