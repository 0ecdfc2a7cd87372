/**
 * HTML → PDF with headless Chromium. Every page carries the marking in its header and footer
 * (drafts: OFFICIAL and "Draft vN"; a publication copy: page numbers only), A4, backgrounds
 * printed. The page loads nothing from outside (only data: URLs) and runs no script. Chromium
 * stamps the time of printing into the PDF; those dates are fixed (or blanked) so the same
 * input gives the same bytes.
 */
import type { Page } from 'puppeteer-core';
import type { Marking } from '../assemble/types.ts';
import { DhrError } from '../errors.ts';
import { launchBrowser } from './browser.ts';
import { markingText } from './marking.ts';

export interface PdfOptions {
  /** Document title (PDF metadata); the HTML <title> is used when absent. */
  title?: string;
  /**
   * YYYY-MM-DD written as the PDF's creation and modification date. Without it both dates are
   * removed, so the same input gives the same bytes.
   */
  date?: string;
  /** Page margins; these must leave room for the running header and footer. */
  margin?: { top: string; bottom: string; left: string; right: string };
}

export interface BrowserOptions {
  /** A browser to use instead of searching (findBrowser). */
  executablePath?: string;
}

export type RenderPdf = (html: string, marking: Marking, options?: PdfOptions) => Promise<Uint8Array>;

/** The same margins as templates/print.css's @page rule. */
export const defaultMargin = { top: '25mm', bottom: '22mm', left: '20mm', right: '20mm' } as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const templateStyle =
  "width:100%;box-sizing:border-box;padding:0 20mm;font-family:Arial,'Liberation Sans',Helvetica,'DejaVu Sans',sans-serif;font-size:9pt;color:#000;" +
  'display:flex;justify-content:space-between;align-items:center;-webkit-print-color-adjust:exact;print-color-adjust:exact';

function cell(content: string, align: 'left' | 'center' | 'right', bold = false): string {
  return `<span style="flex:1;text-align:${align};${bold ? 'font-weight:bold;' : ''}">${content}</span>`;
}

/** Puppeteer header template: the classification centred, the draft number on the right. */
export function headerTemplate(marking: Marking): string {
  const text = markingText(marking);
  const left = text.note ? escapeHtml(text.note) : '';
  const centre = text.classification ? escapeHtml(text.classification) : '';
  const right = text.draft ? escapeHtml(text.draft) : '';
  return `<div style="${templateStyle}">${cell(left, 'left')}${cell(centre, 'center', true)}${cell(right, 'right')}</div>`;
}

/** Puppeteer footer template: the classification and draft again, and "Page X of Y". */
export function footerTemplate(marking: Marking): string {
  const text = markingText(marking);
  const left = text.draft ? escapeHtml(text.draft) : '';
  const centre = text.classification ? escapeHtml(text.classification) : '';
  const page = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
  return `<div style="${templateStyle}">${cell(left, 'left')}${cell(centre, 'center', true)}${cell(page, 'right')}</div>`;
}

function pdfDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new DhrError('usage', `the PDF date must be written as YYYY-MM-DD, not "${date}"`);
  return `D:${date.replace(/-/g, '')}000000+00'00'`;
}

/**
 * Fix Chromium's /CreationDate and /ModDate. The replacement keeps every byte offset (the
 * cross-reference table stays valid): a given date is padded to the same length; without one
 * the entry is overwritten with spaces, which a PDF dictionary ignores.
 */
export function fixPdfDates(pdf: Uint8Array, date?: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const replacement = date ? pdfDate(date) : null;
  const fixed = text.replace(/\/(CreationDate|ModDate) ?\((D:[^)]*)\)/g, (whole, key: string, value: string) => {
    if (replacement === null) return ' '.repeat(whole.length);
    const entry = `/${key} (${replacement})`;
    if (entry.length > whole.length) return ' '.repeat(whole.length);
    return entry + ' '.repeat(whole.length - entry.length);
  });
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

/**
 * How long loading and printing a page may take: a minute, and 20 seconds more for each MB of
 * HTML (a large review's overview report is tens of MB and thousands of pages; puppeteer's
 * default of 30 seconds stops it half-way).
 */
export function printTimeout(html: string): number {
  return 60_000 + Math.ceil(html.length / 1e6) * 20_000;
}

async function printPage(page: Page, html: string, marking: Marking, options: PdfOptions): Promise<Uint8Array> {
  const timeout = printTimeout(html);
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') void request.continue();
    else void request.abort('blockedbyclient');
  });
  await page.setContent(html, { waitUntil: 'load', timeout });
  if (options.title !== undefined) {
    await page.evaluate((title: string) => {
      document.title = title;
    }, options.title);
  }
  const margin = options.margin ?? defaultMargin;
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(marking),
    footerTemplate: footerTemplate(marking),
    margin,
    preferCSSPageSize: false,
    tagged: true,
    outline: true,
    timeout,
  });
  return fixPdfDates(pdf, options.date);
}

/**
 * Launch the browser once and render several documents with it. The browser and its temporary
 * profile are gone when the returned promise settles.
 */
export async function withBrowser<T>(work: (render: RenderPdf) => Promise<T>, options: BrowserOptions = {}): Promise<T> {
  const launched = await launchBrowser(options.executablePath);
  try {
    const render: RenderPdf = async (html, marking, pdfOptions = {}) => {
      const page = await launched.browser.newPage();
      try {
        return await printPage(page, html, marking, pdfOptions);
      } finally {
        await page.close();
      }
    };
    return await work(render);
  } finally {
    await launched.close();
  }
}

/** Render one HTML document to PDF bytes. */
export async function renderPdf(html: string, marking: Marking, options: PdfOptions & BrowserOptions = {}): Promise<Uint8Array> {
  return withBrowser((render) => render(html, marking, options), { executablePath: options.executablePath });
}
