/**
 * The NLP recogniser: people, places and organisations the key does not list, reported as
 * findings (never applied).
 *
 * It reads names the way a careful reader does. A run of capitalised words that is not made
 * entirely of safe terms (agencies, codes, months, guidance vocabulary, the case's own terms) is
 * a possible name: "Fatima Begum", "Mrs Okafor", "4 Park Lane", "Northern General Hospital".
 *
 * A capital alone proves little. Reviews capitalise posts, bodies and defined terms ("Assistant
 * Chief Officer", "CCG Safeguarding Committee", "the Decision Report", "the Contract"), and
 * every sentence, table cell and list item opens with one. So each word is weighed:
 * - a word no word list knows ("Ollerenshaw", "Shabana", "Moorfoot"), or one compromise's
 *   lexicon gives as a name or place ("Fatima", "Powell", "Rotherham"), is a name wherever it
 *   stands, except that one opening a sentence must read as someone doing something
 *   ("Nowak told…", "Shabana had…");
 * - an ordinary English word (english.ts: "Contract", "Checklist", "Custody", "Front Door") is
 *   not, unless something says it is used as a name: a title before it ("Mr Baker"), a house
 *   number before a street ("4 Park Lane"), a street, building or estate word ("Park Lane", "the
 *   Manor estate", "Porter Brook Medical Centre"), a place preposition ("at the Fat Cat"), a
 *   relative before it or a verb of speech after it ("her friend Hope", "Dawn said"), or every
 *   word being a name as well ("Dawn Hill").
 * A code, pseudonym or place phrase the engine writes is a boundary: the word beside it is
 * judged on its own ("Email Adult X" is "Email", an ordinary word).
 *
 * compromise's tagger reads about 150,000 characters a second, so it sees only sentences that
 * open with a word nobody knows and that do not read as a person doing something; its answers
 * are cached by sentence. Everything else is a single pass over the words.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';
import type { Case } from '../../schemas/case.ts';
import { englishWord, nameLike } from './english.ts';
import type { Key } from './key.ts';
import { isAllCapitals, isCapitalised, normaliseWord } from './normalise.ts';
import { caseSafeTerms, type SafeTerms } from './safe-terms.ts';
import { opensClause, startsUnit } from './sentences.ts';
import { isTitleWord } from './titles.ts';
import { gapApostrophe, gapComma, gapDot, gapHyphen, gapSpace, tokenise, type Tokens } from './tokens.ts';
import type { Span } from './types.ts';
import { bodyHeads, compassWords, institutionWords, notNameLike, organisationHeads, placeHeads, placeNouns, streetWords } from './vocabulary.ts';

/**
 * compromise, loaded the first time the NLP pass runs (commands and runs without NLP never load
 * it), from its one-file CommonJS build: its ES module build is hundreds of files, slower to load
 * on every start of the command.
 */
let loaded: typeof nlpType | undefined;
function tagger(): typeof nlpType {
  loaded ??= createRequire(import.meta.url)('compromise') as typeof nlpType;
  return loaded;
}

type EntityKind = 'person' | 'place' | 'organisation';

export interface NlpRecogniser {
  /**
   * Possible identifiers in a text, as spans without replacement. Words inside `covered` spans
   * (what the key and the patterns already replace) are never part of one.
   */
  find(text: string, covered?: readonly Span[]): Span[];
}

type LexiconEntry = string | string[];
let lexiconLoaded: Record<string, LexiconEntry> | undefined;
/** compromise's word list (loaded with it). */
function lexicon(): Record<string, LexiconEntry> {
  lexiconLoaded ??= (tagger() as unknown as { world(): { model: { one: { lexicon: Record<string, LexiconEntry> } } } }).world().model.one.lexicon;
  return lexiconLoaded;
}
const personTags = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
const placeTags = new Set(['City', 'Country', 'Region', 'Place', 'Address']);
const organisationTags = new Set(['Organization', 'SportsTeam', 'School', 'Company']);

function tagsOf(word: string): readonly string[] {
  const entry = lexicon()[word];
  if (entry === undefined) return [];
  return Array.isArray(entry) ? entry : [entry];
}

