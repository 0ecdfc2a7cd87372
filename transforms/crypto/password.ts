/**
 * Password protection, which the guide requires for documents sent by e-mail:
 * - an open password encrypts a .docx or .xlsx (ECMA-376 agile encryption, via officecrypto-tool);
 * - a separate modify password sets Word's write protection (w:writeProtection in settings.xml)
 *   or Excel's file sharing protection (fileSharing in workbook.xml): the file opens read-only
 *   unless the modify password is given.
 */
import { createHash, randomBytes } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import officeCrypto from 'officecrypto-tool';
import { DhrError, type Place } from '../../pipeline/errors.ts';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An encrypted Office file is an OLE compound file holding EncryptionInfo and EncryptedPackage. */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || !OLE_SIGNATURE.every((b, i) => bytes[i] === b)) return false;
  try {
    return officeCrypto.isEncrypted(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return false;
  }
}

/** Encrypt a .docx or .xlsx with an open password (ECMA-376 agile encryption, AES-256, SHA-512). */
export function encryptOffice(bytes: Uint8Array, password: string): Uint8Array {
  if (password.length === 0) throw new DhrError('usage', 'the password must not be empty');
  if (password.length > 255) throw new DhrError('usage', 'the password is too long: Office allows at most 255 characters');
  return new Uint8Array(officeCrypto.encrypt(Buffer.from(bytes), { password }));
}

/** Open an encrypted .docx or .xlsx; a wrong password is a plain-English error naming the file. */
export async function decryptOffice(bytes: Uint8Array, password: string, place: Place = {}): Promise<Uint8Array> {
  try {
    return new Uint8Array(await officeCrypto.decrypt(Buffer.from(bytes), { password }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (/password/i.test(detail)) {
      throw new DhrError('encrypted', 'the password is wrong: this file could not be opened with the --password given', place);
    }
    throw new DhrError('encrypted', `this password-protected file could not be opened (${detail})`, place);
  }
}

/**
 * Word's legacy password key (ECMA-376 Part 4 / MS-OI29500 for w:documentProtection and
 * w:writeProtection): Word hashes this 32-bit key, written as reversed hexadecimal in UTF-16LE,
 * rather than the password itself.
 */
const INITIAL_CODE = [0xe1f0, 0x1d0f, 0xcc9c, 0x84c0, 0x110c, 0x0e10, 0xf1ce, 0x313e, 0x1872, 0xe139, 0xd40f, 0x84f9, 0x280c, 0xa96a, 0x4ec3];
const ENCRYPTION_MATRIX = [
  [0xaefc, 0x4dd9, 0x9bb2, 0x2745, 0x4e8a, 0x9d14, 0x2a09],
  [0x7b61, 0xf6c2, 0xfda5, 0xeb6b, 0xc6f7, 0x9dcf, 0x2bbf],
  [0x4563, 0x8ac6, 0x05ad, 0x0b5a, 0x16b4, 0x2d68, 0x5ad0],
  [0x0375, 0x06ea, 0x0dd4, 0x1ba8, 0x3750, 0x6ea0, 0xdd40],
  [0xd849, 0xa0b3, 0x5147, 0xa28e, 0x553d, 0xaa7a, 0x44d5],
  [0x6f45, 0xde8a, 0xad35, 0x4a4b, 0x9496, 0x390d, 0x721a],
  [0xeb23, 0xc667, 0x9cef, 0x29ff, 0x53fe, 0xa7fc, 0x5fd9],
  [0x47d3, 0x8fa6, 0x0f6d, 0x1eda, 0x3db4, 0x7b68, 0xf6d0],
  [0xb861, 0x60e3, 0xc1c6, 0x93ad, 0x377b, 0x6ef6, 0xddec],
  [0x45a0, 0x8b40, 0x06a1, 0x0d42, 0x1a84, 0x3508, 0x6a10],
  [0xaa51, 0x4483, 0x8906, 0x022d, 0x045a, 0x08b4, 0x1168],
  [0x76b4, 0xed68, 0xcaf1, 0x85c3, 0x1ba7, 0x374e, 0x6e9c],
  [0x3730, 0x6e60, 0xdcc0, 0xa9a1, 0x4363, 0x86c6, 0x1dad],
  [0x3331, 0x6662, 0xccc4, 0x89a9, 0x0373, 0x06e6, 0x0dcc],
  [0x1021, 0x2042, 0x4084, 0x8108, 0x1231, 0x2462, 0x48c4],
];

export function wordLegacyKey(password: string): number {
  const chars = Array.from(password.slice(0, 15), (c) => {
    const code = c.charCodeAt(0);
    return code & 0xff ? code & 0xff : (code >> 8) & 0xff;
  });
  if (chars.length === 0) return 0;
  let high = INITIAL_CODE[chars.length - 1];
  chars.forEach((ch, i) => {
    const row = ENCRYPTION_MATRIX[15 - chars.length + i];
    for (let bit = 0; bit < 7; bit++) if (ch & (1 << bit)) high ^= row[bit];
  });
  let low = 0;
  for (let i = chars.length - 1; i >= 0; i--) low = (((low >> 14) & 1) | ((low << 1) & 0x7fff)) ^ chars[i];
  low = (((low >> 14) & 1) | ((low << 1) & 0x7fff)) ^ chars.length ^ 0xce4b;
  return ((high << 16) | low) >>> 0;
}

function iteratedHash(algorithm: 'sha512', salt: Buffer, input: Buffer, spinCount: number): Buffer {
  let hash = createHash(algorithm).update(salt).update(input).digest();
  const counter = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    counter.writeUInt32LE(i, 0);
    hash = createHash(algorithm).update(hash).update(counter).digest();
  }
  return hash;
}

export interface PasswordHash {
  hash: string;
  salt: string;
  spinCount: number;
}

/** The hash Word stores for a modify password (SHA-512 over the legacy key, 100,000 rounds). */
export function wordPasswordHash(password: string, salt: Buffer = randomBytes(16), spinCount = 100_000): PasswordHash {
  const key = wordLegacyKey(password).toString(16).toUpperCase().padStart(8, '0');
  const reversed = key.slice(6, 8) + key.slice(4, 6) + key.slice(2, 4) + key.slice(0, 2);
  const hash = iteratedHash('sha512', salt, Buffer.from(reversed, 'utf16le'), spinCount);
  return { hash: hash.toString('base64'), salt: salt.toString('base64'), spinCount };
}

/** The hash Excel stores for a modify password (SHA-512 over the UTF-16LE password). */
export function excelPasswordHash(password: string, salt: Buffer = randomBytes(16), spinCount = 100_000): PasswordHash {
  const hash = iteratedHash('sha512', salt, Buffer.from(password, 'utf16le'), spinCount);
  return { hash: hash.toString('base64'), salt: salt.toString('base64'), spinCount };
}

function rezip(files: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: new Date(Date.UTC(2000, 0, 1)) }];
  return zipSync(zippable, { level: 6 });
}

