import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  chronologyRowKey,
  mergeChronologyRows,
  renderActionPlanXlsx,
  renderMergedChronologyXlsx,
  statusColours,
} from '../../pipeline/render/xlsx.ts';
import { actionPlanSchema, type ActionPlanInput } from '../../schemas/action-plan.ts';
import { parseActionPlanWorkbook } from '../../pipeline/ingest/action-plan.ts';
import { DhrError } from '../../pipeline/errors.ts';
import { fixtureRows } from './fixtures.ts';

const draft = { classification: 'OFFICIAL' as const, draft: 2 };

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** The date and time of every entry of a zip, from its local file headers (DOS format). */
function zipTimes(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const times: string[] = [];
  let offset = 0;
  while (offset + 30 <= bytes.length && view.getUint32(offset, true) === 0x04034b50) {
    const time = view.getUint16(offset + 10, true);
    const date = view.getUint16(offset + 12, true);
    const compressed = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const y = (date >> 9) + 1980;
    const m = (date >> 5) & 15;
    const d = date & 31;
    times.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} ${time >> 11}:${(time >> 5) & 63}`);
    offset += 30 + nameLength + extraLength + compressed;
  }
  return times;
}

describe('mergeChronologyRows', () => {
  it('orders by date from, then agency, then the order of the input', () => {
    const merged = mergeChronologyRows(fixtureRows()).map(({ row }) => `${row.dateFrom} ${row.agency} ${row.event.slice(0, 12)}`);
    expect(merged).toEqual([
      '2014-11-02 GP Registration',
      '2015-06-01 GP Consultation',
      '2015-06-01 Sheffield Children’s NHS Foundation Trust New birth vi',
      '2015-06-01 South Yorkshire Police Report of cr',
      '2016-02-10 Sheffield Children’s NHS Foundation Trust Health visit',
      '2016-02-10 South Yorkshire Police Call from ne',
      '2016-09-15 GP Consultation',
      '2017-01-20 South Yorkshire Police Domestic inc',
    ]);
  });

  it('keeps the input order for entries on the same day from the same agency', () => {
    const rows = fixtureRows().slice(0, 1);
    const twins = [
      { ...rows[0], event: 'first' },
      { ...rows[0], event: 'second' },
      { ...rows[0], event: 'third' },
    ];
    expect(mergeChronologyRows(twins.reverse()).map(({ row }) => row.event)).toEqual(['third', 'second', 'first']);
  });
});

describe('renderMergedChronologyXlsx', () => {
  const rows = fixtureRows();
  const outside = rows.findIndex((r) => r.dateFrom === '2014-11-02');
  const police = rows.find((r) => r.dateFrom === '2017-01-20')!;
  const flags = { [String(outside)]: ['outside the review period'], [chronologyRowKey(police)]: ['client code not in the key', 'staff named'] };

  it('writes every agency’s rows in date order with the agency named, and the flags beside them', async () => {
    const workbook = await open(await renderMergedChronologyXlsx(rows, { caseReference: 'SSCP-DHR-2017-01', marking: draft, flags }));
    const sheet = workbook.getWorksheet('Merged chronology')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'Agency',
      'Date from',
      'Date to',
      'Client code',
      'Staff code',
      'Source of information',
      'Event',
      'Client seen',
      'Action',
      'Flags',
    ]);
    const data: { agency: string; from: Date; event: string; flags: string | null }[] = [];
    for (let r = 4; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      data.push({ agency: row.getCell(1).value as string, from: row.getCell(2).value as Date, event: row.getCell(7).value as string, flags: row.getCell(10).value as string | null });
    }
    expect(data).toHaveLength(rows.length);
    const dates = data.map((d) => d.from);
    for (const date of dates) expect(date).toBeInstanceOf(Date);
    expect(dates.map((d) => d.toISOString().slice(0, 10))).toEqual([...rows.map((r) => r.dateFrom)].sort());
    for (const d of data) expect(['South Yorkshire Police', 'GP', 'Sheffield Children’s NHS Foundation Trust']).toContain(d.agency);
    expect(data[0].flags).toBe('outside the review period');
    expect(data.at(-1)!.flags).toBe('client code not in the key\nstaff named');
    expect(data.filter((d) => d.flags)).toHaveLength(2);
    // Text is written as text: markup stays as typed.
    expect(data.at(-1)!.event).toBe('Domestic incident <reported> & logged');
  });

  it('uses real date cells shown as dd/mm/yyyy, and a period’s end date', async () => {
    const workbook = await open(await renderMergedChronologyXlsx(rows, { caseReference: 'R', marking: draft }));
    const sheet = workbook.worksheets[0];
    const gpPeriod = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(7).value === 'Consultation: injury to arm')!;
    expect(gpPeriod.getCell(2).value).toEqual(new Date(Date.UTC(2016, 8, 15)));
    expect(gpPeriod.getCell(3).value).toEqual(new Date(Date.UTC(2016, 9, 20)));
    expect(gpPeriod.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(gpPeriod.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(gpPeriod.getCell(7).alignment?.wrapText).toBe(true);
    expect(gpPeriod.getCell(9).alignment?.wrapText).toBe(true);
  });

  it('highlights flagged rows', async () => {
    const workbook = await open(await renderMergedChronologyXlsx(rows, { caseReference: 'R', marking: draft, flags }));
    const sheet = workbook.worksheets[0];
    const flagged = sheet.getRow(4).getCell(10);
    const plain = sheet.getRow(5).getCell(10);
    expect(flagged.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect((plain.fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    expect(flagged.font?.bold).toBe(true);
  });

  it('has an autofilter, a frozen column row, print titles, A4 landscape fitted to width, and the marking', async () => {
    const workbook = await open(await renderMergedChronologyXlsx(rows, { caseReference: 'SSCP-DHR-2017-01', marking: draft }));
    const sheet = workbook.worksheets[0];
    expect(sheet.autoFilter).toBe(`A3:J${3 + rows.length}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.headerFooter.oddHeader).toContain('OFFICIAL');
    expect(sheet.headerFooter.oddHeader).toContain('Draft v2');
    expect(sheet.headerFooter.oddFooter).toContain('OFFICIAL');
    expect(sheet.headerFooter.oddFooter).toContain('Page &P of &N');
    expect(sheet.getColumn(7).width).toBeGreaterThan(sheet.getColumn(2).width!);
  });

  it('puts only page numbers on a publication copy, and doubles & in the header', async () => {
    const workbook = await open(await renderMergedChronologyXlsx(rows, { caseReference: 'A & B', marking: { classification: null } }));
    const sheet = workbook.worksheets[0];
    expect(sheet.headerFooter.oddHeader).toBe('&LA && B');
    expect(sheet.headerFooter.oddFooter).toBe('&RPage &P of &N');
  });

  it('names no person in the workbook properties and fixes its dates', async () => {
    const bytes = await renderMergedChronologyXlsx(rows, { caseReference: 'R', marking: draft });
    const workbook = await open(bytes);
    expect(workbook.creator).toBe('dhr-kit');
    expect(workbook.lastModifiedBy).toBe('dhr-kit');
    expect(workbook.created).toEqual(new Date(Date.UTC(2017, 0, 20)));
    expect(workbook.modified).toEqual(new Date(Date.UTC(2017, 0, 20)));
    const core = strFromU8(unzipSync(bytes)['docProps/core.xml']);
    expect(core).not.toMatch(/ExcelJS/);
    expect(new Set(zipTimes(bytes))).toEqual(new Set(['2017-01-20 12:0']));
    const dated = await renderMergedChronologyXlsx(rows, { caseReference: 'R', marking: draft, date: '2018-05-04' });
    expect(new Set(zipTimes(dated))).toEqual(new Set(['2018-05-04 12:0']));
  });

  it('gives the same bytes for the same input', async () => {
    const a = await renderMergedChronologyXlsx(rows, { caseReference: 'R', marking: draft, flags });
    const b = await renderMergedChronologyXlsx(rows, { caseReference: 'R', marking: draft, flags });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses a row whose date is not a date, naming where it stands', async () => {
    const bad = [{ ...rows[0], dateFrom: '2017-02-30' }];
    await expect(renderMergedChronologyXlsx(bad, { caseReference: 'R', marking: draft })).rejects.toThrow(DhrError);
    await expect(renderMergedChronologyXlsx(bad, { caseReference: 'R', marking: draft })).rejects.toMatchObject({ place: rows[0].place });
  });
});