/** What the lexicon says of a lower-case word: a name, an ordinary word, or nothing. */
function lexiconKind(word: string): 'name' | 'word' | undefined {
  const tags = tagsOf(word);
  if (tags.length === 0) return undefined;
  return tags.some((t) => personTags.has(t) || placeTags.has(t) || organisationTags.has(t) || t === 'ProperNoun') ? 'name' : 'word';
}

/** Endings of ordinary English words, for a capitalised word no word list knows. */
const ordinaryEnding = /(?:ly|tion|tions|sion|sions|ment|ments|ness|ing|ings|ed|ity|ities|ies|ance|ence|ful|less|ous|ive|able|ible|ism|ist|ists|ise|ize|ised|ized|ship|hood|wards|ward|ery|ors|ers)$/;

const particles = new Set(['van', 'von', 'de', 'der', 'den', 'la', 'le', 'du', 'da', 'di', 'al', 'bin', 'ibn', 'el', 'upon']);
/** Abbreviations after which a full stop does not end the name: "Mr. Smith", "St. Mary's", "Sgt. O'Neill". */
const abbreviations = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'prof', 'rev', 'revd', 'fr', 'sgt', 'insp', 'det', 'cllr', 'supt']);
const placePrepositions = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'outside', 'towards', 'via', 'around', 'on']);
/** Titles our rules know beyond the key's (ranks and roles written before a name). */
const extraTitles = new Set(['pcso', 'imam', 'pastor', 'rabbi', 'nurse', 'sister', 'father', 'detective', 'sergeant', 'inspector', 'constable']);
/** Titles that only ever stand before a name: whatever word follows is one ("Mr Baker", "DI Hague"). */
const honorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'cllr', 'pc', 'dc', 'ds', 'di', 'dci', 'dsi', 'sgt', 'insp', 'revd', 'fr', 'pcso', 'supt']);
/** Prefixes of hyphenated ordinary words: "Re-audit", "Co-ordination", "Non-engagement". */
const prefixes = new Set(['co', 're', 'pre', 'contra', 'non', 'sub', 'multi', 'inter', 'anti', 'ex', 'self', 'post', 'cross', 'counter', 'semi', 'over', 'under', 'out', 'mid', 'un', 'de', 'dis', 'mis', 'bi', 'tri', 'pro', 'micro', 'macro', 'mini', 'trans', 'intra', 'well']);

/** Token classes. */
const breaker = 0;
const nameWord = 1;
const safeWord = 2;
const numberWord = 3;
const joiner = 4;

const cacheLimit = 20_000;

export function createNlpRecogniser(caseModel: Case, key: Key): NlpRecogniser {
  const safe = caseSafeTerms(caseModel, key);
  const taggerCache = new Map<string, ReadonlySet<number>>();

  /** Offsets (within the sentence) of the words compromise's tagger takes for names of people, places or organisations. */
  function taggedNames(sentence: string): ReadonlySet<number> {
    let names = taggerCache.get(sentence);
    if (names) return names;
    const found = new Set<number>();
    const sentences = tagger()(sentence).json({ offset: true, terms: { offset: true } }) as { terms: { tags: string[]; offset: { start: number } }[] }[];
    for (const s of sentences) {
      for (const term of s.terms) {
        if (term.tags.some((t) => personTags.has(t) || placeTags.has(t) || organisationTags.has(t))) found.add(term.offset.start);
      }
    }
    names = found;
    if (taggerCache.size >= cacheLimit) taggerCache.clear();
    taggerCache.set(sentence, names);
    return names;
  }

  return {
    find(text: string, covered: readonly Span[] = []): Span[] {
      const tokens = tokenise(text);
      if (tokens.count === 0) return [];
      const classes = classify(text, tokens, covered, safe);
      const out: Span[] = [];
      for (const run of runs(tokens, classes)) {
        const span = judge(text, tokens, classes, run, taggedNames);
        if (span) out.push(span);
      }
      return out;
    },
  };
}

