import { describe, expect, it } from 'vitest';
import { figurePng, genogramFigure, timelineFigure } from '../../pipeline/render/figures.ts';
import { classifyRelationship } from '../../pipeline/render/genogram-family.ts';
import { DhrError } from '../../pipeline/errors.ts';
import { fixtureCase, fixtureRows, realNames, caseInput } from './fixtures.ts';
import { byClass, elements, parseSvg, pngSignature, pngSize, svgText } from './svg.ts';

const agencies = ['South Yorkshire Police', 'GP', 'Sheffield Children’s NHS Foundation Trust', 'Adult Social Care'];
const period = { start: '2015-03-01', end: '2017-03-14', deathDate: '2017-03-14' };

describe('svg helper', () => {
  it('refuses SVG that is not well-formed', () => {
    expect(() => parseSvg('<svg xmlns="http://www.w3.org/2000/svg"><text>a < b</text></svg>')).toThrow();
    expect(() => parseSvg('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).toThrow();
  });
});

describe('timelineFigure', () => {
  const figure = timelineFigure(fixtureRows(), { ...period, agencies });
  const doc = parseSvg(figure.svg);

  it('is well-formed SVG with a PNG of the stated size', () => {
    expect(doc.documentElement?.getAttribute('viewBox')).toMatch(/^0 0 \d+/);
    expect([...figure.png!.slice(0, 8)]).toEqual(pngSignature);
    expect(pngSize(figure.png!)).toEqual({ width: figure.width, height: figure.height });
    expect(figure.id).toBe('timeline');
  });

  it('has one labelled lane per agency, in the order given, with its count', () => {
    const labels = byClass(doc, 'lane-label');
    expect(labels.map((l) => l.getAttribute('data-agency'))).toEqual(agencies);
    expect(labels.map((l) => l.getAttribute('data-contacts'))).toEqual(['3', '2', '2', '0']);
    expect(byClass(doc, 'lane')).toHaveLength(agencies.length);
  });

  it('adds a lane for an agency that is only in the rows', () => {
    const f = timelineFigure(fixtureRows(), { ...period, agencies: ['GP'] });
    const labels = byClass(parseSvg(f.svg), 'lane-label').map((l) => l.getAttribute('data-agency'));
    expect(labels[0]).toBe('GP');
    expect(new Set(labels)).toEqual(new Set(['GP', 'South Yorkshire Police', 'Sheffield Children’s NHS Foundation Trust']));
  });

  it('draws the contacts of one agency on one day as one mark, as opaque as the marks stacked', () => {
    const rows = fixtureRows();
    const gp = rows.find((r) => r.agency === 'GP' && !r.dateTo)!;
    const f = timelineFigure([...rows, { ...gp, event: 'again' }, { ...gp, event: 'and again' }], { ...period, agencies });
    const doc2 = parseSvg(f.svg);
    const contacts = byClass(doc2, 'contact');
    expect(contacts).toHaveLength(7);
    const stacked = contacts.filter((c) => c.getAttribute('data-contacts') === '3');
    expect(stacked).toHaveLength(1);
    // One mark is drawn at 0.8: three stacked let through 0.2 × 0.2 × 0.2 of what is behind.
    expect(stacked[0].getAttribute('fill-opacity')).toBe('0.992');
    expect(byClass(doc2, 'lane-label').map((l) => l.getAttribute('data-contacts'))).toEqual(['3', '4', '2', '0']);
  });

  it('can leave the PNG to be drawn on another thread, with the same bytes', async () => {
    const later = timelineFigure(fixtureRows(), { ...period, agencies, png: false });
    expect(later.png).toBeUndefined();
    expect(Buffer.from(await figurePng(later)).equals(Buffer.from(figure.png!))).toBe(true);
  });

  it('marks each contact in the period, a bar for a period, and leaves out the rest', () => {
    const contacts = byClass(doc, 'contact');
    // 8 rows, one (2014) before the review period.
    expect(contacts).toHaveLength(7);
    expect(byClass(doc, 'period')).toHaveLength(2);
    expect(svgText(doc)).toContain('1 entry outside the review period not shown');
  });

  it('marks the death with a vertical line and only its month and year', () => {
    const [line] = byClass(doc, 'death');
    expect(line).toBeDefined();
    expect(line.getAttribute('x1')).toBe(line.getAttribute('x2'));
    const text = svgText(doc);
    expect(text).toContain('Death (March 2017)');
    expect(text).not.toMatch(/14 March|2017-03-14|14\/03/);
    expect(figure.alt).toContain('March 2017');
    expect(figure.alt).not.toContain('2017-03-14');
  });

  it('places the death line at the right point of the axis', () => {
    // The death on the last day: the line stands at the right end of the axis.
    const [line] = byClass(doc, 'death');
    const axis = elements(doc, 'line').find((l) => l.getAttribute('y1') === l.getAttribute('y2') && l.getAttribute('stroke') === '#000000');
    expect(Number(line.getAttribute('x1'))).toBeCloseTo(Number(axis!.getAttribute('x2')), 0);
    // Halfway through the period, halfway along the axis.
    const mid = timelineFigure([], { start: '2016-01-01', end: '2016-12-31', deathDate: '2016-07-01', agencies: ['GP'] });
    const d = parseSvg(mid.svg);
    const axis2 = elements(d, 'line').find((l) => l.getAttribute('y1') === l.getAttribute('y2') && l.getAttribute('stroke') === '#000000')!;
    const x1 = Number(axis2.getAttribute('x1'));
    const x2 = Number(axis2.getAttribute('x2'));
    const deathX = Number(byClass(d, 'death')[0].getAttribute('x1'));
    expect((deathX - x1) / (x2 - x1)).toBeCloseTo(182 / 365, 2);
  });

  it('escapes text', () => {
    const f = timelineFigure([], { ...period, agencies: ['Police & <Crime> "Unit"'] });
    const d = parseSvg(f.svg);
    expect(byClass(d, 'lane-label')[0].getAttribute('data-agency')).toBe('Police & <Crime> "Unit"');
    expect(f.svg).not.toContain('<Crime>');
  });

  it('refuses a review period that ends before it starts', () => {
    expect(() => timelineFigure([], { start: '2017-01-01', end: '2016-01-01', deathDate: '2017-01-01', agencies: [] })).toThrow(DhrError);
  });

  it('gives the same SVG for the same input', () => {
    expect(timelineFigure(fixtureRows(), { ...period, agencies }).svg).toBe(figure.svg);
  });
});

describe('genogramFigure', () => {
  const c = fixtureCase();
  const figure = genogramFigure(c);
  const doc = parseSvg(figure.svg);
  const text = svgText(doc);

  it('is well-formed SVG with a PNG of the stated size', () => {
    expect([...figure.png!.slice(0, 8)]).toEqual(pngSignature);
    expect(pngSize(figure.png!)).toEqual({ width: figure.width, height: figure.height });
    expect(figure.id).toBe('genogram');
  });

  it('labels people by pseudonym and code, never by a real name', () => {
    expect(text).toContain('Anna');
    expect(text).toContain('Adult X');
    expect(text).toContain('Adult XAP');
    expect(text).toContain('Child XD');
    expect(text).toContain('Rose');
    for (const name of realNames(c)) {
      expect(figure.svg).not.toContain(name);
      expect(figure.alt).not.toContain(name);
    }
  });

  it('uses codes only when asked', () => {
    const coded = genogramFigure(c, { useCodes: true });
    expect(coded.svg).not.toContain('Anna');
    expect(coded.svg).not.toContain('Rose');
    expect(svgText(parseSvg(coded.svg))).toContain('Adult XM');
    expect(coded.alt).not.toContain('Anna');
  });

  it('draws the family and household only: friends are left out', () => {
    expect(text).not.toContain('Adult XF');
    expect(byClass(doc, 'person')).toHaveLength(7);
  });

  it('uses the standard symbols, and hides children’s sex unless asked', () => {
    const shapes = byClass(doc, 'person').map((e) => e.tagName);
    // Adult X, XM, XS female (circles); XAP, XEP male (squares); two children (diamonds).
    expect(shapes.filter((s) => s === 'circle')).toHaveLength(3);
    expect(shapes.filter((s) => s === 'rect')).toHaveLength(2);
    expect(shapes.filter((s) => s === 'polygon')).toHaveLength(2);
    expect(figure.alt).toContain('Child XD: child of Anna and Adult XEP');
    expect(figure.alt).toContain('Child XE: child of Anna and Adult XAP');
    expect(figure.alt).not.toMatch(/(son|daughter) of Anna/);
    expect(figure.alt).toContain('Rose: mother of Anna and Adult XS');
    const shown = genogramFigure(c, { showChildrenSex: true });
    const shownShapes = byClass(parseSvg(shown.svg), 'person').map((e) => e.tagName);
    expect(shownShapes.filter((s) => s === 'polygon')).toHaveLength(0);
  });

  it('marks the victim, the death, the abusive relationship, a separation and the household', () => {
    const [victim] = byClass(doc, 'victim');
    expect(victim.tagName).toBe('circle');
    expect(byClass(doc, 'deceased')).toHaveLength(1);
    expect(byClass(doc, 'perpetrator')).toHaveLength(1);
    expect(byClass(doc, 'abuse')).toHaveLength(1);
    expect(byClass(doc, 'partners')).toHaveLength(1); // Adult X and Adult XEP
    expect(byClass(doc, 'household').length).toBeGreaterThan(0);
    expect(text).toContain('Abusive relationship');
    expect(text).toContain('Separated');
    expect(figure.alt).toContain('The relationship between Anna and Adult XAP is marked as abusive');
    expect(figure.alt).toContain('Adult XEP: former partner of Anna');
    const alive = genogramFigure(c, { victimDeceased: false });
    expect(byClass(parseSvg(alive.svg), 'deceased')).toHaveLength(0);
  });

  it('puts children below their parents and parents above', () => {
    const y = (code: string) => {
      const label = elements(doc, 'text').find((t) => t.textContent === code);
      return Number(label!.getAttribute('y'));
    };
    expect(y('Child XD')).toBeGreaterThan(y('Adult XAP'));
    expect(y('Adult XM')).toBeLessThan(y('Adult X'));
    expect(y('Adult XS')).toBe(y('Adult XEP') + 0);
  });

  it('links a perpetrator who is not a partner by an abusive line', () => {
    const son = fixtureCase({
      people: [
        { code: 'Adult Y', role: 'victim', names: ['Edith Brown'], sex: 'female', age: 78, household: true },
        { code: 'Adult YP', role: 'perpetrator', names: ['Keith Brown'], relationship: 'son', sex: 'male', age: 50, household: true },
        { code: 'Adult YB', role: 'family member', names: ['Susan Brown'], relationship: 'sister', sex: 'female', age: 75 },
      ],
    });
    const f = genogramFigure(son);
    const d = parseSvg(f.svg);
    expect(byClass(d, 'abuse')).toHaveLength(1);
    expect(elements(d, 'polyline').filter((p) => p.getAttribute('class') === 'abuse')).toHaveLength(1);
    expect(byClass(d, 'partners')).toHaveLength(0);
    expect(f.alt).toContain('Adult YP: son of Adult Y');
    expect(f.alt).toContain('Adult YB: sibling of Adult Y');
    for (const name of realNames(son)) expect(f.svg).not.toContain(name);
  });

  it('refuses a case without a victim', () => {
    const input = { ...caseInput, people: caseInput.people.filter((p) => p.role !== 'victim') };
    expect(() => genogramFigure(fixtureCase({ people: input.people }))).toThrow(/victim/);
  });

  it('escapes text', () => {
    const odd = fixtureCase({ people: [{ code: 'Adult <X> & "Co"', role: 'victim', names: ['Jane Smith'], sex: 'female' }] });
    const f = genogramFigure(odd);
    expect(svgText(parseSvg(f.svg))).toContain('Adult <X> & "Co"');
  });
});

describe('classifyRelationship', () => {
  it('reads the relationship to the victim, for links only', () => {
    expect(classifyRelationship('ex-husband')).toEqual({ kind: 'partner', separated: true, indirect: false });
    expect(classifyRelationship('Partner')).toEqual({ kind: 'partner', separated: false, indirect: false });
    expect(classifyRelationship('stepdaughter')).toMatchObject({ kind: 'child', indirect: false });
    expect(classifyRelationship('grandmother')).toMatchObject({ kind: 'grandparent' });
    expect(classifyRelationship('half-brother')).toMatchObject({ kind: 'sibling' });
    expect(classifyRelationship("partner's son")).toMatchObject({ kind: 'child', indirect: true });
    expect(classifyRelationship('ex-partner’s mother')).toMatchObject({ kind: 'parent', indirect: true });
    expect(classifyRelationship('son of Adult XAP')).toMatchObject({ kind: 'child', indirect: true });
    expect(classifyRelationship('lodger')).toMatchObject({ kind: null });
  });

  it('draws a partner’s child from another relationship without joining it to the victim', () => {
    const c = fixtureCase({
      people: [
        { code: 'Adult Z', role: 'victim', names: ['Zoë Ward'], sex: 'female', age: 40, household: true },
        { code: 'Adult ZP', role: 'perpetrator', names: ['Paul Ward'], relationship: 'husband', sex: 'male', age: 42, household: true },
        { code: 'Child ZS', role: 'child', names: ['Sam Ward'], relationship: "husband's son", age: 15, household: true },
      ],
    });
    const f = genogramFigure(c);
    expect(f.alt).toContain('Child ZS: age 15, lived in the household.');
    expect(f.alt).not.toContain('child of Adult Z');
    // A generation below the couple.
    const d = parseSvg(f.svg);
    const y = (code: string) => Number(elements(d, 'text').find((t) => t.textContent === code)!.getAttribute('y'));
    expect(y('Child ZS')).toBeGreaterThan(y('Adult ZP'));
  });
});
