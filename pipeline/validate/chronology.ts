/**
 * Checks on the agencies' chronologies (the guide's Template 20), each row on its own and all
 * of them together:
 * - events outside the review period;
 * - events after the victim's death attributed to the victim;
 * - an end date before the start date;
 * - client codes that are not in the case key;
 * - staff named instead of coded (a staff code that is not a professional's code, or a
 *   professional's real name anywhere in the row);
 * - the same event recorded by two agencies on different dates (similar words within seven days,
 *   each entry matched to at most one of each other agency's);
 * - gaps of more than six months with no agency contact, within the review period.
 *
 * Besides the problems, every flagged row gets short notes keyed by `rowKey(row)`, for the
 * merged chronology to show beside the row. Many same-event pairs in one chronology are one
 * problem (see group.ts) that lists the first and counts the rest, each flagged on its row.
 */
import type { Case } from '../../schemas/case.ts';
import { chronologyRowKey, type Chronology, type ChronologyRow } from '../model.ts';
import { addMonths } from '../bank-holidays.ts';
import { formatUkDate, utcTime } from '../ingest/dates.ts';
import { initials, isCodeAfterTitle, keyLeaks, keyTerms, makeQuoter, maskKey, safeWords, titledName } from './key.ts';
import { normaliseValue, plural, tokens } from './text.ts';
import { groupFrom, groupedProblem, listedOccurrences } from './group.ts';
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
 * entries of the following week, through an index of their words (closestMatches); the
 * closest match per entry and agency is kept in a flat array, and a chronology with many
 * pairs lists only the first (reportPairs), so memory is linear in the entries.
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

  const best = closestMatches(entries, { agencies, vocabulary: vocabulary.size, df, weight, totals, window: days * 86_400_000, minShared, threshold });
  const pairs = mutualPairs(entries, best, agencies);
  if (pairs.length > 0) reportPairs(entries, pairs, { add, flag, quote, show });
}

/**
 * For each entry and each other agency, its closest match there within the window (the highest
 * score, the nearer date on a tie, the earlier entry on a full tie; -1 when none reaches the
 * threshold): `best[i * agencies + g]`.
 *
 * Each entry is compared with the entries of the week after it, and each pair offered to both
 * (cheaper than looking both ways from every entry). An entry's less common words are looked
 * up in an index (a pointer per word moves along the entries that have it as the days pass),
 * adding each shared word's weight to the entry that has it, so a shared word costs one
 * addition, not a comparison of two word lists. The 32 commonest words ("contact", "police")
 * would make that walk long: they are bits of a mask instead, and what two entries share of
 * them is the AND of their masks, counted and weighed a byte at a time from tables.
 *
 * The cost is the number of pairs of entries within a week of each other: linear in the
 * entries for a given number of entries a week, which grows with a busier chronology.
 */
