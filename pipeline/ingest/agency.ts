/**
 * Which agency of case.yaml a piece of text names: a cover field ("Agency: SYP"), a document
 * title ("IMR from South Yorkshire Police"), a file name ("police-imr.docx").
 */
import type { Agency } from '../../schemas/case.ts';

/** Lower case, letters and digits only, single spaces: "South-Yorkshire_Police" → "south yorkshire police". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const minorWords = new Set(['of', 'and', 'the', 'for', 'in', 'on', '&']);

/**
 * Names an agency goes by: its name, its short name, an abbreviation in brackets
 * ("… Service (IDVAS)"), and its initials ("South Yorkshire Police" → SYP).
 */
function keys(agency: Agency): string[] {
  let known = keysOf.get(agency);
  if (known === undefined) keysOf.set(agency, (known = agencyKeys(agency)));
  return known;
}

/** Each agency's names, worked out once (a chronology asks for them on every row). */
const keysOf = new WeakMap<Agency, string[]>();

function agencyKeys(agency: Agency): string[] {
  const bracketed = [...agency.name.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]);
  const words = agency.name.replace(/\([^)]*\)/g, ' ').split(/[\s-]+/).filter((w) => w && !minorWords.has(w.toLowerCase()));
  const initials = words.length >= 2 ? words.map((w) => w[0]).join('') : '';
  return [agency.name, agency.short ?? '', ...bracketed, initials].map(normaliseName).filter((k) => k !== '');
}

/** The agency whose name or short name is exactly this text (ignoring case and punctuation). */
export function agencyNamed(text: string, agencies: readonly Agency[]): Agency | undefined {
  const wanted = normaliseName(text);
  if (wanted === '') return undefined;
  return agencies.find((a) => keys(a).includes(wanted));
}

/**
 * The agency whose name or short name appears in this text as whole words; when several do,
 * the longest name wins ("South Yorkshire Police" over "Police").
 */
export function agencyMentioned(text: string, agencies: readonly Agency[]): Agency | undefined {
  const haystack = ` ${normaliseName(text)} `;
  let best: { agency: Agency; length: number } | undefined;
  for (const agency of agencies) {
    for (const key of keys(agency)) {
      if (haystack.includes(` ${key} `) && (best === undefined || key.length > best.length)) best = { agency, length: key.length };
    }
  }
  return best?.agency;
}

/** The case.yaml name for a written agency name, or the name as written when none matches. */
export function canonicalAgency(text: string, agencies: readonly Agency[]): string {
  let answers = canonical.get(agencies);
  if (answers === undefined) canonical.set(agencies, (answers = new Map()));
  let answer = answers.get(text);
  if (answer === undefined) {
    const trimmed = text.trim();
    answer = (agencyNamed(trimmed, agencies) ?? agencyMentioned(trimmed, agencies))?.name ?? trimmed;
    answers.set(text, answer);
  }
  return answer;
}

/** The answers for one list of agencies (a chronology of thousands of rows names a few agencies). */
const canonical = new WeakMap<readonly Agency[], Map<string, string>>();
