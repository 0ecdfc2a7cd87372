/**
 * The limits every Office file dhr-kit opens is held to — the one documented set, for every
 * command and reader (IMRs, chronologies, action plans, redact, scan): transforms/ooxml/open.ts
 * applies them, and pipeline/ingest/office-package.ts uses that.
 *
 * How much a package may hold before it is refused as a zip bomb: checked first against the
 * sizes the zip declares (before anything is inflated), then again while inflating, so a zip
 * that lies about its sizes is stopped as soon as it overruns them. Inflating is streamed, so
 * refusing a bomb never holds more than one slice of it in memory.
 *
 *   input file          300 MB   (any input file, text ones too)
 *   one part inflated   100 MB
 *   all parts           300 MB
 *   entries           10,000
 *   compression ratio    200 to 1 (parts over 1 MB)
 *   XML nesting        1,000 elements deep (a deeper part is built to stall an XML parser)
 *   packages inside packages: 2 deep
 */

const MB = 1024 * 1024;

export const limits = {
  /** Largest input file read at all. */
  maxInputBytes: 300 * MB,
  /** Largest single part once inflated (a 25,000-word document.xml is about 5 MB). */
  maxPartBytes: 100 * MB,
  /** Largest total of all parts once inflated. */
  maxTotalBytes: 300 * MB,
  /** Most entries in one zip (a large report has a few hundred). */
  maxEntries: 10_000,
  /** Largest inflated ÷ compressed ratio, for parts over `ratioAppliesAbove`. XML rarely passes 30. */
  maxRatio: 200,
  ratioAppliesAbove: 1 * MB,
  /** Packages inside packages (an Excel chart's workbook inside a Word file) are opened this deep. */
  maxNesting: 2,
  /** Deepest element nesting in one XML part (Word's deepest nested tables need a few hundred). */
  maxXmlDepth: 1_000,
} as const;

export type Limits = { readonly [K in keyof typeof limits]: number };

/** "100 MB" */
export function formatBytes(n: number): string {
  if (n >= MB) return `${Math.round((n / MB) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
