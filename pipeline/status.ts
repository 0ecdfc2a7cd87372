/**
 * `dhr status`: what a case folder holds and which deadline is next, as a plain object (for
 * --json) and as plain English for a co-ordinator.
 *
 * No real name of a person or place is printed: the counts of the key are shown, never its
 * entries, the IMR cover is reduced to "signed off or not", and any name from the key found in a
 * file or agency name is replaced by its code ("jane-smith-notes.docx" → "Adult X-notes.docx").
 */
import path from 'node:path';
import type { Case } from '../schemas/case.ts';
import { imrSectionIds, imrSectionTitles, type CaseFolder, type ImrSectionId } from './model.ts';
import { timetable, type Deadline } from './timetable.ts';
import { formatUkDate } from './ingest/dates.ts';

export interface StatusReport {
  case: {
    reference: string;
    csp: string;
    review: Case['review'];
    caseLetter: string;
    area?: string;
    draft?: number;
    deathDate: string;
    notification?: string;
  };
  /** How many entries the anonymisation key holds. */
  key: { people: number; professionals: number; places: number };
  imrs: {
    file: string;
    agency: string;
    format: 'docx' | 'md';
    /** Template sections found, in the order they stand. */
    sections: ImrSectionId[];
    /** Template sections not found. */
    missing: ImrSectionId[];
    /** Whether the cover records a countersignature (sign-off by a senior manager). */
    signedOff: boolean;
  }[];
  chronologies: { file: string; agency: string; rows: number; from?: string; to?: string }[];
  /** The agencies of case.yaml and what has arrived from each. */
  agencies: { name: string; short?: string; imrRequired: boolean; imr?: string; chronology?: string }[];
  /** Agencies that owe an IMR (imrRequired) with no IMR or chronology file yet. */
  missing: { imrs: string[]; chronologies: string[] };
  /** The chair's own sections in report/, by name. */
  report: string[];
  actionPlan?: string;
  /** Files not read, and why. */
  skipped: { file: string; reason: string }[];
  /** The date the deadlines are judged against. */
  today: string;
  deadlines: Deadline[];
  /** The first deadline not yet done. */
  next?: Deadline;
  /** When the Home Office agreed to extend the timetable. */
  extension?: string;
}

/** Today's date in England (YYYY-MM-DD). */
export function todayInEngland(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function buildStatus(folder: CaseFolder, today: string): StatusReport {
  const c = folder.case;
  const mask = nameMasker(c);
  const relative = (file: string) => mask(path.relative(folder.dir, file).split(path.sep).join('/'));

  const imrs = folder.imrs.map((imr) => ({
    file: relative(imr.file),
    agency: mask(imr.agency),
    format: imr.format,
    sections: imr.sections.map((s) => s.id),
    missing: imr.missing,
    signedOff: Boolean(imr.cover.countersigned),
  }));

  const chronologies = folder.chronologies.map((chronology) => {
    const dates = chronology.rows.flatMap((r) => (r.dateTo ? [r.dateFrom, r.dateTo] : [r.dateFrom])).sort();
    return {
      file: relative(chronology.file),
      agency: mask(chronology.agency),
      rows: chronology.rows.length,
      ...(dates.length > 0 ? { from: dates[0], to: dates[dates.length - 1] } : {}),
    };
  });

  const agencies = c.agencies.map((a) => {
    const imr = folder.imrs.find((i) => i.agency === a.name);
    const chronology = folder.chronologies.find((ch) => ch.agency === a.name);
    return {
      name: a.name,
      ...(a.short ? { short: a.short } : {}),
      imrRequired: a.imrRequired,
      ...(imr ? { imr: relative(imr.file) } : {}),
      ...(chronology ? { chronology: relative(chronology.file) } : {}),
    };
  });

  const deadlines = timetable(c, today);
  return {
    case: {
      reference: c.reference,
      csp: c.csp,
      review: c.review,
      caseLetter: c.caseLetter,
      ...(c.area ? { area: c.area } : {}),
      ...(c.draft !== undefined ? { draft: c.draft } : {}),
      deathDate: c.death.date,
      ...(c.dates.notification ? { notification: c.dates.notification } : {}),
    },
    key: { people: c.people.length, professionals: c.professionals.length, places: c.places.length },
    imrs,
    chronologies,
    agencies,
    missing: {
      imrs: agencies.filter((a) => a.imrRequired && a.imr === undefined).map((a) => a.name),
      chronologies: agencies.filter((a) => a.imrRequired && a.chronology === undefined).map((a) => a.name),
    },
    report: folder.report.map((r) => mask(r.name)),
    ...(folder.actionPlanFile ? { actionPlan: relative(folder.actionPlanFile) } : {}),
    skipped: (folder.skipped ?? []).map((s) => ({ file: relative(s.file), reason: s.reason })),
    today,
    deadlines,
    next: deadlines.find((d) => d.status !== 'done'),
    ...(c.dates.homeOfficeExtension ? { extension: c.dates.homeOfficeExtension } : {}),
  };
}

/**
 * Replace the key's names (people, professionals, places) by their codes in a short text such as
 * a file name, matching whole words case-insensitively, with "-", "_" or "." between the words.
 */
export function nameMasker(c: Case): (text: string) => string {
  const pairs: { name: string; code: string }[] = [];
  const add = (name: string, code: string) => {
    const trimmed = name.trim();
    if (trimmed.length >= 3) pairs.push({ name: trimmed, code });
  };
  for (const p of c.people) {
    for (const n of p.names) {
      add(n, p.code);
      for (const part of n.split(/\s+/)) if (part.length >= 3) add(part, p.code);
    }
  }
  for (const p of c.professionals) {
    for (const n of p.names) {
      add(n, p.code);
      for (const part of n.split(/\s+/)) if (part.length >= 3) add(part, p.code);
    }
  }
  for (const place of c.places) for (const n of place.names) add(n, place.replacement);
  pairs.sort((a, b) => b.name.length - a.name.length);
  const patterns = pairs.map(({ name, code }) => {
    const words = name.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s_.-]+')}(?![\\p{L}\\p{N}])`, 'giu'), code };
  });
  return (text: string) => patterns.reduce((out, { pattern, code }) => out.replace(pattern, code), text);
}

