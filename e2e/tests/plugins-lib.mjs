// Shared by the plugin e2e tests.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The content hash as app/plugins computes it (HashFiles): a fixed prefix, then for every regular file in
 * the order of its relative path, the path's and the content's lengths (8-byte big-endian) each before it.
 */
export function pluginHash(dir) {
  const files = [];
  const walk = (rel) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(path.join(dir, r));
      if (st.isDirectory()) walk(r);
      else if (st.isFile()) files.push(r);
    }
  };
  walk('');
  const h = createHash('sha256').update('kubedeck plugin v2\0');
  const field = (b) => {
    const n = Buffer.alloc(8);
    n.writeBigUInt64BE(BigInt(b.length));
    h.update(n).update(b);
  };
  for (const f of files.sort()) {
    field(Buffer.from(f));
    field(readFileSync(path.join(dir, f)));
  }
  return h.digest('hex');
}

