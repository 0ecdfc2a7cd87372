/**
 * Mutated copies of the corpus (a fixed seed, a fixed number of cases): the readers and
 * transforms either work or refuse with a DhrError — never another exception, never a hang.
 */
import { strFromU8, strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DhrError } from '../../pipeline/errors.ts';
import { redactDocx } from '../../transforms/ooxml/docx.ts';
import { extractPackageParts } from '../../transforms/ooxml/text.ts';
import { redactXlsx } from '../../transforms/ooxml/xlsx.ts';
import { corpusKey, hostileDocx, hostileXlsx } from '../fixtures/word-corpus.ts';
import { mapAnonymiser } from './helpers/map-anonymiser.ts';
import { unzipParts } from './helpers/package-check.ts';

/** A small seeded generator, so every run tries the same cases. */
function generator(seed: number) {
  let x = seed >>> 0;
  return (n: number) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
}

const anonymiser = mapAnonymiser(corpusKey);

function outcome(run: () => unknown): 'ok' | 'refused' {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof DhrError) return 'refused';
    throw error;
  }
}

/** Damage one XML part: cut it, duplicate a slice, or change characters at random. */
function mutateXml(xml: string, random: (n: number) => number): string {
  const at = random(xml.length);
  switch (random(4)) {
    case 0:
      return xml.slice(0, at);
    case 1:
      return xml.slice(0, at) + xml.slice(at, at + random(200)) + xml.slice(at);
    case 2: {
      const chars = '<>&"\'/=:; \u0000\uFFFD';
      let out = xml;
      for (let i = 0; i < 5; i++) {
        const p = random(out.length);
        out = out.slice(0, p) + chars[random(chars.length)] + out.slice(p + 1);
      }
      return out;
    }
    default:
      return xml.slice(0, at) + xml.slice(at + random(300));
  }
}

describe('fuzz: mutated packages', () => {
  let docx: Record<string, Uint8Array>;
  let xlsx: Record<string, Uint8Array>;
  let docxBytes: Uint8Array;

  beforeAll(async () => {
    docxBytes = await hostileDocx();
    docx = unzipParts(docxBytes);
    xlsx = unzipParts(await hostileXlsx());
  });

  it('damaged XML in any part of a Word or Excel file is refused with a DhrError or redacted', () => {
    const random = generator(7);
    const counts = { ok: 0, refused: 0 };
    for (let i = 0; i < 120; i++) {
      const source = i % 2 === 0 ? docx : xlsx;
      const names = Object.keys(source).filter((n) => /\.(xml|rels)$/.test(n));
      const name = names[random(names.length)];
      const files = { ...source, [name]: strToU8(mutateXml(strFromU8(source[name]), random)) };
      const bytes = zipSync(files);
      const result = outcome(() => (i % 2 === 0 ? redactDocx : redactXlsx)(bytes, anonymiser));
      counts[result]++;
      outcome(() => extractPackageParts(bytes, 'fuzz'));
    }
    // Both kinds of outcome happen: the cases are neither all harmless nor all fatal.
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('damaged zip bytes are refused with a DhrError or read', () => {
    const random = generator(11);
    for (let i = 0; i < 150; i++) {
      const bytes = new Uint8Array(docxBytes);
      for (let k = 0; k < 1 + random(8); k++) bytes[random(bytes.length)] = random(256);
      outcome(() => redactDocx(bytes, anonymiser));
      outcome(() => extractPackageParts(bytes, 'fuzz'));
    }
  });
});