const sectionNumber = (id: ImrSectionId) => imrSectionIds.indexOf(id) + 1;
const sectionName = (id: ImrSectionId) => `Section ${sectionNumber(id)} ${imrSectionTitles[id]}`;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The status as plain English for a council officer. */
export function formatStatus(s: StatusReport): string {
  const lines: string[] = [];
  const reviewName = s.case.review === 'DHR' ? 'Domestic Homicide Review' : 'Serious Incident Review';
  lines.push(`${reviewName} ${s.case.reference} (case letter ${s.case.caseLetter}${s.case.draft !== undefined ? `, draft ${s.case.draft}` : ''})`);
  lines.push(`Community Safety Partnership: ${s.case.csp}${s.case.area ? ` (${s.case.area})` : ''}`);
  lines.push(`Date of death: ${formatUkDate(s.case.deathDate)}. ${s.case.notification ? `Notified: ${formatUkDate(s.case.notification)}.` : 'Date of notification not recorded (dates.notification in case.yaml).'}`);
  lines.push(`Anonymisation key: ${plural(s.key.people, 'person', 'people')}, ${plural(s.key.professionals, 'professional')}, ${plural(s.key.places, 'place')}.`);

  lines.push('');
  lines.push(`Individual Management Reviews (IMRs): ${s.imrs.length} received${s.missing.imrs.length > 0 ? `, ${s.missing.imrs.length} still to come` : ''}`);
  for (const imr of s.imrs) {
    const found = imr.missing.length === 0 ? 'all six template sections found' : `missing ${imr.missing.map(sectionName).join(', ')}`;
    lines.push(`  ${imr.file} (${imr.agency}): ${found}; ${imr.signedOff ? 'countersigned' : 'no countersignature on the cover'}`);
  }
  if (s.missing.imrs.length > 0) lines.push(`  Still to come from: ${s.missing.imrs.join(', ')}`);

  lines.push('');
  lines.push(`Chronologies: ${s.chronologies.length} received${s.missing.chronologies.length > 0 ? `, ${s.missing.chronologies.length} still to come` : ''}`);
  for (const ch of s.chronologies) {
    const span = ch.from && ch.to ? (ch.from === ch.to ? `, on ${formatUkDate(ch.from)}` : `, ${formatUkDate(ch.from)} to ${formatUkDate(ch.to)}`) : '';
    lines.push(`  ${ch.file} (${ch.agency}): ${plural(ch.rows, 'entry', 'entries')}${span}`);
  }
  if (s.missing.chronologies.length > 0) lines.push(`  Still to come from: ${s.missing.chronologies.join(', ')}`);

  lines.push('');
  lines.push(`Chair's sections (report/): ${s.report.length > 0 ? s.report.join(', ') : 'none yet'}`);
  lines.push(`Action plan: ${s.actionPlan ?? 'none yet'}`);

  if (s.skipped.length > 0) {
    lines.push('');
    lines.push('Files not read:');
    for (const skipped of s.skipped) lines.push(`  ${skipped.file}: ${skipped.reason}`);
  }

  lines.push('');
  lines.push(`Timetable (as of ${formatUkDate(s.today)}):`);
  const label = { done: 'done', due: 'due', overdue: 'OVERDUE' } as const;
  for (const d of s.deadlines) {
    const when = d.status === 'done' ? `done ${formatUkDate(d.done!)}, due ${formatUkDate(d.due)}` : `due ${formatUkDate(d.due)}`;
    lines.push(`  ${label[d.status].padEnd(8)} ${d.step} — ${when} (${d.rule})`);
  }
  if (s.extension) lines.push(`  The Home Office agreed an extension on ${formatUkDate(s.extension)}.`);
  if (s.next) {
    lines.push('');
    lines.push(`Next: ${s.next.step}, ${s.next.status === 'overdue' ? 'overdue since' : 'due'} ${formatUkDate(s.next.due)}.`);
  }
  return lines.join('\n');
}
