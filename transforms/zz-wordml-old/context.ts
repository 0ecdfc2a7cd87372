/**
 * The state of one rendering: everything the WordprocessingML written for the body needs added
 * to the package (relationships, pictures, list instances, footnotes) and the ids that must be
 * unique across it (relationships, pictures, bookmarks). All ids are handed out in document
 * order, so the same report always gives the same package.
 */
import type { Figure } from '../../pipeline/assemble/types.ts';
import { DhrError } from '../../pipeline/errors.ts';
import { abstractNumberingXml, numberingInstanceXml, type ListKind } from './numbering.ts';
import { relationshipTypes } from './package.ts';
import { styleIds } from './styles.ts';
import type { TemplateFacts } from './template-facts.ts';

export interface NewRelationship {
  /** The part the relationship belongs to, e.g. word/document.xml. */
  part: string;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export interface NewMedia {
  /** Part name, e.g. word/media/figure-timeline.png. */
  path: string;
  bytes: Uint8Array;
  extension: 'png' | 'jpeg';
}

export interface ContentsEntry {
  level: number;
  text: string;
  bookmark: string;
}

export interface PackageAdditions {
  relationships: NewRelationship[];
  media: NewMedia[];
  /** w:abstractNum elements to add (only when the template links none to the list styles). */
  abstractNumberings: string[];
  /** w:num elements to add. */
  numberingInstances: string[];
  /** w:footnote elements to add to word/footnotes.xml. */
  footnotes: string[];
}

/** A footnote waiting to be written once the body is done. */
export interface PendingFootnote<Scope> {
  id: number;
  identifier: string;
  scope: Scope;
}

export class WordmlContext<Scope = unknown> {
  readonly facts: TemplateFacts;
  readonly figures: Map<string, Figure>;
  readonly contents: ContentsEntry[] = [];
  readonly pendingFootnotes: PendingFootnote<Scope>[] = [];

  private readonly relationships: NewRelationship[] = [];
  private readonly relationshipIds: Map<string, Set<string>>;
  private readonly media = new Map<string, NewMedia>();
  private readonly abstractNumberings: string[] = [];
  private readonly numberingInstances: string[] = [];
  private readonly footnotes = new Map<number, string>();
  private readonly abstractIds: Partial<Record<ListKind, number>>;
  private nextNumId: number;
  private nextAbstractNumId: number;
  private nextFootnoteId: number;
  private nextDrawingId: number;
  private nextBookmarkId: number;
  private relationshipCounter = 0;
  private figureCounter = 0;

  constructor(facts: TemplateFacts, figures: Figure[]) {
    this.facts = facts;
    this.figures = new Map(figures.map((f) => [f.id, f]));
    this.relationshipIds = new Map([...facts.relationshipIds].map(([part, ids]) => [part, new Set(ids)]));
    this.abstractIds = { bullet: facts.numbering.bulletAbstractNumId, ordered: facts.numbering.orderedAbstractNumId };
    this.nextNumId = facts.numbering.nextNumId;
    this.nextAbstractNumId = facts.numbering.nextAbstractNumId;
    this.nextFootnoteId = facts.nextFootnoteId;
    this.nextDrawingId = facts.nextDrawingId;
    this.nextBookmarkId = facts.nextBookmarkId;
  }

  /** A relationship from `part`; the same target of the same type from the same part is shared. */
  relationship(part: string, type: string, target: string, external: boolean): string {
    const existing = this.relationships.find((r) => r.part === part && r.type === type && r.target === target && r.external === external);
    if (existing) return existing.id;
    const taken = this.relationshipIds.get(part) ?? new Set<string>();
    this.relationshipIds.set(part, taken);
    let id: string;
    do {
      this.relationshipCounter += 1;
      id = `rIdDhr${this.relationshipCounter}`;
    } while (taken.has(id));
    taken.add(id);
    this.relationships.push({ part, id, type, target, external });
    return id;
  }

  /**
   * Add a picture part once per `key` (a figure id, an image address) and relate it to `part`;
   * returns the relationship id.
   */
  picture(part: string, key: string, name: string, bytes: Uint8Array, extension: 'png' | 'jpeg'): string {
    let media = this.media.get(key);
    if (!media) {
      const base = name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'picture';
      const taken = new Set([...this.facts.partNames, ...[...this.media.values()].map((m) => m.path)]);
      let path = `word/media/${base}.${extension}`;
      for (let suffix = 2; taken.has(path); suffix += 1) path = `word/media/${base}-${suffix}.${extension}`;
      media = { path, bytes, extension };
      this.media.set(key, media);
    }
    return this.relationship(part, relationshipTypes.image, media.path.slice('word/'.length), false);
  }

  /**
   * A new list instance. Numbered lists restart at `start` on their own level; bullets get an
   * instance too, so a list that follows another is never joined to it.
   */
  listInstance(kind: ListKind, level: number, start?: number): number {
    let abstractId = this.abstractIds[kind];
    if (abstractId === undefined) {
      abstractId = this.nextAbstractNumId;
      this.nextAbstractNumId += 1;
      this.abstractIds[kind] = abstractId;
      this.abstractNumberings.push(
        abstractNumberingXml(abstractId, kind, kind === 'bullet' ? styleIds.listBullet : styleIds.listNumber),
      );
    }
    const numId = this.nextNumId;
    this.nextNumId += 1;
    this.numberingInstances.push(numberingInstanceXml(numId, abstractId, { level, start: start ?? 1 }));
    return numId;
  }

  /** Reserve a footnote id; its content is written later by `setFootnote`. */
  requestFootnote(identifier: string, scope: Scope): number {
    const id = this.nextFootnoteId;
    this.nextFootnoteId += 1;
    this.pendingFootnotes.push({ id, identifier, scope });
    return id;
  }

  setFootnote(id: number, xml: string): void {
    this.footnotes.set(id, xml);
  }

  /** A w:docPr id unique in the document. */
  drawingId(): number {
    const id = this.nextDrawingId;
    this.nextDrawingId += 1;
    return id;
  }

  /** A bookmark id and a hidden name ("_Toc…" so Word treats it as a contents target). */
  bookmark(): { id: number; name: string } {
    const id = this.nextBookmarkId;
    this.nextBookmarkId += 1;
    return { id, name: `_Toc_dhr_${String(id).padStart(5, '0')}` };
  }

  /** The next figure number for captions. */
  nextFigureNumber(): number {
    this.figureCounter += 1;
    return this.figureCounter;
  }

  figure(id: string, where: string): Figure {
    const figure = this.figures.get(id);
    if (!figure) {
      throw new DhrError('not-found', `the report refers to figure "${id}", which it does not contain`, { field: where });
    }
    return figure;
  }

  additions(): PackageAdditions {
    const missing = this.pendingFootnotes.filter((p) => !this.footnotes.has(p.id));
    if (missing.length > 0) throw new Error(`footnotes ${missing.map((m) => m.id).join(', ')} were requested but never written`);
    return {
      relationships: [...this.relationships],
      media: [...this.media.values()],
      abstractNumberings: [...this.abstractNumberings],
      numberingInstances: [...this.numberingInstances],
      footnotes: [...this.footnotes.entries()].sort((a, b) => a[0] - b[0]).map(([, xml]) => xml),
    };
  }
}
