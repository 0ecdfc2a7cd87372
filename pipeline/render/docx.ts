/**
 * Word output: fill a template from templates/ (a council may restyle it in Word) with
 * docxtemplater, put the report's sections in as WordprocessingML, add what they need
 * (footnotes, list numbering, pictures, hyperlinks) and zip it deterministically.
 *
 * Template tags (see templates/build-templates.ts, which writes the templates):
 *
 * | tag | where | value |
 * | --- | --- | --- |
 * | `{reviewType}` | title page | "Domestic Homicide Review" / "Serious Incident Review" |
 * | `{documentTitle}` | title page | "Overview Report", "Executive Summary", … |
 * | `{subject}` | title page | the victim's pseudonym or code |
 * | `{deathMonth}` | title page | month and year of death only |
 * | `{csp}` | title page | the Community Safety Partnership |
 * | `{author}`, `{^author}…{/author}` | title page | author; the prompt shows when there is none |
 * | `{completed}`, `{^completed}…{/completed}` | title page | date completed; likewise |
 * | `{@contents}` | after the title page | TOC field whose stored result lists the headings |
 * | `{@body}` | after the contents | every section in order, then the appendices |
 * | `{classification}`, `{#classification}…{/classification}` | header, footer | "OFFICIAL", or empty on a publication copy |
 * | `{draft}`, `{#draft}…{/draft}` | header, footer | "Draft v2", or empty |
 * | `{note}`, `{#note}…{/note}` | header | e.g. "Not for publication", or empty |
 * | `{@watermark}` | header | the WordArt watermark ("RESTRICTED" on an SIR), or nothing |
 * | every field of DataFormFields | data form | the field's value; `{^field}…{/field}` shows a prompt when empty |
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { Marking, ReportDocument, TitlePage } from '../assemble/types.ts';
import { DhrError } from '../errors.ts';
import { readInput } from '../files.ts';
import { applyAdditions, readTemplateFacts, renderReportBody, watermarkXml, WordPackage } from '../../transforms/wordml/index.ts';
import { markingText } from './marking.ts';

export interface DocxOptions {
  /** Folder holding overview-report.docx, executive-summary.docx and home-office-data-form.docx. */
  templateDir?: string;
}

/** The templates shipped with dhr-kit. */
export const defaultTemplateDir = fileURLToPath(new URL('../../templates/', import.meta.url));

export const templateFiles = {
  'overview-report': 'overview-report.docx',
  'executive-summary': 'executive-summary.docx',
  'home-office-data-form': 'home-office-data-form.docx',
} as const;

/**
 * The Home Office data collection form (the guide's Template 29), one field per cell, all
 * written as they should appear on the form. A field left out shows a highlighted
 * "[To be completed]" prompt in its cell. The form holds no names, and is never published.
 */
export interface DataFormFields {
  /** Community Safety Partnership. */
  communitySafetyPartnership?: string;
  /** Local DHR Reference, e.g. "DHR 2017/03". */
  localReference?: string;
  /** Police Force, e.g. "South Yorkshire Police". */
  policeForce?: string;
  /** Date first notified to Home Office. */
  dateNotified?: string;
  /** Name of Review Panel Chair. */
  panelChair?: string;
  /** Name of Report Author. */
  reportAuthor?: string;
  /** Date report completed. */
  dateCompleted?: string;
  /** Date submitted to Home Office. */
  dateSubmitted?: string;
  /** Victim: gender. */
  victimGender?: string;
  /** Victim: age at time of incident. */
  victimAge?: string | number;
  /** Victim: relationship to perpetrator. */
  victimRelationship?: string;
  /** Victim: ethnicity (ONS categories). */
  victimEthnicity?: string;
  victimNationality?: string;
  victimReligion?: string;
  victimSexualOrientation?: string;
  victimDisability?: string;
  /** Perpetrator: gender. */
  perpetratorGender?: string;
  /** Perpetrator: age at time of incident. */
  perpetratorAge?: string | number;
  /** Perpetrator: relationship to victim. */
  perpetratorRelationship?: string;
  perpetratorEthnicity?: string;
  perpetratorNationality?: string;
  perpetratorReligion?: string;
  perpetratorSexualOrientation?: string;
  perpetratorDisability?: string;
  /** Details of verdict (or the coroner's conclusion). */
  verdict?: string;
  /** General: date of homicide. */
  dateOfHomicide?: string;
  /** General: place of the homicide. */
  placeOfHomicide?: string;
  /** General: method of killing. */
  methodOfKilling?: string;
  /** General: number of children in household. */
  childrenInHousehold?: string | number;
}

