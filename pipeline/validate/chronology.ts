/**
 * Checks on the agencies' chronologies (the guide's Template 20), each row on its own and all
 * of them together:
 * - events outside the review period;
 * - events after the victim's death attributed to the victim;
 * - an end date before the start date;
 * - client codes that are not in the case key;
 * - staff named instead of coded (a staff code that is not a professional's code, or a
 *   professional's real name anywhere in the row);
 * - the same event recorded by two agencies on different dates (similar words within seven days);
 * - gaps of more than six months with no agency contact, within the review period.
 *
 * Besides the problems, every flagged row gets short notes keyed by `rowKey(row)`, for the
 * merged chronology to show beside the row.
 */
import type { Case } from '../../schemas/case.ts';
import { chronologyRowKey, type Chronology, type ChronologyRow } from '../model.ts';
import { addMonths } from '../bank-holidays.ts';
import { formatUkDate, utcTime } from '../ingest/dates.ts';
import { initials, isCodeAfterTitle, keyLeaks, keyTerms, makeQuoter, maskKey, safeWords, titledName } from './key.ts';
import { normaliseValue, plural, tokens } from './text.ts';
import { groupFrom, groupedProblem } from './group.ts';
import type { Occurrence, ValidationProblem, Where } from './types.ts';

/** The key of a row for chronology flags: its file and where it stands (sheet and cell, or line). */
/** A row's identity for per-row flags (shared with the merged chronology). */
export const rowKey = chronologyRowKey;

export interface ChronologyCheckResult {
  /** Problems by chronology file; the key "" holds problems across all chronologies (gaps). */
  problems: Map<string, ValidationProblem[]>;
  flags: Record<string, string[]>;
}

export interface ChronologyCheckOptions {
  /** Days apart within which two agencies' similar entries are taken for the same event. */
  sameEventDays?: number;
  /** Weighted share of words (0–1) from which two entries are taken for the same event. */
  sameEventSimilarity?: number;
  /** Words two entries must share at least. */
  sameEventWords?: number;
  /** Months without any agency contact that count as a gap. */
  gapMonths?: number;
  /** How to write a file's name in messages (relative to the case folder). */
  fileName?: (file: string) => string;
}

const splitCodes = (value: string): string[] =>
  value
    .split(/\s*(?:[,;/&+\n]|\band\b)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);

const compact = (s: string): string => normaliseValue(s).replace(/\s+/g, '');

