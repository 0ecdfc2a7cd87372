/**
 * Flatten mdast into blocks the checks can read one at a time: headings, paragraphs, list
 * items and table rows, each with its text, its line and the heading it stands under.
 */
import type { RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface Block {
  type: 'heading' | 'paragraph' | 'list-item' | 'table-row';
  text: string;
  /** 1-based line in the source, when the document has positions (Markdown); else the section's line. */
  line?: number;
  /** The section as its heading is written. */
  section: string;
  /** The section's id (an IMR template part, a report section id, or "cover"). */
  sectionId?: string;
  /** The nearest subheading above the block inside its section. */
  heading?: string;
  /** Heading depth (headings only). */
  depth?: number;
  /** List items: position in the list (1-based) and the number the author wrote, when ordered. */
  index?: number;
  /** List items: whether the list is numbered. */
  ordered?: boolean;
  /** Table rows: the cells' text, and the table's first row (its header). */
  cells?: string[];
  header?: string[];
  /** Table rows: 1-based row number within the table, the header row being 1. */
  row?: number;
}

export interface BlockContext {
  section: string;
  sectionId?: string;
  line?: number;
}

/** Every block of some mdast content, in document order. */
export function blocksOf(nodes: readonly RootContent[], context: BlockContext): Block[] {
  const out: Block[] = [];
  let heading: string | undefined;
  const lineOf = (node: RootContent): number | undefined => node.position?.start.line ?? context.line;

  const walk = (list: readonly RootContent[]): void => {
    for (const node of list) {
      switch (node.type) {
        case 'heading': {
          const text = toString(node).trim();
          out.push({ type: 'heading', text, line: lineOf(node), section: context.section, sectionId: context.sectionId, heading, depth: node.depth });
          heading = text;
          break;
        }
        case 'paragraph':
        case 'code': {
          const text = (node.type === 'code' ? node.value : toString(node)).trim();
          if (text) out.push({ type: 'paragraph', text, line: lineOf(node), section: context.section, sectionId: context.sectionId, heading });
          break;
        }
        case 'list': {
          const start = node.start ?? 1;
          node.children.forEach((item, i) => {
            const text = toString(item, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();
            // Paragraphs inside an item are joined with a space, not run together.
            const joined = item.children.map((c) => toString(c).trim()).filter(Boolean).join(' ') || text;
            if (joined) {
              out.push({
                type: 'list-item',
                text: joined,
                line: item.position?.start.line ?? lineOf(node),
                section: context.section,
                sectionId: context.sectionId,
                heading,
                index: node.ordered ? start + i : i + 1,
                ordered: node.ordered ?? false,
              });
            }
          });
          break;
        }
        case 'table':
          out.push(...tableBlocks(node, context, heading, lineOf(node)));
          break;
        case 'blockquote':
          walk(node.children);
          break;
        case 'html': {
          const text = node.value.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
          if (text && !/^<!--/.test(node.value.trim())) out.push({ type: 'paragraph', text, line: lineOf(node), section: context.section, sectionId: context.sectionId, heading });
          break;
        }
        default: {
          const children = (node as { children?: RootContent[] }).children;
          if (Array.isArray(children)) walk(children);
        }
      }
    }
  };
  walk(nodes);
  return out;
}

function tableBlocks(table: Table, context: BlockContext, heading: string | undefined, line: number | undefined): Block[] {
  const rows = table.children.map((r) => r.children.map((c) => toString(c).replace(/\s+/g, ' ').trim()));
  if (rows.length === 0) return [];
  const header = rows[0];
  return table.children.map((r, i) => ({
    type: 'table-row' as const,
    text: rows[i].filter(Boolean).join(' — '),
    line: r.position?.start.line ?? line,
    section: context.section,
    sectionId: context.sectionId,
    heading,
    cells: rows[i],
    header,
    row: i + 1,
  }));
}

/** The plain text of some blocks, one block a line. */
export function textOf(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join('\n');
}
