import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from './catalog';
import { accessKey, listCheck } from './useListAccess';

const entry = (group: string, resource: string, namespaced: boolean) =>
  ({ gvr: { group, version: 'v1', resource }, namespaced }) as CatalogEntry;

describe('listCheck', () => {
  it('asks in the namespace on screen for namespaced kinds only', () => {
    expect(listCheck(entry('', 'pods', true), 'team-a')).toEqual({ verb: 'list', group: '', resource: 'pods', namespace: 'team-a' });
    expect(listCheck(entry('', 'pods', true), '')).toEqual({ verb: 'list', group: '', resource: 'pods' });
    expect(listCheck(entry('', 'nodes', false), 'team-a')).toEqual({ verb: 'list', group: '', resource: 'nodes' });
    expect(accessKey(entry('apps', 'deployments', true))).toBe('apps/deployments');
  });
});