export function checkChronologies(chronologies: readonly Chronology[], c: Case, options: ChronologyCheckOptions = {}): ChronologyCheckResult {
  const problems = new Map<string, ValidationProblem[]>();
  const flags: Record<string, string[]> = {};
  const add = (file: string, row: ChronologyRow | undefined, problem: ValidationProblem, flag?: string): void => {
    const list = problems.get(file) ?? [];
    list.push(problem);
    problems.set(file, list);
    if (row && flag) (flags[rowKey(row)] ??= []).push(flag);
  };
  const quote = makeQuoter(c);
  const terms = keyTerms(c);
  const professionalTerms = terms.filter((t) => t.kind === 'professional');
  const personTerms = terms.filter((t) => t.kind === 'person' || t.kind === 'place' || t.kind === 'date-of-birth');
  const safe = safeWords(c);

  const victims = c.people.filter((p) => p.role === 'victim');
  const victimCodes = new Set(victims.flatMap((p) => [p.code, p.pseudonym]).filter((x): x is string => !!x).map(compact));
  const clientCodes = new Set<string>();
  for (const p of c.people) {
    for (const x of [p.code, p.pseudonym]) if (x) clientCodes.add(compact(x));
    // "XAP" for "Adult XAP": the initials the template asks for.
    const last = p.code.trim().split(/\s+/).at(-1);
    if (last && /^[A-Z]{1,5}\d*$/.test(last)) clientCodes.add(compact(last));
  }
  const staffCodes = new Set(c.professionals.map((p) => compact(p.code)));
  const period = c.reviewPeriod;
  const death = c.death.date;

  for (const chronology of chronologies) {
    const file = chronology.file;
    problems.set(file, problems.get(file) ?? []);
    for (const row of chronology.rows) {
      const where: Where = { ...row.place, file: row.place.file ?? file };
      const when = formatUkDate(row.dateFrom);

      if (row.dateTo && row.dateTo < row.dateFrom) {
        add(file, row, { severity: 'error', check: 'chronology.end-before-start', message: `The entry of ${when} ends (${formatUkDate(row.dateTo)}) before it starts.`, place: { ...where, columnName: 'Date to' }, fix: 'Correct "Date from" or "Date to" (dates are day/month/year).' }, 'ends before it starts');
      }

      if (period && ((row.dateTo ?? row.dateFrom) < period.start || row.dateFrom > period.end)) {
        const before = (row.dateTo ?? row.dateFrom) < period.start;
        add(
          file,
          row,
          {
            severity: 'warning',
            check: 'chronology.outside-period',
            message: `The entry of ${when} is ${before ? 'before' : 'after'} the review period (${formatUkDate(period.start)} to ${formatUkDate(period.end)}).`,
            place: { ...where, columnName: 'Date from' },
            fix: before ? 'Keep it only if it is significant background the terms of reference ask for; otherwise remove it.' : 'Check the date; events after the period are outside the review.',
          },
          `outside the review period`,
        );
      }

      const clients = splitCodes(row.clientCode ?? '');
      if (row.dateFrom > death && clients.some((code) => victimCodes.has(compact(code)))) {
        add(
          file,
          row,
          {
            severity: 'error',
            check: 'chronology.after-death',
            message: `The entry of ${when} is attributed to the victim (client code "${quote(row.clientCode)}"), but it is after the victim's death on ${formatUkDate(death)}.`,
            place: { ...where, columnName: 'Client code' },
            fix: 'Check the date and the client code: it may be about another person, or the date may be wrong.',
          },
          "after the victim's death",
        );
      }
      for (const code of clients) {
        if (clientCodes.has(compact(code))) continue;
        const real = keyLeaks(code, personTerms).length > 0;
        add(
          file,
          row,
          {
            severity: 'error',
            check: 'chronology.client-code',
            message: real
              ? `The client code of the entry of ${when} is a real name (shown here replaced: "${quote(code)}").`
              : `The client code "${quote(code)}" of the entry of ${when} is not a code in case.yaml.`,
            place: { ...where, columnName: 'Client code' },
            fix: real ? 'Write the code from case.yaml instead of the name.' : `Use one of the codes in case.yaml (${c.people.map((p) => p.code).join(', ')}), or add this person to case.yaml.`,
          },
          real ? 'client named instead of coded' : 'client code not in the key',
        );
      }

      for (const code of splitCodes(row.staffCode ?? '')) {
        if (staffCodes.has(compact(code))) continue;
        const realProfessional = keyLeaks(code, professionalTerms).length > 0;
        const looksLikeName = realProfessional || keyLeaks(code, personTerms).length > 0 || looksLikePersonName(code, safe);
        if (looksLikeName) {
          const asCode = realProfessional ? maskKey(code, professionalTerms) : undefined;
          add(
            file,
            row,
            {
              severity: 'error',
              check: 'chronology.staff-named',
              message: realProfessional
                ? `The staff code of the entry of ${when} is the real name of ${asCode} instead of the code.`
                : `The staff code of the entry of ${when} names a person ("${initials(quote(code))}") instead of giving a job-title code.`,
              place: { ...where, columnName: 'Staff code' },
              fix: realProfessional ? `Write "${asCode}".` : 'Use a job-title code (for example "Police officer 1"), and add it to case.yaml professionals with the real name.',
            },
            'staff named instead of coded',
          );
        } else if (staffCodes.size > 0) {
          add(
            file,
            row,
            {
              severity: 'warning',
              check: 'chronology.staff-code',
              message: `The staff code "${quote(code)}" of the entry of ${when} is not among the professionals in case.yaml.`,
              place: { ...where, columnName: 'Staff code' },
              fix: 'Add it to case.yaml professionals (code, title, real name), so that the name can be kept out of the reports, or correct the code.',
            },
            'staff code not in the key',
          );
        }
      }

      // A professional's real name anywhere else in the row.
      const text = [row.source, row.event, row.action, row.clientSeen].filter(Boolean).join('\n');
      const named = keyLeaks(text, professionalTerms);
      if (named.length > 0) {
        add(
          file,
          row,
          {
            severity: 'error',
            check: 'chronology.staff-named',
            message: `The entry of ${when} names ${plural(named.length, 'professional')} by their real name instead of their code.`,
            place: { ...where, columnName: 'Event' },
            fix: `Replace the name with the professional's code from case.yaml (as written here: "${quote(row.event, 120)}").`,
          },
          'staff named instead of coded',
        );
      }
    }
  }

  sameEvents(chronologies, c, add, (row, text) => (flags[rowKey(row)] ??= []).push(text), quote, options);
  gaps(chronologies, c, add, options);
  return { problems, flags };
}

