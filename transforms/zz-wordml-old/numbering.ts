/**
 * List numbering (word/numbering.xml). A template defines one abstract numbering for bullets and
 * one for numbers, linked to the List Bullet and List Number styles. Each list in a report gets
 * its own w:num instance of those definitions with a start override, so every numbered list
 * starts again at its own first number instead of carrying on from the last list.
 */
import { escapeAttribute } from './xml.ts';

export type ListKind = 'bullet' | 'ordered';

const bulletSymbols = ['\u2022', '\u25E6', '\u25AA'];
const orderedFormats: { format: string; text: (level: number) => string }[] = [
  { format: 'decimal', text: (level) => `%${level + 1}.` },
  { format: 'lowerLetter', text: (level) => `%${level + 1}.` },
  { format: 'lowerRoman', text: (level) => `%${level + 1}.` },
];

/** Indent of list level `level` (0-based), in twips. */
export function listIndent(level: number): { left: number; hanging: number } {
  return { left: 720 * (level + 1), hanging: 360 };
}

/** One w:abstractNum with nine levels. */
export function abstractNumberingXml(id: number, kind: ListKind, styleId?: string): string {
  const levels: string[] = [];
  for (let level = 0; level < 9; level += 1) {
    const indent = listIndent(level);
    const style = level === 0 && styleId ? `<w:pStyle w:val="${styleId}"/>` : '';
    if (kind === 'bullet') {
      const symbol = bulletSymbols[level % bulletSymbols.length];
      levels.push(
        `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>${style}` +
          `<w:lvlText w:val="${escapeAttribute(symbol)}"/><w:lvlJc w:val="left"/>` +
          `<w:pPr><w:ind w:left="${indent.left}" w:hanging="${indent.hanging}"/></w:pPr>` +
          `<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:hint="default"/></w:rPr></w:lvl>`,
      );
    } else {
      const format = orderedFormats[level % orderedFormats.length];
      levels.push(
        `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="${format.format}"/>${style}` +
          `<w:lvlText w:val="${format.text(level)}"/><w:lvlJc w:val="left"/>` +
          `<w:pPr><w:ind w:left="${indent.left}" w:hanging="${indent.hanging}"/></w:pPr></w:lvl>`,
      );
    }
  }
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>${levels.join('')}</w:abstractNum>`;
}

/** One w:num: an instance of an abstract numbering, restarting at `start` on `level`. */
export function numberingInstanceXml(numId: number, abstractNumId: number, restart?: { level: number; start: number }): string {
  const override = restart
    ? `<w:lvlOverride w:ilvl="${restart.level}"><w:startOverride w:val="${restart.start}"/></w:lvlOverride>`
    : '';
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractNumId}"/>${override}</w:num>`;
}
