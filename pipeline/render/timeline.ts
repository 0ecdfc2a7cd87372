/**
 * The timeline figure: one lane per agency over the review period, a mark for each contact, the
 * death as a vertical line. Only agencies, counts and months are drawn (the death by month and
 * year, never its day), so the figure identifies no one.
 */
import type { Figure } from '../assemble/types.ts';
import type { ChronologyRow } from '../model.ts';
import { DhrError } from '../errors.ts';
import { el, haloText, makeFigure, num, svgDocument, text, textWidth, wrap } from './svg.ts';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
function day(iso: string, what: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new DhrError('usage', `${what} must be a date written as YYYY-MM-DD, not "${iso}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

function monthYear(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${monthNames[m - 1]} ${y}`;
}

export interface TimelineOptions {
  /** Start and end of the review period, YYYY-MM-DD. */
  start: string;
  end: string;
  /** YYYY-MM-DD; only its month and year are printed. */
  deathDate: string;
  /** Lanes, top to bottom; agencies found only in the rows get lanes after these. */
  agencies: string[];
  id?: string;
  title?: string;
  /** Rasterise the PNG now (the default), or leave it to figurePng. */
  png?: boolean;
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
const laneColours = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#999933'];

/** Month ticks between two days: every month, quarter, half-year or year depending on span. */
function monthTicks(startDay: number, endDay: number): { day: number; year: number; month: number; major: boolean }[] {
  const start = new Date(startDay * 86_400_000);
  const end = new Date(endDay * 86_400_000);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  const step = months <= 18 ? 1 : months <= 36 ? 3 : months <= 72 ? 6 : 12;
  const ticks: { day: number; year: number; month: number; major: boolean }[] = [];
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
  for (;;) {
    if (m > 11) {
      y += 1;
      m -= 12;
    }
    const d = Date.UTC(y, m, 1) / 86_400_000;
    if (d > endDay) break;
    if (months <= 120 || m === 0) ticks.push({ day: d, year: y, month: m, major: m % step === 0 });
    m += 1;
  }
  return ticks;
}

/**
 * An SVG timeline: one lane per agency, the review period along the x axis with month ticks,
 * a dot per contact (a bar when it has an end date), the death as a vertical line.
 */
export function timelineFigure(rows: ChronologyRow[], options: TimelineOptions): Figure {
  let startDay = day(options.start, 'the start of the review period');
  let endDay = day(options.end, 'the end of the review period');
  const deathDay = day(options.deathDate, 'the date of death');
  if (endDay <= startDay) {
    throw new DhrError('invalid-case', `the review period ends (${options.end}) before it starts (${options.start})`, { field: 'reviewPeriod' });
  }
  // The axis always reaches the death.
  if (deathDay > endDay) endDay = deathDay;
  if (deathDay < startDay) startDay = deathDay;

  const lanes: string[] = [];
  for (const agency of options.agencies) if (!lanes.includes(agency)) lanes.push(agency);
  const extra = [...new Set(rows.map((r) => r.agency).filter((a) => !lanes.includes(a)))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  lanes.push(...extra);

  const width = 800;
  const labelWidth = 180;
  const plotLeft = labelWidth + 20;
  const plotRight = width - 30;
  const legendHeight = 46;
  const laneTop = legendHeight + 34;
  // Each lane is tall enough for its label (up to three lines) and its count.
  const laneLabels = lanes.map((lane) => wrap(lane, labelWidth - 16, 15, 3)); // bold: measured generously
  const laneHeights = laneLabels.map((lines) => Math.max(46, lines.length * 16 + 24));
  const laneTops = laneHeights.map((_, i) => laneTop + laneHeights.slice(0, i).reduce((sum, h) => sum + h, 0));
  const plotBottom = laneTop + (lanes.length ? laneHeights.reduce((sum, h) => sum + h, 0) : 46);
  const x = (d: number): number => plotLeft + ((d - startDay) / (endDay - startDay)) * (plotRight - plotLeft);

  const counts = new Map<string, number>(lanes.map((l) => [l, 0]));
  let outside = 0;
  // Contacts of one agency on the same day fall on the same place: one mark stands for them all,
  // as opaque as the marks stacked would be (so the figure looks the same, and costs no more
  // however many entries a day holds).
  const stacked = new Map<string, { draw: (opacity: number | string, count: number) => string; opacity: number; count: number }>();
  for (const row of rows) {
    const from = day(row.dateFrom, `the date of an entry in ${row.agency}'s chronology`);
    const to = row.dateTo ? day(row.dateTo, `the end date of an entry in ${row.agency}'s chronology`) : undefined;
    const last = to !== undefined && to > from ? to : from;
    if (last < startDay || from > endDay) {
      outside += 1;
      continue;
    }
    const lane = lanes.indexOf(row.agency);
    counts.set(row.agency, (counts.get(row.agency) ?? 0) + 1);
    const colour = laneColours[lane % laneColours.length];
    const cy = laneTops[lane] + laneHeights[lane] / 2;
    const period = to !== undefined && to > from;
    const key = period ? `${lane}|${Math.max(from, startDay)}|${Math.min(to, endDay)}` : `${lane}|${from}`;
    const same = stacked.get(key);
    if (same) {
      same.count += 1;
      continue;
    }
    const count = (n: number) => (n > 1 ? { 'data-contacts': String(n) } : {});
    if (period) {
      const x1 = x(Math.max(from, startDay));
      const x2 = x(Math.min(to, endDay));
      stacked.set(key, {
        opacity: 0.55,
        count: 1,
        draw: (opacity, n) => el('rect', { x: x1, y: cy - 6, width: Math.max(x2 - x1, 4), height: 12, rx: 3, fill: colour, 'fill-opacity': opacity, stroke: colour, 'stroke-width': 1, class: 'contact period', ...count(n) }),
      });
    } else {
      stacked.set(key, {
        opacity: 0.75,
        count: 1,
        draw: (opacity, n) => el('circle', { cx: x(from), cy, r: 5.5, fill: colour, 'fill-opacity': opacity, stroke: '#ffffff', 'stroke-width': 1, class: 'contact', ...count(n) }),
      });
    }
  }
  const marks: string[] = [];
  for (const m of stacked.values()) {
    // An opacity is written to one decimal place (a single mark's 0.75 is drawn as 0.8): stack that.
    const one = Number(num(m.opacity));
    marks.push(m.count === 1 ? m.draw(m.opacity, 1) : m.draw(String(Number((1 - (1 - one) ** m.count).toFixed(3))), m.count));
  }

  const parts: string[] = [];
  // Legend.
  const legendY = 24;
  parts.push(el('circle', { cx: plotLeft + 6, cy: legendY, r: 5.5, fill: '#555555' }));
  parts.push(text(plotLeft + 18, legendY + 5, 'Contact', { 'font-size': 14 }));
  parts.push(el('rect', { x: plotLeft + 100, y: legendY - 6, width: 34, height: 12, rx: 3, fill: '#555555', 'fill-opacity': 0.55, stroke: '#555555' }));
  parts.push(text(plotLeft + 142, legendY + 5, 'Contact over a period', { 'font-size': 14 }));
  parts.push(el('line', { x1: plotLeft + 330, y1: legendY - 10, x2: plotLeft + 330, y2: legendY + 10, stroke: '#C00000', 'stroke-width': 2.5, 'stroke-dasharray': '6 3' }));
  parts.push(text(plotLeft + 340, legendY + 5, 'Death', { 'font-size': 14 }));

  // Lanes.
  lanes.forEach((lane, i) => {
    const top = laneTops[i];
    const laneHeight = laneHeights[i];
    parts.push(el('rect', { x: 10, y: top, width: plotRight - 10, height: laneHeight, fill: i % 2 === 0 ? '#f2f2f2' : '#ffffff', class: 'lane' }));
    const colour = laneColours[i % laneColours.length];
    parts.push(el('rect', { x: 10, y: top + 8, width: 5, height: laneHeight - 16, fill: colour }));
    const lines = laneLabels[i];
    const n = counts.get(lane) ?? 0;
    const block = lines.length * 16 + 14;
    let ty = top + (laneHeight - block) / 2 + 13;
    const label: string[] = [];
    for (const line of lines) {
      label.push(text(22, ty, line, { 'font-size': 14, 'font-weight': 'bold' }));
      ty += 16;
    }
    label.push(text(22, ty, `${n} contact${n === 1 ? '' : 's'}`, { 'font-size': 12, fill: '#444444' }));
    parts.push(el('g', { class: 'lane-label', 'data-agency': lane, 'data-contacts': String(n) }, label.join('')));
  });
  if (lanes.length === 0) parts.push(text((plotLeft + plotRight) / 2, laneTop + 28, 'No agency contacts recorded', { 'font-size': 14, 'text-anchor': 'middle', fill: '#444444' }));

  // Axis and ticks.
  parts.push(el('line', { x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: '#000000', 'stroke-width': 1 }));
  parts.push(el('line', { x1: plotLeft, y1: laneTop, x2: plotLeft, y2: plotBottom, stroke: '#000000', 'stroke-width': 1 }));
  const ticks = monthTicks(startDay, endDay);
  const majors = ticks.filter((t) => t.major);
  const everyYear = majors.length > 1 && majors.every((t) => t.month === 0);
  let firstLabel = true;
  for (const tick of ticks) {
    const tx = x(tick.day);
    parts.push(el('line', { x1: tx, y1: plotBottom, x2: tx, y2: plotBottom + (tick.major ? 7 : 4), stroke: '#000000', 'stroke-width': 1 }));
    if (tick.major) {
      parts.push(el('line', { x1: tx, y1: laneTop, x2: tx, y2: plotBottom, stroke: '#d0d0d0', 'stroke-width': 0.8 }));
      const label = everyYear ? String(tick.year) : tick.month === 0 || firstLabel ? `${monthNames[tick.month].slice(0, 3)} ${tick.year}` : monthNames[tick.month].slice(0, 3);
      parts.push(text(tx, plotBottom + 22, label, { 'font-size': 13, 'text-anchor': 'middle' }));
      firstLabel = false;
    }
  }
  const periodText = `Review period: ${monthYear(options.start)} to ${monthYear(options.end)}`;
  parts.push(text((plotLeft + plotRight) / 2, plotBottom + 46, periodText, { 'font-size': 14, 'text-anchor': 'middle' }));
  let height = plotBottom + 60;
  if (outside > 0) {
    const note = `${outside} entr${outside === 1 ? 'y' : 'ies'} outside the review period not shown.`;
    parts.push(text((plotLeft + plotRight) / 2, plotBottom + 66, note, { 'font-size': 13, 'text-anchor': 'middle', fill: '#444444', 'font-style': 'italic' }));
    height += 20;
  }

  parts.push(marks.join(''));

  // The death.
  const dx = x(deathDay);
  const deathLabel = `Death (${monthYear(options.deathDate)})`;
  const anchor = dx + textWidth(deathLabel, 14) / 2 > width - 6 ? 'end' : dx - textWidth(deathLabel, 14) / 2 < plotLeft ? 'start' : 'middle';
  parts.push(el('line', { x1: dx, y1: laneTop - 12, x2: dx, y2: plotBottom, stroke: '#C00000', 'stroke-width': 2.5, 'stroke-dasharray': '6 3', class: 'death' }));
  parts.push(haloText(anchor === 'end' ? dx + 4 : dx, laneTop - 17, deathLabel, { 'font-size': 14, 'font-weight': 'bold', fill: '#C00000', 'text-anchor': anchor }));

  const title = options.title ?? 'Timeline of agency contacts';
  const laneText = lanes.map((l) => `${l}: ${counts.get(l) ?? 0} contact${counts.get(l) === 1 ? '' : 's'}`).join('; ');
  const alt =
    `${title} over the review period, ${monthYear(options.start)} to ${monthYear(options.end)}, one lane per agency. ` +
    (lanes.length ? `${laneText}. ` : 'No agency contacts recorded. ') +
    `The death, in ${monthYear(options.deathDate)}, is marked.` +
    (outside > 0 ? ` ${outside} entr${outside === 1 ? 'y' : 'ies'} outside the review period ${outside === 1 ? 'is' : 'are'} not shown.` : '');
  const svg = svgDocument(width, height, alt, parts.join(''));
  return makeFigure(options.id ?? 'timeline', title, svg, width, height, alt, { png: options.png });
}