function looksLikePersonName(value: string, safe: Set<string>): boolean {
  if (/\d/.test(value)) return false;
  for (const m of value.matchAll(titledName)) if (!isCodeAfterTitle(m[2], safe)) return true;
  // Two or more capitalised words, none a code or an all-capitals abbreviation: "Helen Price".
  const words = value.split(/\s+/).filter(Boolean);
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(w) && !safe.has(w.toLowerCase())) && !/\b(?:officer|worker|visitor|nurse|manager|practitioner|doctor|adviser|advisor|constable|sergeant|inspector|midwife|call|handler|team|duty|social|health|police|housing)\b/i.test(value);
}

type Add = (file: string, row: ChronologyRow | undefined, problem: ValidationProblem, flag?: string) => void;

/** Words that mean the same thing in different agencies' records ("paramedics" and "ambulance", "cut" and "laceration"). */
const synonyms: Record<string, string> = {
  paramed: 'ambulanc',
  paramedic: 'ambulanc',
  yas: 'ambulanc',
  laceration: 'injury',
  cut: 'injury',
  wound: 'injury',
  gash: 'injury',
  bruis: 'injury',
  injur: 'injury',
  telephon: 'phon',
  rang: 'phon',
  calls: 'call',
  assaulted: 'assault',
  hit: 'assault',
};

/** An event's words for comparing: content words (codes left out, synonyms merged) and measurements ("3 cm"). */
function eventWords(text: string, codeWords: Set<string>): Set<string> {
  const words = new Set<string>();
  for (const t of tokens(text)) if (!codeWords.has(t)) words.add(synonyms[t] ?? t);
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(cm|mm|kg|ml|mg|miles?|%|am|pm)\b/gi)) words.add(`${m[1]}${m[2].toLowerCase()}`);
  return words;
}

/**
 * The same event recorded by two agencies on different dates: entries of two agencies within a
 * week whose words overlap, each shared word weighted by how rare it is across all the
 * chronologies (so "scalp" and "3 cm" count for more than "police" and "call").
 *
 * An event is recorded once by each agency that knew of it, so the match is one to one: two
 * entries are taken for the same event when each is the other's closest match in the other
 * agency's chronology (the highest score within the week, the nearer date on a tie). When an
 * entry's closest match is on the same date, the agencies agree and nothing is flagged.
 *
 * Cost: the entries are sorted by date and each is compared only with the other agencies'
 * entries of the following week (as word ids, sorted, so two entries compare in one merge);
 * the closest match per entry and agency is kept in a flat array, so memory is linear.
 */
