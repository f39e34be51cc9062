/**
 * File-system side of diagnosing a bundle: a folder walked file by file, or a `.tar.gz` / `.tgz` /
 * `.tar` archive inflated with a cap. What is read is bounded by src/bundle/limits.ts; the engine
 * side (which files, as what, one cluster) is src/bundle/.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  BundleError,
  cleanPath,
  isGzip,
  MAX_BUNDLE_ENTRIES,
  MAX_BUNDLE_FILE_BYTES,
  MAX_BUNDLE_TOTAL_BYTES,
  MAX_INFLATED_BYTES,
  readTar,
  type BundleContents,
  type BundleFile,
  type SkippedFile,
} from '../bundle/index.ts';
import { readFileUpTo } from './io.ts';

/** A positional that names a bundle: an archive by its name, or a directory. */
export function isBundlePath(input: string): boolean {
  if (input === '-') return false;
  if (/\.(?:tar\.gz|tgz|tar)$/i.test(input)) return true;
  try {
    return statSync(input).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Regular files under a folder, in sorted order, paths relative to it. Symbolic links are not
 * followed (troubleshoot.sh's `all-logs/` are links to files read anyway; a link could lead out of
 * the folder); devices and sockets are skipped.
 */
export function readBundleDir(dir: string): BundleContents {
  const files: BundleFile[] = [];
  const skipped: SkippedFile[] = [];
  let entries = 0;
  let total = 0;
  const walk = (d: string, rel: string): boolean => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const path = cleanPath(rel ? `${rel}/${name}` : name);
      const st = lstatSync(p);
      if (st.isDirectory()) {
        if (!walk(p, path)) return false;
        continue;
      }
      if (++entries > MAX_BUNDLE_ENTRIES) {
        skipped.push({ path, reason: 'entry-limit' });
        return false;
      }
      if (st.isSymbolicLink()) skipped.push({ path, reason: 'link' });
      else if (!st.isFile()) skipped.push({ path, reason: 'special' });
      else if (st.size > MAX_BUNDLE_FILE_BYTES) skipped.push({ path, reason: 'too-large' });
      else if (total + st.size > MAX_BUNDLE_TOTAL_BYTES) skipped.push({ path, reason: 'total-limit' });
      else {
        const data = readFileUpTo(p, MAX_BUNDLE_FILE_BYTES);
        if (data.length > MAX_BUNDLE_FILE_BYTES) skipped.push({ path, reason: 'too-large' });
        else {
          total += data.length;
          files.push({ path, data });
        }
      }
    }
    return true;
  };
  walk(dir, '');
  return { files, skipped };
}

/**
 * The files of a `.tar.gz` / `.tgz` (or plain `.tar`) archive. Inflating stops at
 * MAX_INFLATED_BYTES: a gzip bomb is a BundleError('gzip-limit'), not an out-of-memory crash.
 */
export function readBundleArchive(file: string): BundleContents {
  const raw = readFileUpTo(file, MAX_INFLATED_BYTES);
  let tar: Uint8Array = raw;
  if (isGzip(raw)) {
    try {
      tar = gunzipSync(raw, { maxOutputLength: MAX_INFLATED_BYTES });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new BundleError('gzip-limit', { limit: MAX_INFLATED_BYTES / (1024 * 1024) });
      throw new BundleError('gzip-invalid', { error: (e as Error).message });
    }
  } else if (raw.length > MAX_INFLATED_BYTES) throw new BundleError('gzip-limit', { limit: MAX_INFLATED_BYTES / (1024 * 1024) });
  return readTar(tar);
}

/** A bundle path as read: a folder or an archive. */
export function readBundlePath(input: string): BundleContents {
  return statSync(input).isDirectory() ? readBundleDir(input) : readBundleArchive(input);
}
