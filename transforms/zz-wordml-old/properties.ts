/**
 * Paragraph and run properties (w:pPr, w:rPr) written in the element order the
 * WordprocessingML schema requires — Word refuses a file whose properties are out of order.
 */
import { attributes } from './xml.ts';

export interface RunProperties {
  style?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  caps?: boolean;
  strike?: boolean;
  noProof?: boolean;
  /** Hex colour without '#', e.g. "0563C1". */
  color?: string;
  /** Size in half-points (24 = 12 pt). */
  size?: number;
  highlight?: 'yellow' | 'green' | 'cyan' | 'lightGray';
  underline?: 'single' | 'double';
  /** Background fill, hex without '#'. */
  shading?: string;
  verticalAlign?: 'superscript' | 'subscript';
  /** Language tag, e.g. "en-GB". */
  lang?: string;
}

export interface Border {
  value: 'single' | 'double' | 'none';
  /** Eighths of a point. */
  size: number;
  space: number;
  color: string;
}

export interface ParagraphProperties {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  numbering?: { level: number; id: number };
  borderBottom?: Border;
  /** Background fill, hex without '#'. */
  shading?: string;
  tabs?: { kind: 'left' | 'center' | 'right'; position: number; leader?: 'dot' | 'none' }[];
  /** Twentieths of a point; line in 240ths of a line (auto). */
  spacing?: { before?: number; after?: number; line?: number };
  /** Twips. */
  indent?: { left?: number; right?: number; hanging?: number; firstLine?: number };
  contextualSpacing?: boolean;
  align?: 'left' | 'center' | 'right' | 'both';
  /** 0-based outline level (0 = level 1 in Word's navigation pane); 9 = body text. */
  outlineLevel?: number;
  run?: RunProperties;
}

function on(flag: boolean | undefined, element: string): string {
  return flag ? `<w:${element}/>` : '';
}

/** The children of w:rPr, in schema order. */
export function runPropertiesContent(p: RunProperties): string {
  return [
    p.style ? `<w:rStyle w:val="${p.style}"/>` : '',
    p.font ? `<w:rFonts${attributes({ 'w:ascii': p.font, 'w:hAnsi': p.font, 'w:eastAsia': p.font, 'w:cs': p.font })}/>` : '',
    p.bold ? '<w:b/><w:bCs/>' : '',
    p.italic ? '<w:i/><w:iCs/>' : '',
    on(p.caps, 'caps'),
    on(p.strike, 'strike'),
    on(p.noProof, 'noProof'),
    p.color ? `<w:color w:val="${p.color}"/>` : '',
    p.size ? `<w:sz w:val="${p.size}"/><w:szCs w:val="${p.size}"/>` : '',
    p.highlight ? `<w:highlight w:val="${p.highlight}"/>` : '',
    p.underline ? `<w:u w:val="${p.underline}"/>` : '',
    p.shading ? `<w:shd w:val="clear" w:color="auto" w:fill="${p.shading}"/>` : '',
    p.verticalAlign ? `<w:vertAlign w:val="${p.verticalAlign}"/>` : '',
    p.lang ? `<w:lang w:val="${p.lang}"/>` : '',
  ].join('');
}

/** A w:rPr element, or nothing when there are no properties. */
export function runPropertiesXml(p: RunProperties | undefined): string {
  if (!p) return '';
  const content = runPropertiesContent(p);
  return content ? `<w:rPr>${content}</w:rPr>` : '';
}

/** The children of w:pPr, in schema order. */
export function paragraphPropertiesContent(p: ParagraphProperties): string {
  const spacing = p.spacing
    ? `<w:spacing${attributes({
        'w:before': p.spacing.before,
        'w:after': p.spacing.after,
        'w:line': p.spacing.line,
        'w:lineRule': p.spacing.line !== undefined ? 'auto' : undefined,
      })}/>`
    : '';
  const indent = p.indent
    ? `<w:ind${attributes({
        'w:left': p.indent.left,
        'w:right': p.indent.right,
        'w:hanging': p.indent.hanging,
        'w:firstLine': p.indent.firstLine,
      })}/>`
    : '';
  const border = p.borderBottom
    ? `<w:pBdr><w:bottom${attributes({
        'w:val': p.borderBottom.value,
        'w:sz': p.borderBottom.size,
        'w:space': p.borderBottom.space,
        'w:color': p.borderBottom.color,
      })}/></w:pBdr>`
    : '';
  const tabs = p.tabs?.length
    ? `<w:tabs>${p.tabs.map((t) => `<w:tab${attributes({ 'w:val': t.kind, 'w:leader': t.leader, 'w:pos': t.position })}/>`).join('')}</w:tabs>`
    : '';
  return [
    p.style ? `<w:pStyle w:val="${p.style}"/>` : '',
    on(p.keepNext, 'keepNext'),
    on(p.keepLines, 'keepLines'),
    on(p.pageBreakBefore, 'pageBreakBefore'),
    p.numbering ? `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.id}"/></w:numPr>` : '',
    border,
    p.shading ? `<w:shd w:val="clear" w:color="auto" w:fill="${p.shading}"/>` : '',
    tabs,
    spacing,
    indent,
    on(p.contextualSpacing, 'contextualSpacing'),
    p.align ? `<w:jc w:val="${p.align}"/>` : '',
    p.outlineLevel !== undefined ? `<w:outlineLvl w:val="${p.outlineLevel}"/>` : '',
    runPropertiesXml(p.run),
  ].join('');
}

/** A w:pPr element, or nothing when there are no properties. */
export function paragraphPropertiesXml(p: ParagraphProperties | undefined): string {
  if (!p) return '';
  const content = paragraphPropertiesContent(p);
  return content ? `<w:pPr>${content}</w:pPr>` : '';
}
