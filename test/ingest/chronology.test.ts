import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import officeCrypto from 'officecrypto-tool';
import ExcelJS from 'exceljs';
import { readChronology } from '../../pipeline/ingest/chronology.ts';
import { DhrError } from '../../pipeline/errors.ts';
import { makeTempDir, write, workbookBuffer, sampleCase, compoundFile, zipOf } from './fixtures.ts';

const temp = makeTempDir();
afterAll(temp.cleanup);
let counter = 0;
const file = (name: string, data: string | Uint8Array) => write(path.join(temp.dir, String(++counter), name), data);

const columns = ['Agency', 'Date from', 'Date to', 'Client code', 'Staff code', 'Source of information', 'Event', 'Client seen', 'Action'];

async function caught(promise: Promise<unknown>): Promise<DhrError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DhrError) return error;
    throw error;
  }
  throw new Error('expected a DhrError');
}

describe('reading a Template 20 chronology from Excel', () => {
  it('reads header rows with values in the next cell, a column row in B5, every date form, formulas and merged cells', async () => {
    const buffer = await workbookBuffer([
      {
        name: 'Chronology',
        origin: { row: 1, column: 2 },
        rows: [
          ['DHR case:', 'Adult X 2017'],
          ['Agency:', undefined, 'South Yorkshire Police'],
          ['Person completing chronology:', 'DS 4'],
          [],
          columns,
          ['Police', new Date(Date.UTC(2016, 1, 3)), undefined, 'Adult X', 'PC1', 'Incident log', 'Call about a disturbance', 'Yes', 'DASH completed'],
          [undefined, '04/03/2016', '06/03/2016', 'Adult XAP', 'PC2', 'Custody record', 'Arrest', 'No', 'Bailed'],
          [undefined, '5 Apr 2016', undefined, 'Adult X', 'PC1', 'Log', 'Welfare visit', 'Yes', 'None'],
          [],
          ['Police', { formula: 'DATE(2016,5,6)', result: new Date(Date.UTC(2016, 4, 6)) }, undefined, 'Adult X', 'PC3', 'Log', 'Follow-up call', 'No', ''],
          ['Police', 42562, undefined, 'Adult X', 'PC3', 'Log', 'MARAC referral', 'No', 'Referred'],
          ['0'],
          ['Police', '2016-08-01', undefined, 'Adult X', 'PC3', 'Log', { richText: [{ text: 'Rich ' }, { text: 'text event' }] }, 'No', ''],
        ],
        merges: ['B6:B8'],
      },
    ]);
    const chronology = await readChronology(file('police.xlsx', buffer), sampleCase());
    expect(chronology.header).toEqual({ case: 'Adult X 2017', agency: 'South Yorkshire Police', completedBy: 'DS 4' });
    expect(chronology.agency).toBe('South Yorkshire Police');
    expect(chronology.rows.map((r) => r.dateFrom)).toEqual(['2016-02-03', '2016-03-04', '2016-04-05', '2016-05-06', '2016-07-11', '2016-08-01']);
    expect(chronology.rows[1].dateTo).toBe('2016-03-06');
    expect(chronology.rows[0].dateTo).toBeUndefined();
    // The merged agency cell B6:B8 gives its value to every row; "Police" is the case's short name.
    expect(chronology.rows.slice(0, 3).map((r) => r.agency)).toEqual(['South Yorkshire Police', 'South Yorkshire Police', 'South Yorkshire Police']);
    expect(chronology.rows[1]).toMatchObject({ clientCode: 'Adult XAP', staffCode: 'PC2', source: 'Custody record', event: 'Arrest', clientSeen: 'No', action: 'Bailed' });
    expect(chronology.rows[5].event).toBe('Rich text event');
    expect(chronology.rows[1].place).toEqual({ file: chronology.file, sheet: 'Chronology', cell: 'C7' });
  });

  it('reads values written after the colon in the same cell', async () => {
    const buffer = await workbookBuffer([
      {
        rows: [['DHR case: SSCP-DHR-2017-01'], ['Agency: Housing'], ['Person completing chronology: Housing officer 2'], columns, ['', '01/01/2016', '', 'Adult X', 'HO2', 'Tenancy file', 'Tenancy signed', 'Yes', '']],
      },
    ]);
    const chronology = await readChronology(file('housing-chronology.xlsx', buffer), sampleCase());
    expect(chronology.header).toEqual({ case: 'SSCP-DHR-2017-01', agency: 'Housing', completedBy: 'Housing officer 2' });
    expect(chronology.agency).toBe('Sheffield City Council Housing');
    expect(chronology.rows).toHaveLength(1);
    expect(chronology.rows[0].agency).toBe('Sheffield City Council Housing');
  });

  it('reads a chronology with no header rows, the column row in row 1, and tolerant headings', async () => {
    const buffer = await workbookBuffer([
      {
        rows: [
          ['AGENCY', 'Date From', 'Date  to:', 'Client Code', 'Staff code', 'Source of info', 'Event:', 'Client Seen?', 'Action'],
          ['IDVA', '12/12/2016', '', 'Adult X', 'IDVA1', 'Case notes', 'Risk assessment', 'Yes', 'Safety plan'],
          [],
          [],
          ['IDVA', '13/12/2016', '', 'Adult X', 'IDVA1', 'Case notes', 'Phone call', 'No', ''],
        ],
      },
    ]);
    const chronology = await readChronology(file('chronology.xlsx', buffer), sampleCase());
    expect(chronology.header).toEqual({});
    expect(chronology.agency).toBe('Independent Domestic Violence Advocacy Service');
    expect(chronology.rows.map((r) => [r.dateFrom, r.source, r.clientSeen])).toEqual([
      ['2016-12-12', 'Case notes', 'Yes'],
      ['2016-12-13', 'Case notes', 'No'],
    ]);
  });

  it('takes the agency from the file name when neither a header nor an Agency column gives it', async () => {
    const buffer = await workbookBuffer([{ rows: [['Date from', 'Event'], ['01/02/2016', 'Appointment']] }]);
    expect((await readChronology(file('gp.xlsx', buffer), sampleCase())).agency).toBe('Sheffield Teaching Hospitals GP Services');
    expect((await readChronology(file('Walk-in centre.xlsx', buffer))).agency).toBe('Walk-in centre');
  });

  it('reports every bad cell at once with sheet, cell and the value as written', async () => {
    const buffer = await workbookBuffer([
      {
        name: 'Police chronology',
        rows: [
          ['Agency:', 'Police'],
          [],
          columns,
          ['Police', '01/02/2016', '', 'Adult X', 'PC1', 'Log', 'Fine', 'Yes', ''],
          ['Police', '31/02/2017', '', 'Adult X', 'PC1', 'Log', 'Impossible date', 'Yes', ''],
          ['Police', '10/03/2017', '01/03/2017', 'Adult X', 'PC1', 'Log', 'Ends before it starts', 'Yes', ''],
          ['Police', 'sometime in spring', '', 'Adult X', 'PC1', 'Log', 'Unreadable', 'Yes', ''],
          ['Police', '', '', 'Adult X', 'PC1', 'Log', 'No date', 'Yes', ''],
          ['Police', 2016, '', 'Adult X', 'PC1', 'Log', 'Year only', 'Yes', ''],
        ],
      },
    ]);
    const error = await caught(readChronology(file('police.xlsx', buffer)));
    expect(error.code).toBe('invalid-chronology');
    const found = error.problems.map((p) => [p.place?.sheet, p.place?.cell]);
    expect(found).toEqual([
      ['Police chronology', 'B5'],
      ['Police chronology', 'C6'],
      ['Police chronology', 'B7'],
      ['Police chronology', 'B8'],
      ['Police chronology', 'B9'],
    ]);
    const lines = error.lines();
    expect(lines[0]).toMatch(/police\.xlsx, sheet "Police chronology", cell B5: Date from: "31\/02\/2017" — this date does not exist: February 2017 has 28 days/);
    expect(lines[1]).toMatch(/cell C6: Date to: the end date "01\/03\/2017" \(1 March 2017\) is before the start date/);
    expect(lines[2]).toMatch(/cell B7: Date from: "sometime in spring" — this is not a date/);
    expect(lines[3]).toMatch(/cell B8: Date from: this row has an event but no date/);
    expect(lines[4]).toMatch(/cell B9: Date from: the number 2016 is not a date/);
  });

  it('reads the sheet that holds the column row, skipping an instructions sheet, and 1904-system serial numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    workbook.addWorksheet('Instructions').getCell('A1').value = 'Fill in one row per contact.';
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['Date from', 'Event']);
    sheet.addRow([40941, 'Serial in the 1904 system']);
    const chronology = await readChronology(file('mac.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(chronology.rows.map((r) => [r.dateFrom, r.place.sheet, r.place.cell])).toEqual([['2016-02-03', 'Data', 'A2']]);
  });

  it('reports a formula with no saved result and a formula error in a date column', async () => {
    const buffer = await workbookBuffer([
      {
        rows: [
          ['Date from', 'Event'],
          [{ formula: 'A1+1' }, 'No result'],
          [{ formula: '1/0', result: { error: '#DIV/0!' } }, 'Error'],
        ],
      },
    ]);
    const error = await caught(readChronology(file('formulas.xlsx', buffer)));
    expect(error.lines()).toEqual([
      expect.stringMatching(/cell A2: Date from: this cell holds a formula with no saved result: open the file in Excel and save it again/),
      expect.stringMatching(/cell A3: Date from: this cell shows the error #DIV\/0!/),
    ]);
  });

  it('names the missing required columns and the ones it found', async () => {
    const buffer = await workbookBuffer([{ name: 'Data', rows: [['DHR case:', 'X'], ['Agency', 'Date from', 'Date to', 'Staff code', 'What happened'], ['Police', '01/01/2016', '', 'PC1', 'Call']] }]);
    const error = await caught(readChronology(file('police.xlsx', buffer)));
    expect(error.code).toBe('invalid-chronology');
    expect(error.message).toMatch(/column row \(row 2\) has no "Event" column: found "Agency", "Date from", "Date to", "Staff code"/);
    expect(error.place).toMatchObject({ sheet: 'Data', cell: 'A2' });
  });

  it('says so when no row of column headings can be found at all', async () => {
    const buffer = await workbookBuffer([{ rows: [['When', 'What happened', 'Who'], ['01/01/2016', 'Call', 'PC1']] }]);
    const error = await caught(readChronology(file('police.xlsx', buffer)));
    expect(error.message).toMatch(/no row of column headings found.*"Date from" and "Event" are required/);
  });

  it('refuses an empty workbook', async () => {
    const buffer = await workbookBuffer([{ rows: [] }]);
    const error = await caught(readChronology(file('empty.xlsx', buffer)));
    expect(error.message).toMatch(/the chronology is empty/);
  });

  it('refuses files that are not workbooks, saying what they are', async () => {
    const random = new Uint8Array(256).map((_, i) => (i * 37 + 11) % 256);
    expect((await caught(readChronology(file('random.xlsx', random)))).message).toMatch(/does not start the way an Office file does.*save it as \.xlsx/);
    expect((await caught(readChronology(file('empty.xlsx', new Uint8Array(0))))).message).toMatch(/the file is empty/);
    const noWorkbook = zipOf({ '[Content_Types].xml': '<Types/>', 'readme.txt': 'hello' });
    expect((await caught(readChronology(file('zip.xlsx', noWorkbook)))).message).toMatch(/no main workbook part \(xl\/workbook\.xml\)/);
    const xls = compoundFile({ Workbook: new Uint8Array(512) });
    expect((await caught(readChronology(file('old.xlsx', xls)))).message).toMatch(/old Excel 97–2003 workbook \(\.xls\).*Save As > Excel Workbook \(\.xlsx\)/);
    const ods = zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' });
    expect((await caught(readChronology(file('sheet.xlsx', ods)))).message).toMatch(/OpenDocument spreadsheet \(\.ods\) renamed \.xlsx/);
    expect((await caught(readChronology(file('notes.txt', 'hello')))).code).toBe('unsupported-format');
  });

  it('refuses an encrypted workbook without its password and reads it with the password', async () => {
    const plain = await workbookBuffer([{ rows: [columns, ['Police', '01/02/2016', '', 'Adult X', 'PC1', 'Log', 'Call', 'Yes', '']] }]);
    const encrypted = officeCrypto.encrypt(plain, { password: 'Sheffield-2017', type: 'standard' });
    const target = file('locked.xlsx', encrypted);
    const error = await caught(readChronology(target));
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/encrypted \(password-protected\): run again with --password.*remove the password/);
    expect((await caught(readChronology(target, undefined, { password: 'wrong' }))).message).toMatch(/the password is wrong: .*--password given/);
    const chronology = await readChronology(target, undefined, { password: 'Sheffield-2017' });
    expect(chronology.rows.map((r) => r.event)).toEqual(['Call']);
  });
});

