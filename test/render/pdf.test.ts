import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../pipeline/render/browser.ts';
import { fixPdfDates, footerTemplate, headerTemplate, renderPdf, withBrowser } from '../../pipeline/render/pdf.ts';
import { renderReportHtml } from '../../pipeline/render/html.ts';
import { genogramFigure, timelineFigure } from '../../pipeline/render/figures.ts';
import type { Marking } from '../../pipeline/assemble/types.ts';
import { fixtureCase, fixtureReport, fixtureRows } from './fixtures.ts';
import { count, readPdf } from './pdf-text.ts';

const draft: Marking = { classification: 'OFFICIAL', draft: 2 };
const publication: Marking = { classification: null };

/** Two pages of plain HTML: the second forced by a page break. */
const twoPages =
  '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Two pages</title></head>' +
  '<body><h1>First page</h1><p>Alpha.</p><h1 style="break-before: page">Second page</h1><p>Beta.</p></body></html>';

// The PDF tests need a browser; @sparticuz/chromium is a dependency, so there always is one.
// If there is not, say why loudly and fail rather than skip.
beforeAll(async () => {
  const found = await findBrowser();
  if (found.path === null) {
    console.error(`PDF tests cannot run: ${found.reason}`);
    throw new Error(`no browser for the PDF tests: ${found.reason}`);
  }
}, 120_000);

describe('header and footer templates', () => {
  it('carry the marking and the page numbers, escaped', () => {
    expect(headerTemplate(draft)).toContain('OFFICIAL');
    expect(headerTemplate(draft)).toContain('Draft v2');
    expect(footerTemplate(draft)).toContain('<span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(headerTemplate({ classification: 'OFFICIAL', note: '<Not> for publication & "so on"' })).toContain('&#60;Not&#62; for publication &#38; &#34;so on&#34;');
    expect(headerTemplate(publication)).not.toMatch(/OFFICIAL|Draft/);
  });
});

describe('fixPdfDates', () => {
  const sample = new TextEncoder().encode("<< /Title (x) /CreationDate (D:20261126171246+00'00') /ModDate (D:20261126171246+00'00') >>");
  it('blanks the dates without moving a byte', () => {
    const fixed = fixPdfDates(sample);
    expect(fixed.length).toBe(sample.length);
    expect(new TextDecoder().decode(fixed)).toMatch(/^<< \/Title \(x\) +>>$/);
  });
  it('or writes the given date', () => {
    const fixed = new TextDecoder().decode(fixPdfDates(sample, '2018-02-01'));
    expect(fixed).toContain("/CreationDate (D:20180201000000+00'00')");
    expect(fixed).toContain("/ModDate (D:20180201000000+00'00')");
    expect(fixed.length).toBe(sample.length);
  });
});

describe('renderPdf', () => {
  it('prints the marking in the header and footer of every page of a draft', async () => {
    const pdf = await renderPdf(twoPages, draft);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const { pages, title } = await readPdf(pdf);
    expect(pages).toHaveLength(2);
    expect(title).toBe('Two pages');
    pages.forEach((text, i) => {
      expect(count(text, 'OFFICIAL')).toBe(2);
      expect(count(text, 'Draft v2')).toBe(2);
      expect(text).toContain(`Page ${i + 1} of 2`);
    });
    expect(pages[0]).toContain('First page');
    expect(pages[1]).toContain('Second page');
  }, 120_000);

  it('prints page numbers only on a publication copy', async () => {
    const { pages } = await readPdf(await renderPdf(twoPages, publication));
    expect(pages).toHaveLength(2);
    pages.forEach((text, i) => {
      expect(text).not.toContain('OFFICIAL');
      expect(text).not.toContain('Draft');
      expect(text).toContain(`Page ${i + 1} of 2`);
    });
  }, 120_000);

  it('gives the same bytes for the same HTML, with no time of printing in them', async () => {
    await withBrowser(async (render) => {
      const a = await render(twoPages, draft);
      const b = await render(twoPages, draft);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      const text = Buffer.from(a).toString('latin1');
      expect(text).not.toMatch(/\/CreationDate|\/ModDate/);
      const dated = Buffer.from(await render(twoPages, draft, { date: '2018-02-01' })).toString('latin1');
      expect(dated).toContain("/CreationDate (D:20180201000000+00'00')");
    });
  }, 120_000);

  it('loads nothing from outside the document', async () => {
    // A server on the loopback address counts what the page asks for.
    const requests: string[] = [];
    const server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const html = twoPages.replace(
        '<p>Alpha.</p>',
        `<p>Alpha.</p><img src="http://127.0.0.1:${port}/tracker.png" alt="tracker"><link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">`,
      );
      const { pages } = await readPdf(await renderPdf(html, draft));
      expect(pages[0]).toContain('Alpha.');
      expect(requests).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 120_000);
});

describe('a report through HTML to PDF', () => {
  const figures = [
    timelineFigure(fixtureRows(), { start: '2015-03-01', end: '2017-03-14', deathDate: '2017-03-14', agencies: ['South Yorkshire Police', 'GP'] }),
    genogramFigure(fixtureCase()),
  ];

  it('renders a draft and an SIR with one browser: every page marked, the SIR watermarked', async () => {
    const { draftPdf, sirPdf } = await withBrowser(async (render) => ({
      draftPdf: await render(renderReportHtml(fixtureReport(draft, figures)), draft),
      sirPdf: await render(renderReportHtml(fixtureReport({ ...draft, watermark: 'RESTRICTED' }, figures)), { ...draft, watermark: 'RESTRICTED' }),
    }));
    const report = await readPdf(draftPdf);
    expect(report.pages.length).toBeGreaterThan(2);
    expect(report.title).toBe('Domestic Homicide Review: Overview Report (Anna)');
    report.pages.forEach((text, i) => {
      expect(count(text, 'OFFICIAL')).toBeGreaterThanOrEqual(2);
      expect(count(text, 'Draft v2')).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`Page ${i + 1} of ${report.pages.length}`);
      expect(text).not.toContain('RESTRICTED');
    });
    const all = report.pages.join('\n');
    const order = ['Contents', 'Introduction', 'Timescales', 'Chronology', 'The family', 'Notes', 'Action plan'].map((h) => all.lastIndexOf(h));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(all).toContain('[To be completed: explain any reasons for delay]');
    // The figures' text is in the PDF (inline SVG, not a picture of it).
    expect(all).toContain('Death (March 2017)');
    expect(all).toContain('Adult XAP');
    // The appendix starts a page of its own.
    expect(report.pages.at(-1)).toMatch(/Action plan/);
    expect(report.pages.at(-1)).not.toContain('Notes');

    const sir = await readPdf(sirPdf);
    for (const text of sir.pages) expect(text).toContain('RESTRICTED');
  }, 180_000);
});
