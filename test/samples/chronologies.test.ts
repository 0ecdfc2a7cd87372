/**
 * The sample chronologies: Excel workbooks in the Template 20 layout, with the variety real
 * agencies produce — different header-row layouts, date cells and text dates, a row with a
 * "Date to", one event recorded by two agencies a day apart, and a gap of more than six months.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../pipeline/ingest/case.ts';
import { sampleDir } from './helpers.ts';

const columns = ['agency', 'date from', 'date to', 'client code', 'staff code', 'source of information', 'event', 'client seen', 'action'];

function normalise(s: string): string {
  return s.toLowerCase().replace(/\(.*?\)/g, '').replace(/\s+/g, ' ').trim();
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}

/** A date cell as YYYY-MM-DD: an Excel date, or text in one of the three forms the samples use. */
function isoDate(value: ExcelJS.CellValue): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  let m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return value;
  m = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$/.exec(value);
  if (m) return `${m[3]}-${String(months.indexOf(m[2]) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  throw new Error(`unexpected date text ${value}`);
}

interface Row {
  file: string;
  agency: string;
  from: ExcelJS.CellValue;
  to: ExcelJS.CellValue;
  client: string;
  staff: string;
  event: string;
}

interface Sheet {
  file: string;
  workbook: ExcelJS.Workbook;
  headerRows: string[];
  columnRow: number;
  rows: Row[];
}

const files = readdirSync(path.join(sampleDir, 'chronologies')).filter((f) => f.endsWith('.xlsx')).sort();
const sheets: Sheet[] = [];

beforeAll(async () => {
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(sampleDir, 'chronologies', file));
    const sheet = workbook.worksheets[0];
    let columnRow = 0;
    for (let r = 1; r <= 12 && !columnRow; r++) {
      const values = (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1).map((v) => normalise(text(v)));
      if (values.length >= columns.length && columns.every((c, n) => values[n] === c)) columnRow = r;
    }
    const headerRows: string[] = [];
    for (let r = 1; r < columnRow; r++) headerRows.push((sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1).map(text).join(' ').trim());
    const rows: Row[] = [];
    for (let r = columnRow + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      if (!row.hasValues) continue;
      rows.push({ file, agency: text(row.getCell(1).value), from: row.getCell(2).value, to: row.getCell(3).value, client: text(row.getCell(4).value), staff: text(row.getCell(5).value), event: text(row.getCell(7).value) });
    }
    sheets.push({ file, workbook, headerRows, columnRow, rows });
  }
});

describe('sample chronologies (Excel, Template 20)', () => {
  it('one workbook per IMR agency', () => {
    expect(files).toEqual(['gp.xlsx', 'housing.xlsx', 'idvas.xlsx', 'police.xlsx']);
  });

  it('each has the Template 20 column row (matched case- and space-insensitively) below its header rows', () => {
    for (const s of sheets) {
      expect(s.columnRow, s.file).toBeGreaterThan(1);
      expect(s.headerRows.join('\n'), s.file).toMatch(/DHR case:/i);
      expect(s.headerRows.join('\n'), s.file).toMatch(/Agency:/i);
    }
    const layouts = sheets.map((s) => s.columnRow);
    expect(new Set(layouts).size).toBeGreaterThan(1); // the column row does not always stand in the same place
    expect(sheets.some((s) => s.headerRows.some((h) => /^Person completing chronology: \S/i.test(h)))).toBe(true); // label and value in one cell
    expect(sheets.some((s) => !s.headerRows.some((h) => /Person completing/i.test(h)))).toBe(true); // a header row left out
  });

  it('has 30 or more rows over the two-year review period', async () => {
    const rows = sheets.flatMap((s) => s.rows);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    const c = await loadCaseFile(path.join(sampleDir, 'case.yaml'));
    const dates = rows.map((r) => isoDate(r.from)!).sort();
    expect(dates[0] >= c.reviewPeriod!.start).toBe(true);
    expect(dates.at(-1)! <= c.reviewPeriod!.end).toBe(true);
    expect(Number(dates.at(-1)!.slice(0, 4)) - Number(dates[0].slice(0, 4))).toBe(2);
  });

  it('mixes Excel date cells with text dates in every form (03/02/2016, 2016-02-03, 3 Feb 2016)', () => {
    const rows = sheets.flatMap((s) => s.rows);
    const asDates = rows.filter((r) => r.from instanceof Date);
    const asText = rows.filter((r) => typeof r.from === 'string').map((r) => r.from as string);
    expect(asDates.length).toBeGreaterThan(asText.length);
    expect(asText.some((t) => /^\d{2}\/\d{2}\/\d{4}$/.test(t))).toBe(true);
    expect(asText.some((t) => /^\d{4}-\d{2}-\d{2}$/.test(t))).toBe(true);
    expect(asText.some((t) => /^\d{1,2} [A-Z][a-z]{2} \d{4}$/.test(t))).toBe(true);
  });

  it('has rows with a Date to after their Date from', () => {
    const ranged = sheets.flatMap((s) => s.rows).filter((r) => r.to !== null && r.to !== undefined && text(r.to) !== '');
    expect(ranged.length).toBeGreaterThan(0);
    for (const r of ranged) expect(isoDate(r.to)! > isoDate(r.from)!).toBe(true);
  });

  it('uses the case’s client and staff codes', async () => {
    const c = await loadCaseFile(path.join(sampleDir, 'case.yaml'));
    const people = new Set(c.people.map((p) => p.code));
    const staff = new Set(c.professionals.map((p) => p.code));
    for (const r of sheets.flatMap((s) => s.rows)) {
      for (const code of r.client.split(/;\s*/)) expect(people.has(code), `${r.file}: ${code}`).toBe(true);
      for (const code of r.staff.split(/;\s*/).filter(Boolean)) expect(staff.has(code), `${r.file}: ${code}`).toBe(true);
    }
  });

  it('still has real names in some free-text events, for the anonymiser', () => {
    const events = sheets.flatMap((s) => s.rows).map((r) => r.event).join('\n');
    for (const name of ['Priya Chauhan', 'Sonny', 'Zoë', '14 Hollybank Croft', 'The Miller’s Rest']) expect(events).toContain(name);
  });

  it('records one event twice: the police call-out of 10 May 2016 and the GP’s note of it dated the next day', () => {
    const police = sheets.find((s) => s.file === 'police.xlsx')!.rows.find((r) => isoDate(r.from) === '2016-05-10');
    const gp = sheets.find((s) => s.file === 'gp.xlsx')!.rows.find((r) => isoDate(r.from) === '2016-05-11');
    expect(police?.event).toMatch(/999 call .*scalp/s);
    expect(gp?.event).toMatch(/with police overnight.*scalp/s);
  });

  it('has a gap of more than six months with no contact from any agency', () => {
    const dates = sheets
      .flatMap((s) => s.rows)
      .flatMap((r) => [isoDate(r.from)!, isoDate(r.to)].filter((d): d is string => d !== undefined))
      .sort();
    const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
    const gaps = dates.slice(1).map((d, n) => ({ from: dates[n], to: d, days: day(d) - day(dates[n]) }));
    const longest = gaps.reduce((a, g) => (g.days > a.days ? g : a));
    expect(longest.days).toBeGreaterThan(183);
    expect(longest).toMatchObject({ from: '2015-07-15', to: '2016-02-22' });
  });

  it('has fixed workbook properties', () => {
    for (const s of sheets) {
      expect(s.workbook.creator, s.file).toMatch(/\S/);
      expect(s.workbook.created.getUTCFullYear(), s.file).toBe(2017);
      expect(s.workbook.modified.getUTCFullYear(), s.file).toBe(2017);
      expect(s.workbook.modified.getTime()).toBeGreaterThan(s.workbook.created.getTime());
    }
  });

  it('keeps Template 20’s guidance notes on the column headings of the police workbook', () => {
    const police = sheets.find((s) => s.file === 'police.xlsx')!;
    const note = police.workbook.worksheets[0].getRow(police.columnRow).getCell(3).note;
    expect(JSON.stringify(note)).toMatch(/Enter the date the event finished/);
  });
});
