// gzip through the browser's native CompressionStream: zero bundle cost. The server detects gzip by magic bytes.

export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer> | string> {
  if (typeof CompressionStream === 'undefined') return text;
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
