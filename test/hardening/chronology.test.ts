/**
 * Chronologies as agencies really send them, through every command that reads a case: missing
 * columns, impossible or ambiguous dates, formulas, empty rows, merged cells. A bad one is
 * refused with one line per bad cell (sheet and cell, or line and column), nothing written; a
 * merely untidy one is read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { expectRefused, fingerprint, sampleDir, scratchCase, TODAY, type Scratch } from './helpers/workspace.ts';

/** The sample police chronology (column row 5: A Agency, B Date from, C Date to, … G Event; rows 6–20), changed by `change`. */
async function policeWith(change: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(`${sampleDir}/chronologies/police.xlsx`) as unknown as ArrayBuffer);
  change(workbook.getWorksheet('Chronology')!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function caseCommands(s: Scratch): [string, string[]][] {
  return [
    ['status', ['status', s.caseDir, '--today', TODAY]],
    ['check', ['check', s.caseDir, '--today', TODAY]],
    ['build', ['build', s.caseDir, '--no-pdf', '--today', TODAY]],
    ['publish', ['publish', s.caseDir, '--no-pdf']],
  ];
}

interface Bad {
  name: string;
  file: string;
  make: () => Promise<Uint8Array | string>;
  /** One pattern per expected line, in order. */
  lines: RegExp[];
}

const sheet = 'chronologies/police.xlsx, sheet "Chronology"';
const bad: Bad[] = [
  {
    name: 'the "Date from" column missing',
    file: 'chronologies/police.xlsx',
    make: () => policeWith((s) => (s.getCell('B5').value = 'When')),
    lines: [/police\.xlsx, sheet "Chronology", cell A5: the column row \(row 5\) has no "Date from" column: found "Agency", .*; name the columns as Template 20 does/],
  },
  {
    name: 'the "Event" column missing',
    file: 'chronologies/police.xlsx',
    make: () => policeWith((s) => (s.getCell('G5').value = 'Notes')),
    lines: [/cell A5: the column row \(row 5\) has no "Event" column/],
  },
  {
    name: 'a date that does not exist',
    file: 'chronologies/police.xlsx',
    make: () => policeWith((s) => (s.getCell('B6').value = '31/02/2016')),
    lines: [new RegExp(`${sheet}, cell B6: Date from: "31/02/2016" — this date does not exist: February 2016 has 29 days`)],
  },
  {
    name: 'an American (month-first) date',
    file: 'chronologies/police.xlsx',
    make: () => policeWith((s) => (s.getCell('B7').value = '07/25/2015')),
    lines: [new RegExp(`${sheet}, cell B7: Date from: "07/25/2015" — there is no month 25: write dates day first`)],
  },
  {
    name: 'a date with no year, and a season for a date',
    file: 'chronologies/police.xlsx',
    make: () =>
      policeWith((s) => {
        s.getCell('B6').value = '18/04';
        s.getCell('B8').value = 'spring 2016';
      }),
    lines: [/cell B6: Date from: "18\/04" — this is not a date dhr-kit can read: write it as day\/month\/year/, /cell B8: Date from: "spring 2016" — this is not a date/],
  },
  {
    name: 'three bad cells: one line for each',
    file: 'chronologies/police.xlsx',
    make: () =>
      policeWith((s) => {
        s.getCell('B6').value = '31/02/2016';
        s.getCell('C7').value = '01/01/2015';
        s.getCell('B9').value = null;
      }),
    lines: [/cell B6: Date from: "31\/02\/2016" — this date does not exist/, /cell C7: Date to: the end date "01\/01\/2015" \(1 January 2015\) is before the start date/, /cell B9: Date from: this row has an event but no date/],
  },
  {
    name: 'a formula with no saved result in a date cell',
    file: 'chronologies/police.xlsx',
    make: () => policeWith((s) => (s.getCell('B6').value = { formula: 'DATE(2015,4,18)' } as ExcelJS.CellFormulaValue)),
    lines: [new RegExp(`${sheet}, cell B6: Date from: this cell holds a formula with no saved result: open the file in Excel and save it again`)],
  },
  {
    name: 'a formula showing an error in a date cell',
    file: 'chronologies/police.xlsx',
    make: () =>
      policeWith((s) => {
        s.getCell('B6').value = { formula: 'B99+1', result: { error: '#REF!' } } as unknown as ExcelJS.CellFormulaValue;
        s.getCell('B6').numFmt = 'General';
      }),
    lines: [new RegExp(`${sheet}, cell B6: Date from: this cell shows the error #REF!: correct the formula or type the date`)],
  },
  {
    name: 'a workbook with nothing in it',
    file: 'chronologies/police.xlsx',
    make: async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Chronology');
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    },
    lines: [/police\.xlsx, sheet "Chronology": the chronology is empty/],
  },
  {
    name: 'a CSV chronology without an Event column',
    file: 'chronologies/ambulance.csv',
    make: async () => 'Agency,Date from,Notes\nYAS,03/02/2016,Conveyed to hospital\n',
    lines: [/ambulance\.csv, line 1: the column row \(line 1\) has no "Event" column/],
  },
  {
    name: 'a CSV chronology with a bad date and a quote never closed',
    file: 'chronologies/ambulance.csv',
    make: async () => 'Agency,Date from,Event\nYAS,30/02/2016,Conveyed\nYAS,01/03/2016,"Crew noted\n',
    lines: [/ambulance\.csv, line \d+: a quoted field \("…\) is never closed: add the closing double quote/],
  },
  {
    name: 'a CSV chronology with two bad dates',
    file: 'chronologies/ambulance.csv',
    make: async () => 'Agency,Date from,Event\nYAS,30/02/2016,Conveyed\nYAS,13/13/2016,Discharged\n',
    lines: [/ambulance\.csv, line 2, column 2: Date from: "30\/02\/2016" — this date does not exist/, /ambulance\.csv, line 3, column 2: Date from: "13\/13\/2016" — there is no month 13/],
  },
];

describe('a chronology with bad cells', () => {
  const scratches: Scratch[] = [];
  afterAll(() => scratches.forEach((s) => s.remove()));

  for (const b of bad) {
    it(`${b.name}: every command says where, one line per bad cell, and writes nothing`, async () => {
      const s = scratchCase();
      scratches.push(s);
      writeFileSync(s.inCase(b.file), await b.make());
      const before = fingerprint(s.root);
      for (const [name, args] of caseCommands(s)) {
        const r = await runCli(...args);
        expectRefused(r, { says: b.lines, lines: b.lines.length, names: b.file });
        const lines = r.stderr.trim().split('\n');
        b.lines.forEach((pattern, i) => expect(lines[i], `${name}, line ${i + 1}`).toMatch(pattern));
        expect(fingerprint(s.root), `${name} wrote or changed something`).toEqual(before);
      }
    });
  }
});

describe('a chronology that is untidy but readable', () => {
  const scratches: Scratch[] = [];
  afterAll(() => scratches.forEach((s) => s.remove()));

  async function policeRows(s: Scratch): Promise<{ rows: number; from: string; to: string }> {
    const r = await runCli('status', s.caseDir, '--json', '--today', TODAY);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).chronologies.find((c: { file: string }) => c.file === 'chronologies/police.xlsx');
  }

  const untidy: { name: string; change: (sheet: ExcelJS.Worksheet) => void; rows: number }[] = [
    {
      name: 'empty rows between the entries and after them',
      change: (s) => {
        s.spliceRows(9, 0, [], [], []);
        s.getCell('A40').value = ' ';
      },
      rows: 15,
    },
    { name: 'an event cell merged down over the next row', change: (s) => s.mergeCells('G10:G11'), rows: 15 },
    { name: 'a formula with its saved result as a date', change: (s) => (s.getCell('B6').value = { formula: 'DATE(2015,4,18)', result: new Date(Date.UTC(2015, 3, 18)) } as ExcelJS.CellFormulaValue), rows: 15 },
    {
      name: 'a huge number formatted as a date in the Event and Action columns',
      change: (s) => {
        s.getCell('G6').value = 1e12;
        s.getCell('G6').numFmt = 'dd/mm/yyyy';
        s.getCell('I6').value = 3e6;
        s.getCell('I6').numFmt = 'dd/mm/yyyy';
      },
      rows: 15,
    },
  ];

  for (const u of untidy) {
    it(`${u.name}: read, with every entry`, async () => {
      const s = scratchCase();
      scratches.push(s);
      writeFileSync(s.inCase('chronologies/police.xlsx'), await policeWith(u.change));
      const police = await policeRows(s);
      expect(police).toMatchObject({ rows: u.rows, from: '2015-04-18', to: '2017-04-22' });
      const check = await runCli('check', s.caseDir, '--today', TODAY, '--out', s.file('check'));
      expect(check.code, check.stderr).toBe(1); // the sample's deliberate faults, not a refusal
    });
  }
});
