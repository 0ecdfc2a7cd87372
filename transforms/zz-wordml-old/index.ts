/**
 * mdast → WordprocessingML for Word templates filled by docxtemplater: the body and contents
 * XML for the {@body} and {@contents} raw tags, and what the package must gain for them.
 */
export { renderReportBody, appendixTitle, appendixLetter, type RenderedReport } from './sections.ts';
export { readTemplateFacts, type TemplateFacts } from './template-facts.ts';
export { applyAdditions } from './merge.ts';
export { WordPackage } from './package.ts';
export { watermarkXml } from './watermark.ts';
export { styleIds } from './styles.ts';
export { promptPattern } from './inline.ts';
