/**
 * The genogram figure: an anonymised family tree of the victim's family and household, drawn
 * with the usual symbols — squares for males, circles for females, diamonds where sex is not
 * shown (children, by default: the guide asks that children's genders are not given); the
 * victim highlighted and crossed when deceased; partner lines (two strokes when separated, a red
 * zigzag for the abusive relationship); children below their parents; a dashed boundary around
 * the household. People are labelled with their code or pseudonym, never a real name.
 */
import type { Figure } from '../assemble/types.ts';
import type { Case, Person } from '../../schemas/case.ts';
import { coupleOf, familyOf, isChild, isPerpetrator, type Couple, type Family, type FamilyNode } from './genogram-family.ts';
import { curvedZigzag, el, haloText, makeFigure, num, svgDocument, text, textWidth, wrap, zigzag, type Attributes } from './svg.ts';

export interface GenogramOptions {
  /** Label people by code only (Adult X), not by pseudonym. */
  useCodes?: boolean;
  /** Show children's sex (square or circle); off by default, as the guide asks. */
  showChildrenSex?: boolean;
  /** Mark the victim as deceased (a DHR); false for an SIR whose victim is alive. */
  victimDeceased?: boolean;
  id?: string;
  title?: string;
  /** Rasterise the PNG now (the default), or leave it to figurePng. */
  png?: boolean;
}

const slot = 150;
const symbol = 40;
const rowHeight = 190;
const topPad = 56;
const margin = 30;
/** Room below a symbol for up to five label lines. */
const labelDepth = 5 * 16 + 4;
const red = '#C00000';
const green = '#2e7d32';

type Sex = 'male' | 'female' | 'neutral';

interface Layout {
  width: number;
  visible: FamilyNode[];
  /** Top of a person's symbol. */
  yOf: (n: FamilyNode) => number;
  lastRowTop: number;
}

/* ------------------------------------------------------------------------------------------ */
/* Layout                                                                                      */

/** Chains of partners within one generation, drawn side by side (a former partner on the left). */
function partnerChains(family: Family, members: FamilyNode[], order: Map<string, number>): string[][] {
  const { couples, victim } = family;
  const partnersOf = (key: string): string[] =>
    couples.filter((c) => (c.a === key || c.b === key) && members.some((m) => m.key === (c.a === key ? c.b : c.a))).map((c) => (c.a === key ? c.b : c.a));
  const seen = new Set<string>();
  const units: string[][] = [];
  for (const m of [...members].sort((a, b) => (order.get(a.key) ?? -1) - (order.get(b.key) ?? -1))) {
    if (seen.has(m.key)) continue;
    const component: string[] = [];
    const stack = [m.key];
    while (stack.length) {
      const k = stack.pop() as string;
      if (component.includes(k)) continue;
      component.push(k);
      stack.push(...partnersOf(k));
    }
    // Walk the chain from an end: someone with one partner.
    const chain: string[] = [];
    const walk = (k: string): void => {
      if (chain.includes(k)) return;
      chain.push(k);
      const next = partnersOf(k).sort((a, b) => Number((coupleOf(couples, k, b) as Couple).separated) - Number((coupleOf(couples, k, a) as Couple).separated));
      for (const n of next) walk(n);
    };
    walk(component.find((k) => partnersOf(k).length <= 1) ?? component[0]);
    if (chain.length === 2 && chain[0] === victim.code && (coupleOf(couples, chain[0], chain[1]) as Couple).separated) chain.reverse();
    for (const k of chain) seen.add(k);
    units.push(chain);
  }
  return units;
}

