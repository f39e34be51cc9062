/**
 * Share links: the paste travels in the URL fragment (`#paste=…`), which browsers never send to a
 * server. It is compressed (deflate-raw, CompressionStream: Chromium 80+, Firefox 113+, Node 18+)
 * and base64url-encoded.
 */
import { inflateCapped } from '../lib/inflate.ts';

const PREFIX = 'paste=';

/**
 * Bytes a share link may inflate to: 16 MiB, what the engine reads at most. A 1.9 MB link once
 * inflated to 400 MiB and froze the tab; inflation now stops here.
 */
export const MAX_SHARE_BYTES = 16 * 1024 * 1024;

/**
 * Lines a share link may hold. A browser lays out a textarea at about 14 µs a line, so 16 MiB of
 * two-character lines (a 16 KB link) froze the tab for two minutes; half a million lines is a few
 * seconds, and more than the largest real paste (a 10 MB describe is about 300,000 lines).
 */
export const MAX_SHARE_LINES = 500_000;

/** What a URL fragment holds. */
export type SharedPaste =
  | { kind: 'none' }
  | { kind: 'paste'; text: string }
  /** A `#paste=` fragment that is not valid base64url, deflate or UTF-8. */
  | { kind: 'damaged' }
  /** One that inflates past MAX_SHARE_BYTES. */
  | { kind: 'too-large' };

class TooLarge extends Error {}

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([data as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The URL fragment (without `#`) that carries `paste`. */
export async function encodeShareFragment(paste: string): Promise<string> {
  const compressed = await pipe(new TextEncoder().encode(paste), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(compressed);
}

/** What a fragment (with or without `#`) holds: a paste, nothing, or a damaged or too large link. */
export async function readShareFragment(fragment: string, limit = MAX_SHARE_BYTES): Promise<SharedPaste> {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(PREFIX)) return { kind: 'none' };
  try {
    const bytes = await inflateCapped(new Blob([fromBase64Url(body.slice(PREFIX.length)) as BlobPart]), 'deflate-raw', limit, () => new TooLarge());
    let lines = 0;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 && ++lines > MAX_SHARE_LINES) return { kind: 'too-large' };
    return { kind: 'paste', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (e) {
    return { kind: e instanceof TooLarge ? 'too-large' : 'damaged' };
  }
}

/** The paste carried by a fragment (with or without `#`), or undefined when there is none or it is damaged or too large. */
export async function decodeShareFragment(fragment: string): Promise<string | undefined> {
  const r = await readShareFragment(fragment);
  return r.kind === 'paste' ? r.text : undefined;
}
