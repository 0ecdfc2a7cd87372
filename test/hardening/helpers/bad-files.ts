/**
 * Hostile and broken inputs, made from the sample case's own files by code (never hand-edited
 * blobs), each with what dhr must say about it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import CFB from 'cfb';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import officeCrypto from 'officecrypto-tool';
import { concat, zipBomb } from '../../fixtures/zip-bytes.ts';
import { sampleDir } from './workspace.ts';

export { zipBomb };

export const PASSWORD = 'Crookes Valley 2017!';

export function sampleBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(sampleDir, relative)));
}

/** Bytes from a fixed seed: the same every run. */
export function seededBytes(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** An OLE compound file with the given streams (how .doc, .xls and encrypted Office files are stored). */
export function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, data);
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/**
 * A non-recursive zip bomb (after David Fifield): many directory entries that all point at the
 * same compressed megabytes, so each entry is small and honest but together they are huge.
 */
export function overlappingZipBomb(entries: number, megabytesEach: number): Uint8Array {
  const single = zipBomb({ megabytes: megabytesEach, part: 'word/media/image0.bin' });
  // The third local header is the bomb's; its central entry is copied, renamed, for each extra entry.
  const view = new DataView(single.buffer, single.byteOffset, single.byteLength);
  const eocd = single.length - 22;
  const cdOffset = view.getUint32(eocd + 16, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const central = single.subarray(cdOffset, cdOffset + cdSize);
  // Split the directory into its three entries.
  const records: Uint8Array[] = [];
  for (let p = 0; p < central.length; ) {
    const cv = new DataView(central.buffer, central.byteOffset + p);
    const length = 46 + cv.getUint16(28, true) + cv.getUint16(30, true) + cv.getUint16(32, true);
    records.push(central.subarray(p, p + length));
    p += length;
  }
  const bomb = records[2];
  const extra: Uint8Array[] = [];
  for (let i = 1; i < entries; i++) {
    const name = strToU8(`word/media/image${i}.bin`);
    const record = new Uint8Array(46 + name.length);
    record.set(bomb.subarray(0, 46));
    new DataView(record.buffer).setUint16(28, name.length, true);
    record.set(name, 46);
    extra.push(record);
  }
  const newCentral = concat([...records, ...extra]);
  const end = new Uint8Array(22);
  end.set(single.subarray(eocd, eocd + 22));
  const ev = new DataView(end.buffer);
  ev.setUint16(8, records.length + extra.length, true);
  ev.setUint16(10, records.length + extra.length, true);
  ev.setUint32(12, newCentral.length, true);
  ev.setUint32(16, cdOffset, true);
  return concat([single.subarray(0, cdOffset), newCentral, end]);
}


export function encrypt(bytes: Uint8Array, password = PASSWORD): Uint8Array {
  return new Uint8Array(officeCrypto.encrypt(Buffer.from(bytes), { password }));
}

/**
 * A Strict Office Open XML copy (ISO/IEC 29500 Strict, what Word's "Strict Open XML Document"
 * saves): the same parts with the Strict namespaces and relationship types.
 */
export function toStrict(bytes: Uint8Array): Uint8Array {
  const map: [string, string][] = [
    ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'],
    ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
    ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
    ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
    ['http://schemas.openxmlformats.org/officeDocument/2006/extended-properties', 'http://purl.oclc.org/ooxml/officeDocument/extendedProperties'],
  ];
  const files = unzipSync(bytes);
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let text = strFromU8(data);
    for (const [from, to] of map) text = text.split(from).join(to);
    text = text.replace(/<w:document\b/, '<w:document w:conformance="strict"').replace(/<workbook\b/, '<workbook conformance="strict"');
    files[name] = strToU8(text);
  }
  return zipSync(files);
}

export interface BadInput {
  name: string;
  bytes: () => Uint8Array;
  /** What dhr must say. */
  says: RegExp;
  /** A sound package of the other kind (scan reads it rather than refusing it). */
  renamedPackage?: boolean;
}

