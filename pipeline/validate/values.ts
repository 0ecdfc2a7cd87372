/**
 * Match a value someone typed against an allowed list (schemas/data-form-values.ts): exactly,
 * by one of its synonyms, or not at all — with the nearest allowed value as a suggestion.
 */
import type { AllowedList, AllowedValue } from '../../schemas/data-form-values.ts';
import { editDistance, normaliseValue, similarity } from './text.ts';

export type ValueMatch =
  | { kind: 'exact'; value: AllowedValue; detail?: string }
  | { kind: 'synonym'; value: AllowedValue; detail?: string }
  | { kind: 'none'; suggestion?: AllowedValue };

/** "or" is noise between alternatives: "English/Welsh/…/British" = "English, Welsh, … or British". */
function key(text: string): string {
  return normaliseValue(text)
    .split(' ')
    .filter((w) => w !== 'or')
    .join(' ');
}

function exactForms(v: AllowedValue): string[] {
  return [v.value, ...(v.group ? [`${v.group} ${v.value}`] : [])].map(key);
}

function matchWhole(text: string, list: AllowedList): ValueMatch | undefined {
  const k = key(text);
  if (!k) return undefined;
  for (const v of list.values) if (exactForms(v).includes(k)) return { kind: 'exact', value: v };
  for (const v of list.values) if ((v.synonyms ?? []).some((s) => key(s) === k)) return { kind: 'synonym', value: v };
  return undefined;
}

/** Match a value against a list. Lists that allow detail accept "Yes: learning disability", "Christian (Methodist)". */
export function matchValue(text: string, list: AllowedList): ValueMatch {
  const whole = matchWhole(text, list);
  if (whole) return whole;
  if (list.detail) {
    const m = text.match(/^(.*?)\s*(?:[:;(,–—]|\s-\s)\s*(.*)$/s);
    if (m && m[1].trim()) {
      const head = matchWhole(m[1], list);
      if (head && head.kind !== 'none') return { ...head, detail: text.slice(m[1].length).replace(/^\s*[:;,–—-]\s*/, '').trim() };
    }
  }
  return { kind: 'none', suggestion: nearest(text, list) };
}

/** The allowed value closest to what was typed, if any is reasonably close. */
export function nearest(text: string, list: AllowedList): AllowedValue | undefined {
  const k = key(text);
  let best: { v: AllowedValue; score: number } | undefined;
  for (const v of list.values) {
    for (const form of [v.value, ...(v.group ? [`${v.group} ${v.value}`] : []), ...(v.synonyms ?? [])]) {
      const f = key(form);
      const dice = similarity(k, f).score;
      const edit = 1 - editDistance(k, f) / Math.max(k.length, f.length, 1);
      // A typed value that contains a whole form ("current partner (cohabiting)" ⊃ "current partner").
      const contains = f.length >= 4 && (` ${k} `.includes(` ${f} `) || ` ${f} `.includes(` ${k} `)) ? 0.75 : 0;
      const score = Math.max(dice, edit, contains);
      if (!best || score > best.score) best = { v, score };
    }
  }
  return best && best.score >= 0.5 ? best.v : undefined;
}

/** The list's values as people should write them, for a message. */
export function allowedWords(list: AllowedList): string {
  return list.values.map((v) => `"${v.group ? `${v.group}: ${v.value}` : v.value}"`).join(', ');
}

/** A value as it should be written on the form. */
export function written(v: AllowedValue): string {
  return v.group ? `${v.group}: ${v.value}` : v.value;
}
