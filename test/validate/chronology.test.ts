import { describe, expect, it } from 'vitest';
import { checkChronologies, rowKey } from '../../pipeline/validate/chronology.ts';
import type { Chronology, ChronologyRow } from '../../pipeline/model.ts';
import type { ValidationProblem } from '../../pipeline/validate/types.ts';
import { listedOccurrences } from '../../pipeline/validate/group.ts';
import { testCase } from './fixtures.ts';

let line = 10;
function row(over: Partial<ChronologyRow> = {}, file = 'chronologies/police.csv'): ChronologyRow {
  return {
    agency: 'Police',
    dateFrom: '2016-03-01',
    clientCode: 'Adult X',
    staffCode: 'PC1',
    source: 'Incident log',
    event: 'Officers attended a call from a neighbour about shouting.',
    clientSeen: 'Yes',
    action: 'DASH completed.',
    place: { file, line: line++ },
    ...over,
  };
}

function chronology(file: string, agency: string, rows: ChronologyRow[]): Chronology {
  return { file, agency, header: {}, rows: rows.map((r) => ({ ...r, agency, place: { ...r.place, file } })) };
}

/** Rows every few months across the review period, so no gap warning gets in the way. */
function steady(file: string, agency: string, extra: ChronologyRow[] = []): Chronology {
  const dates = ['2015-01-10', '2015-05-10', '2015-09-10', '2016-01-10', '2016-05-10', '2016-09-10', '2017-01-10', '2017-03-01'];
  return chronology(file, agency, [...dates.map((d, i) => row({ dateFrom: d, event: `Routine contact number ${i + 1} about rent.` }, file)), ...extra]);
}

function all(result: ReturnType<typeof checkChronologies>): ValidationProblem[] {
  return [...result.problems.values()].flat();
}

const c = testCase();

