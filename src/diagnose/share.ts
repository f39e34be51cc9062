/**
 * Share links: the paste travels in the URL fragment (`#paste=…`), which browsers never send to a
 * server. It is compressed (deflate-raw, CompressionStream: Chromium 80+, Firefox 113+, Node 18+)
 * and base64url-encoded.
 */

const PREFIX = 'paste=';

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

/** The paste carried by a fragment (with or without `#`), or undefined when there is none or it is damaged. */
export async function decodeShareFragment(fragment: string): Promise<string | undefined> {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(PREFIX)) return undefined;
  try {
    const bytes = await pipe(fromBase64Url(body.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
