import { describe, expect, it } from 'vitest';
import type { HelmLine } from '../../api/helm';
import { legacyCron, metricsAgent, release, shop } from './fixtures';
import { applyHelmLine, chartLabel, filterReleases, helmListReducer, helmStatusTone, initialHelmList, nextSort, sortReleases, type HelmListState } from './helmList';

const problem = (over: Partial<Extract<HelmLine, { type: 'problem' }>> = {}): HelmLine => ({
  type: 'problem', namespace: '', driver: 'secret', message: 'Helm keeps its releases in secrets: needs list secrets cluster-wide', status: 403, retrying: false, readable: [], partial: false, ...over,
});
const apply = (s: HelmListState, ...lines: HelmLine[]) => lines.reduce(applyHelmLine, s);
const keys = (s: HelmListState) => [...s.releases.keys()].sort();

describe('the Helm list reducer', () => {
  it('takes the whole list from a releases line: synced, live', () => {
    const s = apply(initialHelmList(), { type: 'releases', releases: [shop, legacyCron] });
    expect(keys(s)).toEqual(['team-a/legacy-cron', 'team-a/shop']);
    expect(s.synced).toBe(true);
    expect(s.connection).toBe('live');
  });

  it('upserts and deletes from changes lines, never mutating the state before', () => {
    const before = apply(initialHelmList(), { type: 'releases', releases: [shop, legacyCron] });
    const upgraded = { ...shop, revision: 4, status: 'deployed' };
    const after = apply(before, { type: 'changes', releases: [upgraded, metricsAgent], deleted: ['team-a/legacy-cron'] });
    expect(keys(after)).toEqual(['platform/metrics-agent', 'team-a/shop']);
    expect(after.releases.get('team-a/shop')?.revision).toBe(4);
    expect(keys(before)).toEqual(['team-a/legacy-cron', 'team-a/shop']);
    expect(before.releases.get('team-a/shop')?.revision).toBe(3);
    // An empty change changes nothing.
    expect(apply(after, { type: 'changes', releases: [], deleted: [] })).toBe(after);
  });

  it('replaces the list again after a restart: releases gone meanwhile disappear', () => {
    const s = apply(initialHelmList(), { type: 'releases', releases: [shop, legacyCron] }, { type: 'releases', releases: [metricsAgent] });
    expect(keys(s)).toEqual(['platform/metrics-agent']);
  });

  it('keeps one problem per namespace and driver; a fresh read ends the retrying ones only', () => {
    let s = apply(initialHelmList(), problem(), problem({ driver: 'configmap', message: 'configmaps too' }), problem({ message: 'again' }));
    expect(s.problems.map((p) => [p.driver, p.message])).toEqual([
      ['configmap', 'configmaps too'],
      ['secret', 'again'],
    ]);
    s = apply(s, problem({ namespace: 'team-b', retrying: true, message: 'watch dropped' }));
    expect(s.problems).toHaveLength(3);
    s = apply(s, { type: 'releases', releases: [] });
    expect(s.problems.map((p) => p.namespace)).toEqual(['', '']);
  });

  it('a reconnection keeps the releases shown until the new list is in; a new key starts over', () => {
    const synced = apply(initialHelmList(), { type: 'releases', releases: [shop] });
    const again = helmListReducer(synced, { type: 'connect', replace: true });
    expect(again.connection).toBe('reconnecting');
    expect(keys(again)).toEqual(['team-a/shop']);
    const fresh = helmListReducer(synced, { type: 'connect', replace: false });
    expect(fresh.releases.size).toBe(0);
    expect(fresh.synced).toBe(false);
  });

  it('records how a connection ended', () => {
    const s = helmListReducer(initialHelmList(), { type: 'ended', problem: { message: 'forbidden', status: 403, retrying: false }, retry: false });
    expect(s.connection).toBe('failed');
    expect(s.error?.message).toBe('forbidden');
    expect(apply(initialHelmList(), { type: 'error', message: 'at most 32 namespaces at once' }).error?.message).toBe('at most 32 namespaces at once');
  });
});

describe('how releases look and sort', () => {
  it('colours statuses as Helm names them', () => {
    expect(['deployed', 'failed', 'pending-install', 'pending-upgrade', 'pending-rollback', 'superseded', 'uninstalled', 'uninstalling', ''].map(helmStatusTone)).toEqual([
      'ok', 'bad', 'warn', 'warn', 'warn', 'neutral', 'neutral', 'warn', 'neutral',
    ]);
    expect(chartLabel(shop)).toBe('shop-1.2.0');
  });

  it('filters on every word, in the name, namespace or chart', () => {
    const all = [shop, legacyCron, metricsAgent];
    expect(filterReleases(all, '').map((r) => r.name)).toEqual(['shop', 'legacy-cron', 'metrics-agent']);
    expect(filterReleases(all, 'platform').map((r) => r.name)).toEqual(['metrics-agent']);
    expect(filterReleases(all, 'cron-0.3').map((r) => r.name)).toEqual(['legacy-cron']);
    expect(filterReleases(all, 'TEAM-A shop').map((r) => r.name)).toEqual(['shop']);
    expect(filterReleases(all, 'nothing')).toEqual([]);
  });

  it('sorts by any column, numbers as numbers, ties by namespace and name', () => {
    const many = [release({ name: 'r10', revision: 10 }), release({ name: 'r9', revision: 9 }), release({ name: 'a', namespace: 'z', revision: 9 })];
    expect(sortReleases(many, { column: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['a', 'r9', 'r10']);
    expect(sortReleases(many, { column: 'revision', dir: 'desc' }).map((r) => r.name)).toEqual(['r10', 'r9', 'a']);
    expect(sortReleases([shop, legacyCron, metricsAgent], { column: 'updated', dir: 'desc' }).map((r) => r.name)).toEqual(['shop', 'metrics-agent', 'legacy-cron']);
    expect(nextSort({ column: 'name', dir: 'asc' }, 'name')).toEqual({ column: 'name', dir: 'desc' });
    expect(nextSort({ column: 'name', dir: 'asc' }, 'updated')).toEqual({ column: 'updated', dir: 'desc' });
  });
});
