/**
 * Writes the Word templates dhr-kit fills: templates/overview-report.docx (the guide's
 * Template 27), templates/executive-summary.docx (Template 28) and
 * templates/home-office-data-form.docx (Template 29).
 *
 *   npm run templates
 *
 * The packages are written by hand, part by part, so that every docxtemplater tag sits whole in
 * one run (Word would otherwise be free to split it) and the styles carry Word's own built-in
 * names: a council restyles the reports by opening a template in Word, changing the styles
 * (Normal, Heading 1–6, Title, List Bullet, Table Grid, …) and saving it under the same name.
 * Keep every {tag} whole when editing a template; docs: pipeline/render/docx.ts lists them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../pipeline/files.ts';
import { dataFormRows } from '../pipeline/render/docx.ts';
import { declarations, storyPrefixes } from '../transforms/wordml/namespaces.ts';
import { abstractNumberingXml, numberingInstanceXml } from '../transforms/wordml/numbering.ts';
import { footnoteSeparators } from '../transforms/wordml/footnotes.ts';
import { WordPackage, contentTypes, relationshipTypes } from '../transforms/wordml/package.ts';
import {
  paragraphPropertiesContent,
  runPropertiesContent,
  type ParagraphProperties,
  type RunProperties,
} from '../transforms/wordml/properties.ts';
import { complexField, pageBreakRun, paragraph, textRun } from '../transforms/wordml/runs.ts';
import { maxHeadingLevel, styleIds } from '../transforms/wordml/styles.ts';
import { escapeAttribute } from '../transforms/wordml/xml.ts';

const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A4 portrait, 2.54 cm margins: 11906 × 16838 twips, text 9026 twips wide. */
const page = { width: 11906, height: 16838, margin: 1440, header: 709, footer: 709 };
const textWidth = page.width - 2 * page.margin;
const font = 'Arial';

// ---------------------------------------------------------------------------------------------
// styles.xml

interface StyleOptions {
  basedOn?: string;
  next?: string;
  isDefault?: boolean;
  uiPriority?: number;
  semiHidden?: boolean;
  quickFormat?: boolean;
  paragraph?: ParagraphProperties;
  run?: RunProperties;
  /** Extra XML after rPr (table style properties). */
  extra?: string;
}

function style(type: 'paragraph' | 'character' | 'table' | 'numbering', id: string, name: string, o: StyleOptions = {}): string {
  const pPr = o.paragraph ? paragraphPropertiesContent(o.paragraph) : '';
  const rPr = o.run ? runPropertiesContent(o.run) : '';
  return [
    `<w:style w:type="${type}"${o.isDefault ? ' w:default="1"' : ''} w:styleId="${id}">`,
    `<w:name w:val="${escapeAttribute(name)}"/>`,
    o.basedOn ? `<w:basedOn w:val="${o.basedOn}"/>` : '',
    o.next ? `<w:next w:val="${o.next}"/>` : '',
    o.uiPriority !== undefined ? `<w:uiPriority w:val="${o.uiPriority}"/>` : '',
    o.semiHidden ? '<w:semiHidden/><w:unhideWhenUsed/>' : '',
    o.quickFormat ? '<w:qFormat/>' : '',
    pPr ? `<w:pPr>${pPr}</w:pPr>` : '',
    rPr ? `<w:rPr>${rPr}</w:rPr>` : '',
    o.extra ?? '',
    '</w:style>',
  ].join('');
}

const headingSizes = [32, 28, 26, 24, 24, 24];

