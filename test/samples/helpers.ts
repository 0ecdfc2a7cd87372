/** Shared paths and readers for the sample-case tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sampleDir = path.join(repoRoot, 'samples', 'adult-x');

/** The parts of an OOXML package, as text. */
export function packageParts(bytes: Uint8Array): Record<string, string> {
  const parts = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(parts)) out[name] = strFromU8(data);
  return out;
}

/** The visible text of an XML part: w:t / t elements joined, tags dropped. */
export function xmlText(xml: string): string {
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** NHS number check digit (modulus 11): true when the ten digits are a valid NHS number. */
export function validNhsNumber(digits: string): boolean {
  const d = digits.replace(/\s/g, '');
  if (!/^\d{10}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === Number(d[9]);
}