describe('chronology checks', () => {
  it('finds nothing wrong in a clean chronology', () => {
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police')], c);
    expect(all(r)).toEqual([]);
    expect(r.flags).toEqual({});
  });

  it('warns of an entry outside the review period, and flags the row', () => {
    const early = row({ dateFrom: '2014-06-01' });
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [early])], c);
    const p = all(r).find((x) => x.check === 'chronology.outside-period');
    expect(p?.severity).toBe('warning');
    expect(p?.message).toMatch(/before the review period \(1 January 2015 to 14 March 2017\)/);
    expect(p?.place).toMatchObject({ file: 'chronologies/police.csv', line: early.place.line, columnName: 'Date from' });
    expect(r.flags[rowKey({ ...early, place: { ...early.place, file: 'chronologies/police.csv' } })]).toContain('outside the review period');
  });

  it("finds an entry after the victim's death attributed to the victim", () => {
    const after = row({ dateFrom: '2017-03-20', clientCode: 'Adult X; Adult XAP' });
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [after])], c);
    const p = all(r).find((x) => x.check === 'chronology.after-death');
    expect(p?.severity).toBe('error');
    expect(p?.message).toMatch(/after the victim's death on 14 March 2017/);
  });

  it('does not flag an entry after the death about someone else', () => {
    const after = row({ dateFrom: '2017-03-20', clientCode: 'Adult XAP' });
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [after])], c);
    expect(all(r).filter((x) => x.check === 'chronology.after-death')).toEqual([]);
  });

  it('finds an end date before the start date', () => {
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [row({ dateFrom: '2016-03-05', dateTo: '2016-03-01' })])], c);
    expect(all(r).find((x) => x.check === 'chronology.end-before-start')?.severity).toBe('error');
  });

  it('finds a client code that is not in the key, and accepts the initials form of a code', () => {
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [row({ clientCode: 'Adult Z' }), row({ clientCode: 'XAP' })])], c);
    const ps = all(r).filter((x) => x.check === 'chronology.client-code');
    expect(ps).toHaveLength(1);
    expect(ps[0].message).toMatch(/"Adult Z" .* is not a code in case.yaml/);
  });

  it('finds a real name written as a client code, without printing it', () => {
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [row({ clientCode: 'Jane Smith' })])], c);
    const p = all(r).find((x) => x.check === 'chronology.client-code');
    expect(p?.message).toMatch(/is a real name/);
    expect(JSON.stringify(r)).not.toMatch(/Jane|Smith/);
  });

  it("finds a professional's real name in the staff code and says which code to write", () => {
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [row({ staffCode: 'Tom Jones' })])], c);
    const p = all(r).find((x) => x.check === 'chronology.staff-named');
    expect(p?.message).toMatch(/is the real name of PC1/);
    expect(p?.fix).toBe('Write "PC1".');
    expect(JSON.stringify(r)).not.toMatch(/Tom|Jones/);
  });

  it('finds a staff code that looks like a person not in the key, and one that is just not listed', () => {
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [row({ staffCode: 'Sgt Bloggs' }), row({ staffCode: 'Call handler 3' })])], c);
    const named = all(r).filter((x) => x.check === 'chronology.staff-named');
    expect(named).toHaveLength(1);
    expect(named[0].message).not.toMatch(/Bloggs/);
    expect(all(r).find((x) => x.check === 'chronology.staff-code')?.severity).toBe('warning');
  });

  it("finds a professional's real name in the event text", () => {
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [row({ event: 'Helen Price visited the family home.' })])], c);
    expect(all(r).find((x) => x.check === 'chronology.staff-named')?.message).toMatch(/names 1 professional/);
    expect(JSON.stringify(r)).not.toMatch(/Helen|Price/);
  });

  it('finds the same event recorded by two agencies on different dates, and flags both rows', () => {
    const police = row({ dateFrom: '2016-05-10', event: '999 call: Adult XAP pushed her into the door frame; 3 cm cut to her scalp; paramedics attended.' }, 'chronologies/police.csv');
    const gp = row({ dateFrom: '2016-05-11', event: 'Ambulance report: crew attended the home; 3 cm scalp laceration cleaned and closed.', staffCode: '' }, 'chronologies/gp.csv');
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [police]), chronology('chronologies/gp.csv', 'GP practice', [gp])], c);
    const ps = all(r).filter((x) => x.check === 'chronology.same-event');
    expect(ps).toHaveLength(2);
    expect(ps[0].message).toMatch(/may be the same event as .* 1 day apart/);
    expect(r.flags[rowKey({ ...gp, place: { ...gp.place, file: 'chronologies/gp.csv' } })]).toEqual(['same event as Testshire Police on 10 May 2016?']);
  });

  it('does not flag unrelated entries, the same date, or the same agency', () => {
    const a = row({ dateFrom: '2016-05-10', event: 'Rent arrears letter sent about the missed payments.' }, 'chronologies/housing.csv');
    const b = row({ dateFrom: '2016-05-11', event: '999 call: pushed into the door frame; cut to her scalp; paramedics attended.' }, 'chronologies/gp.csv');
    const same = row({ dateFrom: '2016-05-10', event: '999 call: pushed into the door frame; cut to her scalp; paramedics attended.' }, 'chronologies/gp.csv');
    const police = steady('chronologies/police.csv', 'Testshire Police', [row({ dateFrom: '2016-05-10', event: '999 call: pushed into the door frame; cut to her scalp; paramedics attended.' })]);
    const r = checkChronologies([police, chronology('chronologies/housing.csv', 'Housing', [a]), chronology('chronologies/gp.csv', 'GP', [same])], c);
    expect(all(r).filter((x) => x.check === 'chronology.same-event')).toEqual([]);
    const r2 = checkChronologies([police, chronology('chronologies/police2.csv', 'Testshire Police', [b])], c);
    expect(all(r2).filter((x) => x.check === 'chronology.same-event')).toEqual([]);
  });

  it('takes the same event as one to one: of two similar entries of one agency, only the closer match', () => {
    const police = row({ dateFrom: '2016-05-10', event: '999 call: Adult XAP pushed her into the door frame; 3 cm cut to her scalp; paramedics attended.' }, 'chronologies/police.csv');
    const gp = row({ dateFrom: '2016-05-11', event: 'Ambulance report: crew attended the home; 3 cm scalp laceration cleaned and closed.', staffCode: '' }, 'chronologies/gp.csv');
    const gpLater = row({ dateFrom: '2016-05-15', event: 'Follow-up: 3 cm scalp laceration healing; crew report of the home read.', staffCode: '' }, 'chronologies/gp.csv');
    const r = checkChronologies([steady('chronologies/police.csv', 'Testshire Police', [police]), chronology('chronologies/gp.csv', 'GP practice', [gp, gpLater])], c);
    const flagged = (x: ChronologyRow, file: string) => r.flags[rowKey({ ...x, place: { ...x.place, file } })] ?? [];
    expect(flagged(gp, 'chronologies/gp.csv')).toEqual(['same event as Testshire Police on 10 May 2016?']);
    expect(flagged(gpLater, 'chronologies/gp.csv')).toEqual([]);
    expect(flagged(police, 'chronologies/police.csv')).toEqual(['same event as GP practice on 11 May 2016?']);
  });

  it('says many same-event entries of a chronology once: the first listed, all counted, every row flagged', () => {
    const days = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2016, 0, 4 + i * 7)).toISOString().slice(0, 10));
    const next = (d: string) => new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10);
    const police = days.map((d, i) => row({ dateFrom: d, event: `999 call ${i}: pushed into the door frame; 3 cm cut to the scalp; paramedics attended.` }, 'chronologies/police.csv'));
    const gp = days.map((d, i) => row({ dateFrom: next(d), event: `Ambulance report ${i}: crew attended; 3 cm scalp laceration closed.`, staffCode: '' }, 'chronologies/gp.csv'));
    const r = checkChronologies([chronology('chronologies/police.csv', 'Testshire Police', police), chronology('chronologies/gp.csv', 'GP practice', gp)], c);
    const ps = all(r).filter((x) => x.check === 'chronology.same-event');
    expect(ps).toHaveLength(2);
    for (const p of ps) {
      expect(p.message).toBe("60 entries may record the same event as another agency's entry on a different date.");
      expect(p.count).toBe(60);
      expect(p.occurrences).toHaveLength(listedOccurrences);
      expect(p.occurrences![0].message).toMatch(/^The entry of \d+ \w+ 2016 may be the same event as (GP practice|Testshire Police) on \d+ \w+ 2016 \(".*"\), recorded 1 day apart\.$/);
      expect(p.occurrences![0].place.columnName).toBe('Date from');
    }
    const police0 = r.problems.get('chronologies/police.csv')!.find((x) => x.check === 'chronology.same-event')!;
    expect(police0.occurrences![0].message).toContain('GP practice on 5 January 2016');
    expect(police0.occurrences![0].place.line).toBe(police[0].place.line);
    for (const x of gp) expect(r.flags[rowKey({ ...x, place: { ...x.place, file: 'chronologies/gp.csv' } })]).toEqual([expect.stringMatching(/^same event as Testshire Police on /)]);
  });

  it('finds a gap of more than six months with no contact from any agency, and flags the row after it', () => {
    const police = chronology('chronologies/police.csv', 'Testshire Police', [row({ dateFrom: '2015-01-20' }), row({ dateFrom: '2015-07-15' }), row({ dateFrom: '2016-02-22' }), row({ dateFrom: '2016-08-01' }), row({ dateFrom: '2017-02-01' })]);
    const r = checkChronologies([police], c);
    const gaps = all(r).filter((x) => x.check === 'chronology.gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0].message).toMatch(/about 7 months, from an entry by Testshire Police \(15 July 2015\) to the next entry, by Testshire Police \(22 February 2016\)/);
    expect(r.problems.get('')).toHaveLength(1);
    expect(r.flags[rowKey(police.rows[2])]).toEqual(['no agency contact for about 7 months before this']);
  });

  it('counts a gap at the start and the end of the review period, but not one of exactly six months', () => {
    const police = chronology('chronologies/police.csv', 'Testshire Police', [row({ dateFrom: '2015-07-02' }), row({ dateFrom: '2016-01-01' }), row({ dateFrom: '2016-07-01' })]);
    const gaps = all(checkChronologies([police], c)).filter((x) => x.check === 'chronology.gap');
    expect(gaps.map((g) => g.message)).toEqual([
      expect.stringMatching(/about 6 months, from the start of the review period \(1 January 2015\) to the next entry, by Testshire Police \(2 July 2015\)/),
      expect.stringMatching(/to the victim's death \(14 March 2017\)/),
    ]);
  });
});