function closestMatches(
  entries: readonly (SameEventEntry & { words: Int32Array })[],
  o: { agencies: number; vocabulary: number; df: Float64Array; weight: Float64Array; totals: Float64Array; window: number; minShared: number; threshold: number },
): Int32Array {
  const { agencies, df, weight, totals, window, minShared, threshold } = o;
  const n = entries.length;
  const vocabularySize = o.vocabulary;
  const time = Float64Array.from(entries, (e) => e.time);
  const agencyAt = Int32Array.from(entries, (e) => e.agency);
  const usable = Uint8Array.from(entries, (e) => (e.words.length >= minShared ? 1 : 0));

  const bitOf = new Int32Array(vocabularySize).fill(-1);
  const common = Array.from({ length: vocabularySize }, (_, id) => id)
    .filter((id) => df[id] > 1)
    .sort((a, b) => df[b] - df[a] || a - b)
    .slice(0, 32);
  common.forEach((id, bit) => (bitOf[id] = bit));
  const masks = new Int32Array(n);
  for (let i = 0; i < n; i++) for (const id of entries[i].words) if (bitOf[id] >= 0) masks[i] |= 1 << bitOf[id];
  // Per byte of a mask: how many words its bits are, and their weight.
  const bitCount = new Uint8Array(256);
  const byteWeight = [0, 1, 2, 3].map(() => new Float64Array(256));
  for (let v = 1; v < 256; v++) {
    bitCount[v] = bitCount[v >> 1] + (v & 1);
    for (let b = 0; b < 4; b++) {
      let w = 0;
      for (let bit = 0; bit < 8; bit++) if (v & (1 << bit) && common[b * 8 + bit] !== undefined) w += weight[common[b * 8 + bit]];
      byteWeight[b][v] = w;
    }
  }
  const [w0, w1, w2, w3] = byteWeight;

  // The index of the other words: for each, the entries that have it, in date order.
  const postingStart = new Int32Array(vocabularySize + 1);
  for (let id = 0; id < vocabularySize; id++) postingStart[id + 1] = postingStart[id] + (bitOf[id] >= 0 ? 0 : df[id]);
  const postings = new Int32Array(postingStart[vocabularySize]);
  const filled = postingStart.slice(0, vocabularySize);
  for (let i = 0; i < n; i++) for (const id of entries[i].words) if (bitOf[id] < 0) postings[filled[id]++] = i;
  const next = postingStart.slice(0, vocabularySize);

  // best[i * agencies + g]: entry i's closest match among agency g's entries (-1: none yet).
  // Each pair is scored once, from its earlier entry, and offered to both.
  const best = new Int32Array(n * agencies).fill(-1);
  const bestScore = new Float64Array(n * agencies);
  const offer = (i: number, j: number, score: number): void => {
    const k = i * agencies + agencyAt[j];
    const current = best[k];
    if (current >= 0) {
      const held = bestScore[k];
      if (score < held || (score === held && Math.abs(time[j] - time[i]) >= Math.abs(time[current] - time[i]))) return;
    }
    best[k] = j;
    bestScore[k] = score;
  };
  const sharedCount = new Int32Array(n);
  const sharedWeight = new Float64Array(n);
  let windowEnd = 0;
  for (let i = 0; i < n; i++) {
    while (windowEnd < n && time[windowEnd] - time[i] <= window) windowEnd++;
    if (!usable[i]) continue;
    for (const id of entries[i].words) {
      if (bitOf[id] >= 0) continue;
      let q = next[id];
      while (q < postingStart[id + 1] && postings[q] <= i) q++;
      next[id] = q;
      const w = weight[id];
      for (const last = postingStart[id + 1]; q < last; q++) {
        const j = postings[q];
        if (j >= windowEnd) break;
        sharedCount[j]++;
        sharedWeight[j] += w;
      }
    }
    // In date order, as the pairs are offered (the first offered keeps a tie).
    const own = agencyAt[i];
    const mask = masks[i];
    const total = totals[i];
    for (let j = i + 1; j < windowEnd; j++) {
      const rare = sharedCount[j];
      const rareWeight = sharedWeight[j];
      if (rare !== 0) {
        sharedCount[j] = 0;
        sharedWeight[j] = 0;
      }
      if (agencyAt[j] === own || !usable[j]) continue;
      const m = mask & masks[j];
      if (rare + bitCount[m & 255] + bitCount[(m >>> 8) & 255] + bitCount[(m >>> 16) & 255] + bitCount[m >>> 24] < minShared) continue;
      const score = (rareWeight + w0[m & 255] + w1[(m >>> 8) & 255] + w2[(m >>> 16) & 255] + w3[m >>> 24]) / Math.min(total, totals[j]);
      if (score < threshold) continue;
      offer(i, j, score);
      offer(j, i, score);
    }
  }
  return best;
}

interface SameEventEntry {
  row: ChronologyRow;
  chronology: Chronology;
  agency: number;
  time: number;
}