function stylesXml(): string {
  const headings = Array.from({ length: maxHeadingLevel }, (_, i) =>
    style('paragraph', styleIds.heading(i + 1), `heading ${i + 1}`, {
      basedOn: styleIds.normal,
      next: styleIds.normal,
      uiPriority: 9,
      quickFormat: true,
      paragraph: { keepNext: true, keepLines: true, spacing: { before: i === 0 ? 360 : 240, after: 120 }, outlineLevel: i },
      run: { bold: true, italic: i >= 3, size: headingSizes[i] },
    }),
  );
  const contents = [1, 2, 3].map((level) =>
    style('paragraph', styleIds.toc(level), `toc ${level}`, {
      basedOn: styleIds.normal,
      next: styleIds.normal,
      uiPriority: 39,
      semiHidden: true,
      paragraph: {
        tabs: [{ kind: 'right', leader: 'dot', position: textWidth }],
        spacing: { after: 100 },
        indent: { left: (level - 1) * 240 },
      },
    }),
  );
  const border = (side: string): string => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
  const tableGrid = style('table', styleIds.tableGrid, 'Table Grid', {
    basedOn: 'TableNormal',
    uiPriority: 39,
    paragraph: { spacing: { after: 0, line: 240 } },
    extra:
      `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
      '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
      '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/></w:tcPr></w:tblStylePr>',
  });
  const all = [
    style('paragraph', styleIds.normal, 'Normal', { isDefault: true, quickFormat: true }),
    style('character', 'DefaultParagraphFont', 'Default Paragraph Font', { isDefault: true, uiPriority: 1, semiHidden: true }),
    style('table', 'TableNormal', 'Normal Table', {
      isDefault: true,
      uiPriority: 99,
      semiHidden: true,
      extra:
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>' +
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>',
    }),
    style('numbering', 'NoList', 'No List', { isDefault: true, uiPriority: 99, semiHidden: true }),
    style('paragraph', styleIds.title, 'Title', {
      basedOn: styleIds.normal,
      next: styleIds.normal,
      uiPriority: 10,
      quickFormat: true,
      paragraph: { spacing: { before: 2400, after: 360 }, align: 'center' },
      run: { bold: true, caps: true, size: 48 },
    }),
    style('paragraph', styleIds.subtitle, 'Subtitle', {
      basedOn: styleIds.normal,
      next: styleIds.normal,
      uiPriority: 11,
      quickFormat: true,
      paragraph: { spacing: { after: 240 }, align: 'center' },
      run: { bold: true, caps: true, size: 32 },
    }),
    ...headings,
    style('paragraph', styleIds.listBullet, 'List Bullet', {
      basedOn: styleIds.normal,
      uiPriority: 99,
      paragraph: { numbering: { level: 0, id: 1 }, spacing: { after: 80 } },
    }),
    style('paragraph', styleIds.listNumber, 'List Number', {
      basedOn: styleIds.normal,
      uiPriority: 99,
      paragraph: { numbering: { level: 0, id: 2 }, spacing: { after: 80 } },
    }),
    style('paragraph', styleIds.listContinue, 'List Continue', {
      basedOn: styleIds.normal,
      uiPriority: 99,
      paragraph: { spacing: { after: 80 }, indent: { left: 720 } },
    }),
    style('paragraph', styleIds.quote, 'Quote', {
      basedOn: styleIds.normal,
      next: styleIds.normal,
      uiPriority: 29,
      quickFormat: true,
      paragraph: { indent: { left: 720, right: 720 } },
      run: { italic: true, color: '404040' },
    }),
    style('paragraph', styleIds.code, 'Code', {
      basedOn: styleIds.normal,
      uiPriority: 99,
      paragraph: { shading: 'F2F2F2', spacing: { after: 0, line: 240 } },
      run: { font: 'Courier New', size: 20, noProof: true },
    }),
    style('character', styleIds.codeCharacter, 'Code Character', {
      basedOn: 'DefaultParagraphFont',
      uiPriority: 99,
      run: { font: 'Courier New', size: 22, noProof: true, shading: 'F2F2F2' },
    }),
    style('character', styleIds.prompt, 'To Be Completed', {
      basedOn: 'DefaultParagraphFont',
      uiPriority: 1,
      quickFormat: true,
      // Highlight for Word; the same yellow as shading for programs that ignore highlight in styles.
      run: { bold: true, highlight: 'yellow', shading: 'FFFF00' },
    }),
    tableGrid,
    style('paragraph', styleIds.tableText, 'Table Text', {
      basedOn: styleIds.normal,
      uiPriority: 99,
      paragraph: { spacing: { before: 40, after: 40, line: 240 } },
    }),
    style('paragraph', styleIds.figure, 'Figure', {
      basedOn: styleIds.normal,
      next: styleIds.caption,
      uiPriority: 99,
      paragraph: { keepNext: true, spacing: { before: 120, after: 60 }, align: 'center' },
    }),
    style('paragraph', styleIds.caption, 'caption', {
      basedOn: styleIds.normal,
      next: styleIds.normal,
      uiPriority: 35,
      quickFormat: true,
      paragraph: { spacing: { after: 240 }, align: 'center' },
      run: { italic: true, size: 20 },
    }),
    style('paragraph', styleIds.footnoteText, 'footnote text', {
      basedOn: styleIds.normal,
      uiPriority: 99,
      semiHidden: true,
      paragraph: { spacing: { after: 0, line: 240 } },
      run: { size: 20 },
    }),
    style('character', styleIds.footnoteReference, 'footnote reference', {
      basedOn: 'DefaultParagraphFont',
      uiPriority: 99,
      semiHidden: true,
      run: { verticalAlign: 'superscript' },
    }),
    style('paragraph', styleIds.tocHeading, 'TOC Heading', {
      basedOn: styleIds.heading(1),
      next: styleIds.normal,
      uiPriority: 39,
      semiHidden: true,
      quickFormat: true,
      paragraph: { outlineLevel: 9 },
    }),
    ...contents,
    style('paragraph', styleIds.header, 'header', {
      basedOn: styleIds.normal,
      uiPriority: 99,
      semiHidden: true,
      paragraph: {
        tabs: [
          { kind: 'center', position: textWidth / 2 },
          { kind: 'right', position: textWidth },
        ],
        spacing: { after: 0, line: 240 },
      },
    }),
    style('paragraph', styleIds.footer, 'footer', {
      basedOn: styleIds.normal,
      uiPriority: 99,
      semiHidden: true,
      paragraph: {
        tabs: [
          { kind: 'center', position: textWidth / 2 },
          { kind: 'right', position: textWidth },
        ],
        spacing: { after: 0, line: 240 },
      },
    }),
    style('paragraph', styleIds.marking, 'Protective Marking', {
      basedOn: styleIds.header,
      uiPriority: 99,
      quickFormat: true,
      paragraph: { align: 'center' },
      run: { bold: true },
    }),
    style('paragraph', styleIds.notice, 'Notice', {
      basedOn: styleIds.normal,
      next: styleIds.normal,
      uiPriority: 99,
      quickFormat: true,
      paragraph: { spacing: { after: 240 }, align: 'center' },
      run: { bold: true, caps: true },
    }),
    style('character', styleIds.hyperlink, 'Hyperlink', {
      basedOn: 'DefaultParagraphFont',
      uiPriority: 99,
      semiHidden: true,
      run: { color: '0563C1', underline: 'single' },
    }),
  ];
  const defaults =
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    runPropertiesContent({ font, size: 24, lang: 'en-GB' }) +
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>' +
    paragraphPropertiesContent({ spacing: { after: 160, line: 276 } }) +
    '</w:pPr></w:pPrDefault></w:docDefaults>';
  return `${declaration}<w:styles${declarations(['w'])}>${defaults}${all.join('')}</w:styles>`;
}

// ---------------------------------------------------------------------------------------------
// The other fixed parts

function numberingXml(): string {
  return (
    `${declaration}<w:numbering${declarations(['w'])}>` +
    abstractNumberingXml(0, 'bullet', styleIds.listBullet) +
    abstractNumberingXml(1, 'ordered', styleIds.listNumber) +
    numberingInstanceXml(1, 0) +
    numberingInstanceXml(2, 1) +
    '</w:numbering>'
  );
}

function settingsXml(): string {
  return (
    `${declaration}<w:settings${declarations(['w'])}>` +
    '<w:zoom w:percent="100"/>' +
    '<w:defaultTabStop w:val="720"/>' +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    // Word updates the contents (and page numbers) when the document is opened.
    '<w:updateFields w:val="true"/>' +
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="en-GB"/>' +
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>' +
    '</w:settings>'
  );
}

function fontTableXml(): string {
  const fonts = [
    { name: 'Arial', panose: '020B0604020202020204', family: 'swiss', pitch: 'variable' },
    { name: 'Courier New', panose: '02070309020205020404', family: 'modern', pitch: 'fixed' },
  ];
  return (
    `${declaration}<w:fonts${declarations(['w'])}>` +
    fonts
      .map((f) => `<w:font w:name="${f.name}"><w:panose1 w:val="${f.panose}"/><w:charset w:val="00"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`)
      .join('') +
    '</w:fonts>'
  );
}

function footnotesXml(): string {
  return `${declaration}<w:footnotes${declarations(storyPrefixes)}>${footnoteSeparators}</w:footnotes>`;
}

/** A paragraph holding one tag alone (a loop start or end, which paragraphLoop then removes). */
function tagParagraph(tag: string, styleId?: string): string {
  return paragraph(styleId ? { style: styleId } : undefined, textRun(tag));
}

/** A paragraph shown only when `tag` has a value: {#tag} / {tag} / {/tag}. */
function conditionalParagraph(tag: string, styleId: string): string {
  return tagParagraph(`{#${tag}}`, styleId) + tagParagraph(`{${tag}}`, styleId) + tagParagraph(`{/${tag}}`, styleId);
}

function headerXml(): string {
  return (
    `${declaration}<w:hdr${declarations(storyPrefixes)}>` +
    tagParagraph('{@watermark}', styleIds.header) +
    tagParagraph('{classification}', styleIds.marking) +
    conditionalParagraph('draft', styleIds.marking) +
    conditionalParagraph('note', styleIds.marking) +
    '</w:hdr>'
  );
}

function footerXml(): string {
  const pageNumbers = paragraph(
    { style: styleIds.footer, align: 'center' },
    textRun('Page ') + complexField('PAGE \\* MERGEFORMAT', '1') + textRun(' of ') + complexField('NUMPAGES \\* MERGEFORMAT', '1'),
  );
  return (
    `${declaration}<w:ftr${declarations(storyPrefixes)}>` +
    conditionalParagraph('classification', styleIds.marking) +
    conditionalParagraph('draft', styleIds.marking) +
    pageNumbers +
    '</w:ftr>'
  );
}

function sectionProperties(): string {
  return (
    '<w:sectPr><w:headerReference w:type="default" r:id="rId6"/><w:footerReference w:type="default" r:id="rId7"/>' +
    `<w:pgSz w:w="${page.width}" w:h="${page.height}"/>` +
    `<w:pgMar w:top="${page.margin}" w:right="${page.margin}" w:bottom="${page.margin}" w:left="${page.margin}" w:header="${page.header}" w:footer="${page.footer}" w:gutter="0"/>` +
    '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

function documentXml(body: string): string {
  return `${declaration}<w:document${declarations(storyPrefixes)}><w:body>${body}${sectionProperties()}</w:body></w:document>`;
}

// ---------------------------------------------------------------------------------------------
// Tables

function cell(width: number, content: string, options: { shading?: string; span?: number } = {}): string {
  const span = options.span ? `<w:gridSpan w:val="${options.span}"/>` : '';
  const shading = options.shading ? `<w:shd w:val="clear" w:color="auto" w:fill="${options.shading}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}${shading}</w:tcPr>${content}</w:tc>`;
}

function table(columns: number[], rows: string[]): string {
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="${styleIds.tableGrid}"/><w:tblW w:w="5000" w:type="pct"/>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    rows.join('') +
    '</w:tbl>'
  );
}

/** Cell text: a value tag, then a prompt shown only when the value is empty. */
function valueRuns(tag: string, prompt: string): string {
  return textRun(`{${tag}}`) + textRun(`{^${tag}}${prompt}{/${tag}}`, { style: styleIds.prompt });
}

const labelWidth = Math.round(textWidth * 0.45);
const valueWidth = textWidth - labelWidth;

function labelledRow(label: string, value: string): string {
  return (
    '<w:tr><w:trPr><w:cantSplit/></w:trPr>' +
    cell(labelWidth, paragraph({ style: styleIds.tableText }, textRun(label, { bold: true })), { shading: 'F2F2F2' }) +
    cell(valueWidth, paragraph({ style: styleIds.tableText }, value)) +
    '</w:tr>'
  );
}

// ---------------------------------------------------------------------------------------------
// The three documents

/** Title page (Templates 27 and 28): the review, the document, the subject, then the guide's table. */
function titlePage(): string {
  const rows = [
    labelledRow('Name of the Community Safety Partnership', textRun('{csp}')),
    labelledRow("Victim's pseudonym and month and year of death", textRun('{subject}{#deathMonth}, {deathMonth}{/deathMonth}')),
    labelledRow("Author's name", valueRuns('author', "[To be completed: author's name]")),
    labelledRow('Date the review report was completed', valueRuns('completed', '[To be completed: date the report was completed]')),
  ];
  return (
    paragraph({ style: styleIds.title }, textRun('{reviewType}')) +
    paragraph({ style: styleIds.subtitle }, textRun('{documentTitle}')) +
    paragraph({ style: styleIds.subtitle }, textRun('{subject}')) +
    paragraph({ align: 'center', spacing: { after: 960 } }, textRun('{deathMonth}')) +
    table([labelWidth, valueWidth], rows) +
    paragraph(undefined, pageBreakRun)
  );
}

function reportDocument(): string {
  return documentXml(
    titlePage() +
      paragraph({ style: styleIds.tocHeading }, textRun('Contents')) +
      tagParagraph('{@contents}') +
      paragraph(undefined, pageBreakRun) +
      tagParagraph('{@body}'),
  );
}

function dataFormDocument(): string {
  const groupRow = (title: string, note?: string): string =>
    '<w:tr><w:trPr><w:cantSplit/></w:trPr>' +
    cell(labelWidth, paragraph({ style: styleIds.tableText }, note ? textRun(note, { italic: true }) : ''), { shading: 'D9D9D9' }) +
    cell(valueWidth, paragraph({ style: styleIds.tableText }, textRun(title, { bold: true })), { shading: 'D9D9D9' }) +
    '</w:tr>';
  const rows = dataFormRows.flatMap((group) => [
    groupRow(group.group, group.note),
    ...group.rows.map((row) => labelledRow(row.label, valueRuns(row.field, '[To be completed]'))),
  ]);
  return documentXml(
    paragraph({ style: styleIds.notice }, textRun('This form is not for publication – for Home Office data collection only.')) +
      paragraph(
        undefined,
        textRun('The form needs to be completed by the CSP and sent with the overview report and the Executive Summary to the Home Office.'),
      ) +
      paragraph({ style: styleIds.subtitle, spacing: { before: 240 } }, textRun('{reviewType}')) +
      paragraph({ style: styleIds.subtitle }, textRun('{documentTitle}')) +
      table([labelWidth, valueWidth], rows) +
      paragraph(undefined, ''),
  );
}

// ---------------------------------------------------------------------------------------------
// The package

function packageOf(document: string): Uint8Array {
  const files = new Map<string, Uint8Array>();
  const pkg = new WordPackage(files);
  const parts: [string, string, string][] = [
    ['word/document.xml', contentTypes.document, document],
    ['word/styles.xml', contentTypes.styles, stylesXml()],
    ['word/settings.xml', contentTypes.settings, settingsXml()],
    ['word/numbering.xml', contentTypes.numbering, numberingXml()],
    ['word/footnotes.xml', contentTypes.footnotes, footnotesXml()],
    ['word/fontTable.xml', contentTypes.fontTable, fontTableXml()],
    ['word/header1.xml', contentTypes.header, headerXml()],
    ['word/footer1.xml', contentTypes.footer, footerXml()],
    [
      'docProps/core.xml',
      contentTypes.coreProperties,
      `${declaration}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>`,
    ],
    [
      'docProps/app.xml',
      contentTypes.extendedProperties,
      `${declaration}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>dhr-kit</Application></Properties>`,
    ],
  ];
  const overrides = parts.map(([name, type]) => `<Override PartName="/${name}" ContentType="${type}"/>`).join('');
  pkg.setText(
    '[Content_Types].xml',
    `${declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="${contentTypes.relationships}"/><Default Extension="xml" ContentType="${contentTypes.xml}"/>` +
      `<Default Extension="png" ContentType="${contentTypes.png}"/>${overrides}</Types>`,
  );
  const relationships = (list: [string, string, string][]): string =>
    `${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('') +
    '</Relationships>';
  pkg.setText(
    '_rels/.rels',
    relationships([
      ['rId1', relationshipTypes.officeDocument, 'word/document.xml'],
      ['rId2', relationshipTypes.coreProperties, 'docProps/core.xml'],
      ['rId3', relationshipTypes.extendedProperties, 'docProps/app.xml'],
    ]),
  );
  // rId6 and rId7 are named in sectionProperties().
  pkg.setText(
    'word/_rels/document.xml.rels',
    relationships([
      ['rId1', relationshipTypes.styles, 'styles.xml'],
      ['rId2', relationshipTypes.settings, 'settings.xml'],
      ['rId3', relationshipTypes.numbering, 'numbering.xml'],
      ['rId4', relationshipTypes.footnotes, 'footnotes.xml'],
      ['rId5', relationshipTypes.fontTable, 'fontTable.xml'],
      ['rId6', relationshipTypes.header, 'header1.xml'],
      ['rId7', relationshipTypes.footer, 'footer1.xml'],
    ]),
  );
  for (const [name, , xml] of parts) pkg.setText(name, xml);
  return pkg.toZip();
}

/** The three templates, by file name. */
export function buildTemplates(): Map<string, Uint8Array> {
  const report = packageOf(reportDocument());
  return new Map([
    ['overview-report.docx', report],
    ['executive-summary.docx', report],
    ['home-office-data-form.docx', packageOf(dataFormDocument())],
  ]);
}

async function main(): Promise<void> {
  const folder = path.dirname(fileURLToPath(import.meta.url));
  for (const [name, bytes] of buildTemplates()) {
    await writeFileAtomic(path.join(folder, name), bytes);
    process.stdout.write(`wrote templates/${name}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