export type DataFormField = keyof DataFormFields;

/** The rows of the form, in the guide's order and with its labels; the template is built from this. */
export const dataFormRows: { group: string; note?: string; rows: { field: DataFormField; label: string }[] }[] = [
  {
    group: 'Review',
    rows: [
      { field: 'communitySafetyPartnership', label: 'Community Safety Partnership' },
      { field: 'localReference', label: 'Local DHR Reference' },
      { field: 'policeForce', label: 'Police Force' },
      { field: 'dateNotified', label: 'Date first notified to Home Office' },
      { field: 'panelChair', label: 'Name of Review Panel Chair' },
      { field: 'reportAuthor', label: 'Name of Report Author' },
      { field: 'dateCompleted', label: 'Date report completed' },
      { field: 'dateSubmitted', label: 'Date submitted to Home Office' },
    ],
  },
  {
    group: 'Victim',
    note: '(Please include information for all victims)',
    rows: [
      { field: 'victimGender', label: 'Gender' },
      { field: 'victimAge', label: 'Age at time of incident' },
      { field: 'victimRelationship', label: 'Relationship to perpetrator' },
      { field: 'victimEthnicity', label: 'Ethnicity (ONS)' },
      { field: 'victimNationality', label: 'Nationality' },
      { field: 'victimReligion', label: 'Religion' },
      { field: 'victimSexualOrientation', label: 'Sexual Orientation' },
      { field: 'victimDisability', label: 'Disability' },
    ],
  },
  {
    group: 'Perpetrator',
    rows: [
      { field: 'perpetratorGender', label: 'Gender' },
      { field: 'perpetratorAge', label: 'Age at time of incident' },
      { field: 'perpetratorRelationship', label: 'Relationship to victim' },
      { field: 'perpetratorEthnicity', label: 'Ethnicity (ONS)' },
      { field: 'perpetratorNationality', label: 'Nationality' },
      { field: 'perpetratorReligion', label: 'Religion' },
      { field: 'perpetratorSexualOrientation', label: 'Sexual Orientation' },
      { field: 'perpetratorDisability', label: 'Disability' },
      { field: 'verdict', label: 'Details of verdict' },
    ],
  },
  {
    group: 'General',
    rows: [
      { field: 'dateOfHomicide', label: 'Date of homicide' },
      { field: 'placeOfHomicide', label: 'Place of murder' },
      { field: 'methodOfKilling', label: 'Method of killing' },
      { field: 'childrenInHousehold', label: 'Number of Children in Household' },
    ],
  },
];

/** The overview report or executive summary as a .docx. */
export async function renderReportDocx(report: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  if (report.kind === 'home-office-data-form') {
    throw new DhrError('usage', 'the data form is rendered from its fields: use renderDataFormDocx');
  }
  const file = path.join(options.templateDir ?? defaultTemplateDir, templateFiles[report.kind]);
  const template = await readInput(file);
  const facts = readTemplateFacts(WordPackage.fromZip(template, file));
  const rendered = renderReportBody(report.sections, report.figures, facts);
  // docxtemplater fills the template with a marker where the body goes, and the body (MBs of
  // XML in a large review) is put in its place after: docxtemplater would otherwise copy and
  // measure all of it, several times, for a tag whose value it inserts unchanged.
  const marker = bodyMarker;
  const data = {
    ...titlePageData(report.titlePage),
    ...markingData(report.marking, facts.textWidth),
    contents: rendered.contents,
    body: marker,
  };
  const pkg = fill(template, file, data, ['{@body}', '{@contents}']);
  const documentXml = pkg.text('word/document.xml') ?? '';
  const at = documentXml.indexOf(marker);
  if (at < 0 || documentXml.indexOf(marker, at + marker.length) >= 0) throw new DhrError('corrupt', 'the template must hold its {@body} tag exactly once', { file, part: 'word/document.xml' });
  // Encoded a piece at a time: joining the pieces first would copy the body once more.
  pkg.setBytes('word/document.xml', joinBytes([encoder.encode(documentXml.slice(0, at)), encoder.encode(rendered.body), encoder.encode(documentXml.slice(at + marker.length))]));
  applyAdditions(pkg, rendered.additions);
  return pkg.toZipAsync();
}

