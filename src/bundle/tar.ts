/**
 * A bounded tar reader for bundles (pure: bytes in, files out; the caller inflates the gzip layer,
 * with its own cap, see limits.ts). Reads what `k8s-kb collect` writes (ustar with a pax `path`
 * record for long names, src/cli/collect-tar.ts), GNU tar's `././@LongLink` names, and pax `path`
 * records from other tars (troubleshoot.sh bundles are written by Go's archive/tar).
 *
 * Names are data: nothing is ever written to disk, and a name such as `../../etc/passwd` or
 * `<img onerror=…>` is only normalised (no leading `/`, no `.`/`..` segments) and shown as text.
 */
import { MAX_BUNDLE_ENTRIES, MAX_BUNDLE_FILE_BYTES, MAX_BUNDLE_TOTAL_BYTES } from './limits.ts';

const BLOCK = 512;

/** A regular file read from a bundle. */
export interface BundleFile {
  /** `/`-separated path inside the bundle, normalised (see `cleanPath`). */
  path: string;
  data: Uint8Array;
}

/** Why an entry of a bundle was not diagnosed (a code; renderers say it in words). */
export type SkipReason = 'link' | 'special' | 'too-large' | 'total-limit' | 'entry-limit' | 'binary' | 'empty' | 'not-diagnosed' | 'duplicate';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

/** A bundle that cannot be read at all: a code and the numbers that make the message precise. */
export class BundleError extends Error {
  constructor(
    readonly code: 'not-tar' | 'truncated' | 'gzip-limit' | 'gzip-invalid' | 'empty-bundle' | 'empty-folder',
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

const decoder = new TextDecoder('utf-8');

/** A NUL-terminated field as text. */
function field(h: Uint8Array, offset: number, length: number): string {
  let end = offset;
  while (end < offset + length && h[end] !== 0) end++;
  return decoder.decode(h.subarray(offset, end));
}

/** An octal number field, or the base-256 form GNU tar uses for sizes over 8 GB. */
function numberField(h: Uint8Array, offset: number, length: number): number {
  if (h[offset]! & 0x80) {
    let n = 0;
    for (let i = offset + 1; i < offset + length; i++) n = n * 256 + h[i]!;
    return n;
  }
  const s = field(h, offset, length).trim();
  return /^[0-7]+$/.test(s) ? Number.parseInt(s, 8) : NaN;
}

function checksumOk(h: Uint8Array): boolean {
  const stored = numberField(h, 148, 8);
  if (Number.isNaN(stored)) return false;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === stored;
}

function isZeroBlock(h: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (h[i] !== 0) return false;
  return true;
}

/**
 * A bundle path made harmless and comparable: backslashes read as `/`, no leading `/` or drive
 * letter, no empty, `.` or `..` segments, control characters shown as `?`. Never used to open a file.
 */
export function cleanPath(name: string): string {
  const parts: string[] = [];
  for (const seg of name.replace(/\\/g, '/').replace(/^[A-Za-z]:/, '').split('/')) {
    if (seg === '' || seg === '.' || seg === '..') continue;
    parts.push(seg.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?'));
  }
  return parts.join('/');
}

/** The `path` (or `linkpath`-less) value of a pax extended header. */
function paxPath(data: Uint8Array): string | undefined {
  const text = decoder.decode(data);
  let i = 0;
  let path: string | undefined;
  while (i < text.length) {
    const space = text.indexOf(' ', i);
    if (space < 0) break;
    const len = Number.parseInt(text.slice(i, space), 10);
    if (!(len > 0)) break;
    const record = text.slice(space + 1, i + len).replace(/\n$/, '');
    const eq = record.indexOf('=');
    if (eq > 0 && record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    i += len;
  }
  return path;
}

/** What was read of an archive or a folder: its files, and what was left out and why. */
export interface BundleContents {
  files: BundleFile[];
  skipped: SkippedFile[];
}

/**
 * The regular files of an uncompressed tar archive, in archive order. Bounded: at most
 * MAX_BUNDLE_ENTRIES entries, files over MAX_BUNDLE_FILE_BYTES skipped, MAX_BUNDLE_TOTAL_BYTES of
 * file data kept in all. Links, devices and directories are not files: links are listed as skipped.
 * Throws BundleError('not-tar') when the first block is not a tar header, ('truncated') when an
 * entry runs past the end.
 */
export function readTar(tar: Uint8Array): BundleContents {
  const files: BundleFile[] = [];
  const skipped: SkippedFile[] = [];
  let offset = 0;
  let entries = 0;
  let total = 0;
  let longName: string | undefined;
  let paxName: string | undefined;
  if (tar.length < BLOCK || !checksumOk(tar.subarray(0, BLOCK))) {
    if (tar.length >= BLOCK && isZeroBlock(tar.subarray(0, BLOCK))) return { files, skipped };
    throw new BundleError('not-tar');
  }
  while (offset + BLOCK <= tar.length) {
    const h = tar.subarray(offset, offset + BLOCK);
    if (isZeroBlock(h)) break;
    if (!checksumOk(h)) throw new BundleError('not-tar', { offset });
    const size = numberField(h, 124, 12);
    if (Number.isNaN(size) || size < 0) throw new BundleError('not-tar', { offset });
    const type = String.fromCharCode(h[156]!);
    const dataStart = offset + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > tar.length) throw new BundleError('truncated', { offset });
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    const data = tar.subarray(dataStart, dataEnd);
    // Meta entries describe the next one.
    if (type === 'L') {
      longName = field(data, 0, data.length);
      continue;
    }
    if (type === 'x') {
      paxName = paxPath(data) ?? paxName;
      continue;
    }
    if (type === 'g' || type === 'K') continue;
    const magic = field(h, 257, 6);
    const prefix = magic.startsWith('ustar') ? field(h, 345, 155) : '';
    const raw = paxName ?? longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    longName = paxName = undefined;
    const path = cleanPath(raw);
    if (type === '5') continue;
    if (++entries > MAX_BUNDLE_ENTRIES) {
      skipped.push({ path, reason: 'entry-limit' });
      break;
    }
    if (type === '1' || type === '2') skipped.push({ path, reason: 'link' });
    else if (type !== '0' && type !== '\0' && type !== '7') skipped.push({ path, reason: 'special' });
    else if (!path) continue;
    else if (size > MAX_BUNDLE_FILE_BYTES) skipped.push({ path, reason: 'too-large' });
    else if (total + size > MAX_BUNDLE_TOTAL_BYTES) skipped.push({ path, reason: 'total-limit' });
    else {
      total += size;
      files.push({ path, data });
    }
  }
  return { files, skipped };
}

/** True when the bytes start like a gzip stream. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
