import { describe, expect, it } from 'vitest';
import { accessStreamUrl, toAccessLine } from './access';

describe('the access stream reader', () => {
  it('fills in the lists Go leaves out and passes the matrix on', () => {
    const line = toAccessLine({ type: 'matrix', matrix: { namespace: 'team-a', columns: null, rows: [{ subject: { kind: 'User', name: 'a' }, system: false, grants: null, cells: null, dangers: null }], missing: null } });
    expect(line).toEqual({
      type: 'matrix',
      matrix: { namespace: 'team-a', columns: [], rows: [{ subject: { kind: 'User', name: 'a' }, system: false, grants: [], cells: [], dangers: [] }], missing: [] },
    });
  });

  it('passes error lines on with whether they retry, and drops heartbeats and junk', () => {
    expect(toAccessLine({ type: 'error', message: 'watch closed', retrying: true })).toEqual({ type: 'error', message: 'watch closed', retrying: true });
    expect(toAccessLine({ type: 'error' })).toEqual({ type: 'error', message: 'Unknown error', retrying: false });
    expect(toAccessLine({ type: 'heartbeat' })).toBeNull();
    expect(toAccessLine({ type: 'matrix' })).toBeNull();
    expect(toAccessLine('x')).toBeNull();
  });

  it('asks for the namespace, "" for cluster-wide', () => {
    expect(accessStreamUrl('a:b/c', '')).toBe('/api/stream/access?context=a%3Ab%2Fc&namespace=');
    expect(accessStreamUrl('k', 'team-a')).toBe('/api/stream/access?context=k&namespace=team-a');
  });
});
