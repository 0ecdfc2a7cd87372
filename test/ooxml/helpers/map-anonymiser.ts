/**
 * A small stand-in for the engine, for testing the OOXML transforms on their own: a map of
 * words to replacements (matched whole, without regard to case, longest first), simple e-mail,
 * UK mobile and postcode patterns, and a list of words reported as findings (as the NLP
 * recogniser would).
 */
import type { Span, SpanKind, TextAnonymiser } from '../../../pipeline/anonymise/types.ts';

export interface MapAnonymiserOptions {
  /** Words reported as findings, never replaced. */
  findings?: string[];
  /** Kind given to key spans (default person). */
  kind?: SpanKind;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function mapAnonymiser(map: Record<string, string>, options: MapAnonymiserOptions = {}): TextAnonymiser & { calls: number } {
  const keys = Object.keys(map).sort((a, b) => b.length - a.length);
  const lower = new Map(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]));
  const keyPattern = keys.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
  const patterns: [RegExp, SpanKind, string][] = [
    [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, 'email', '[email removed]'],
    [/\b07\d{3} ?\d{6}\b/g, 'phone', '[phone number removed]'],
    [/\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/g, 'postcode', '[postcode removed]'],
  ];
  const findingWords = options.findings ?? [];
  const findingPattern = findingWords.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${findingWords.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
  const self = {
    calls: 0,
    spans(text: string): Span[] {
      self.calls++;
      const out: Span[] = [];
      // Patterns first, as the engine does: an address is one span, not a name inside it.
      for (const [pattern, kind, label] of patterns) {
        for (const m of text.matchAll(pattern)) {
          const start = m.index!;
          const end = start + m[0].length;
          if (!out.some((s) => s.start < end && s.end > start)) out.push({ start, end, text: m[0], kind, source: 'pattern', replacement: label });
        }
      }
      if (keyPattern) {
        for (const m of text.matchAll(keyPattern)) {
          const start = m.index!;
          const end = start + m[0].length;
          if (out.some((s) => s.start < end && s.end > start)) continue;
          out.push({ start, end, text: m[0], kind: options.kind ?? 'person', source: 'key', replacement: lower.get(m[0].toLowerCase())! });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
    findings(text: string): Span[] {
      if (!findingPattern) return [];
      return [...text.matchAll(findingPattern)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'person' as const, source: 'nlp' as const }));
    },
  };
  return self;
}
