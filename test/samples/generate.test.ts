/**
 * `npm run samples` is deterministic and the committed binary files are what it produces: the
 * generator is run twice into temporary folders and every file is compared, byte for byte, with
 * the other run and with the file committed under samples/adult-x/.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSamples, normalisePackage } from '../../samples/generate.ts';
import { packageParts, sampleDir } from './helpers.ts';

describe('samples/generate.ts', () => {
  const dirs = [mkdtempSync(path.join(tmpdir(), 'dhr-samples-a-')), mkdtempSync(path.join(tmpdir(), 'dhr-samples-b-'))];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes every binary file of the case into the folder it is given', async () => {
    const written = await generateSamples(dirs[0]);
    expect(written.sort()).toEqual([
      'chronologies/gp.xlsx',
      'chronologies/housing.xlsx',
      'chronologies/idvas.xlsx',
      'chronologies/police.xlsx',
      'imrs/gp.docx',
      'imrs/housing.docx',
      'imrs/police.docx',
    ]);
    // Nothing else: no temporary files left behind.
    expect(readdirSync(path.join(dirs[0], 'imrs')).sort()).toEqual(['gp.docx', 'housing.docx', 'police.docx']);
  });

  it('gives the same bytes when run again, and the same bytes as the committed samples', async () => {
    const written = await generateSamples(dirs[1]);
    for (const file of written) {
      const first = readFileSync(path.join(dirs[0], file));
      const second = readFileSync(path.join(dirs[1], file));
      const committed = readFileSync(path.join(sampleDir, file));
      expect(second.equals(first), `${file}: two runs differ`).toBe(true);
      expect(committed.equals(first), `${file}: the committed file is out of date — run npm run samples`).toBe(true);
    }
  });

  it('fixes the zip timestamps and puts [Content_Types].xml first', () => {
    const bytes = new Uint8Array(readFileSync(path.join(sampleDir, 'imrs', 'police.docx')));
    expect(Object.keys(packageParts(bytes))[0]).toBe('[Content_Types].xml');
    // Walk the local file headers: signature PK\x03\x04, DOS time at +10, date at +12,
    // compressed size at +18, name and extra lengths at +26 and +28.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const stamps = new Set<string>();
    let entries = 0;
    for (let at = 0; view.getUint32(at, true) === 0x04034b50; entries++) {
      stamps.add(`${view.getUint16(at + 12, true)}:${view.getUint16(at + 10, true)}`);
      at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
    }
    expect(entries).toBe(Object.keys(packageParts(bytes)).length);
    const dosDate = ((2017 - 1980) << 9) | (9 << 5) | 1;
    const dosTime = (9 << 11) | (0 << 5) | 0;
    expect([...stamps]).toEqual([`${dosDate}:${dosTime}`]);
  });

  it('normalisePackage replaces the docx library’s "now" in docProps/core.xml', () => {
    const original = readFileSync(path.join(sampleDir, 'imrs', 'gp.docx'));
    const again = normalisePackage(new Uint8Array(original), '2020-01-02T03:04:00Z', '2020-05-06T07:08:00Z');
    const core = packageParts(again)['docProps/core.xml'];
    expect(core).toContain('>2020-01-02T03:04:00Z</dcterms:created>');
    expect(core).toContain('>2020-05-06T07:08:00Z</dcterms:modified>');
  });
});