function sameEvents(chronologies: readonly Chronology[], c: Case, add: Add, flag: (row: ChronologyRow, text: string) => void, quote: (t: string, max?: number) => string, options: ChronologyCheckOptions): void {
  const show = options.fileName ?? ((f: string) => f);
  const days = options.sameEventDays ?? 7;
  const threshold = options.sameEventSimilarity ?? 0.15;
  const minShared = options.sameEventWords ?? 3;
  const codeWords = new Set<string>();
  for (const p of c.people) for (const t of tokens(`${p.code} ${p.pseudonym ?? ''}`)) codeWords.add(t);
  for (const p of c.professionals) for (const t of tokens(p.code)) codeWords.add(t);

  // Agencies: chronologies of the same agency (by name) are one.
  const agencyIndex = new Map<string, number>();
  const agencyOf = (ch: Chronology): number => {
    const key = ch.agency.trim().toLowerCase();
    let n = agencyIndex.get(key);
    if (n === undefined) agencyIndex.set(key, (n = agencyIndex.size));
    return n;
  };
  const vocabulary = new Map<string, number>();
  const entries = chronologies
    .flatMap((ch) => {
      const agency = agencyOf(ch);
      return ch.rows.map((row) => {
        const ids: number[] = [];
        for (const w of eventWords(row.event ?? '', codeWords)) {
          let id = vocabulary.get(w);
          if (id === undefined) vocabulary.set(w, (id = vocabulary.size));
          ids.push(id);
        }
        return { row, chronology: ch, agency, time: utcTime(row.dateFrom), words: Int32Array.from(ids).sort() };
      });
    })
    .sort((a, b) => a.time - b.time);
  const n = entries.length;
  const agencies = agencyIndex.size;
  if (n === 0 || agencies < 2) return;

  const df = new Float64Array(vocabulary.size);
  for (const e of entries) for (const id of e.words) df[id]++;
  const weight = new Float64Array(vocabulary.size);
  for (let id = 0; id < weight.length; id++) weight[id] = Math.log(1 + n / df[id]);
  const totals = new Float64Array(n);
  for (let i = 0; i < n; i++) for (const id of entries[i].words) totals[i] += weight[id];

  // best[i * agencies + g]: entry i's closest match among agency g's entries (-1: none yet).
  const best = new Int32Array(n * agencies).fill(-1);
  const bestScore = new Float64Array(n * agencies);
  const offer = (i: number, j: number, score: number): void => {
    const k = i * agencies + entries[j].agency;
    const current = best[k];
    if (current >= 0) {
      if (score < bestScore[k]) return;
      if (score === bestScore[k] && Math.abs(entries[j].time - entries[i].time) >= Math.abs(entries[current].time - entries[i].time)) return;
    }
    best[k] = j;
    bestScore[k] = score;
  };

  const window = days * 86_400_000;
  for (let i = 0; i < n; i++) {
    const a = entries[i];
    const aw = a.words;
    if (aw.length < minShared) continue;
    for (let j = i + 1; j < n && entries[j].time - a.time <= window; j++) {
      const b = entries[j];
      if (b.agency === a.agency) continue;
      const bw = b.words;
      if (bw.length < minShared) continue;
      // Shared words of the two sorted id lists, and their weight.
      let shared = 0;
      let sharedWeight = 0;
      for (let x = 0, y = 0; x < aw.length && y < bw.length; ) {
        if (aw[x] === bw[y]) {
          shared++;
          sharedWeight += weight[aw[x]];
          x++;
          y++;
        } else if (aw[x] < bw[y]) x++;
        else y++;
      }
      if (shared < minShared) continue;
      const score = sharedWeight / Math.min(totals[i], totals[j]);
      if (score < threshold) continue;
      offer(i, j, score);
      offer(j, i, score);
    }
  }

  // The pairs, each once (from its earlier entry): mutual choices on different dates.
  const pairs: [number, number][] = [];
  const perFile = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const a = entries[i];
    const matches: number[] = [];
    for (let g = 0; g < agencies; g++) {
      const j = best[i * agencies + g];
      if (j > i && best[j * agencies + a.agency] === i && entries[j].time !== a.time) matches.push(j);
    }
    for (const j of matches.sort((x, y) => x - y)) {
      pairs.push([i, j]);
      for (const file of [a.chronology.file, entries[j].chronology.file]) perFile.set(file, (perFile.get(file) ?? 0) + 1);
    }
  }
  if (pairs.length === 0) return;

  // Words made once per entry, however many pairs it is in.
  const said = new Map<number, { describe: string; flag: string; quote: string; where: Where }>();
  const sayOf = (i: number) => {
    let s = said.get(i);
    if (!s) {
      const e = entries[i];
      const describe = `${e.chronology.agency} on ${formatUkDate(e.row.dateFrom)}`;
      s = { describe, flag: `same event as ${describe}?`, quote: quote(e.row.event, 80), where: { ...e.row.place, file: e.row.place.file ?? e.chronology.file, columnName: 'Date from' } };
      said.set(i, s);
    }
    return s;
  };
  // A chronology with many such entries gets one problem listing them (see group.ts).
  const grouped = new Map<string, { first: ValidationProblem; occurrences: Occurrence[] }>();
  for (const [i, j] of pairs) {
    const apart = Math.round((entries[j].time - entries[i].time) / 86_400_000);
    for (const [self, other] of [
      [i, j],
      [j, i],
    ] as const) {
      const me = entries[self];
      const you = entries[other];
      const mine = sayOf(self);
      const yours = sayOf(other);
      const file = me.chronology.file;
      flag(me.row, yours.flag);
      if ((perFile.get(file) ?? 0) < groupFrom) {
        add(file, undefined, {
          severity: 'warning',
          check: 'chronology.same-event',
          message: `This entry (${mine.describe}: "${mine.quote}") may be the same event as ${yours.describe} ("${yours.quote}"), recorded ${plural(apart, 'day')} apart.`,
          place: { ...mine.where },
          fix: `Check the date against the records of ${you.chronology.agency} (${show(you.chronology.file)}). If it is the same event, agree the right date; if not, nothing needs doing.`,
        });
        continue;
      }
      const occurrence: Occurrence = {
        message: `The entry of ${formatUkDate(me.row.dateFrom)} may be the same event as ${yours.describe} ("${yours.quote}"), recorded ${plural(apart, 'day')} apart.`,
        place: mine.where,
      };
      const group = grouped.get(file);
      if (group) group.occurrences.push(occurrence);
      else {
        const first: ValidationProblem = { severity: 'warning', check: 'chronology.same-event', message: '', place: { file }, fix: '' };
        grouped.set(file, { first, occurrences: [occurrence] });
        add(file, undefined, first);
      }
    }
  }
  // The grouped problems take their final words now that every occurrence is known.
  for (const { first, occurrences } of grouped.values()) Object.assign(first, groupedProblem(first, occurrences));
}