/** The words of a text with their class (below), as written and normalised. */
interface Classified {
  readonly of: Uint8Array;
  raw(i: number): string;
  word(i: number): string;
}

/** An acronym: "DHR", "MARACs", "DVPNs", "IDVAs", "CVs", "DoH", "ToR", "DfE". */
function isAcronym(raw: string, word: () => string): boolean {
  if (isAllCapitals(raw)) return raw.length <= 4 || lexiconKind(word()) === 'word' || ordinaryEnding.test(word()) || (englishWord(word()) && !nameLike(word()));
  const n = raw.length;
  // Plural: capitals and a lower-case s.
  if (n >= 3 && raw.charCodeAt(n - 1) === 0x73 && isAllCapitals(raw.slice(0, -1))) return true;
  // Short, with more capitals than one: DoH, ToR, DfE, MoJ.
  if (n <= 4) {
    let capitals = 0;
    for (let k = 0; k < n; k++) {
      const c = raw.charCodeAt(k);
      if (c >= 0x41 && c <= 0x5a) capitals++;
    }
    return capitals >= 2;
  }
  return false;
}

/** Each word's part in a name: a name word, a safe word, a number, a joiner (particle, possessive s) or a break. */
function classify(text: string, tokens: Tokens, covered: readonly Span[], safe: SafeTerms): Classified {
  const n = tokens.count;
  const classes = new Uint8Array(n);
  const normalised: (string | undefined)[] = new Array(n);
  const raw = (i: number) => text.slice(tokens.starts[i], tokens.ends[i]);
  const word = (i: number) => (normalised[i] ??= normaliseWord(raw(i)));

  const spans = covered.length > 1 ? [...covered].sort((a, b) => a.start - b.start) : covered;
  let s = 0;
  for (let i = 0; i < n; i++) {
    while (s < spans.length && spans[s].end <= tokens.starts[i]) s++;
    if (s < spans.length && spans[s].start < tokens.ends[i]) {
      classes[i] = breaker;
      continue;
    }
    const c = text.charCodeAt(tokens.starts[i]);
    if (c >= 0x30 && c <= 0x39) {
      classes[i] = numberWord;
      continue;
    }
    const r = raw(i);
    if (!isCapitalised(r)) {
      const gap = tokens.gap(i);
      if ((gap === gapApostrophe && word(i) === 's') || (gap === gapHyphen && i > 0 && classes[i - 1] !== breaker) || particles.has(word(i))) classes[i] = joiner;
      else classes[i] = breaker;
      continue;
    }
    // A single capital letter: an initial, "Plan B", "Appendix C"; it is a name only beside one.
    if (r.length === 1) {
      classes[i] = safeWord;
      continue;
    }
    // Capitals alone say nothing of an acronym or of a word in a heading written in capitals;
    // a letter written over and over holds the place of a name in a template ("DHR XXXXX").
    if (isAcronym(r, () => word(i)) || /^(\p{L})\1{2,}$/iu.test(r)) {
      classes[i] = safeWord;
      continue;
    }
    const match = safeRun(safe, tokens, word, i);
    if (match.length > 0) {
      // A replacement (code, pseudonym, place phrase) is a boundary, as a keyed name is.
      for (let k = i; k < i + match.length; k++) classes[k] = match.replacement ? breaker : safeWord;
      i += match.length - 1;
      continue;
    }
    classes[i] = nameWord;
  }
  return { of: classes, raw, word };
}

/** How many words from i a safe term covers, and whether it is a replacement. */
function safeRun(safe: SafeTerms, tokens: Tokens, word: (i: number) => string, i: number): { length: number; replacement: boolean } {
  const words: string[] = [word(i)];
  for (let k = i + 1; k < tokens.count && k < i + 8; k++) {
    const gap = tokens.gap(k);
    if (gap !== gapSpace && gap !== gapApostrophe && gap !== gapHyphen && !/^[ \u00A0]*&[ \u00A0]*$/.test(tokens.text.slice(tokens.ends[k - 1], tokens.starts[k]))) break;
    words.push(word(k));
  }
  return safe.match(words, 0);
}

