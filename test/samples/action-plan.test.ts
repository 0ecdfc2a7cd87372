/**
 * The action plan (Template 25): the sample loads, has the faults the QA checks must find, and
 * bad input — in YAML or in an Excel workbook — is named by line, or by sheet and cell.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DhrError } from '../../pipeline/errors.ts';
import { parseActionPlanWorkbook, parseActionPlanYaml, readActionPlan } from '../../pipeline/ingest/action-plan.ts';
import { actionStatuses } from '../../schemas/action-plan.ts';
import { sampleDir } from './helpers.ts';

const sampleFile = path.join(sampleDir, 'action-plan.yaml');
const sample = readFileSync(sampleFile, 'utf8');

function refused(run: () => unknown): DhrError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DhrError);
    return error as DhrError;
  }
  throw new Error('expected the action plan to be refused');
}

async function refusedAsync(run: () => Promise<unknown>): Promise<DhrError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(DhrError);
    return error as DhrError;
  }
  throw new Error('expected the action plan to be refused');
}

/** The 1-based line of the first occurrence of `text` in `source`. */
function lineOf(source: string, text: string): number {
  const at = source.indexOf(text);
  expect(at, text).toBeGreaterThanOrEqual(0);
  return source.slice(0, at).split('\n').length;
}

describe('samples/adult-x/action-plan.yaml', () => {
  it('loads with readActionPlan', async () => {
    const plan = await readActionPlan(sampleFile);
    expect(plan.reference).toBe('SSCP-DHR-2017-03');
    expect(plan.updated).toBe('2018-01-30');
    expect(plan.recommendations.length).toBeGreaterThanOrEqual(6);
    expect(plan.recommendations.length).toBeLessThanOrEqual(10);
  });

  it('mixes every status of the key, and scopes and origins', async () => {
    const plan = await readActionPlan(sampleFile);
    expect(new Set(plan.recommendations.map((r) => r.status))).toEqual(new Set(Object.keys(actionStatuses)));
    expect(new Set(plan.recommendations.map((r) => r.scope))).toEqual(new Set(['local', 'national']));
    expect(new Set(plan.recommendations.map((r) => r.origin))).toEqual(new Set(['overview', 'imr']));
    for (const r of plan.recommendations.filter((r) => r.status === 'COMPLETE')) expect(r.completed && r.outcome, r.id).toBeTruthy();
  });

  it('has exactly one overdue recommendation on its "updated" date, and exactly one that is not SMARTER', async () => {
    const plan = await readActionPlan(sampleFile);
    const overdue = plan.recommendations.filter((r) => r.status !== 'COMPLETE' && r.targetDate !== undefined && r.targetDate < plan.updated!);
    expect(overdue.map((r) => r.id)).toEqual(['5']);
    const notSmarter = plan.recommendations.filter((r) => !r.lead || !r.measure || !r.targetDate);
    expect(notSmarter.map((r) => r.id)).toEqual(['9']);
  });
});

describe('action plan YAML errors', () => {
  it('names the line and field of a bad status, with the key’s values', () => {
    const source = sample.replace('    status: GREEN', '    status: DONE');
    const error = refused(() => parseActionPlanYaml(source, 'action-plan.yaml'));
    expect(error.code).toBe('invalid-action-plan');
    expect(error.lines()).toEqual([
      `action-plan.yaml, line ${lineOf(source, 'status: DONE')}, field recommendations[1].status: must be one of: RED, AMBER, GREEN, COMPLETE (not "DONE")`,
    ]);
  });

  it('accepts a status in any case ("Complete", "completed")', () => {
    const plan = parseActionPlanYaml(sample.replace('status: COMPLETE\n    completed: 2018-01-15', 'status: Completed\n    completed: 2018-01-15'));
    expect(plan.recommendations[3].status).toBe('COMPLETE');
  });

  it('names the line of an impossible date', () => {
    const source = sample.replace('targetDate: 2018-04-30\n    status: RED', 'targetDate: 2018-02-30\n    status: RED');
    expect(refused(() => parseActionPlanYaml(source, 'action-plan.yaml')).lines()).toEqual([
      `action-plan.yaml, line ${lineOf(source, '2018-02-30')}, field recommendations[2].targetDate: this date does not exist`,
    ]);
  });

  it('names an unknown field with a did-you-mean', () => {
    const source = sample.replace('    lead: Service Manager', '    leed: Service Manager');
    expect(refused(() => parseActionPlanYaml(source, 'action-plan.yaml')).lines()).toEqual([
      `action-plan.yaml, line ${lineOf(source, 'leed:')}, field recommendations[6].leed: unknown field "leed" — did you mean "lead"?`,
    ]);
  });

  it('reports every problem at once: COMPLETE without a date, a date without COMPLETE, a repeated number, a bad scope', () => {
    const source = sample
      .replace('    completed: 2018-01-15\n', '')
      .replace("    status: GREEN\n\n  - id: '7'", "    status: GREEN\n    completed: 2018-03-01\n\n  - id: '7'")
      .replace("id: '2'", "id: '1'")
      .replace('scope: national', 'scope: global');
    const lines = refused(() => parseActionPlanYaml(source, 'action-plan.yaml')).lines();
    expect(lines).toHaveLength(4);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/field recommendations\[3\]\.completed: the status is COMPLETE, so give the date the full action was completed$/),
        expect.stringMatching(/field recommendations\[5\]\.status: a completion date is given, so the status should be COMPLETE, not GREEN$/),
        expect.stringMatching(/field recommendations\[1\]\.id: recommendation number "1" is used twice \(also recommendation 1\)$/),
        `action-plan.yaml, line ${lineOf(source, 'scope: global')}, field recommendations[7].scope: must be one of: local, regional, national (not "global")`,
      ]),
    );
  });

  it('names a missing required field and refuses invalid YAML with its line', () => {
    const missing = sample.replace("  - id: '9'\n", "  - number: '9'\n");
    const lines = refused(() => parseActionPlanYaml(missing, 'action-plan.yaml')).lines();
    expect(lines).toContain(`action-plan.yaml, line ${lineOf(missing, "number: '9'")}, field recommendations[8].number: unknown field "number"`);
    expect(lines.some((l) => /field recommendations\[8\]\.id: the field "id" is required$/.test(l))).toBe(true);

    const broken = refused(() => parseActionPlanYaml('recommendations:\n  - id: "1\n', 'action-plan.yaml'));
    expect(broken.lines()[0]).toMatch(/^action-plan\.yaml, line \d+, column \d+: this is not valid YAML/);
  });

  it('refuses other formats', async () => {
    const error = await refusedAsync(() => readActionPlan('plan.xls'));
    expect(error.code).toBe('unsupported-format');
    expect(error.lines()[0]).toBe('plan.xls: an action plan must be a .yaml or .xlsx file; save it as an Excel workbook (.xlsx)');
  });
});

