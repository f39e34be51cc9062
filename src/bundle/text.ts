/** Bytes of a bundle file as text, and whether they are text at all. */

const utf8 = new TextDecoder('utf-8');

/**
 * Text from a file's bytes: UTF-16 with a byte order mark (Windows PowerShell 5.1 `>`), else UTF-8;
 * a UTF-8 BOM is dropped, CRLF read as LF, and a file with CR-only line ends split at the CRs (the
 * engine does this for a paste; in a bundle each file decides for itself).
 */
export function decodeBytes(bytes: Uint8Array): string {
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = utf8.decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.includes('\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\r/g, '\n');
  return text;
}

/**
 * True for files that are not text: a NUL byte, or more than one control character in ten, in the
 * first 8 KB (images, nested archives, rotated `.gz` logs). UTF-16 text has NULs and is let through
 * by its byte order mark.
 */
export function isBinaryText(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 27 && b !== 12) controls++;
  }
  return n > 0 && controls / n > 0.1;
}