interface Run {
  first: number;
  last: number;
}

/** Runs of capitalised words (with numbers, particles and possessives between them) that hold at least one name word. */
function runs(tokens: Tokens, classes: Classified): Run[] {
  const out: Run[] = [];
  let current: Run | undefined;
  let hasName = false;
  const close = () => {
    if (current && hasName) out.push(current);
    current = undefined;
    hasName = false;
  };
  for (let i = 0; i < tokens.count; i++) {
    const k = classes.of[i];
    if (k === breaker) {
      close();
      continue;
    }
    if (current && current.last === i - 1 && joins(tokens, classes, i)) {
      current.last = i;
    } else {
      close();
      if (k === joiner) continue;
      current = { first: i, last: i };
    }
    if (k === nameWord) hasName = true;
  }
  close();
  return out;
}

/** Whether word i continues the name of word i − 1. */
function joins(tokens: Tokens, classes: Classified, i: number): boolean {
  const gap = tokens.gap(i);
  if (gap === gapSpace) return !/[\r\n]/.test(tokens.text.slice(tokens.ends[i - 1], tokens.starts[i]));
  if (gap === gapHyphen || gap === gapApostrophe) return true;
  // "Mr. Smith", "J. Smith": after an abbreviation or an initial (a letter, not a number: "Template 2. Briefly").
  if (gap === gapDot) return abbreviations.has(classes.word(i - 1)) || (classes.raw(i - 1).length === 1 && classes.of[i - 1] !== numberWord);
  return false;
}

/** Whether name word i is an ordinary English word rather than a name ("Contract", "Re-audit", "Co-ordination"). */
function isOrdinary(tokens: Tokens, classes: Classified, i: number): boolean {
  const w = classes.word(i);
  // A prefix or a word hyphenated to an ordinary word: "Re-audit", "Co-ordination", but not "Co-op".
  if (i + 1 < tokens.count && tokens.gap(i + 1) === gapHyphen) {
    const next = classes.word(i + 1);
    if (next.length >= 3 && ((prefixes.has(w) && englishWord(next)) || englishWord(w + next))) return true;
  }
  const kind = lexiconKind(w);
  if (kind === 'name') return false;
  if (kind === 'word' || englishWord(w)) return true;
  // A word no list knows with an ending names do not have: "Anonymisations", "Safeguardingness".
  return abstractEnding.test(w);
}

/** Endings of abstract nouns, which names do not have (unlike -ing, -ed, -ly: Fielding, Ahmed, Kelly). */
const abstractEnding = /(?:tions?|sions?|ments?|ness|ities|ity|isms?|ships?|hoods?)$/;

/** Whether a normalised ordinary word is also a name people bear or a place has (Hope, Baker, Dawn). */
function isNameLike(w: string): boolean {
  return nameLike(w) && !notNameLike.has(w) && !institutionWords.has(w) && !compassWords.has(w);
}

