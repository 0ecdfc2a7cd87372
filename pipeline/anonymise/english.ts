/**
 * Whether a word is ordinary English: a capitalised word that is one ("Contract", "Checklist",
 * "Repairs", "Prioritise") says nothing by its capital, where a word no word list knows
 * ("Ollerenshaw", "Shabana", "Moorfoot") is likely a name. Some words are names as well
 * (Hope, Grace, Baker, Brooks): nameLike() tells them.
 *
 * Words are normalised (normalise.ts): lower case, without diacritics.
 */
import { englishWordList, nameLikeWordList } from './english-words.ts';
import { inflectionStems } from './inflections.ts';

const words = new Set(englishWordList.split(/\s+/).filter(Boolean));
const nameLikeWords = new Set(nameLikeWordList.split(/\s+/).filter(Boolean));

/** Words a British word list leaves out that reviews write every day. */
const extraWords = `
wellbeing multiagency email emails online offline website webpage voicemail signpost signposting safeguarding
lettings allocations adviser advisor co-ordinator coordinator coordination checklist timescale timescales
dip reaudit reoffending reoffend postnatal antenatal perinatal neonatal paediatric paediatrics triage attendee underway
`
  .split(/\s+/)
  .filter(Boolean);
for (const w of extraWords) words.add(w);

/** Known at most two inflections deep ("reportedly" → reported → report). */
function known(word: string, depth: number): boolean {
  if (words.has(word)) return true;
  if (depth >= 2) return false;
  for (const stem of inflectionStems(word)) if (known(stem, depth + 1)) return true;
  return false;
}

const cache = new Map<string, boolean>();

/** Whether a normalised word is an ordinary English word (American -ize spellings too). */
export function englishWord(word: string): boolean {
  let answer = cache.get(word);
  if (answer !== undefined) return answer;
  answer = known(word, 0) || (word.includes('iz') && known(word.replace(/iz/g, 'is'), 0));
  if (cache.size > 50_000) cache.clear();
  cache.set(word, answer);
  return answer;
}

/** Whether a normalised ordinary word is also written as a name (Hope, Grace, Baker, Brooks). */
export function nameLike(word: string): boolean {
  return nameLikeWords.has(word);
}
