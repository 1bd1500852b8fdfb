// Property tests of the NDJSON reader every stream goes through: random JSON
// lines split into random chunks (at any byte, inside multi-byte characters
// too) read the same as in one chunk, and garbage lines are reported with a
// clear error while the lines around them still arrive, without a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNdjson } from './ndjson';

const enc = new TextEncoder();

function chunked(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts.map((c) => (bytes.length ? c % (bytes.length + 1) : 0)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    if (p > prev) parts.push(bytes.slice(prev, p));
    prev = Math.max(prev, p);
  }
  return new ReadableStream({
    start(c) {
      for (const part of parts) c.enqueue(part);
      c.close();
    },
  });
}

interface Read {
  values: unknown[];
  bad: { line: string; message: string }[];
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<Read> {
  const out: Read = { values: [], bad: [] };
  const onBad = (line: string, error: unknown): void => {
    out.bad.push({ line, message: error instanceof Error ? error.message : String(error) });
  };
  for await (const v of readNdjson(body, onBad)) out.values.push(v);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const lineEnd = fc.constantFrom('\n', '\r\n');
const jsonLine = fc.tuple(fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }), lineEnd).map(([v, end]) => ({
  value: JSON.parse(JSON.stringify(v)) as unknown,
  bytes: enc.encode(JSON.stringify(v) + end),
}));
// Bytes that are never JSON (0xff is not UTF-8, so the line starts with
// U+FFFD) and hold no newline.
const garbageLine = fc
  .uint8Array({ maxLength: 64 })
  .map((b) => concat([Uint8Array.of(0xff), b.filter((x) => x !== 0x0a), enc.encode('\n')]));
const cuts = fc.array(fc.nat(), { maxLength: 40 });

describe('readNdjson under random input', () => {
  it('reads complete lines identically however they are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jsonLine, { maxLength: 20 }), cuts, async (lines, at) => {
        const bytes = concat(lines.map((l) => l.bytes));
        const whole = await readAll(chunked(bytes, []));
        const split = await readAll(chunked(bytes, at));
        const want = lines.map((l) => l.value);
        expect(whole.values).toEqual(want);
        expect(split.values).toEqual(want);
        expect(split.bad).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('reports each garbage line with a message and still yields every good line', async () => {
    const mixed = fc.array(fc.oneof(jsonLine.map((l) => ({ ...l, good: true })), garbageLine.map((bytes) => ({ bytes, good: false }))), {
      maxLength: 20,
    });
    await fc.assert(
      fc.asyncProperty(mixed, cuts, async (lines, at) => {
        const bytes = concat(lines.map((l) => l.bytes));
        const got = await readAll(chunked(bytes, at));
        expect(got.values).toEqual(lines.flatMap((l) => ('value' in l ? [l.value] : [])));
        expect(got.bad).toHaveLength(lines.filter((l) => !l.good).length);
        for (const b of got.bad) {
          expect(b.line.length).toBeGreaterThan(0);
          expect(b.message.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary bytes, with or without a bad-line handler', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), cuts, async (bytes, at) => {
        const got = await readAll(chunked(bytes, at));
        const again: unknown[] = [];
        for await (const v of readNdjson(chunked(bytes, at))) again.push(v);
        expect(again).toEqual(got.values);
        for (const b of got.bad) expect(b.message.trim().length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