/** The finding for a run, or nothing when it is safe, ordinary, or an ordinary word opening a sentence. */
function judge(
  text: string,
  tokens: Tokens,
  classes: Classified,
  run: Run,
  taggedNames: (sentence: string) => ReadonlySet<number>,
): Span | undefined {
  const { word } = classes;
  let { first, last } = run;
  // Leading safe function words and ordinary words that only open a sentence or shout in capitals.
  while (first <= last) {
    const k = classes.of[first];
    const strip =
      k === joiner ||
      (k === numberWord && !startsAddress(classes, first, last)) ||
      (k === safeWord && articles.has(word(first))) ||
      (k === nameWord && isOrdinaryOpening(text, tokens, classes, first, first < last));
    if (!strip) break;
    first++;
  }
  // Trailing particles and possessives, and numbers unless they number a flat ("Flat 6").
  while (last > first && (classes.of[last] === joiner || (classes.of[last] === numberWord && !numberedPlaces.has(word(last - 1))))) last--;
  let names = 0;
  for (let i = first; i <= last; i++) if (classes.of[i] === nameWord) names++;
  if (names === 0) return undefined;

  const finding = (kind: EntityKind = kindOf(tokens, classes, first, last)): Span => {
    const start = tokens.starts[first];
    const end = tokens.ends[last];
    return { start, end, text: text.slice(start, end), kind, source: 'nlp' };
  };

  // A title that only stands before a name: "Mr Ollerenshaw", "DI Hague", "Mrs Baker".
  for (let i = first; i < last; i++) {
    if (honorifics.has(word(i)) && classes.of[i + 1] === nameWord) return finding('person');
  }
  // A house number and a street: "4 Park Lane".
  if (startsAddress(classes, first, last)) return finding('place');

  let proper = false;
  for (let i = first; i <= last && !proper; i++) if (classes.of[i] === nameWord && !isOrdinary(tokens, classes, i)) proper = true;

  if (!proper) {
    // Ordinary words: a post, a body, a paper or a defined term, unless used as a name.
    const kind = ordinaryUsedAsName(tokens, classes, first, last);
    return kind ? finding(kind) : undefined;
  }

  // One word nobody knows, opening a sentence: a name only if what follows reads as a person
  // doing something ("Nowak told…", "Okafor's flat"), or compromise's tagger takes it for one.
  // A verb such as "said", "had", "was" is enough; a possessive, a comma or another verb in -ed
  // ("Sertraline increased…") needs the tagger's word too.
  if (first === last && lexiconKind(word(first)) === undefined && startsUnit(text, tokens.starts[first])) {
    const reading = followedLikeASubject(tokens, classes, first);
    if (reading === undefined) return undefined;
    if (reading === 'maybe') {
      const sentence = sentenceAround(text, tokens, first);
      if (!taggedNames(sentence.text).has(tokens.starts[first] - sentence.start)) return undefined;
    }
  }
  return finding();
}

const articles = new Set(['the', 'a', 'an']);
const numberedPlaces = new Set(['flat', 'apartment', 'unit', 'room', 'block', 'house', 'plot']);
/** Words before a noun that make it a common noun: "the Contract", "a Decision Report", "this Work". */
const determiners = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'any', 'each', 'every', 'our', 'their', 'its', 'his', 'her', 'my', 'your',
  'such', 'no', 'all', 'both', 'either', 'neither', 'another', 'whose', 'some', 'relevant', 'appropriate',
]);
/** Relatives and others whose name follows them: "her friend Hope", "his mother, Dawn". */
const relationNouns = new Set([
  'friend', 'sister', 'brother', 'mother', 'father', 'mum', 'dad', 'partner', 'husband', 'wife', 'son', 'daughter', 'cousin', 'aunt',
  'auntie', 'aunty', 'uncle', 'niece', 'nephew', 'grandmother', 'grandfather', 'grandson', 'granddaughter', 'nan', 'nana', 'grandma',
  'grandad', 'granddad', 'neighbour', 'colleague', 'boyfriend', 'girlfriend', 'fiance', 'fiancee', 'stepfather', 'stepmother',
  'stepson', 'stepdaughter', 'landlord', 'landlady', 'flatmate', 'lodger', 'carer', 'employer', 'manager', 'teacher', 'ex',
]);
/** Verbs of someone speaking or acting in person: "Dawn said", "Hope rang". */
const personVerbs = new Set([
  'said', 'says', 'told', 'tells', 'explained', 'disclosed', 'stated', 'recalled', 'remembered', 'admitted', 'denied', 'alleged',
  'texted', 'messaged', 'rang', 'phoned', 'telephoned', 'whispered', 'shouted', 'screamed', 'cried', 'replied', 'confided', 'added',
]);
/** Prepositions that put a name in a place: "at the Fat Cat", "outside the Red Lion". */
const locatives = new Set(['at', 'near', 'outside', 'opposite', 'beside', 'behind', 'inside']);
/** Verbs of working for someone: "employed by Stagecoach", "worked at Asda". */
const employment = new Set(['employed', 'worked', 'working', 'works', 'work', 'job', 'shifts', 'shift', 'volunteered', 'volunteering']);
const employmentPrepositions = new Set(['at', 'for', 'by', 'with']);