/** The pairs, each once (earlier entry first, in date order): mutual choices on different dates. */
function mutualPairs(entries: readonly SameEventEntry[], best: Int32Array, agencies: number): Int32Array {
  const pairs: number[] = [];
  const matches: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    matches.length = 0;
    for (let g = 0; g < agencies; g++) {
      const j = best[i * agencies + g];
      if (j > i && best[j * agencies + entries[i].agency] === i && entries[j].time !== entries[i].time) matches.push(j);
    }
    for (const j of matches.sort((x, y) => x - y)) pairs.push(i, j);
  }
  return Int32Array.from(pairs);
}

/**
 * Each pair as a problem of both entries' chronologies and a flag on both rows. A chronology
 * with many such entries gets one problem (see group.ts) that lists the first of them, in
 * shorter words (the entry's own text is on its row), and counts the rest: every one is
 * flagged on its row, in the flags of the report and the merged chronology's Flags column,
 * so the report stays readable and its size does not grow with the square of a busy week.
 */
function reportPairs(
  entries: readonly SameEventEntry[],
  pairs: Int32Array,
  how: { add: Add; flag: (row: ChronologyRow, text: string) => void; quote: (t: string, max?: number) => string; show: (file: string) => string },
): void {
  const perFile = new Map<string, number>();
  for (const i of pairs) {
    const file = entries[i].chronology.file;
    perFile.set(file, (perFile.get(file) ?? 0) + 1);
  }
  // Words made once per entry, however many pairs it is in (the quote only when it is shown).
  const said: ({ date: string; describe: string; flag: string } | undefined)[] = new Array(entries.length);
  const sayOf = (i: number) => {
    let s = said[i];
    if (!s) {
      const e = entries[i];
      const date = formatUkDate(e.row.dateFrom);
      const describe = `${e.chronology.agency} on ${date}`;
      said[i] = s = { date, describe, flag: `same event as ${describe}?` };
    }
    return s;
  };
  const quoted: (string | undefined)[] = new Array(entries.length);
  const quoteOf = (i: number) => (quoted[i] ??= how.quote(entries[i].row.event, 80));
  const whereOf = (e: SameEventEntry): Where => ({ ...e.row.place, file: e.row.place.file ?? e.chronology.file, columnName: 'Date from' });

  const grouped = new Map<string, { first: ValidationProblem; occurrences: Occurrence[]; count: number }>();
  for (let k = 0; k < pairs.length; k += 2) {
    const i = pairs[k];
    const j = pairs[k + 1];
    const days = Math.round((entries[j].time - entries[i].time) / 86_400_000);
    for (const [self, other] of [
      [i, j],
      [j, i],
    ]) {
      const me = entries[self];
      const you = entries[other];
      const mine = sayOf(self);
      const yours = sayOf(other);
      const file = me.chronology.file;
      how.flag(me.row, yours.flag);
      if ((perFile.get(file) ?? 0) < groupFrom) {
        how.add(file, undefined, {
          severity: 'warning',
          check: 'chronology.same-event',
          message: `This entry (${mine.describe}: "${quoteOf(self)}") may be the same event as ${yours.describe} ("${quoteOf(other)}"), recorded ${plural(days, 'day')} apart.`,
          place: whereOf(me),
          fix: `Check the date against the records of ${you.chronology.agency} (${how.show(you.chronology.file)}). If it is the same event, agree the right date; if not, nothing needs doing.`,
        });
        continue;
      }
      let group = grouped.get(file);
      if (!group) {
        const first: ValidationProblem = { severity: 'warning', check: 'chronology.same-event', message: '', place: { file }, fix: '' };
        grouped.set(file, (group = { first, occurrences: [], count: 0 }));
        how.add(file, undefined, first);
      }
      group.count++;
      if (group.occurrences.length < listedOccurrences) {
        group.occurrences.push({ message: `The entry of ${mine.date} may be the same event as ${yours.describe} ("${quoteOf(other)}"), recorded ${plural(days, 'day')} apart.`, place: whereOf(me) });
      }
    }
  }
  // The grouped problems take their final words now that every occurrence is counted.
  for (const { first, occurrences, count } of grouped.values()) Object.assign(first, groupedProblem(first, occurrences, undefined, count));
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

