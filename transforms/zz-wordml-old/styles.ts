/**
 * The style ids the renderer writes and the templates define. A council restyles a report by
 * changing these styles in Word (Home › Styles › Modify); the renderer only names them, so every
 * heading, list, table and note follows the council's choice.
 *
 * Built-in Word styles keep Word's own ids and names ("heading 1", "List Bullet", "Table Grid"),
 * so Word shows them translated and its navigation pane, contents and style gallery work.
 */

export const maxHeadingLevel = 6;

export const styleIds = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  heading: (level: number): string => `Heading${Math.min(Math.max(level, 1), maxHeadingLevel)}`,
  listBullet: 'ListBullet',
  listNumber: 'ListNumber',
  /** Further paragraphs of a list item: indented, not numbered. */
  listContinue: 'ListContinue',
  tableGrid: 'TableGrid',
  /** Paragraphs inside table cells. */
  tableText: 'TableText',
  caption: 'Caption',
  /** The paragraph holding a figure's picture. */
  figure: 'Figure',
  footnoteText: 'FootnoteText',
  footnoteReference: 'FootnoteReference',
  toc: (level: number): string => `TOC${Math.min(Math.max(level, 1), 3)}`,
  tocHeading: 'TOCHeading',
  header: 'Header',
  footer: 'Footer',
  /** The protective marking and draft number in the header and footer. */
  marking: 'ProtectiveMarking',
  hyperlink: 'Hyperlink',
  quote: 'Quote',
  code: 'Code',
  codeCharacter: 'CodeCharacter',
  /** "[To be completed: …]": a character style, highlighted so nobody can miss it. */
  prompt: 'ToBeCompleted',
  /** "This form is not for publication – …" on the data form. */
  notice: 'Notice',
} as const;

/** How many table-of-contents levels the reports show (`TOC \o "1-3"`). */
export const contentsLevels = 3;
