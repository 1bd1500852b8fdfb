import { describe, expect, it } from 'vitest';
import { closeCluster, MAX_MOUNTED, MAX_TABS, mountedClusters, openCluster } from './openClusters';

describe('open clusters', () => {
  it('appends new tabs and keeps the most recent first', () => {
    let s = { tabs: [] as string[], mru: [] as string[] };
    s = openCluster(s, 'a');
    s = openCluster(s, 'b');
    s = openCluster(s, 'a');
    expect(s).toEqual({ tabs: ['a', 'b'], mru: ['a', 'b'] });
    expect(closeCluster(s, 'a')).toEqual({ tabs: ['b'], mru: ['b'] });
  });

  it('keeps only the most recent panes mounted and caps the tabs', () => {
    let s = { tabs: [] as string[], mru: [] as string[] };
    for (let i = 0; i < MAX_TABS + 3; i++) s = openCluster(s, `c${i}`);
    expect(s.tabs).toHaveLength(MAX_TABS);
    expect(s.tabs).not.toContain('c0');
    expect(mountedClusters(s)).toEqual(s.mru.slice(0, MAX_MOUNTED));
    expect(mountedClusters(s)[0]).toBe(`c${MAX_TABS + 2}`);
  });
});