// ---------------------------------------------------------------------------------------------
// Excel: workbooks written here, in the template's layout, so each test says what it holds.

type CellValue = string | number | Date | null;

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Template 25 as the guide lays it out: two header rows, agency headings, the example row and the key. */
function template25(wb: ExcelJS.Workbook, rows: CellValue[][], sheetName = 'Action plan'): void {
  const sheet = wb.addWorksheet(sheetName);
  sheet.addRow(['DHR case:', 'Adult X (SSCP-DHR-2017-03)']);
  sheet.addRow(['Updated:', new Date(Date.UTC(2018, 0, 30))]);
  sheet.addRow([]);
  sheet.addRow(['Rec. No.', 'Recommendation', 'Milestones / actions taken', null, 'Lead person', 'Target date', 'Status', 'Evidence of outcome and improvements made']);
  sheet.addRow([null, null, 'Key milestones', 'Date the full action was completed']);
  sheet.addRow(['e.g.1.1', 'e.g. Educate the community on the risk factors around domestic abuse', 'e.g. Identify mediums…', null, 'e.g. DAP manager', 'e.g. Dec 2017', 'COMPLETE', 'e.g. 500 posters distributed']);
  for (const row of rows) sheet.addRow(row);
  sheet.addRow([]);
  sheet.addRow(['Key to status']);
  sheet.addRow(['RED', 'Action Required']);
  sheet.addRow(['AMBER', 'Preparation Underway']);
}