/**
 * Whether ordinary capitalised words [first, last] are used as a name, and as what: a street
 * ("Park Lane"), a building or business ("Porter Brook Medical Centre", "the Manor estate",
 * "at the Fat Cat"), a person ("her friend Hope", "Dawn said", "Dawn Hill").
 */
function ordinaryUsedAsName(tokens: Tokens, classes: Classified, first: number, last: number): EntityKind | undefined {
  const { word } = classes;
  const head = word(last);
  const institutional = (i: number) => institutionWords.has(word(i)) || bodyHeads.has(word(i));
  const before = (offset: number): string | undefined => {
    const i = first - offset;
    if (i < 0) return undefined;
    const gap = tokens.gap(i + 1);
    return gap === gapSpace || gap === gapComma ? word(i) : undefined;
  };
  const after = last + 1 < tokens.count && tokens.gap(last + 1) === gapSpace && !isCapitalised(classes.raw(last + 1)) ? word(last + 1) : undefined;
  let nameWords = 0;
  let nameLikeWords = 0;
  let placeName = false;
  for (let i = first; i <= last; i++) {
    if (!placeName && tagsOf(word(i)).some((t) => placeTags.has(t))) placeName = true;
    if (classes.of[i] !== nameWord) continue;
    nameWords++;
    if (isNameLike(word(i)) || compassWords.has(word(i))) nameLikeWords++;
  }
  const onlyNameWords = nameWords === last - first + 1;

  // A building or business: "Porter Brook Medical Centre", "Northern General Hospital", "Hope
  // House", "Sheffield Register Office" (but not a kind of place: "Training Centre", "Nursing Home").
  if (last > first && organisationHeads.has(head) && !bodyHeads.has(head) && (nameWords >= 2 || nameLikeWords > 0 || placeName)) return 'organisation';
  // A street or a dwelling: "Park Lane", "Mill Court", "Rose Cottage".
  if (last > first && (streetWords.has(head) || dwellingHeads.has(head)) && classes.of[last - 1] === nameWord && !institutional(last - 1)) return 'place';
  if (institutional(last)) return undefined;
  // "the Manor estate", "The Red Lion public house".
  if (after !== undefined && placeNouns.has(after)) return 'place';
  // "the Baker family".
  if (after !== undefined && familyNouns.has(after) && classes.of[last] === nameWord && isNameLike(head)) return 'person';
  // "at the Fat Cat", "employed by Stagecoach".
  const skip = before(1) === 'the' ? 1 : 0;
  const preposition = before(1 + skip);
  if (preposition !== undefined && locatives.has(preposition) && onlyNameWords) return 'place';
  if (preposition !== undefined && employmentPrepositions.has(preposition) && onlyNameWords) {
    for (let k = 2 + skip; k <= 6 + skip; k++) {
      const w = before(k);
      if (w === undefined) break;
      if (employment.has(w)) return 'organisation';
    }
  }

  // A person named by ordinary words: never after "the", "a", "this", and ending in a name word.
  if (determiners.has(before(1) ?? '') || last - first > 2 || classes.of[last] !== nameWord) return undefined;
  if (relationNouns.has(before(1) ?? '')) return 'person';
  if (after !== undefined && personVerbs.has(after)) return 'person';
  if (first === last && last + 2 < tokens.count && tokens.gap(last + 1) === gapApostrophe && word(last + 1) === 's' && isNameLike(head)) return 'person';
  // "Dawn Hill", "Hope": every word a name as well as a word.
  return onlyNameWords && nameLikeWords === nameWords && !compassWords.has(head) ? 'person' : undefined;
}

/** Words that end the name of a dwelling: "Rose Cottage", "Mill Court", "Hope House". */
const dwellingHeads = new Set(['cottage', 'cottages', 'farm', 'lodge', 'hall', 'house', 'manor', 'mansions', 'towers', 'flats', 'court', 'chambers', 'buildings', 'building']);
/** Words after a surname that make it a family's: "the Baker family". */
const familyNouns = new Set(['family', 'families', 'household', 'twins', 'brothers', 'sisters', 'children']);

