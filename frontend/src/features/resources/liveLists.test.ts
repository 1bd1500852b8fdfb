import { describe, expect, it } from 'vitest';
import type { Row } from '../../api/types';
import { applyMessage } from './liveLists';

const row = (key: string): Row => ({ key, uid: key, name: key, cells: [key] });

describe('applyMessage', () => {
  it('keeps a live list from rows, events, reset and errors', () => {
    const l = { columns: [], rows: new Map<string, Row>(), synced: false } as { columns: never[]; rows: Map<string, Row>; synced: boolean; error?: string };
    applyMessage(l, { type: 'rows', rows: [row('a'), row('b')] });
    applyMessage(l, { type: 'synced', resourceVersion: '1' });
    expect(l.synced).toBe(true);
    applyMessage(l, { type: 'events', upserts: [row('c')], deletes: ['a'] });
    expect([...l.rows.keys()]).toEqual(['b', 'c']);
    applyMessage(l, { type: 'error', message: 'flaky', retrying: true });
    expect(l.error).toBeUndefined();
    applyMessage(l, { type: 'error', message: 'forbidden', status: 403 });
    expect(l.error).toBe('forbidden');
    applyMessage(l, { type: 'reset' });
    expect(l.rows.size).toBe(0);
    expect(l.synced).toBe(false);
  });
});
