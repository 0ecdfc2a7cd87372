/**
 * The steps Word and Excel redaction share: properties, relationships' external targets,
 * pictures' metadata, embedded packages, and the warning for what cannot be checked.
 */
import { DhrError } from '../../pipeline/errors.ts';
import type { RedactionContext } from './context.ts';
import { redactGenericXml as generic } from './generic-xml.ts';
import { limits } from './limits.ts';
import { redactAppProperties, redactCoreProperties } from './metadata.ts';
import { stripImageMetadata } from './media.ts';
import type { OoxmlPackage } from './package.ts';
import { embeddedKind, partRole } from './parts.ts';
import { redactExternalTargets } from './targets.ts';

/**
 * Relationship kinds whose targets go in every package: personal metadata, thumbnails, shared
 * workbook revision logs, and digital signatures (they name the signer, and no longer match a
 * changed file anyway).
 */
export const ALWAYS_REMOVED_RELATIONSHIPS = new Set([
  'origin',
  'custom-properties',
  'customProperties',
  'customXml',
  'thumbnail',
  'attachedTemplate',
  'mailMergeSource',
  'mailMergeHeaderSource',
  'recipientData',
  'revisionHeaders',
  'revisionLog',
  'usernames',
]);

/** Remove the relationships of these kinds from every part, and the parts they point at. */
export function removeByRelationship(pkg: OoxmlPackage, kinds: Set<string>): void {
  for (const rels of pkg.parts().filter((p) => p.toLowerCase().endsWith('.rels'))) {
    const source = rels.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
    const gone = pkg.removeRelationships(source, (r) => kinds.has(r.kind));
    for (const r of gone) if (r.part) pkg.remove(r.part);
  }
}

/** Custom XML (SharePoint metadata, cover-page fields, bibliography) and custom properties go. */
export function removeCustomData(pkg: OoxmlPackage): void {
  for (const p of pkg.parts()) {
    if (/^customxml\//i.test(p)) pkg.remove(p);
    const role = partRole(pkg, p);
    if (role === 'custom') pkg.remove(p);
  }
  removeByRelationship(pkg, ALWAYS_REMOVED_RELATIONSHIPS);
}

/** Nesting depth of embedded packages being redacted (an Excel chart's workbook inside Word). */
export interface Nesting {
  depth: number;
}

export type PackageRedactor = (bytes: Uint8Array, ctx: RedactionContext, nesting: Nesting) => Uint8Array;

/**
 * The parts every package has in common: properties, pictures, embedded packages, external
 * targets. `xml` handles the format's own XML parts.
 */
export function redactCommonParts(pkg: OoxmlPackage, ctx: RedactionContext, nesting: Nesting, xml: (part: string, text: string) => string, embedded: Record<'docx' | 'xlsx', PackageRedactor>): void {
  for (const part of pkg.parts()) {
    ctx.enter(part);
    const role = partRole(pkg, part);
    switch (role) {
      case 'core':
        pkg.setText(part, redactCoreProperties(pkg.text(part), ctx));
        break;
      case 'app':
        pkg.setText(part, redactAppProperties(pkg.text(part), ctx));
        break;
      case 'formatting': {
        const before = pkg.text(part);
        const after = generic(before, ctx);
        if (after !== before) pkg.setText(part, after);
        break;
      }
      case 'xml': {
        const before = pkg.text(part);
        const after = xml(part, before);
        if (after !== before) pkg.setText(part, after);
        break;
      }
      case 'image': {
        if (/\.svg$/i.test(part)) {
          // A vector picture is XML that can hold text (labels, a title, its author): it is
          // redacted as XML; one that cannot be read so (a DOCTYPE) is flagged, never passed silently.
          try {
            const text = pkg.text(part);
            const after = generic(text, ctx);
            if (after !== text) pkg.setText(part, after);
          } catch (error) {
            if (!(error instanceof DhrError)) throw error;
            ctx.warnings.push(`${ctx.part}: a vector picture (SVG) whose text dhr-kit cannot check (${error.message}); remove it before publishing`);
          }
          break;
        }
        const before = pkg.bytes(part);
        const after = stripImageMetadata(part, before);
        if (after !== before) pkg.setBytes(part, after);
        break;
      }
      case 'package': {
        const kind = embeddedKind(part)!;
        if (nesting.depth >= limits.maxNesting) {
          ctx.warnings.push(`${ctx.part}: an embedded file nested too deep to check; remove it before publishing`);
          break;
        }
        const prefix = ctx.prefix;
        ctx.prefix = `${prefix}${part}!`;
        try {
          pkg.setBytes(part, embedded[kind](pkg.bytes(part), ctx, { depth: nesting.depth + 1 }));
        } catch (error) {
          if (!(error instanceof DhrError)) throw error;
          ctx.warnings.push(`${prefix}${part}: an embedded file that cannot be opened (${error.message}); remove it before publishing`);
        } finally {
          ctx.prefix = prefix;
        }
        break;
      }
      case 'binary':
        if (/embeddings\/|activeX\/|vbaProject|\.bin$/i.test(part) && !/printerSettings/i.test(part)) {
          ctx.warnings.push(`${ctx.part}: ${/vbaProject/i.test(part) ? 'macros' : 'an embedded object'} that dhr-kit cannot check; remove it before publishing`);
        }
        break;
      default:
        break;
    }
  }
  redactExternalTargets(pkg, ctx);
}