describe('reading a Template 20 chronology from CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, header rows and a column row not in column A', () => {
    const csv = [
      ',DHR case:,SSCP-DHR-2017-01',
      ',Agency:,GP',
      ',Person completing chronology:,Practice manager',
      '',
      ',Agency,Date from,Date to,Client code,Staff code,Source of information,Event,Client seen,Action',
      ',GP,03/02/2016,,Adult X,GP1,"Records, notes","Consultation: ""low mood""",Yes,Referred',
      ',GP,4 March 2016,,Adult X,GP1,Records,"Two line\nevent",Yes,',
      '',
      ',GP,2016-04-05,2016-04-06,Adult X,GP2,Records,Home visit,Yes,',
    ].join('\r\n');
    return readChronology(file('gp.csv', csv), sampleCase()).then((chronology) => {
      expect(chronology.header).toEqual({ case: 'SSCP-DHR-2017-01', agency: 'GP', completedBy: 'Practice manager' });
      expect(chronology.agency).toBe('Sheffield Teaching Hospitals GP Services');
      expect(chronology.rows.map((r) => r.dateFrom)).toEqual(['2016-02-03', '2016-03-04', '2016-04-05']);
      expect(chronology.rows[0].source).toBe('Records, notes');
      expect(chronology.rows[0].event).toBe('Consultation: "low mood"');
      expect(chronology.rows[1].event).toBe('Two line\nevent');
      expect(chronology.rows[2]).toMatchObject({ dateTo: '2016-04-06', place: { line: 10, column: 3 } });
    });
  });

  it('reports bad cells by line and column, all at once', async () => {
    const csv = ['Date from,Date to,Event', '01/02/2016,,ok', '"31/02/2017",,bad date', '05/05/2016,01/05/2016,ends early', ',,"no date,', 'but an event"', '3/2/16,,ok'].join('\n');
    const error = await caught(readChronology(file('bad.csv', csv)));
    expect(error.problems.map((p) => [p.place?.line, p.place?.column])).toEqual([
      [3, 1],
      [4, 2],
      [5, 1],
    ]);
    expect(error.lines()[0]).toMatch(/bad\.csv, line 3, column 1: Date from: "31\/02\/2017" — this date does not exist/);
  });

  it('reads a BOM, Windows-1252 text and refuses a broken quote with its line', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Date from,Event\n01/02/2016,Caf\u00e9 visit\n')]);
    expect((await readChronology(file('bom.csv', bom))).rows[0].event).toBe('Café visit');
    const cp1252 = Buffer.from([...Buffer.from('Date from,Event\n01/02/2016,Paid '), 0xa3, ...Buffer.from('5 \u0093rent\u0094\n', 'latin1')]);
    expect((await readChronology(file('ansi.csv', cp1252))).rows[0].event).toBe('Paid £5 “rent”');
    const broken = 'Date from,Event\n01/02/2016,"never closed\n';
    const error = await caught(readChronology(file('broken.csv', broken)));
    expect(error.message).toMatch(/quoted field .* is never closed/);
    expect(error.place?.line).toBe(2);
  });

  it('refuses an empty CSV and a binary file called .csv', async () => {
    expect((await caught(readChronology(file('empty.csv', '')))).message).toMatch(/the file is empty/);
    const zip = zipOf({ 'a.txt': 'x' });
    expect((await caught(readChronology(file('renamed.csv', zip)))).message).toMatch(/not a CSV text file/);
  });
});
