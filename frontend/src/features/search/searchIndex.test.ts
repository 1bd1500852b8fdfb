import { describe, expect, it } from 'vitest';
import { rankResults, SEARCH_KINDS, type SearchItem } from './searchIndex';

const kind = (k: string) => SEARCH_KINDS.find((x) => x.kind === k)!;
const item = (k: string, namespace: string, name: string): SearchItem => ({ kind: kind(k), namespace, name, key: `${k}/${namespace}/${name}` });

describe('rankResults', () => {
  const items = [
    item('Pod', 'team-b', 'api-6898577cf6-5xp7k'),
    item('Service', 'team-b', 'api'),
    item('Deployment', 'team-b', 'api'),
    item('ConfigMap', 'team-b', 'my-api-config'),
    item('Secret', 'shop', 'rapid'),
    item('Deployment', 'shop', 'frontend'),
  ];

  it('puts exact names first (deployments before services), then prefixes, word starts, substrings', () => {
    expect(rankResults(items, 'api').map((i) => `${i.kind.kind} ${i.name}`)).toEqual([
      'Deployment api',
      'Service api',
      'Pod api-6898577cf6-5xp7k',
      'ConfigMap my-api-config',
      'Secret rapid',
    ]);
  });

  it('matches kind and namespace words too, and nothing for an empty query', () => {
    expect(rankResults(items, 'shop frontend').map((i) => i.name)).toEqual(['frontend']);
    expect(rankResults(items, 'deployment shop').map((i) => i.name)).toEqual(['frontend']);
    expect(rankResults(items, '  ')).toEqual([]);
  });

  it('is case-insensitive and limited', () => {
    expect(rankResults(items, 'API', 2)).toHaveLength(2);
  });
});
