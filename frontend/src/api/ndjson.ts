/**
 * Reads newline-delimited JSON from a byte stream, yielding one parsed value per
 * line. Chunks may split lines (and multi-byte characters) anywhere; the partial
 * tail is kept until its newline arrives. Lines that are not JSON are reported
 * to onBadLine and skipped.
 */
export async function* readNdjson(
  body: ReadableStream<Uint8Array>,
  onBadLine: (line: string, error: unknown) => void = () => {},
): AsyncGenerator<unknown, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let tail = '';
  const parse = (line: string): { ok: true; value: unknown } | { ok: false } => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!text.trim()) return { ok: false };
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (e) {
      onBadLine(text, e);
      return { ok: false };
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      tail += decoder.decode(value, { stream: true });
      let start = 0;
      for (let nl = tail.indexOf('\n'); nl !== -1; nl = tail.indexOf('\n', start)) {
        const r = parse(tail.slice(start, nl));
        start = nl + 1;
        if (r.ok) yield r.value;
      }
      tail = tail.slice(start);
    }
    tail += decoder.decode();
    const r = parse(tail);
    if (r.ok) yield r.value;
  } finally {
    reader.releaseLock();
  }
}
