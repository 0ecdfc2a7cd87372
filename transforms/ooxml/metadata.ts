/**
 * Document properties: who wrote the file, when, for which company, from which template. The
 * core properties are rebuilt with only the descriptive fields (title, subject, keywords,
 * description, category, status — redacted): no author, no last editor, no revision count and
 * no dates (a creation date is a precise date; leaving the dates out gives the same bytes every
 * time, and Word and Excel write their own when the file is next saved). The extended
 * properties keep only the application's name; custom properties are removed by the package
 * transforms.
 */
import type { RedactionContext } from './context.ts';
import { CDATA, END, START, TEXT, XmlScanner, decodeXml, escapeText } from './xml.ts';

const NS = {
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  dcmitype: 'http://purl.org/dc/dcmitype/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** Kept (redacted) in this order; everything else (creator, lastModifiedBy, lastPrinted, revision, identifier …) goes. */
const KEPT_CORE: [key: string, qname: string][] = [
  ['dc:title', 'dc:title'],
  ['dc:subject', 'dc:subject'],
  ['cp:keywords', 'cp:keywords'],
  ['dc:description', 'dc:description'],
  ['cp:category', 'cp:category'],
  ['cp:contentStatus', 'cp:contentStatus'],
  ['dc:language', 'dc:language'],
];

/** The text content of the direct children of the root, by canonical key. */
function childTexts(xml: string, ctx: RedactionContext): { root: string; rootNamespace?: string; values: Map<string, string> } {
  const s = new XmlScanner(xml, ctx.part, ctx.file);
  const values = new Map<string, string>();
  let root = '';
  let rootNamespace: string | undefined;
  let current: string | undefined;
  let text = '';
  while (s.next()) {
    if (s.type === START) {
      if (s.stack.length === 1) {
        root = s.key;
        rootNamespace = /\sxmlns\s*=\s*"([^"]*)"/.exec(s.raw())?.[1];
      } else if (s.stack.length === 2) {
        current = s.key;
        text = '';
      }
    } else if ((s.type === TEXT || s.type === CDATA) && current && s.stack.length === 2) {
      text += s.type === CDATA ? s.raw().slice(9, -3) : decodeXml(s.raw());
    } else if (s.type === END && s.stack.length === 2 && current) {
      values.set(current, text);
      current = undefined;
    }
  }
  return { root, rootNamespace, values };
}

/** docProps/core.xml rebuilt: descriptive fields redacted, personal fields and dates gone. */
export function redactCoreProperties(xml: string, ctx: RedactionContext): string {
  const { values } = childTexts(xml, ctx);
  let body = '';
  for (const [key, qname] of KEPT_CORE) {
    const v = values.get(key);
    if (v === undefined || v.trim() === '') continue;
    const next = ctx.redactString(v, { findings: key !== 'dc:language' });
    body += `<${qname}>${escapeText(next)}</${qname}>`;
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<cp:coreProperties xmlns:cp="${NS.cp}" xmlns:dc="${NS.dc}" xmlns:dcterms="${NS.dcterms}" xmlns:dcmitype="${NS.dcmitype}" xmlns:xsi="${NS.xsi}">${body}</cp:coreProperties>`
  );
}

const EXTENDED_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties';

/**
 * docProps/app.xml rebuilt with the application's name and version only: no company, manager,
 * template path, hyperlink list, editing time or part titles (which list sheet names).
 */
export function redactAppProperties(xml: string, ctx: RedactionContext): string {
  const { rootNamespace, values } = childTexts(xml, ctx);
  const ns = rootNamespace ?? EXTENDED_NS;
  let body = '';
  const application = values.get('ep:Application');
  if (application) body += `<Application>${escapeText(ctx.redactString(application))}</Application>`;
  body += '<DocSecurity>0</DocSecurity>';
  const version = values.get('ep:AppVersion');
  if (version && /^[\d.]+$/.test(version)) body += `<AppVersion>${version}</AppVersion>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${ns}">${body}</Properties>`;
}
