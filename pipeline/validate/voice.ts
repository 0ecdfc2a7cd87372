/**
 * Whose words are these? For checklist item 8 (the victim's voice): find the sentences that
 * carry someone's own words (quotation), wishes or feelings, or report what they said, and
 * work out who the speaker is — the person named last before the words, a pronoun followed
 * back to the last person of that sex, or the speaker of the verb that introduces a quotation.
 */
import type { Case, Person } from '../../schemas/case.ts';
import { imrPhrases } from '../../schemas/checklists.ts';
import type { Block } from './blocks.ts';
import { keyTerms } from './key.ts';
import { escapeRegex, phraseRegex, sentences } from './text.ts';

export type Speaker = 'victim' | 'other' | 'unknown';

export interface VoiceHit {
  block: Block;
  sentence: string;
  /** "own words" (a quotation), "wishes and feelings", or "reported" (an account of what was said). */
  kind: 'own words' | 'wishes and feelings' | 'reported';
  speaker: Speaker;
}

interface Ref {
  index: number;
  end: number;
  who: 'victim' | 'other';
  sex?: Person['sex'];
  pronoun?: 'female' | 'male';
}

interface RefPattern {
  re: RegExp;
  who: 'victim' | 'other';
  sex?: Person['sex'];
  pronoun?: 'female' | 'male';
  /**
   * The first word of a name or code, which a sentence must contain for the pattern to match
   * there (lower case when the pattern ignores case): most patterns are skipped for most
   * sentences without running them.
   */
  needle?: string;
  ignoresCase?: boolean;
}

const notRecorded =
  /\b(?:wishes|feelings|views|voice)\b[^.]{0,60}\b(?:not|never)\s+(?:been\s+)?(?:recorded|sought|asked|known|ascertained|documented|captured|explored|obtained)\b|\bno\s+record\s+of\s+(?:her|his|their)\s+(?:wishes|feelings|views)\b/i;
const quotation = /[“"]([^”"]{3,})[”"]|‘([^’]{8,})’/g;

function patternsFor(c: Case): RefPattern[] {
  const out: RefPattern[] = [];
  const byReplacement = new Map<string, Person>();
  for (const p of c.people) byReplacement.set(p.pseudonym ?? p.code, p);
  const word = (t: string, flags = 'giu') => {
    const ignoresCase = flags.includes('i');
    const first = t.trim().split(/\s+/)[0];
    // Only an ASCII word is a safe needle when case is ignored (Unicode case folding is wider than toLowerCase).
    const needle = first && (!ignoresCase || /^[\x20-\x7e]+$/.test(first)) ? (ignoresCase ? first.toLowerCase() : first) : undefined;
    return { re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(t).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, flags), needle, ignoresCase };
  };
  for (const p of c.people) {
    const who = p.role === 'victim' ? 'victim' : 'other';
    for (const t of [p.code, p.pseudonym]) if (t) out.push({ ...word(t, 'gu'), who, sex: p.sex });
  }
  // Real names (agencies' IMRs often use them): each key name belongs to a person or a professional.
  for (const t of keyTerms(c)) {
    if (t.kind === 'person') {
      const p = byReplacement.get(t.replacement);
      if (p) out.push({ ...word(t.text, t.caseSensitive ? 'gu' : 'giu'), who: p.role === 'victim' ? 'victim' : 'other', sex: p.sex });
    } else if (t.kind === 'professional') {
      out.push({ ...word(t.text, t.caseSensitive ? 'gu' : 'giu'), who: 'other' });
    }
  }
  for (const p of c.professionals) out.push({ ...word(p.code, 'gu'), who: 'other' });
  out.push({ re: /\bthe victim\b/gi, who: 'victim', sex: c.people.find((p) => p.role === 'victim')?.sex });
  out.push({ re: /\b(?:the\s+)?(?:alleged\s+)?perpetrator\b|\b(?:I|me|the author|officers?|the officer|staff|the GP|the nurse|the worker|the caller|a caller|a neighbour|the neighbour|her mother|her partner|his partner)\b/g, who: 'other' });
  out.push({ re: /\b(?:she|her|herself)\b/gi, who: 'other', pronoun: 'female' });
  out.push({ re: /\b(?:he|his|him|himself)\b/gi, who: 'other', pronoun: 'male' });
  return out;
}

/** Characters that a pattern ignoring case takes for an ASCII letter (ſ for s, the Kelvin sign for k). */
const foldsToAscii = /[\u017f\u212a]/;

