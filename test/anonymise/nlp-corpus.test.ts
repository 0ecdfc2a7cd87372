/**
 * Recall and false positives of the NLP findings on the corpus (corpus/nlp-corpus.ts).
 * Recall: the share of planted identifiers overlapped by a finding. False positives: findings
 * that overlap no planted identifier. The numbers are printed; recall must stay at 0.9 or more
 * on every set, and false positives must not grow past what was measured.
 */
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../pipeline/anonymise/engine.ts';
import { parseCase } from '../../pipeline/ingest/case.ts';
import { blind, blind2, corpus, corpusCaseYaml, documents, heldOut } from './corpus/nlp-corpus.ts';

interface Planted {
  start: number;
  end: number;
  text: string;
}

/** The sentence without its [[…]] marks, and where the marked identifiers stand. */
function unmark(marked: string): { text: string; planted: Planted[] } {
  const planted: Planted[] = [];
  let text = '';
  for (const part of marked.split(/(\[\[.*?\]\])/)) {
    if (part.startsWith('[[')) {
      const inner = part.slice(2, -2);
      planted.push({ start: text.length, end: text.length + inner.length, text: inner });
      text += inner;
    } else text += part;
  }
  return { text, planted };
}

const anonymiser = createAnonymiser(parseCase(corpusCaseYaml));

function measure(sentences: string[]) {
  let planted = 0;
  let found = 0;
  const missed: string[] = [];
  const falsePositives: string[] = [];
  for (const marked of sentences) {
    const { text, planted: expected } = unmark(marked);
    const findings = anonymiser.findings(text);
    for (const e of expected) {
      planted++;
      if (findings.some((f) => f.start < e.end && e.start < f.end)) found++;
      else missed.push(e.text);
    }
    for (const f of findings) if (!expected.some((e) => f.start < e.end && e.start < f.end)) falsePositives.push(f.text);
  }
  return { sentences: sentences.length, planted, found, recall: found / planted, falsePositives, missed };
}

describe('NLP findings on the corpus', () => {
  it.each([
    ['tuning set', corpus, 0],
    ['held-out set', heldOut, 0],
    ['blind set', blind, 2],
    ['real-document set', documents, 0],
    ['second blind set', blind2, 0],
  ] as const)('%s: recall at least 0.9, false positives recorded', (name, sentences, falsePositiveCeiling) => {
    const result = measure([...sentences]);
    console.log(
      `${name}: ${result.sentences} sentences, ${result.planted} planted, recall ${result.recall.toFixed(3)} (${result.found}/${result.planted}), ` +
        `false positives ${result.falsePositives.length} ${JSON.stringify(result.falsePositives)}, missed ${JSON.stringify(result.missed)}`,
    );
    expect(result.sentences).toBeGreaterThanOrEqual(30);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.falsePositives.length).toBeLessThanOrEqual(falsePositiveCeiling);
  });

  it('has at least 40 sentences in all, with safe-only sentences', () => {
    const all = [...corpus, ...heldOut, ...blind];
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.filter((s) => !s.includes('[[')).length).toBeGreaterThanOrEqual(40);
  });

  it('gives each finding a kind a person can act on', () => {
    const kinds = (marked: string) => anonymiser.findings(unmark(marked).text).map((f) => [f.text, f.kind]);
    expect(kinds('The neighbour, [[Mrs Okafor]], telephoned.')).toEqual([['Mrs Okafor', 'person']]);
    expect(kinds('Anna moved to [[4 Park Lane]] last year.')).toEqual([['4 Park Lane', 'place']]);
    expect(kinds('She was taken to [[Northern General Hospital]].')).toEqual([['Northern General Hospital', 'organisation']]);
    expect(kinds('She grew up in [[Rotherham]].')).toEqual([['Rotherham', 'place']]);
  });

  it('asks compromise about an unknown word opening a sentence', () => {
    // compromise's tagger knows surname shapes the lexicon does not list.
    expect(anonymiser.findings('Nowak told officers she was scared.').map((f) => f.text)).toEqual(['Nowak']);
    expect(anonymiser.findings('Kowalczyk works nights.').map((f) => f.text)).toEqual(['Kowalczyk']);
    expect(anonymiser.findings('Alcohol was a factor. Pregnancy was confirmed in May.')).toEqual([]);
  });

  it('does not report words confirmed safe in anonymisation.allow', () => {
    expect(anonymiser.findings('IDAS offered a place at Hope House Refuge.')).toEqual([]);
    const strict = createAnonymiser(parseCase(corpusCaseYaml.replace('allow: [Hope House Refuge]', 'allow: []')));
    expect(strict.findings('IDAS offered a place at Hope House Refuge.').map((f) => f.text)).toEqual(['Hope House Refuge']);
  });
});
