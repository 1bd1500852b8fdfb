import { describe, expect, it } from 'vitest';
import { emptyContributions, PluginRegistry, REFUSALS_KEPT, running } from './registry';

const contributions = () => ({ ...emptyContributions(), sidebar: [{ label: 'L', path: 'p' }] });

describe('PluginRegistry', () => {
  it('counts contributions of running plugins only; a stale load cannot register', () => {
    const reg = new PluginRegistry();
    const old = reg.begin('a', '/f/1/');
    const cur = reg.begin('a', '/f/2/');
    expect(reg.registered('a', old, contributions())).toBe(false);
    expect(running(reg.snapshot(), 'sidebar')).toEqual([]);
    expect(reg.registered('a', cur, contributions())).toBe(true);
    expect(running(reg.snapshot(), 'sidebar')).toEqual([{ label: 'L', path: 'p', pluginId: 'a' }]);
    reg.fail('a', 'boom');
    expect(reg.snapshot().loaded.get('a')?.runtime).toEqual({ status: 'failed', error: 'boom' });
    expect(running(reg.snapshot(), 'sidebar')).toEqual([]);
    // A failed plugin's frame cannot bring it back by reporting again.
    expect(reg.registered('a', cur, contributions())).toBe(true);
    expect(reg.snapshot().loaded.get('a')?.runtime.status).toBe('failed');
  });

  it('keeps the last refusals per plugin, newest first; repeats count up and keep the notice', () => {
    const reg = new PluginRegistry();
    reg.refuse('a', { action: 'read', target: 'secrets', reason: 'not-granted' }, 1);
    const first = reg.snapshot().notice?.seq;
    reg.refuse('a', { action: 'read', target: 'secrets', reason: 'not-granted' }, 2);
    expect(reg.snapshot().refusals.get('a')).toEqual([{ action: 'read', target: 'secrets', reason: 'not-granted', at: 2, count: 2 }]);
    expect(reg.snapshot().notice?.seq).toBe(first);
    expect(reg.snapshot().notice?.entry.count).toBe(2);
    for (let i = 0; i < REFUSALS_KEPT + 5; i++) reg.refuse('a', { action: 'delete', target: `k${i}`, reason: 'not-granted' }, 10 + i);
    const kept = reg.snapshot().refusals.get('a') ?? [];
    expect(kept).toHaveLength(REFUSALS_KEPT);
    expect(kept[0]?.target).toBe(`k${REFUSALS_KEPT + 4}`);
    expect(reg.snapshot().refusals.get('b')).toBeUndefined();
    reg.dismissNotice();
    expect(reg.snapshot().notice).toBeNull();
  });
});