describe('renderActionPlanXlsx', () => {
  const input: ActionPlanInput = {
    reference: 'SSCP-DHR-2017-01',
    updated: '2018-02-01',
    recommendations: [
      {
        id: '1.1',
        recommendation: 'Educate the community on the risk factors around domestic abuse',
        agency: 'DACT',
        scope: 'local',
        action: 'Publicity campaign',
        milestones: ['Identify mediums by July 2017', 'Circulate briefing and hold meetings'],
        lead: 'DAP manager',
        measure: '500 posters distributed',
        evaluation: 'Self-referral calls to the helpline',
        review: 'Audit in 12 months',
        targetDate: '2017-12-31',
        status: 'COMPLETE',
        completed: '2017-12-01',
        outcome: 'Leaflet printed and available',
      },
      { id: '2.1', recommendation: 'GP practices to use routine enquiry', agency: 'GP', scope: 'regional', targetDate: '2018-06-30', status: 'AMBER' },
      { id: '3.1', recommendation: 'Police to review DASH training', agency: 'South Yorkshire Police', scope: 'national', targetDate: '2018-09-30', status: 'RED' },
      { id: '4.1', recommendation: 'Housing to share tenancy warnings', agency: 'Housing', targetDate: '2018-03-31', status: 'GREEN' },
    ],
  };
  const plan = actionPlanSchema.parse(input);

  it('lays out Template 25’s columns with one row per recommendation', async () => {
    const workbook = await open(await renderActionPlanXlsx(plan, { marking: draft }));
    const sheet = workbook.worksheets[0];
    const headerRow = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getRow(r).getCell(1).value === 'Rec. No.')!;
    const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1);
    for (const name of ['Rec. No.', 'Recommendation', 'Scope', 'Action to take', 'Lead agency', 'Key milestones', 'Lead person', 'Target date', 'Status', 'Date the full action was completed', 'Evidence of outcome and improvements made']) {
      expect(headers).toContain(name);
    }
    const status = headers.indexOf('Status') + 1;
    expect([1, 2, 3, 4].map((i) => sheet.getRow(headerRow + i).getCell(status).value)).toEqual(['COMPLETE', 'AMBER', 'RED', 'GREEN']);
    const target = headers.indexOf('Target date') + 1;
    expect(sheet.getRow(headerRow + 1).getCell(target).value).toEqual(new Date(Date.UTC(2017, 11, 31)));
    expect(sheet.getRow(headerRow + 1).getCell(target).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.autoFilter).toBeDefined();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(sheet.headerFooter.oddHeader).toContain('OFFICIAL');
    expect(sheet.headerFooter.oddHeader).toContain('Draft v2');
  });

  it('colours each status as the key does, and keeps a key to status', async () => {
    const workbook = await open(await renderActionPlanXlsx(plan, { marking: draft }));
    const sheet = workbook.worksheets[0];
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const statusCells = cells.filter((c) => ['RED', 'AMBER', 'GREEN', 'COMPLETE'].includes(String(c.value)));
    // Four in the key, four in the table.
    expect(statusCells).toHaveLength(8);
    for (const cell of statusCells) {
      const status = cell.value as keyof typeof statusColours;
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(statusColours[status].fill);
    }
    const key = cells.find((c) => c.value === 'Key to status')!;
    expect(key).toBeDefined();
    expect(sheet.getCell(key.row + 1, 2).value).toBe('Action required');
    expect(new Set(Object.values(statusColours).map((c) => c.fill)).size).toBe(4);
  });

  it('colours the status by conditional formatting too, so it follows an edit', async () => {
    const bytes = await renderActionPlanXlsx(plan, { marking: draft });
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    const styles = strFromU8(unzipSync(bytes)['xl/styles.xml']);
    for (const status of ['RED', 'AMBER', 'GREEN', 'COMPLETE']) expect(xml).toContain(`<formula>&quot;${status}&quot;</formula>`);
    for (const { fill } of Object.values(statusColours)) expect(styles).toContain(`<bgColor rgb="${fill}"/>`);
  });

  it('validates status, scope and dates, including spare rows below the plan', async () => {
    const workbook = await open(await renderActionPlanXlsx(plan, { marking: draft, spareRows: 10 }));
    const sheet = workbook.worksheets[0];
    const headerRow = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getRow(r).getCell(1).value === 'Rec. No.')!;
    const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    const lastSpare = headerRow + plan.recommendations.length + 10;
    const status = sheet.getCell(lastSpare, col('Status')).dataValidation;
    expect(status).toMatchObject({ type: 'list', formulae: ['"RED,AMBER,GREEN,COMPLETE"'], showErrorMessage: true });
    expect(sheet.getCell(headerRow + 1, col('Scope')).dataValidation).toMatchObject({ type: 'list', formulae: ['"Local,Regional,National"'] });
    for (const name of ['Target date', 'Date the full action was completed']) {
      const validation = sheet.getCell(headerRow + 1, col(name)).dataValidation;
      expect(validation.type).toBe('date');
      expect(validation.errorTitle!.length).toBeLessThanOrEqual(32);
    }
    expect(sheet.getCell(lastSpare + 1, col('Status')).dataValidation).toBeUndefined();
    expect(sheet.getCell(headerRow, col('Status')).dataValidation).toBeUndefined();
  });

  it('gives the SMARTER parts and the origin columns only when the plan uses them', async () => {
    const header = async (p: typeof plan) => {
      const sheet = (await open(await renderActionPlanXlsx(p, { marking: draft }))).worksheets[0];
      const row = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getRow(r).getCell(1).value === 'Rec. No.')!;
      return (sheet.getRow(row).values as unknown[]).slice(1);
    };
    const plain = actionPlanSchema.parse({ ...input, recommendations: input.recommendations.slice(1) });
    const withParts = await header(plan);
    expect(withParts).toEqual(expect.arrayContaining(['Measure', 'Evaluation', 'Review']));
    expect(withParts).not.toContain('Origin');
    const without = await header(plain);
    expect(without).not.toEqual(expect.arrayContaining(['Measure']));
    expect(without).not.toContain('Evaluation');
    const origin = actionPlanSchema.parse({ ...input, recommendations: [{ ...input.recommendations[1], origin: 'imr' }] });
    expect(await header(origin)).toContain('Origin');
    expect(await parseActionPlanWorkbook(await renderActionPlanXlsx(origin, { marking: draft }))).toEqual(origin);
  });

  it('reads back through the action plan reader as the same plan', async () => {
    const back = await parseActionPlanWorkbook(await renderActionPlanXlsx(plan, { marking: draft }));
    expect(back).toEqual(plan);
  });

  it('fixes the workbook’s dates from the plan and gives the same bytes each time', async () => {
    const a = await renderActionPlanXlsx(plan, { marking: draft });
    const b = await renderActionPlanXlsx(plan, { marking: draft });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const workbook = await open(a);
    expect(workbook.creator).toBe('dhr-kit');
    expect(workbook.created).toEqual(new Date(Date.UTC(2018, 1, 1)));
    expect(new Set(zipTimes(a))).toEqual(new Set(['2018-02-01 12:0']));
  });
});