/** Place each generation's units left to right, children's blocks centred under their parents. */
function layOut(family: Family, caseModel: Case): Layout {
  const { nodes, victim } = family;
  const order = new Map<string, number>(caseModel.people.map((p, i) => [p.code, i]));
  const household = (n: FamilyNode): boolean => inHousehold(n, caseModel);
  const positioned = new Set<string>();
  const generations = [...new Set([...nodes.values()].map((n) => n.generation))].sort((a, b) => a - b);

  for (const generation of generations) {
    const members = [...nodes.values()].filter((n) => n.generation === generation);
    const idealOf = (unit: string[]): number | null => {
      const xs: number[] = [];
      for (const k of unit) {
        const ps = (nodes.get(k) as FamilyNode).parents.filter((p) => positioned.has(p));
        if (ps.length) xs.push(ps.reduce((s, p) => s + (nodes.get(p) as FamilyNode).x, 0) / ps.length);
      }
      return xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : null;
    };
    const keyed = partnerChains(family, members, order).map((unit, i) => ({
      unit,
      i,
      ideal: idealOf(unit),
      household: unit.some((k) => household(nodes.get(k) as FamilyNode)),
      age: Math.max(...unit.map((k) => nodes.get(k)?.person?.age ?? -1)),
      victim: unit.includes(victim.code),
    }));
    // Under the parents first; then the victim, the household, the eldest (left), the input order.
    keyed.sort((a, b) => {
      if (a.ideal !== null && b.ideal !== null && a.ideal !== b.ideal) return a.ideal - b.ideal;
      if ((a.ideal === null) !== (b.ideal === null)) return a.ideal === null ? 1 : -1;
      if (a.victim !== b.victim) return a.victim ? -1 : 1;
      if (a.household !== b.household) return a.household ? -1 : 1;
      if (a.age !== b.age) return b.age - a.age;
      return a.i - b.i;
    });
    let cursor = -Infinity;
    let i = 0;
    while (i < keyed.length) {
      let j = i + 1;
      while (j < keyed.length && keyed[j].ideal !== null && keyed[j].ideal === keyed[i].ideal) j++;
      const block = keyed.slice(i, j);
      const blockWidth = block.reduce((s, u) => s + u.unit.length * slot, 0);
      const ideal = block[0].ideal;
      let left = ideal !== null ? ideal - blockWidth / 2 + slot / 2 : cursor === -Infinity ? 0 : cursor;
      if (left < cursor) left = cursor;
      for (const u of block) {
        for (const k of u.unit) {
          (nodes.get(k) as FamilyNode).x = left;
          positioned.add(k);
          left += slot;
        }
      }
      cursor = left;
      i = j;
    }
  }

  const minX = Math.min(...[...nodes.values()].map((n) => n.x));
  for (const n of nodes.values()) n.x = n.x - minX + margin + slot / 2;
  const contentWidth = Math.max(...[...nodes.values()].map((n) => n.x)) + slot / 2 + margin;
  const width = Math.max(contentWidth, 800);
  for (const n of nodes.values()) n.x += (width - contentWidth) / 2;

  const visible = [...nodes.values()].filter((n) => !n.hidden);
  const rows = [...new Set(visible.map((n) => n.generation))].sort((a, b) => a - b);
  const yOf = (n: FamilyNode): number => topPad + (n.generation - rows[0]) * rowHeight;
  return { width, visible, yOf, lastRowTop: topPad + (rows[rows.length - 1] - rows[0]) * rowHeight };
}