/** Set Word's write protection: the document opens read-only unless the modify password is given. */
export function setWordWriteProtection(docx: Uint8Array, password: string, salt?: Buffer): Uint8Array {
  const files = unzipSync(docx);
  const settingsName = 'word/settings.xml';
  const settings = files[settingsName] ? strFromU8(files[settingsName]) : null;
  if (settings === null) throw new DhrError('corrupt', 'this Word file has no settings part, so write protection cannot be set', { part: settingsName });
  const h = wordPasswordHash(password, salt);
  const element =
    `<w:writeProtection w:cryptProviderType="rsaAES" w:cryptAlgorithmClass="hash" w:cryptAlgorithmType="typeAny" ` +
    `w:cryptAlgorithmSid="14" w:cryptSpinCount="${h.spinCount}" w:hash="${h.hash}" w:salt="${h.salt}"/>`;
  const withoutOld = settings.replace(/<w:writeProtection\b[^>]*\/>/g, '');
  const updated = withoutOld.replace(/(<w:settings\b[^>]*>)/, `$1${element}`);
  if (updated === withoutOld) throw new DhrError('corrupt', 'this Word file has a settings part Word would not recognise', { part: settingsName });
  files[settingsName] = strToU8(updated);
  return rezip(files);
}

/** Set Excel's file-sharing protection (open read-only unless the modify password is given). */
export function setExcelWriteProtection(xlsx: Uint8Array, password: string, salt?: Buffer): Uint8Array {
  const files = unzipSync(xlsx);
  const name = 'xl/workbook.xml';
  const workbook = files[name] ? strFromU8(files[name]) : null;
  if (workbook === null) throw new DhrError('corrupt', 'this Excel file has no workbook part', { part: name });
  const h = excelPasswordHash(password, salt);
  const element = `<fileSharing userName="dhr-kit" algorithmName="SHA-512" hashValue="${h.hash}" saltValue="${h.salt}" spinCount="${h.spinCount}"/>`;
  const withoutOld = workbook.replace(/<fileSharing\b[^>]*\/>/g, '');
  // fileSharing follows fileVersion (if any) and precedes everything else in CT_Workbook.
  let updated = withoutOld.replace(/(<fileVersion\b[^>]*\/>)/, `$1${element}`);
  if (updated === withoutOld) updated = withoutOld.replace(/(<workbook\b[^>]*>)/, `$1${element}`);
  files[name] = strToU8(updated);
  return rezip(files);
}

export interface ProtectOptions {
  /** Password needed to open the file (encrypts it). */
  password?: string;
  /** Password needed to change it (write protection); the file opens read-only without it. */
  modifyPassword?: string;
}

/** Apply the requested protection to a .docx or .xlsx output. */
export function protectOffice(bytes: Uint8Array, kind: 'docx' | 'xlsx', options: ProtectOptions): Uint8Array {
  let out = bytes;
  if (options.modifyPassword) out = kind === 'docx' ? setWordWriteProtection(out, options.modifyPassword) : setExcelWriteProtection(out, options.modifyPassword);
  if (options.password) out = encryptOffice(out, options.password);
  return out;
}
