export class BodyTooLarge extends Error {}
export class BodyTooSlow extends Error {}

/**
 * Reads a request body as text, refusing it as soon as it passes `limit` bytes, also
 * when it arrives chunked without a Content-Length, or when it has not all arrived within
 * `timeoutMs` (a client trickling bytes holds nothing for long). Malformed UTF-8 becomes
 * U+FFFD, which validation then rejects like any other bad text.
 */
export async function readBody(request: Request, limit: number, timeoutMs = 10_000): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BodyTooSlow()), timeoutMs);
  });
  try {
    return await Promise.race([collect(), late]);
  } catch (error) {
    // Not awaited: the cancel of a teed (cloned) stream settles only when both branches are cancelled.
    reader.cancel().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }

  async function collect(): Promise<string> {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw new BodyTooLarge();
      chunks.push(value);
    }
    return new TextDecoder().decode(Buffer.concat(chunks));
  }
}
