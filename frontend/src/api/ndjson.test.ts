import { describe, expect, it, vi } from 'vitest';
import { readNdjson } from './ndjson';

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(typeof ch === 'string' ? enc.encode(ch) : ch);
      c.close();
    },
  });
}

async function collect(s: ReadableStream<Uint8Array>, onBad?: (l: string) => void): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const v of readNdjson(s, onBad)) out.push(v);
  return out;
}

describe('readNdjson', () => {
  it('reads one object per line', async () => {
    expect(await collect(streamOf(['{"a":1}\n{"b":2}\n']))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('joins lines split across chunks, at any byte', async () => {
    const text = '{"type":"rows","rows":[{"key":"a/b"}]}\n{"type":"synced","resourceVersion":"9"}\n';
    for (let cut = 1; cut < text.length; cut++) {
      const got = await collect(streamOf([text.slice(0, cut), text.slice(cut)]));
      expect(got).toEqual([
        { type: 'rows', rows: [{ key: 'a/b' }] },
        { type: 'synced', resourceVersion: '9' },
      ]);
    }
  });

  it('decodes multi-byte characters split between chunks', async () => {
    const bytes = new TextEncoder().encode('{"name":"ünïcode ctx ☸"}\n');
    const i = bytes.indexOf(0xc3) + 1; // inside "ü"
    expect(await collect(streamOf([bytes.slice(0, i), bytes.slice(i)]))).toEqual([{ name: 'ünïcode ctx ☸' }]);
  });

  it('handles many lines in one chunk, CRLF, blank lines and a last line without newline', async () => {
    expect(await collect(streamOf(['{"a":1}\r\n\n{"a":2}\n{"a":', '3}']))).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
  });

  it('skips lines that are not JSON and reports them', async () => {
    const bad = vi.fn();
    expect(await collect(streamOf(['{"a":1}\nnot json\n{"a":2}\n']), bad)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(bad).toHaveBeenCalledWith('not json', expect.anything());
  });

  it('yields each line as soon as its chunk arrives', async () => {
    let push: ((s: string) => void) | undefined;
    const enc = new TextEncoder();
    const s = new ReadableStream<Uint8Array>({
      start(c) {
        push = (t) => c.enqueue(enc.encode(t));
      },
    });
    const it = readNdjson(s);
    push?.('{"n":1}\n{"n"');
    expect((await it.next()).value).toEqual({ n: 1 });
    push?.(':2}\n');
    expect((await it.next()).value).toEqual({ n: 2 });
    await it.return();
  });
});