describe('action plan from Excel (Template 25 layout)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dhr-action-plan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the template: agency headings, two header rows, milestones by line, date cells and text dates; skips the example row and stops at the key', async () => {
    const bytes = await workbook((wb) =>
      template25(wb, [
        ['South Yorkshire Police'],
        [1, 'Speak to the victim alone for the DASH checklist', '- Revise the DASH form\n- Brief response teams', null, 'Chief Inspector, Response', new Date(Date.UTC(2018, 2, 31)), 'Amber', null],
        ['1.2', 'Complete MARAC DVDS disclosures within 28 days', 'Prioritise MARAC applications', new Date(Date.UTC(2018, 0, 20)), 'DCI Public Protection', '31/01/2018', 'complete', 'All disclosures within 28 days since December'],
        ['Agency: Sheffield City Council Housing Services'],
        ['5', 'Train housing officers in routine enquiry', 'Training commissioned', null, 'Head of Neighbourhood Services', 'Dec 2017', 'AMBER', null],
        [null, null, 'All officers trained', null, null, null, null, null],
      ]),
    );
    const file = path.join(dir, 'action-plan.xlsx');
    writeFileSync(file, bytes);
    const plan = await readActionPlan(file);
    expect(plan.reference).toBe('Adult X (SSCP-DHR-2017-03)');
    expect(plan.updated).toBe('2018-01-30');
    expect(plan.recommendations).toEqual([
      {
        id: '1',
        recommendation: 'Speak to the victim alone for the DASH checklist',
        agency: 'South Yorkshire Police',
        milestones: ['Revise the DASH form', 'Brief response teams'],
        lead: 'Chief Inspector, Response',
        targetDate: '2018-03-31',
        status: 'AMBER',
      },
      {
        id: '1.2',
        recommendation: 'Complete MARAC DVDS disclosures within 28 days',
        agency: 'South Yorkshire Police',
        milestones: ['Prioritise MARAC applications'],
        completed: '2018-01-20',
        lead: 'DCI Public Protection',
        targetDate: '2018-01-31',
        status: 'COMPLETE',
        outcome: 'All disclosures within 28 days since December',
      },
      {
        id: '5',
        recommendation: 'Train housing officers in routine enquiry',
        agency: 'Sheffield City Council Housing Services',
        milestones: ['Training commissioned', 'All officers trained'],
        lead: 'Head of Neighbourhood Services',
        targetDate: '2017-12-31',
        status: 'AMBER',
      },
    ]);
  });

  it('reads the Home Office layout: Lead agency and Scope columns, no agency headings', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Sheet1');
      sheet.addRow(['Recommendation', 'Scope of recommendation i.e. local or regional', 'Action to take', 'Lead Agency', 'Key milestones achieved in enacting recommendation', 'Target Date', 'Status']);
      sheet.addRow(['Write to the Home Office about strangulation', 'National', 'Letter from the co-chairs', 'SSCP', 'Letter drafted', '30 April 2018', 'RED']);
    });
    const plan = await parseActionPlanWorkbook(bytes, 'plan.xlsx');
    expect(plan.recommendations).toEqual([
      { id: '1', recommendation: 'Write to the Home Office about strangulation', scope: 'national', action: 'Letter from the co-chairs', agency: 'SSCP', milestones: ['Letter drafted'], targetDate: '2018-04-30', status: 'RED' },
    ]);
  });

  it('names the sheet and cell of a bad status', async () => {
    const bytes = await workbook((wb) =>
      template25(wb, [['South Yorkshire Police'], ['1', 'Speak to the victim alone', null, null, 'Chief Inspector', '31/03/2018', 'DONE', null]]),
    );
    const error = await refusedAsync(() => parseActionPlanWorkbook(bytes, 'action-plan.xlsx'));
    expect(error.code).toBe('invalid-action-plan');
    expect(error.lines()).toEqual(['action-plan.xlsx, sheet "Action plan", cell G8: "DONE" is not a status: use RED, AMBER, GREEN, COMPLETE (Template 25\'s key)']);
  });

  it('reports every bad cell at once: impossible date, text that is not a date, bad scope, COMPLETE without a date, no agency', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Plan');
      sheet.addRow(['Rec No', 'Recommendation', 'Scope', 'Lead person', 'Target date', 'Status', 'Date completed']);
      sheet.addRow(['Agency: South Yorkshire Police']);
      sheet.addRow(['1', 'First', 'local', 'Lead', '31/02/2018', 'RED', null]);
      sheet.addRow(['2', 'Second', 'citywide', 'Lead', 'soon', 'GREEN', null]);
      sheet.addRow(['3', 'Third', 'local', 'Lead', '2018-03-31', 'COMPLETE', null]);
      const other = wb.addWorksheet('No agency');
      other.addRow(['Recommendation', 'Status']);
      other.addRow(['Fourth', 'AMBER']);
    });
    const error = await refusedAsync(() => parseActionPlanWorkbook(bytes, 'plan.xlsx'));
    expect(error.lines()).toEqual([
      'plan.xlsx, sheet "Plan", cell E3: "31/02/2018" is not a date that exists',
      'plan.xlsx, sheet "Plan", cell C4: "citywide" is not a scope: use local, regional, national',
      'plan.xlsx, sheet "Plan", cell E4: "soon" is not a date: write it as 31/12/2017, 2017-12-31, 31 Dec 2017 or Dec 2017',
      'plan.xlsx, sheet "Plan", cell G5: the status is COMPLETE, so give the date the full action was completed',
      'plan.xlsx, sheet "No agency", cell A2: no lead agency: add a "Lead agency" column or an agency heading row above this recommendation',
    ]);
  });

  it('names the column row when it has no Status column, and the file when there is no column row', async () => {
    const noStatus = await workbook((wb) => {
      const sheet = wb.addWorksheet('Plan');
      sheet.addRow([]);
      sheet.addRow(['Rec. No.', 'Recommendation', 'Lead person']);
      sheet.addRow(['1', 'First', 'Lead']);
    });
    expect((await refusedAsync(() => parseActionPlanWorkbook(noStatus, 'plan.xlsx'))).lines()).toEqual([
      'plan.xlsx, sheet "Plan", cell A2: the column row has no "Status" column (Template 25: RED, AMBER, GREEN or COMPLETE)',
    ]);
    const noTable = await workbook((wb) => wb.addWorksheet('Notes').addRow(['Nothing here']));
    expect((await refusedAsync(() => parseActionPlanWorkbook(noTable, 'plan.xlsx'))).lines()[0]).toMatch(/^plan\.xlsx: no column row found/);
  });

  it('refuses a file that is not a workbook', async () => {
    const error = await refusedAsync(() => parseActionPlanWorkbook(new TextEncoder().encode('not a zip'), 'plan.xlsx'));
    expect(error.code).toBe('corrupt');
    expect(error.lines()[0]).toMatch(/^plan\.xlsx: this is not a readable Excel workbook/);
  });
});