/** Everything that can be wrong with a file that should be a .docx. */
export function badWordFiles(): BadInput[] {
  const docx = sampleBytes('imrs/gp.docx');
  return [
    { name: 'an empty file', bytes: () => new Uint8Array(0), says: /the file is empty/ },
    { name: 'a truncated file', bytes: () => docx.subarray(0, Math.floor(docx.length * 0.6)), says: /damaged or truncated.*sent again/ },
    { name: 'random bytes', bytes: () => seededBytes(5000), says: /does not start the way an Office file does, so it is not a Word document/ },
    {
      name: 'a zip without a Word document',
      bytes: () => zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'), 'notes.txt': strToU8('minutes') }),
      says: /no main document part \(word\/document\.xml\)/,
    },
    { name: 'a zip that is not an Office file at all', bytes: () => zipSync({ 'photo.jpg': seededBytes(300) }), says: /zip archive, not a Word document.*no \[Content_Types\]\.xml/ },
    { name: 'an encrypted (password-protected) file', bytes: () => encrypt(docx), says: /encrypted \(password-protected\): run again with --password/ },
    { name: 'a zip bomb', bytes: () => zipBomb({ megabytes: 300, part: 'word/document.xml' }), says: /300 MB, more than the 100 MB allowed for one part; it may be a zip bomb/ },
    { name: 'a zip bomb whose header lies', bytes: () => zipBomb({ megabytes: 300, part: 'word/document.xml', declaredBytes: 40_000 }), says: /inflates to more than the 39 KB its zip header declares; it may be a zip bomb/ },
    { name: 'a .doc renamed .docx', bytes: () => compoundFile({ WordDocument: seededBytes(4096), '1Table': seededBytes(1024, 3) }), says: /old Word 97–2003 document \(\.doc\).*Save As > Word Document \(\.docx\)/ },
    {
      name: 'an .odt renamed .docx',
      bytes: () => zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<office:document-content/>'), 'META-INF/manifest.xml': strToU8('<manifest/>') }),
      says: /OpenDocument text file \(\.odt\) renamed \.docx.*save as \.docx/,
    },
    { name: 'an Excel workbook renamed .docx', bytes: () => sampleBytes('chronologies/gp.xlsx'), says: /this is an Excel workbook \(\.xlsx\), not a Word document \(\.docx\)/, renamedPackage: true },
  ];
}

/** Everything that can be wrong with a file that should be a .xlsx. */
export function badExcelFiles(): BadInput[] {
  const xlsx = sampleBytes('chronologies/gp.xlsx');
  return [
    { name: 'an empty file', bytes: () => new Uint8Array(0), says: /the file is empty/ },
    { name: 'a truncated file', bytes: () => xlsx.subarray(0, Math.floor(xlsx.length * 0.6)), says: /damaged or truncated.*sent again/ },
    { name: 'random bytes', bytes: () => seededBytes(5000, 11), says: /does not start the way an Office file does, so it is not an Excel workbook/ },
    {
      name: 'a zip without a workbook',
      bytes: () => zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'), 'notes.txt': strToU8('minutes') }),
      says: /no main workbook part \(xl\/workbook\.xml\)/,
    },
    { name: 'an encrypted (password-protected) file', bytes: () => encrypt(xlsx), says: /encrypted \(password-protected\): run again with --password/ },
    { name: 'a zip bomb', bytes: () => zipBomb({ megabytes: 300, part: 'xl/worksheets/sheet1.xml' }), says: /300 MB, more than the 100 MB allowed for one part; it may be a zip bomb/ },
    { name: 'an .xls renamed .xlsx', bytes: () => compoundFile({ Workbook: seededBytes(4096) }), says: /old Excel 97–2003 workbook \(\.xls\).*Save As > Excel Workbook \(\.xlsx\)/ },
    {
      name: 'an .ods renamed .xlsx',
      bytes: () => zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') }),
      says: /OpenDocument spreadsheet \(\.ods\) renamed \.xlsx.*save as \.xlsx/,
    },
    { name: 'a Word document renamed .xlsx', bytes: () => sampleBytes('imrs/gp.docx'), says: /this is a Word document \(\.docx\), not an Excel workbook \(\.xlsx\)/, renamedPackage: true },
  ];
}
