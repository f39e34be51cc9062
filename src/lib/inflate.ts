/**
 * Inflating untrusted compressed data in the browser (share links, dropped bundles) without
 * letting a small input grow without end: the stream is read chunk by chunk and abandoned as soon
 * as it passes `limit` bytes (a 1.9 MB link once inflated to 400 MiB; a gzip bomb is far worse).
 */
export async function inflateCapped(data: Blob, format: CompressionFormat, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  const reader = data.stream().pipeThrough(new DecompressionStream(format)).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      void reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
