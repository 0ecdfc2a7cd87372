/**
 * External relationship targets: hyperlinks (mailto: addresses, profile URLs with a name in
 * them), linked files and templates on someone's computer. A target that holds an identifier,
 * or points into a local or network folder (which names the user), is replaced by one neutral
 * address (not an e-mail address, which the scanner would rightly flag); others are kept.
 */
import type { RedactionContext } from './context.ts';
import type { OoxmlPackage } from './package.ts';

export const NEUTRAL_URL = 'https://example.invalid/';

const localPath = /^(file:|\\\\|[a-z]:[\\/])/i;

function decoded(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** The target to write instead, or undefined to keep it. */
export function redactTarget(target: string, ctx: RedactionContext): string | undefined {
  const neutral = NEUTRAL_URL;
  if (localPath.test(target)) return neutral;
  const text = decoded(target);
  // Read the address with its punctuation as spaces too, so "jane.smith" and "jane_smith" are names.
  const spaced = text.replace(/[._\-+/=?&#:@%~]+/g, ' ');
  const titled = spaced.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  for (const t of [text, spaced, titled]) {
    const spans = ctx.spans(t);
    if (spans.length > 0) {
      for (const s of spans) ctx.logReplacement(s);
      return neutral;
    }
  }
  return undefined;
}

/** Redact the external targets of every relationships part of a package. */
export function redactExternalTargets(pkg: OoxmlPackage, ctx: RedactionContext): void {
  for (const rels of pkg.parts().filter((p) => p.toLowerCase().endsWith('.rels'))) {
    const source = rels.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
    ctx.enter(rels);
    pkg.editExternalTargets(source, (r) => redactTarget(r.target, ctx));
  }
}