function inHousehold(n: FamilyNode, caseModel: Case): boolean {
  return Boolean(n.person?.household) || (n.person?.role === 'victim' && caseModel.people.some((p) => p.household));
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing                                                                                     */

/** A dashed outline around the household: one stepped shape, or a box per person when needed. */
function drawHousehold(members: FamilyNode[], layout: Layout): { boundary: string; label: string } {
  if (members.length === 0) return { boundary: '', label: '' };
  const boxOf = (n: FamilyNode) => ({ left: n.x - slot / 2 + 8, right: n.x + slot / 2 - 8, top: layout.yOf(n) - 14, bottom: layout.yOf(n) + symbol + labelDepth });
  type Box = ReturnType<typeof boxOf>;
  const rows = new Map<number, Box>();
  for (const n of members) {
    const b = boxOf(n);
    const r = rows.get(n.generation);
    rows.set(n.generation, r ? { left: Math.min(r.left, b.left), right: Math.max(r.right, b.right), top: Math.min(r.top, b.top), bottom: Math.max(r.bottom, b.bottom) } : b);
  }
  const style = { fill: green, 'fill-opacity': 0.05, stroke: green, 'stroke-width': 2, 'stroke-dasharray': '9 5', class: 'household' };
  // Someone outside the household standing inside a row's span would be misread as in it.
  const outsider = layout.visible.some((n) => !members.includes(n) && rows.has(n.generation) && n.x > (rows.get(n.generation) as Box).left && n.x < (rows.get(n.generation) as Box).right);
  const generations = [...rows.keys()].sort((a, b) => a - b);
  const contiguous = generations.every((g, k) => k === 0 || g === generations[k - 1] + 1);
  if (outsider || !contiguous) {
    const boundary = members.map((n) => {
      const b = boxOf(n);
      return el('rect', { x: b.left, y: b.top, width: b.right - b.left, height: b.bottom - b.top, rx: 10, ...style });
    });
    return { boundary: boundary.join(''), label: '' };
  }
  const spans = generations.map((g) => rows.get(g) as Box);
  const topOf = (k: number) => (k === 0 ? spans[k].top : (spans[k - 1].bottom + spans[k].top) / 2);
  const bottomOf = (k: number) => (k === spans.length - 1 ? spans[k].bottom : (spans[k].bottom + spans[k + 1].top) / 2);
  const points: [number, number][] = [];
  spans.forEach((s, k) => points.push([s.right, topOf(k)], [s.right, bottomOf(k)]));
  for (let k = spans.length - 1; k >= 0; k--) points.push([spans[k].left, bottomOf(k)], [spans[k].left, topOf(k)]);
  const d = `M ${num(spans[0].left)} ${num(spans[0].top)} ` + points.map(([x, y]) => `L ${num(x)} ${num(y)}`).join(' ') + ' Z';
  return {
    boundary: el('path', { d, ...style, 'stroke-linejoin': 'round' }),
    label: haloText(spans[0].left + 8, spans[0].top + 14, 'Household', { 'font-size': 12, 'font-style': 'italic', fill: green }),
  };
}

/** Partner lines at mid-height between the two symbols. */
function drawPartners(family: Family, layout: Layout): string {
  const parts: string[] = [];
  for (const c of family.couples) {
    const a = family.nodes.get(c.a) as FamilyNode;
    const b = family.nodes.get(c.b) as FamilyNode;
    if (a.hidden || b.hidden) continue;
    const [left, right] = a.x <= b.x ? [a, b] : [b, a];
    const y = layout.yOf(left) + symbol / 2;
    const x1 = left.x + symbol / 2;
    const x2 = right.x - symbol / 2;
    if (c.abusive) parts.push(el('polyline', { points: zigzag(x1, y, x2, y), fill: 'none', stroke: red, 'stroke-width': 2.5, class: 'abuse' }));
    else parts.push(el('line', { x1, y1: y, x2, y2: y, stroke: '#000000', 'stroke-width': 2, class: 'partners' }));
    if (c.separated) {
      const m = (x1 + x2) / 2;
      for (const dx of [-5, 5]) parts.push(el('line', { x1: m + dx - 5, y1: y + 9, x2: m + dx + 5, y2: y - 9, stroke: c.abusive ? red : '#000000', 'stroke-width': 2 }));
    }
  }
  return parts.join('');
}

/** Children below their parents: a line down from the couple (or the parent) to a bar over the children. */
function drawDescent(family: Family, layout: Layout): string {
  const parts: string[] = [];
  const families = new Map<string, FamilyNode[]>();
  for (const n of family.nodes.values()) {
    if (n.parents.length === 0 || n.hidden) continue;
    const key = [...n.parents].sort().join('|');
    families.set(key, [...(families.get(key) ?? []), n]);
  }
  const line = (x1: number, y1: number, x2: number, y2: number, className?: string) => el('line', { x1, y1, x2, y2, stroke: '#000000', 'stroke-width': 1.5, class: className });
  for (const [key, children] of families) {
    const parents = key.split('|').map((k) => family.nodes.get(k) as FamilyNode).filter((p) => !p.hidden);
    const barY = Math.min(...children.map(layout.yOf)) - 28;
    const xs = children.map((c) => c.x);
    let fromX = xs[0];
    if (parents.length === 2) {
      fromX = (parents[0].x + parents[1].x) / 2;
      parts.push(line(fromX, layout.yOf(parents[0]) + symbol / 2, fromX, barY, 'descent'));
    } else if (parents.length === 1) {
      fromX = parents[0].x;
      parts.push(line(fromX, layout.yOf(parents[0]) + symbol, fromX, barY, 'descent'));
    }
    parts.push(line(Math.min(fromX, ...xs), barY, Math.max(fromX, ...xs), barY));
    for (const c of children) parts.push(line(c.x, barY, c.x, layout.yOf(c)));
  }
  return parts.join('');
}

/**
 * Abuse where the perpetrator is not the victim's partner (a son, a brother …): a zigzag along a
 * curve bowed to the side (or above), clear of the descent lines and the labels.
 */
function drawAbuse(family: Family, layout: Layout): string {
  return family.abuseLines
    .map(([from, to]) => {
      const a = family.nodes.get(from) as FamilyNode;
      const b = family.nodes.get(to) as FamilyNode;
      const [ax, ay, bx, by] = [a.x, layout.yOf(a) + symbol / 2, b.x, layout.yOf(b) + symbol / 2];
      const length = Math.hypot(bx - ax, by - ay) || 1;
      const bow = Math.max(90, length * 0.25);
      const nx = (by - ay) / length;
      const ny = -(bx - ax) / length;
      const side = nx < 0 || (nx === 0 && ny > 0) ? -1 : 1; // to the right, or above
      const control: [number, number] = [(ax + bx) / 2 + nx * bow * side, (ay + by) / 2 + ny * bow * side];
      return el('polyline', { points: curvedZigzag([ax, ay], control, [bx, by], symbol / 2 + 6), fill: 'none', stroke: red, 'stroke-width': 2.5, class: 'abuse' });
    })
    .join('');
}

function symbolShape(cx: number, top: number, sex: Sex, a: Attributes): string {
  if (sex === 'male') return el('rect', { x: cx - symbol / 2, y: top, width: symbol, height: symbol, ...a });
  if (sex === 'female') return el('circle', { cx, cy: top + symbol / 2, r: symbol / 2, ...a });
  const h = symbol / 2 + 3;
  const cy = top + symbol / 2;
  return el('polygon', { points: `${num(cx)},${num(cy - h)} ${num(cx + h)},${num(cy)} ${num(cx)},${num(cy + h)} ${num(cx - h)},${num(cy)}`, ...a });
}

/** Each person's symbol and label: name (pseudonym or code), code, role, age. */
function drawPeople(family: Family, layout: Layout, label: (p: Person) => string, sexOf: (p: Person) => Sex, options: GenogramOptions): string {
  const parts: string[] = [];
  const deceased = options.victimDeceased ?? true;
  for (const n of layout.visible) {
    const p = n.person as Person;
    const top = layout.yOf(n);
    const isVictim = p.code === family.victim.code;
    const style: Attributes = isVictim
      ? { fill: '#f4cccc', stroke: red, 'stroke-width': 4, class: 'person victim' }
      : isPerpetrator(p)
        ? { fill: '#ffffff', stroke: '#000000', 'stroke-width': 3.5, class: 'person perpetrator' }
        : { fill: '#ffffff', stroke: '#000000', 'stroke-width': 2, class: 'person' };
    parts.push(symbolShape(n.x, top, sexOf(p), style));
    if (isVictim && deceased) {
      const d = symbol / 2 - 4;
      const cy = top + symbol / 2;
      parts.push(el('path', { d: `M ${num(n.x - d)} ${num(cy - d)} L ${num(n.x + d)} ${num(cy + d)} M ${num(n.x + d)} ${num(cy - d)} L ${num(n.x - d)} ${num(cy + d)}`, stroke: red, 'stroke-width': 3, class: 'deceased' }));
    }
    const role = p.role === 'victim' ? 'Victim' : p.role === 'perpetrator' ? 'Perpetrator' : p.role === 'alleged perpetrator' ? 'Alleged perpetrator' : null;
    const lines: { text: string; bold?: boolean; grey?: boolean }[] = [{ text: label(p), bold: true }];
    if (!options.useCodes && p.pseudonym) lines.push({ text: p.code, grey: true });
    if (role) lines.push({ text: role });
    if (p.age !== undefined) lines.push({ text: `age ${p.age}` });
    let ly = top + symbol + 18;
    for (const line of lines) {
      for (const content of wrap(line.text, slot - 16, 13, 2)) {
        parts.push(haloText(n.x, ly, content, { 'font-size': 13, 'text-anchor': 'middle', 'font-weight': line.bold ? 'bold' : undefined, fill: line.grey ? '#555555' : '#000000' }));
        ly += 16;
      }
    }
  }
  return parts.join('');
}

/** The key to the symbols actually used, in rows that fit the width; returns the SVG and its bottom. */
function drawLegend(family: Family, layout: Layout, sexOf: (p: Person) => Sex, household: boolean, options: GenogramOptions): { svg: string; bottom: number } {
  const deceased = options.victimDeceased ?? true;
  const small = 16;
  const items: { label: string; draw: (x: number, y: number) => string }[] = [];
  const add = (label: string, draw: (x: number, y: number) => string) => items.push({ label, draw });
  const people = layout.visible.map((n) => n.person as Person);
  const box = (x: number, y: number, a: Attributes) => el('rect', { x, y: y - small / 2, width: small, height: small, ...a });
  if (people.some((p) => sexOf(p) === 'male')) add('Male', (x, y) => box(x, y, { fill: '#ffffff', stroke: '#000000', 'stroke-width': 1.5 }));
  if (people.some((p) => sexOf(p) === 'female')) add('Female', (x, y) => el('circle', { cx: x + small / 2, cy: y, r: small / 2, fill: '#ffffff', stroke: '#000000', 'stroke-width': 1.5 }));
  if (people.some((p) => sexOf(p) === 'neutral')) {
    add(options.showChildrenSex ? 'Sex not stated' : 'Sex not shown', (x, y) =>
      el('polygon', { points: `${x + small / 2},${y - small / 2 - 1} ${x + small + 1},${y} ${x + small / 2},${y + small / 2 + 1} ${x - 1},${y}`, fill: '#ffffff', stroke: '#000000', 'stroke-width': 1.5 }),
    );
  }
  add(deceased ? 'Victim (deceased)' : 'Victim', (x, y) => {
    const victim = box(x, y, { fill: '#f4cccc', stroke: red, 'stroke-width': 2.5 });
    return deceased ? victim + el('path', { d: `M ${x + 3} ${y - 5} L ${x + 13} ${y + 5} M ${x + 13} ${y - 5} L ${x + 3} ${y + 5}`, stroke: red, 'stroke-width': 2 }) : victim;
  });
  if (people.some(isPerpetrator)) add('Perpetrator (heavy outline)', (x, y) => box(x, y, { fill: '#ffffff', stroke: '#000000', 'stroke-width': 3 }));
  const line = (x: number, y: number) => el('line', { x1: x, y1: y, x2: x + 24, y2: y, stroke: '#000000', 'stroke-width': 2 });
  if (family.couples.some((c) => !c.abusive)) add('Partners', line);
  if (family.couples.some((c) => c.separated)) {
    add('Separated', (x, y) => line(x, y) + [5, 13].map((dx) => el('line', { x1: x + dx, y1: y + 7, x2: x + dx + 6, y2: y - 7, stroke: '#000000', 'stroke-width': 2 })).join(''));
  }
  if (family.couples.some((c) => c.abusive) || family.abuseLines.length > 0) add('Abusive relationship', (x, y) => el('polyline', { points: zigzag(x, y, x + 24, y), fill: 'none', stroke: red, 'stroke-width': 2 }));
  if (household) add('Household', (x, y) => el('rect', { x, y: y - small / 2, width: 24, height: small, rx: 4, fill: green, 'fill-opacity': 0.05, stroke: green, 'stroke-width': 1.5, 'stroke-dasharray': '5 3' }));

  const parts: string[] = [];
  let x = margin;
  let y = layout.lastRowTop + symbol + labelDepth + 30;
  for (const item of items) {
    const width = 30 + textWidth(item.label, 13) + 24;
    if (x + width > layout.width - margin) {
      x = margin;
      y += 26;
    }
    parts.push(item.draw(x, y), text(x + 30, y + 5, item.label, { 'font-size': 13 }));
    x += width;
  }
  return { svg: parts.join(''), bottom: y + 24 };
}

/* ------------------------------------------------------------------------------------------ */
/* Text alternative                                                                            */

/** Who is who, in words a screen reader can say: structure only, children's sex not given. */
function genogramAlt(title: string, family: Family, layout: Layout, label: (p: Person) => string, options: GenogramOptions): string {
  const { nodes, couples, abuseLines, victim } = family;
  const deceased = options.victimDeceased ?? true;
  const name = (key: string): string => label(nodes.get(key)?.person as Person);
  const sentences: string[] = [];
  const victimRole = [deceased ? 'the victim, deceased' : 'the victim', victim.age !== undefined ? `age ${victim.age}` : null].filter(Boolean).join(', ');
  sentences.push(`${title}, centred on ${label(victim)} (${victimRole}).`);
  for (const n of layout.visible) {
    const p = n.person as Person;
    if (p.code === victim.code) continue;
    const facts: string[] = [];
    const sexKnown = !(isChild(p) && !options.showChildrenSex) && (p.sex === 'male' || p.sex === 'female');
    for (const c of couples) {
      if (c.a !== n.key && c.b !== n.key) continue;
      const other = c.a === n.key ? c.b : c.a;
      if (!nodes.get(other)?.hidden) facts.push(`${c.separated ? 'former partner' : 'partner'} of ${name(other)}`);
    }
    const parents = n.parents.filter((k) => !nodes.get(k)?.hidden);
    if (parents.length) facts.push(`${!sexKnown ? 'child' : p.sex === 'male' ? 'son' : 'daughter'} of ${parents.map(name).join(' and ')}`);
    const children = [...nodes.values()].filter((m) => !m.hidden && m.parents.includes(n.key)).map((m) => name(m.key));
    if (children.length) facts.push(`${!sexKnown ? 'parent' : p.sex === 'male' ? 'father' : 'mother'} of ${children.join(' and ')}`);
    const hiddenParent = n.parents.find((k) => nodes.get(k)?.hidden);
    if (hiddenParent) {
      const siblings = [...nodes.values()].filter((m) => m.key !== n.key && m.parents.includes(hiddenParent)).map((m) => name(m.key));
      if (siblings.length) facts.push(`sibling of ${siblings.join(' and ')}`);
    }
    if (p.role === 'perpetrator') facts.push('the perpetrator');
    if (p.role === 'alleged perpetrator') facts.push('the alleged perpetrator');
    if (p.age !== undefined) facts.push(`age ${p.age}`);
    if (p.household) facts.push('lived in the household');
    sentences.push(`${label(p)}: ${facts.length ? facts.join(', ') : 'family member'}.`);
  }
  for (const c of couples) if (c.abusive) sentences.push(`The relationship between ${name(c.a)} and ${name(c.b)} is marked as abusive.`);
  for (const [a, b] of abuseLines) sentences.push(`The relationship between ${name(a)} and ${name(b)} is marked as abusive.`);
  return sentences.join(' ');
}

/* ------------------------------------------------------------------------------------------ */

/** An anonymised genogram of the victim's family and household. */
export function genogramFigure(caseModel: Case, options: GenogramOptions = {}): Figure {
  const family = familyOf(caseModel);
  const layout = layOut(family, caseModel);
  const label = (p: Person): string => (options.useCodes ? p.code : p.pseudonym ?? p.code);
  const sexOf = (p: Person): Sex => {
    if (isChild(p) && !options.showChildrenSex) return 'neutral';
    return p.sex === 'male' ? 'male' : p.sex === 'female' ? 'female' : 'neutral';
  };
  const householdMembers = layout.visible.filter((n) => inHousehold(n, caseModel));
  const household = drawHousehold(householdMembers, layout);
  const legend = drawLegend(family, layout, sexOf, householdMembers.length > 0, options);
  const body = [
    household.boundary,
    drawPartners(family, layout),
    drawDescent(family, layout),
    drawAbuse(family, layout),
    drawPeople(family, layout, label, sexOf, options),
    household.label,
    legend.svg,
  ].join('');
  const title = options.title ?? 'Genogram of the family and household';
  const alt = genogramAlt(title, family, layout, label, options);
  return makeFigure(options.id ?? 'genogram', title, svgDocument(layout.width, legend.bottom, alt, body), layout.width, legend.bottom, alt, { png: options.png });
}