function refsIn(sentence: string, patterns: RefPattern[]): Ref[] {
  const refs: Ref[] = [];
  const lower = sentence.toLowerCase();
  const needles = !foldsToAscii.test(sentence);
  for (const p of patterns) {
    if (needles && p.needle !== undefined && !(p.ignoresCase ? lower : sentence).includes(p.needle)) continue;
    p.re.lastIndex = 0;
    for (const m of sentence.matchAll(p.re)) refs.push({ index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, who: p.who, sex: p.sex, pronoun: p.pronoun });
  }
  // Longest first at each place; drop matches inside longer ones ("Adult X" inside "Adult XAP" cannot match, but "Ashworth" inside "Zoë Ashworth" can).
  refs.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: Ref[] = [];
  for (const r of refs) if (!out.some((o) => r.index < o.end && r.end > o.index)) out.push(r);
  return out;
}

/** Every sentence of some blocks that carries someone's words, wishes or feelings, with who it is. */
export function findVoice(blocks: readonly Block[], c: Case): VoiceHit[] {
  const patterns = patternsFor(c);
  const wishes = phraseRegex(imrPhrases.voiceWishes, 'gi');
  const reported = phraseRegex(imrPhrases.voiceReported, 'gi');
  const hits: VoiceHit[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') continue;
    // Who is named where is worked out only for the sentences with a hit, and for those before
    // them as far back as needed: most sentences say nothing of anyone's voice.
    const all = sentences(block.text);
    const refsOf = new Map<number, Ref[]>();
    const refsAt = (i: number): Ref[] => {
      let refs = refsOf.get(i);
      if (refs === undefined) refsOf.set(i, (refs = refsIn(all[i], patterns)));
      return refs;
    };
    /** The last person of each sex named before sentence i (in the block), for pronouns. */
    const namedBefore = (i: number): Record<'female' | 'male', 'victim' | 'other' | undefined> => {
      const last: Record<'female' | 'male', 'victim' | 'other' | undefined> = { female: undefined, male: undefined };
      for (let j = i - 1; j >= 0 && (last.female === undefined || last.male === undefined); j--) {
        const refs = refsAt(j);
        for (const sex of ['female', 'male'] as const) {
          if (last[sex] !== undefined) continue;
          const named = refs.filter((r) => !r.pronoun && r.sex === sex).at(-1);
          if (named) last[sex] = named.who;
        }
      }
      return last;
    };
    for (const [index, sentence] of all.entries()) {
      const speakerAt = (position: number): Speaker => {
        const before = refsAt(index).filter((r) => r.end <= position);
        const state = namedBefore(index);
        let speaker: Speaker = 'unknown';
        for (const r of before) {
          if (r.pronoun) {
            // "her" after a verb is an object, not a speaker, but "she" before one is the subject.
            speaker = state[r.pronoun] ?? 'unknown';
          } else {
            speaker = r.who;
            if (r.sex === 'female' || r.sex === 'male') state[r.sex] = r.who;
          }
        }
        return speaker;
      };
      if (!notRecorded.test(sentence)) {
        const found: VoiceHit[] = [];
        const reportedAt = [...sentence.matchAll(reported)].map((m) => m.index ?? 0);
        for (const m of sentence.matchAll(quotation)) {
          const inside = (m[1] ?? m[2] ?? '').trim();
          if (inside.split(/\s+/).length < 2) continue;
          // A quotation is speech when a verb of saying introduces it ("she said, “…”"), and is
          // spoken by that verb's subject; otherwise it quotes a document or a phrase.
          const at = m.index ?? 0;
          const verb = reportedAt.filter((i) => i < at).at(-1);
          if (verb === undefined) continue;
          found.push({ block, sentence, kind: 'own words', speaker: speakerAt(verb) });
        }
        for (const m of sentence.matchAll(wishes)) found.push({ block, sentence, kind: 'wishes and feelings', speaker: speakerAt(m.index ?? 0) });
        for (const i of reportedAt) found.push({ block, sentence, kind: 'reported', speaker: speakerAt(i) });
        // One hit per sentence: the strongest kind said by the victim, else the strongest.
        const rank = (h: VoiceHit) => (h.speaker === 'victim' ? 0 : 3) + (h.kind === 'own words' ? 0 : h.kind === 'wishes and feelings' ? 1 : 2);
        const best = found.sort((a, b) => rank(a) - rank(b))[0];
        if (best) hits.push(best);
      }
    }
  }
  return hits;
}