/** Gaps of more than six months with no contact from any agency, inside the review period. */
function gaps(chronologies: readonly Chronology[], c: Case, add: Add, options: ChronologyCheckOptions): void {
  const period = c.reviewPeriod;
  const months = options.gapMonths ?? 6;
  if (!period) return;
  const end = period.end < c.death.date ? period.end : c.death.date;
  const agencyOf = new Map<ChronologyRow, string>();
  for (const ch of chronologies) for (const r of ch.rows) agencyOf.set(r, ch.agency);
  const rows = chronologies
    .flatMap((ch) => ch.rows)
    .filter((r) => r.dateFrom <= end && (r.dateTo ?? r.dateFrom) >= period.start)
    .sort((a, b) => (a.dateFrom < b.dateFrom ? -1 : a.dateFrom > b.dateFrom ? 1 : 0));
  if (chronologies.length === 0) return;
  let last = period.start;
  let lastLabel = 'the start of the review period';
  const check = (next: string, nextLabel: string, row: ChronologyRow | undefined): void => {
    if (addMonths(last, months) < next) {
      const gapMonths = monthsBetween(last, next);
      add(
        '',
        row,
        {
          severity: 'warning',
          check: 'chronology.gap',
          message: `No agency recorded any contact for about ${plural(gapMonths, 'month')}, from ${lastLabel} (${formatUkDate(last)}) to ${nextLabel} (${formatUkDate(next)}).`,
          place: row ? { ...row.place } : { file: 'chronologies' },
          fix: 'Check with the agencies whether anything is missing from their chronologies for this period; if there truly was no contact, the overview report should say so.',
        },
        row ? `no agency contact for about ${plural(gapMonths, 'month')} before this` : undefined,
      );
    }
  };
  for (const row of rows) {
    const start = row.dateFrom < period.start ? period.start : row.dateFrom;
    check(start, `the next entry, by ${agencyOf.get(row) ?? row.agency}`, row);
    const finish = row.dateTo && row.dateTo > row.dateFrom ? row.dateTo : row.dateFrom;
    if (finish > last) {
      last = finish > end ? end : finish;
      lastLabel = `an entry by ${agencyOf.get(row) ?? row.agency}`;
    }
  }
  check(end, end === c.death.date ? "the victim's death" : 'the end of the review period', undefined);
}

function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

