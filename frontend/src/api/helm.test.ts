import { describe, expect, it } from 'vitest';
import { helmStreamUrl, toBase64, toHelmLine } from './helm';

describe('the Helm stream reader', () => {
  it('names the namespaces comma-separated, none for all', () => {
    expect(helmStreamUrl('kind', [])).toBe('/api/stream/helm?context=kind&namespaces=');
    expect(helmStreamUrl('me@corp', ['team-a', 'platform'])).toBe('/api/stream/helm?context=me%40corp&namespaces=team-a%2Cplatform');
  });

  it('fills in what a line leaves out and drops what is not a line', () => {
    expect(toHelmLine({ type: 'releases', releases: [{ name: 'shop', namespace: 'team-a', revision: 3 }, { junk: true }] })).toEqual({
      type: 'releases',
      releases: [{ name: 'shop', namespace: 'team-a', revision: 3, status: '', chart: '', chartVersion: '', appVersion: '', updated: '', description: '', driver: 'secret', revisions: 0 }],
    });
    expect(toHelmLine({ type: 'changes', releases: null, deleted: ['team-a/shop', 4] })).toEqual({ type: 'changes', releases: [], deleted: ['team-a/shop'] });
    expect(toHelmLine({ type: 'problem', namespace: '', driver: 'secret', message: 'needs list secrets cluster-wide', status: 403, retrying: false, readable: null })).toEqual({
      type: 'problem', namespace: '', driver: 'secret', message: 'needs list secrets cluster-wide', status: 403, retrying: false, readable: [], partial: false,
    });
    expect(toHelmLine({ type: 'heartbeat' })).toBeNull();
    expect(toHelmLine('junk')).toBeNull();
  });

  it('encodes chart archives as base64, large ones too', () => {
    expect(toBase64(new TextEncoder().encode('chart'))).toBe(btoa('chart'));
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(atob(toBase64(big)).length).toBe(100_000);
  });
});
