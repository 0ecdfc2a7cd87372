/**
 * A deterministic large synthetic case for the benchmark: 20 agencies, IMRs of about 25,000
 * words each (names split across runs), chronologies of 1,000 rows each, and a key of 30
 * people, 40 professionals and 40 places. `scale` multiplies the IMR length and the rows.
 * Every name here is invented.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { stringify } from 'yaml';
import { seededRandom as random } from '../test/helpers/random.ts';


const FIRST = ['Aisha', 'Bethany', 'Callum', 'Declan', 'Eleanor', 'Farida', 'Gareth', 'Hannah', 'Imran', 'Joanne', 'Kieran', 'Leanne', 'Morgan', 'Nadia', 'Owen', 'Priya', 'Rhiannon', 'Shaun', 'Tamsin', 'Usman', 'Vikram', 'Wendy', 'Yasmin', 'Zainab', 'Bronwen', 'Ciaran', 'Delyth', 'Emrys', 'Fiona', 'Graham', 'Hollie', 'Ifan', 'Jodie', 'Kamal', 'Lowri', 'Maddox', 'Niamh', 'Oisin', 'Petra', 'Quentin'];
const LAST = ['Abbott', 'Bhatti', 'Crossley', 'Dunmore', 'Ellery', 'Fairclough', 'Gillespie', 'Hardcastle', 'Iqbal', 'Jessop', 'Kilbride', 'Lockwood', 'Merriman', 'Nuttall', 'Ormerod', 'Pickersgill', 'Quarmby', 'Roebuck', 'Sugden', 'Thackeray', 'Ulyatt', 'Varley', 'Whitworth', 'Yeadon', 'Ackroyd', 'Brearley', 'Cawthorne', 'Dransfield', 'Eastwood', 'Firth', 'Greenhalgh', 'Haigh', 'Illingworth', 'Jagger', 'Kershaw', 'Lumb', 'Marsden', 'Naylor', 'Oldroyd', 'Priestley'];
const STREETS = ['Brincliffe Edge Road', 'Carterknowle Avenue', 'Dobcroft Lane', 'Ecclesall Close', 'Fulwood Crescent', 'Greystones Drive', 'Hunters Bar Street', 'Ingfield Avenue', 'Jaunty Way', 'Knowle Lane'];
const ROLES = ['Police Constable', 'General Practitioner', 'Health Visitor', 'Social Worker', 'Housing Officer', 'IDVA', 'Midwife', 'Probation Officer', 'Mental Health Nurse', 'School Nurse'];
const CODES = ['PC', 'GP', 'HV', 'SW', 'HO', 'IDVA', 'MW', 'PO', 'MHN', 'SN'];

export interface LargeCaseOptions {
  dir: string;
  scale?: number;
  agencies?: number;
  wordsPerImr?: number;
  rowsPerChronology?: number;
}

export interface LargeCaseFacts {
  dir: string;
  imrFiles: string[];
  largestImr: string;
  caseFile: string;
  words: number;
  rows: number;
}

interface KeyPerson { code: string; first: string; last: string }

export async function generateLargeCase(options: LargeCaseOptions): Promise<LargeCaseFacts> {
  const scale = options.scale ?? 1;
  const agencyCount = options.agencies ?? 20;
  const wordsPerImr = Math.round((options.wordsPerImr ?? 25_000) * scale);
  const rowsPerChronology = Math.round((options.rowsPerChronology ?? 1_000) * scale);
  const rand = random(20170314);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];

  const people: KeyPerson[] = Array.from({ length: 30 }, (_, i) => ({
    code: i === 0 ? 'Adult X' : i === 1 ? 'Adult XAP' : `Adult X${String.fromCharCode(65 + ((i - 2) % 26))}${i >= 28 ? i : ''}`,
    first: FIRST[i % FIRST.length],
    last: LAST[i % LAST.length],
  }));
  const professionals = Array.from({ length: 40 }, (_, i) => ({
    code: `${CODES[i % CODES.length]}${Math.floor(i / CODES.length) + 1}`,
    title: ROLES[i % ROLES.length],
    first: FIRST[(i + 7) % FIRST.length],
    last: LAST[(i * 3 + 5) % LAST.length] + (i >= LAST.length / 3 ? `-${LAST[(i + 11) % LAST.length]}` : ''),
  }));
  const places = Array.from({ length: 40 }, (_, i) => ({
    name: `${i + 2} ${STREETS[i % STREETS.length]}${i >= STREETS.length ? ` ${['North', 'South', 'East', 'West'][Math.floor(i / STREETS.length) % 4]}` : ''}`,
    replacement: ['the family home', 'a previous address', 'a relative’s home', 'a friend’s home'][i % 4],
  }));
  const agencies = Array.from({ length: agencyCount }, (_, i) => `Agency ${String(i + 1).padStart(2, '0')} ${ROLES[i % ROLES.length]} Service`);

  const caseModel = {
    reference: 'BENCH-DHR-2017-99',
    csp: 'Sheffield Safer and Sustainable Communities Partnership',
    area: 'Sheffield',
    caseLetter: 'X',
    review: 'DHR',
    draft: 1,
    death: { date: '2017-03-14' },
    reviewPeriod: { start: '2015-03-14', end: '2017-03-14', reason: 'two years before the death' },
    people: people.map((p, i) => ({
      code: p.code,
      role: i === 0 ? 'victim' : i === 1 ? 'alleged perpetrator' : 'family member',
      names: [`${p.first} ${p.last}`, p.first],
    })),
    professionals: professionals.map((p) => ({ code: p.code, title: p.title, names: [`${p.first} ${p.last}`] })),
    places: places.map((p) => ({ names: [p.name], replacement: p.replacement })),
    agencies: agencies.map((name) => ({ name, imrRequired: true })),
    termsOfReference: ['How agencies responded to disclosures of domestic abuse', 'Whether risk was assessed and shared'],
  };

  await mkdir(path.join(options.dir, 'imrs'), { recursive: true });
  await mkdir(path.join(options.dir, 'chronologies'), { recursive: true });
  const caseFile = path.join(options.dir, 'case.yaml');
  await writeFile(caseFile, stringify(caseModel));

  const sections = ['1. Introduction', '2. Family and household composition', '3. Chronology narrative', '4. Analysis', '5. Conclusions', '6. Recommendations'];
  const filler = 'the agency recorded the contact and considered the risk in line with its policy at the time and the practitioner discussed the concerns with a supervisor before deciding on the next steps'.split(' ');

  /** A paragraph of about `words` words, with key names, some split across two runs. */
  const paragraph = (words: number): Paragraph => {
    const runs: TextRun[] = [];
    let count = 0;
    while (count < words) {
      const n = 8 + Math.floor(rand() * 10);
      const text = Array.from({ length: n }, () => pick(filler)).join(' ');
      runs.push(new TextRun(`${count === 0 ? 'On ' + (1 + Math.floor(rand() * 28)) + ' May 2016 ' : ' '}${text} `));
      count += n + 1;
      const r = rand();
      if (r < 0.4) {
        const p = pick(people);
        const name = rand() < 0.5 ? `${p.first} ${p.last}` : p.first;
        const cut = 1 + Math.floor(rand() * (name.length - 1));
        runs.push(new TextRun({ text: name.slice(0, cut), bold: true }), new TextRun(name.slice(cut)));
      } else if (r < 0.7) {
        const p = pick(professionals);
        runs.push(new TextRun(`${p.first} ${p.last}`));
      } else if (r < 0.85) {
        runs.push(new TextRun(`at ${pick(places).name}`));
      } else {
        runs.push(new TextRun(`on 0114 496 0${String(Math.floor(rand() * 1000)).padStart(3, '0')}`));
      }
      count += 2;
    }
    return new Paragraph({ children: runs });
  };

  const imrFiles: string[] = [];
  for (let a = 0; a < agencyCount; a++) {
    const children: (Paragraph | Table)[] = [
      new Paragraph({ text: `Individual Management Review: ${agencies[a]}`, heading: HeadingLevel.TITLE }),
      new Table({
        rows: [
          ['Agency', agencies[a]],
          ['Author', `${pick(FIRST)} ${pick(LAST)}, independent reviewer`],
          ['Countersigned', 'Head of Service'],
          ['Date', '01/09/2017'],
        ].map(([k, v]) => new TableRow({ children: [new TableCell({ children: [new Paragraph(k)] }), new TableCell({ children: [new Paragraph(v)] })] })),
      }),
    ];
    const perSection = Math.ceil(wordsPerImr / sections.length);
    for (const title of sections) {
      children.push(new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }));
      for (let w = 0; w < perSection; w += 120) children.push(paragraph(120));
    }
    const doc = new Document({ creator: 'Benchmark Author', sections: [{ children }] });
    const file = path.join(options.dir, 'imrs', `agency-${String(a + 1).padStart(2, '0')}.docx`);
    await writeFile(file, await Packer.toBuffer(doc));
    imrFiles.push(file);

    const wb = new ExcelJS.Workbook();
    wb.created = wb.modified = new Date(Date.UTC(2017, 8, 1));
    const ws = wb.addWorksheet('Chronology');
    ws.addRow(['DHR case:', caseModel.reference]);
    ws.addRow(['Agency:', agencies[a]]);
    ws.addRow(['Person completing chronology:', `${CODES[a % CODES.length]}${a + 1}`]);
    ws.addRow(['Agency', 'Date from', 'Date to', 'Client code', 'Staff code', 'Source of information', 'Event', 'Client seen', 'Action']);
    const start = Date.UTC(2015, 2, 14);
    const span = Date.UTC(2017, 2, 13) - start;
    for (let r = 0; r < rowsPerChronology; r++) {
      const when = new Date(start + Math.floor((span * r) / rowsPerChronology / 86_400_000) * 86_400_000);
      ws.addRow([agencies[a], when, null, pick(people).code, pick(professionals).code, 'Case notes', `Contact about ${pick(['housing', 'health', 'safety', 'children'])}; ${Array.from({ length: 12 }, () => pick(filler)).join(' ')}`, rand() < 0.5 ? 'Yes' : 'No', 'Recorded']);
    }
    await writeFile(path.join(options.dir, 'chronologies', `agency-${String(a + 1).padStart(2, '0')}.xlsx`), Buffer.from(await wb.xlsx.writeBuffer()));
  }
  return {
    dir: options.dir,
    imrFiles,
    largestImr: imrFiles[0],
    caseFile,
    words: wordsPerImr * agencyCount,
    rows: rowsPerChronology * agencyCount,
  };
}
