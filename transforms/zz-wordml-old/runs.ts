/**
 * Runs, paragraphs and fields: the small pieces every other WordprocessingML writer uses.
 */
import { paragraphPropertiesXml, runPropertiesXml, type ParagraphProperties, type RunProperties } from './properties.ts';
import { escapeText } from './xml.ts';

/**
 * Text as runs: tabs become w:tab and line feeds w:br, and spaces are kept
 * (xml:space="preserve"). Empty text gives no run at all.
 */
export function textRun(text: string, properties?: RunProperties): string {
  if (text === '') return '';
  const rPr = runPropertiesXml(properties);
  const pieces = text.split(/(\t|\r\n|\n|\r)/);
  const content = pieces
    .map((piece) => {
      if (piece === '\t') return '<w:tab/>';
      if (piece === '\n' || piece === '\r' || piece === '\r\n') return '<w:br/>';
      return piece === '' ? '' : `<w:t xml:space="preserve">${escapeText(piece)}</w:t>`;
    })
    .join('');
  return `<w:r>${rPr}${content}</w:r>`;
}

/** A paragraph from its properties and its (already written) runs. */
export function paragraph(properties: ParagraphProperties | undefined, runs: string): string {
  return `<w:p>${paragraphPropertiesXml(properties)}${runs}</w:p>`;
}

/** A run holding a page break. */
export const pageBreakRun = '<w:r><w:br w:type="page"/></w:r>';

/**
 * A complex field (begin, instruction, separate, result, end). `result` is the text shown until
 * Word updates the field. `dirty` asks Word to update it when the document opens.
 */
export function complexField(
  instruction: string,
  result: string,
  properties?: RunProperties,
  options: { dirty?: boolean } = {},
): string {
  const rPr = runPropertiesXml(properties);
  return [
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"${options.dirty ? ' w:dirty="true"' : ''}/></w:r>`,
    `<w:r>${rPr}<w:instrText xml:space="preserve"> ${escapeText(instruction)} </w:instrText></w:r>`,
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>`,
    textRun(result, properties),
    `<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`,
  ].join('');
}

/** The opening half of a field whose result spans several paragraphs (a table of contents). */
export function fieldStart(instruction: string, options: { dirty?: boolean } = {}): string {
  return [
    `<w:r><w:fldChar w:fldCharType="begin"${options.dirty ? ' w:dirty="true"' : ''}/></w:r>`,
    `<w:r><w:instrText xml:space="preserve"> ${escapeText(instruction)} </w:instrText></w:r>`,
    `<w:r><w:fldChar w:fldCharType="separate"/></w:r>`,
  ].join('');
}

/** The closing run of a field opened with fieldStart. */
export const fieldEnd = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