const encoder = new TextEncoder();

function joinBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A comment that stands for the body while the template is filled (the result must hold it exactly once). */
const bodyMarker = '<!--dhr-kit: the body goes here-->';

/** The Home Office data collection form as a .docx (not for publication). */
export async function renderDataFormDocx(
  fields: DataFormFields,
  marking: Marking,
  titlePage: TitlePage,
  options: DocxOptions = {},
): Promise<Uint8Array> {
  const file = path.join(options.templateDir ?? defaultTemplateDir, templateFiles['home-office-data-form']);
  const template = await readInput(file);
  const facts = readTemplateFacts(WordPackage.fromZip(template, file));
  const values: Record<string, string> = {};
  for (const group of dataFormRows) for (const row of group.rows) values[row.field] = text(fields[row.field]);
  const data = { ...titlePageData(titlePage), ...markingData(marking, facts.textWidth), ...values };
  return fill(template, file, data, []).toZipAsync();
}

function text(value: string | number | undefined | null): string {
  return value === undefined || value === null ? '' : String(value).trim();
}

function titlePageData(page: TitlePage): Record<string, string> {
  return {
    csp: text(page.csp),
    reviewType: text(page.reviewType),
    documentTitle: text(page.documentTitle),
    subject: text(page.subject),
    deathMonth: text(page.deathMonth),
    author: text(page.author),
    completed: text(page.completed),
  };
}

function markingData(marking: Marking, textWidth: number): Record<string, string> {
  const words = markingText(marking);
  return {
    classification: words.classification ?? '',
    draft: words.draft ?? '',
    note: words.note ?? '',
    watermark: words.watermark ? watermarkXml(words.watermark, textWidth) : '',
  };
}

/**
 * Fill the template's tags. A tag the data does not have is an error (a council may have typed
 * one into the template); so is a template that lost a tag the report cannot do without.
 */
function fill(template: Uint8Array, file: string, data: Record<string, string>, required: string[]): WordPackage {
  let document: Docxtemplater<PizZip>;
  try {
    document = new Docxtemplater(new PizZip(template), {
      paragraphLoop: true,
      linebreaks: true,
      stripInvalidXMLChars: true,
      // Problems are thrown as DhrError with their place; library code prints nothing.
      errorLogging: false,
      nullGetter(part) {
        if (part.module) return '';
        throw new DhrError('corrupt', `the template has a tag {${part.value}} that dhr-kit does not fill`, { file });
      },
    });
  } catch (error) {
    throw templateError(error, file);
  }
  const fullText = document.getFullText();
  for (const tag of required) {
    if (!fullText.includes(tag)) throw new DhrError('corrupt', `the template has lost its ${tag} tag`, { file, part: 'word/document.xml' });
  }
  try {
    document.render(data);
  } catch (error) {
    throw templateError(error, file);
  }
  const zip = document.getZip();
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, entry.asUint8Array());
  }
  return new WordPackage(files);
}

interface TemplateErrorDetail {
  properties?: { explanation?: string; file?: string; errors?: TemplateErrorDetail[] };
  message?: string;
}

function templateError(error: unknown, file: string): DhrError {
  if (error instanceof DhrError) return error;
  const detail = error as TemplateErrorDetail;
  const inner = detail.properties?.errors ?? [detail];
  const problems = inner.map((e) => ({
    place: { file, part: e.properties?.file },
    message: `the template's tags are broken: ${e.properties?.explanation ?? e.message ?? String(e)}`,
  }));
  return new DhrError('corrupt', problems[0]?.message ?? 'the template cannot be filled', { file }, problems);
}
