/**
 * An IMR as the checklist reads it: the cover, then each template section as blocks (with the
 * template's own guidance sentences taken out), and ways to find a sentence and say where it
 * stands.
 */
import type { ImrDocument, ImrSectionId } from '../model.ts';
import { imrTemplatePrompts } from '../../schemas/checklists.ts';
import { blocksOf, type Block } from './blocks.ts';
import { normaliseValue, sentences } from './text.ts';
import type { Where } from './types.ts';

export interface SentenceHit {
  block: Block;
  sentence: string;
  /** Index of the sentence within the block's sentences. */
  index: number;
  match?: RegExpMatchArray;
}

const promptStarts = imrTemplatePrompts.map((p) => normaliseValue(p));

/** True when a sentence is the template's own guidance rather than the author's words. */
export function isTemplatePrompt(sentence: string): boolean {
  const n = normaliseValue(sentence);
  return promptStarts.some((p) => n.startsWith(p) || (p.length > 24 && n.includes(p)));
}

/** A block's text with template guidance sentences removed. */
function withoutPrompts(text: string): string {
  return sentences(text)
    .filter((s) => !isTemplatePrompt(s))
    .join(' ');
}

const views = new WeakMap<ImrDocument, ImrView>();

export class ImrView {
  /** The view of an IMR, made once however many checks read it. */
  static of(imr: ImrDocument): ImrView {
    let view = views.get(imr);
    if (!view) views.set(imr, (view = new ImrView(imr)));
    return view;
  }

  readonly imr: ImrDocument;
  readonly cover: Block[];
  readonly bySection = new Map<ImrSectionId, Block[]>();
  readonly headings = new Map<ImrSectionId, string>();
  private readonly ordered: { id: ImrSectionId; blocks: Block[] }[] = [];

  constructor(imr: ImrDocument) {
    this.imr = imr;
    this.cover = clean(blocksOf(imr.front, { section: 'Cover', sectionId: 'cover' }));
    for (const s of imr.sections) {
      const blocks = clean(blocksOf(s.children, { section: s.heading, sectionId: s.id, line: s.line }));
      this.ordered.push({ id: s.id, blocks });
      const existing = this.bySection.get(s.id);
      this.bySection.set(s.id, existing ? existing.concat(blocks) : blocks);
      if (!this.headings.has(s.id)) this.headings.set(s.id, s.heading);
    }
  }

  has(id: ImrSectionId): boolean {
    return this.imr.sections.some((s) => s.id === id);
  }

  section(id: ImrSectionId): Block[] {
    return this.bySection.get(id) ?? [];
  }

  /** Blocks of several sections in document order; "cover" for the front matter. */
  blocks(...ids: (ImrSectionId | 'cover')[]): Block[] {
    const out: Block[] = [];
    if (ids.length === 0 || ids.includes('cover')) out.push(...this.cover);
    for (const s of this.ordered) if (ids.length === 0 || ids.includes(s.id)) out.push(...s.blocks);
    return out;
  }

  /** Everything but the cover, as one text. */
  bodyText(): string {
    return this.blocks(...this.imr.sections.map((s) => s.id)).map((b) => b.text).join('\n');
  }

  /** The whole document's text, cover included (for the anonymisation scan). */
  fullText(): string {
    return this.blocks().map((b) => b.text).join('\n');
  }

  where(block: Block): Where {
    const sub = block.type === 'heading' ? block.text : block.heading;
    return { file: this.imr.file, section: sub && sub !== block.section ? `${block.section} › ${sub}` : block.section, line: block.line };
  }

  /** The first sentence of some blocks that satisfies a test, in document order. */
  find(blocks: readonly Block[], test: (sentence: string, block: Block) => RegExpMatchArray | boolean | null | undefined): SentenceHit | undefined {
    return this.findAll(blocks, test, 1)[0];
  }

  /** Every sentence that satisfies a test. Headings are not sentences and are skipped: evidence is what the author wrote under them. */
  findAll(blocks: readonly Block[], test: (sentence: string, block: Block) => RegExpMatchArray | boolean | null | undefined, limit = Infinity): SentenceHit[] {
    const hits: SentenceHit[] = [];
    for (const block of blocks) {
      if (block.type === 'heading') continue;
      const list = sentences(block.text);
      for (let i = 0; i < list.length; i++) {
        const r = test(list[i], block);
        if (r) {
          hits.push({ block, sentence: list[i], index: i, match: typeof r === 'object' ? r : undefined });
          if (hits.length >= limit) return hits;
        }
      }
    }
    return hits;
  }

  /** The blocks under a subheading of a section that matches a pattern, up to the next heading of the same or a higher level. */
  under(id: ImrSectionId, heading: RegExp): { heading: Block; content: Block[] } | undefined {
    const blocks = this.section(id);
    const at = blocks.findIndex((b) => b.type === 'heading' && heading.test(b.text));
    if (at < 0) return undefined;
    const h = blocks[at];
    const content: Block[] = [];
    for (const b of blocks.slice(at + 1)) {
      if (b.type === 'heading' && (b.depth ?? 9) <= (h.depth ?? 9)) break;
      content.push(b);
    }
    return { heading: h, content };
  }
}

function clean(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type === 'heading' || b.type === 'table-row') {
      out.push(b);
      continue;
    }
    const text = withoutPrompts(b.text);
    if (text.trim()) out.push({ ...b, text });
  }
  return out;
}
