/**
 * Figures for the reports, drawn as SVG (for HTML and PDF) and rasterised to PNG with resvg
 * (for Word): a timeline of agency contacts over the review period (timeline.ts), and an
 * anonymised genogram of the household (genogram.ts).
 *
 * Each returns a Figure: `svg`, `png`, `width` and `height` (the PNG's pixels: twice the SVG's
 * units, so it stays sharp at A4 text width), and an anonymised `alt` text, which the SVG also
 * carries as its <title>.
 *
 * Nothing identifying is drawn: agencies and counts on the timeline, the death by month and
 * year; codes and pseudonyms only on the genogram (never a name from `names`), and children's
 * sex is not shown unless asked for.
 */
export { timelineFigure, type TimelineOptions } from './timeline.ts';
export { genogramFigure, type GenogramOptions } from './genogram.ts';
export { escapeXml, figurePng, svgToPng } from './svg.ts';