/** A number opening a run that reads as an address: "4 Park Lane". */
function startsAddress(classes: Classified, first: number, last: number): boolean {
  if (classes.of[first] !== numberWord) return false;
  return streetWords.has(classes.word(last)) && last > first + 1;
}

/** Whether a capitalised word is capitalised only because it opens a sentence (or is in capitals) and is an ordinary word. */
function isOrdinaryOpening(text: string, tokens: Tokens, classes: Classified, i: number, followedByMore: boolean): boolean {
  const r = classes.raw(i);
  const shouted = isAllCapitals(r);
  if (!shouted && !opensClause(text, tokens.starts[i])) return false;
  const w = classes.word(i);
  if (isTitleWord(w) || extraTitles.has(w)) return false;
  const kind = lexiconKind(w);
  if (kind === 'name') return false;
  // A first name that is also a word, before a surname: "Penny Brooks", "Dawn Hague".
  if (followedByMore && isNameLike(w) && classes.of[i + 1] === nameWord && !isOrdinary(tokens, classes, i + 1)) return false;
  if (kind === 'word' || isOrdinary(tokens, classes, i)) return true;
  // Unknown to the word lists: ordinary by its ending; otherwise part of a longer name ("Kasia Nowak") or left to the tagger.
  return ordinaryEnding.test(w) && !followedByMore;
}

/** Verbs that follow a person named at the start of a sentence. */
const subjectVerbs = new Set([
  'said', 'says', 'told', 'tells', 'was', 'is', 'had', 'has', 'would', 'could', 'will', 'did', 'does', 'went', 'goes',
  'came', 'comes', 'made', 'gave', 'saw', 'took', 'left', 'felt', 'knew', 'thought', 'became', 'and', 'who', 'works', 'lives',
]);

/**
 * Whether the word after word i reads as a verb of its subject ("Nowak told", "Shabana had"):
 * 'yes'; or as a possessive, a list or another verb in -ed ("Okafor's", "Begum,", "Sertraline
 * increased"): 'maybe'; or not at all.
 */
function followedLikeASubject(tokens: Tokens, classes: Classified, i: number): 'yes' | 'maybe' | undefined {
  if (i + 1 >= tokens.count) return undefined;
  const between = tokens.text.slice(tokens.ends[i], tokens.starts[i + 1]);
  if (/^['’]$/.test(between) || /^,\s*$/.test(between)) return 'maybe';
  if (tokens.gap(i + 1) !== gapSpace) return undefined;
  const next = classes.word(i + 1);
  if (subjectVerbs.has(next)) return 'yes';
  return /ed$/.test(next) && !isCapitalised(classes.raw(i + 1)) ? 'maybe' : undefined;
}

function sentenceAround(text: string, tokens: Tokens, i: number): { start: number; text: string } {
  let to = i;
  while (to + 1 < tokens.count && to - i < 6) {
    const between = text.slice(tokens.ends[to], tokens.starts[to + 1]);
    if (/[.!?;:\n\r]/.test(between)) break;
    to++;
  }
  const start = tokens.starts[i];
  return { start, text: text.slice(start, tokens.ends[to]) };
}

function kindOf(tokens: Tokens, classes: Classified, first: number, last: number): EntityKind {
  const { word } = classes;
  const head = word(last);
  const opening = word(first);
  if (isTitleWord(opening) || extraTitles.has(opening)) return 'person';
  if (classes.of[first] === numberWord || opening === 'flat' || opening === 'apartment') return 'place';
  if (last > first && (organisationHeads.has(head) || bodyHeads.has(head))) return 'organisation';
  if (last > first && placeHeads.has(head)) return 'place';
  let person = false;
  for (let i = first; i <= last; i++) {
    const tags = tagsOf(word(i));
    if (tags.some((t) => organisationTags.has(t))) return 'organisation';
    if (tags.some((t) => placeTags.has(t))) return 'place';
    if (tags.some((t) => personTags.has(t))) person = true;
  }
  if (person) return 'person';
  if (first > 0 && placePrepositions.has(word(first - 1))) return 'place';
  return 'person';
}
