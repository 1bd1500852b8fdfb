import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultGrant, pluginCommands, toCapabilities, toPluginInfo } from './backend';

const base = { id: 'p', name: 'p', version: '1.0.0', description: '', main: 'main.js', apiVersion: 1, path: '/p', hash: 'h', dev: false };
const token = '0123456789abcdef0123456789abcdef';

describe('toCapabilities', () => {
  it.each([
    [{}, {}],
    [{ read: ['pods', 'apps/deployments'] }, { read: ['pods', 'apps/deployments'] }],
    [
      { read: ['secrets'], write: { configmaps: ['apply', 'delete'] }, secretValues: true, exec: false, portForward: true, logs: true, network: ['https://a.example'], settings: true },
      { read: ['secrets'], write: { configmaps: ['apply', 'delete'] }, secretValues: true, exec: false, portForward: true, logs: true, network: ['https://a.example'], settings: true },
    ],
  ])('keeps well-formed capabilities %#', (v, want) => {
    expect(toCapabilities(v)).toEqual(want);
  });
  it.each([
    ['not an object', ['pods']],
    ['null', null],
    ['an unknown key', { read: ['pods'], admin: true }],
    ['read not a list', { read: 'pods' }],
    ['read of numbers', { read: [1] }],
    ['write as a list', { write: ['configmaps'] }],
    ['an unknown verb', { write: { configmaps: ['patch'] } }],
    ['verbs not a list', { write: { configmaps: 'apply' } }],
    ['a boolean as a string', { secretValues: 'false' }],
    ['network not a list', { network: 'https://a.example' }],
  ])('refuses %s', (_, v) => {
    expect(toCapabilities(v)).toBeNull();
  });
});

describe('toPluginInfo', () => {
  it('decodes requested, granted and the frame URL', () => {
    const p = toPluginInfo({ ...base, state: 'enabled', requested: { read: ['pods'], settings: true }, granted: { read: ['pods'] }, frameUrl: `/plugin-frame/${token}/` });
    expect(p).toMatchObject({ state: 'enabled', requested: { read: ['pods'], settings: true }, granted: { read: ['pods'] }, frameUrl: `/plugin-frame/${token}/` });
  });
  it('a plugin that is not approved has no grant', () => {
    const p = toPluginInfo({ ...base, state: 'waiting-approval', requested: { read: ['pods'] } });
    expect(p?.granted).toBeUndefined();
    expect(p?.requested).toEqual({ read: ['pods'] });
  });
  it.each([
    ['requested capabilities', { requested: { read: 'pods' } }],
    ['granted capabilities', { requested: {}, granted: { read: ['pods'], root: true } }],
    ['a frame address', { requested: {}, granted: {}, frameUrl: 'https://evil.example/' }],
    ['a frame address', { requested: {}, granted: {}, frameUrl: '/plugin-frame/../api/' }],
  ])('malformed %s: invalid, granted nothing, no frame', (what, extra) => {
    const p = toPluginInfo({ ...base, state: 'enabled', url: '/api/plugins/p/main.js', ...extra });
    expect(p).toMatchObject({ state: 'invalid', error: `the app sent malformed ${what} for this plugin` });
    expect(p?.granted).toBeUndefined();
    expect(p?.frameUrl).toBeUndefined();
    expect(p?.url).toBeUndefined();
  });
});

describe('pluginCommands.approve', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('sends the id, the hash and the granted capabilities', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      expect(url).toBe('/api/call/ApprovePlugin');
      bodies.push(JSON.parse(String(init.body)));
      return Promise.resolve(new Response(JSON.stringify([{ ...base, state: 'enabled', requested: { read: ['pods'] }, granted: { read: ['pods'] } }]), { status: 200 }));
    });
    const list = await pluginCommands.approve('p', 'h', { read: ['pods'] });
    expect(bodies).toEqual([['p', 'h', { read: ['pods'] }]]);
    expect(list[0]?.granted).toEqual({ read: ['pods'] });
  });
});

describe('defaultGrant', () => {
  it('grants what is asked except Secret values, and copies', () => {
    const requested = { read: ['secrets', 'pods'], write: { configmaps: ['apply'] }, secretValues: true, logs: true, network: ['https://a.example'] };
    const grant = defaultGrant(requested);
    expect(grant).toEqual({ read: ['secrets', 'pods'], write: { configmaps: ['apply'] }, logs: true, network: ['https://a.example'] });
    grant.read?.push('nodes');
    expect(requested.read).toEqual(['secrets', 'pods']);
  });
});
