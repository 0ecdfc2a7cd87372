/**
 * Opening an Office file safely: the one way every reader of dhr-kit opens a .docx or .xlsx
 * (the IMR and chronology readers, `dhr redact`, `dhr scan`).
 *
 *   1. What is it really? (sniff.ts) An encrypted file is decrypted with --password or refused
 *      with advice; an old .doc/.xls, an OpenDocument file, a PDF, random bytes are refused by name.
 *   2. Within the limits? (limits.ts, zip.ts) Every size the zip declares is checked before
 *      anything is inflated; a part is inflated as a stream that stops at its declared size.
 *   3. The package (package.ts): content types, relationships, the main part, its kind.
 */
import type { Place } from '../../pipeline/errors.ts';
import { DhrError } from '../../pipeline/errors.ts';
import { decryptOffice } from '../crypto/password.ts';
import { formatBytes, limits as defaultLimits, type Limits } from './limits.ts';
import { openPackage, type OoxmlPackage } from './package.ts';
import { encryptedError, isEncryptedPackage, refuseNotZip, wantedFor, type PackageKind } from './sniff.ts';
import { isZip } from './zip.ts';

export interface OpenOfficeOptions {
  /** The file's name, for messages. */
  file?: string;
  /** The kind of package expected; another kind is refused. */
  kind?: PackageKind;
  /** The open password of an encrypted file (never echoed in any message). */
  password?: string;
  /** The zip-bomb limits (tests lower them); limits.ts documents the defaults. */
  limits?: Limits;
}

/**
 * The zip bytes of an Office file: as they are, or decrypted with the password when the file
 * is encrypted. Anything else is refused with a DhrError that says what the file is and what to do.
 */
export async function officeZipBytes(bytes: Uint8Array, options: OpenOfficeOptions = {}): Promise<Uint8Array> {
  const place: Place = { file: options.file };
  const wanted = wantedFor(options.kind, options.file);
  if (isZip(bytes)) return bytes;
  if (!isEncryptedPackage(bytes)) refuseNotZip(bytes, place, wanted);
  if (options.password === undefined) throw encryptedError(place, wanted);
  const limits = options.limits ?? defaultLimits;
  if (bytes.length > limits.maxInputBytes) {
    throw new DhrError('too-large', `the file is ${formatBytes(bytes.length)}, more than the ${formatBytes(limits.maxInputBytes)} dhr-kit reads`, place);
  }
  const decrypted = await decryptOffice(bytes, options.password, place);
  if (!isZip(decrypted)) {
    throw new DhrError('corrupt', `the password opened this file, but what it holds is not ${wanted.what}: ask for the file to be saved and sent again`, place);
  }
  return decrypted;
}

/** Open an Office file (decrypting it if need be) as a checked package of the kind expected. */
export async function openOfficeFile(bytes: Uint8Array, options: OpenOfficeOptions = {}): Promise<OoxmlPackage> {
  const zip = await officeZipBytes(bytes, options);
  return openPackage(zip, { file: options.file, kind: options.kind, limits: options.limits });
}
