import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MARK = '// ---- API v1 ----';
const after = (text: string) => text.slice(text.indexOf(MARK));

describe('plugin API types', () => {
  it('the published definitions (plugins/types) are the ones the host implements', () => {
    const host = readFileSync(resolve(import.meta.dirname, 'types.ts'), 'utf8');
    const published = readFileSync(resolve(import.meta.dirname, '../../../../plugins/types/kubedeck-plugin-api-v1.d.ts'), 'utf8');
    expect(host).toContain(MARK);
    expect(after(published)).toBe(after(host));
  });
});
