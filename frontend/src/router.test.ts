import { describe, expect, it } from 'vitest';
import { detailsRoute, helmReleaseRoute, helmRoute, listRoute, parseHash, routeContext, routeHash, type Route } from './router';

const pods = { group: '', version: 'v1', resource: 'pods' };

describe('router', () => {
  it.each([
    'arn:aws:eks:eu-west-1:123:cluster/prod',
    'me@corp',
    'ünïcode ctx',
    'gke_project_europe-west1_cluster-1',
    'with?query#hash&and=equals%percent',
    'a/b/c',
  ])('round-trips the context %s', (context) => {
    const route = listRoute(context, pods, 'team-a');
    const hash = routeHash(route);
    expect(hash.startsWith('#/c/')).toBe(true);
    // One path segment for the context whatever it holds.
    expect(hash.split('?')[0]?.split('/')).toHaveLength(7);
    expect(parseHash(hash)).toEqual(route);
  });

  it('writes the core group as "core" and omits ns for all namespaces', () => {
    expect(routeHash(listRoute('kind-kind', pods, ''))).toBe('#/c/kind-kind/r/core/v1/pods');
    expect(routeHash(listRoute('kind-kind', { group: 'apps', version: 'v1', resource: 'deployments' }, 'team-a'))).toBe(
      '#/c/kind-kind/r/apps/v1/deployments?ns=team-a',
    );
  });

  it('parses the documented shapes', () => {
    expect(parseHash('')).toEqual({ name: 'home' });
    expect(parseHash('#/')).toEqual({ name: 'home' });
    expect(parseHash('#/c/arn%3Aaws%3Aeks%3Aeu-west-1%3A123%3Acluster%2Fprod')).toEqual({
      name: 'context',
      context: 'arn:aws:eks:eu-west-1:123:cluster/prod',
    });
    expect(parseHash('#/c/me%40corp/r/cert-manager.io/v1/certificates?ns=')).toEqual({
      name: 'list',
      context: 'me@corp',
      gvr: { group: 'cert-manager.io', version: 'v1', resource: 'certificates' },
      namespace: '',
    });
    expect(parseHash('#/c/x/r/core/v1/pods?foo=1&ns=kube-system')).toMatchObject({ namespace: 'kube-system' });
  });

  it('refuses malformed routes', () => {
    expect(parseHash('#/nope').name).toBe('notFound');
    expect(parseHash('#/c/%E0%A4%A/r/core/v1/pods').name).toBe('notFound');
    expect(parseHash('#/c/x/r/core/v1').name).toBe('notFound');
    expect(parseHash('#/c/x/r/core/v1/pods/extra').name).toBe('notFound');
  });

  it('round-trips a details route that opens a section (?tab=)', () => {
    const d = detailsRoute('a:b/c', { group: '', version: 'v1', resource: 'pods' }, 'team-a', 'web-1', 'logs');
    expect(routeHash(d)).toBe('#/c/a%3Ab%2Fc/r/core/v1/pods/team-a/web-1?tab=logs');
    expect(parseHash(routeHash(d))).toStrictEqual(d);
    expect(parseHash('#/c/k/r/core/v1/pods/team-a/web-1')).toStrictEqual(detailsRoute('k', { group: '', version: 'v1', resource: 'pods' }, 'team-a', 'web-1'));
  });

  it('round-trips details routes, cluster-scoped ones with "_" for the namespace', () => {
    const ctx = 'arn:aws:eks:eu-west-1:123:cluster/prod ü@x';
    const d = detailsRoute(ctx, { group: 'apps', version: 'v1', resource: 'deployments' }, 'team-a', 'web');
    expect(routeHash(d)).toBe(`#/c/${encodeURIComponent(ctx)}/r/apps/v1/deployments/team-a/web`);
    expect(parseHash(routeHash(d))).toEqual(d);
    const n = detailsRoute('k', { group: '', version: 'v1', resource: 'nodes' }, '', 'node-1');
    expect(routeHash(n)).toBe('#/c/k/r/core/v1/nodes/_/node-1');
    expect(parseHash(routeHash(n))).toEqual(n);
    expect(parseHash('#/c/k/overview')).toEqual({ name: 'overview', context: 'k' });
    expect(parseHash('#/c/k/r/core/v1/pods/a/b/c').name).toBe('notFound');
  });

  it('round-trips the Access page of any context', () => {
    const ctx = 'arn:aws:eks:eu-west-1:123:cluster/prod ü@x';
    const route: Route = { name: 'access', context: ctx };
    expect(routeHash(route)).toBe(`#/c/${encodeURIComponent(ctx)}/access`);
    expect(parseHash(routeHash(route))).toStrictEqual(route);
    expect(parseHash('#/c/k/access')).toStrictEqual({ name: 'access', context: 'k' });
    expect(routeContext(route)).toBe(ctx);
    expect(parseHash('#/c/k/access/extra').name).toBe('notFound');
  });

  it('round-trips the Helm pages: the releases of some namespaces, one release with its driver and tab', () => {
    const ctx = 'arn:aws:eks:eu-west-1:123:cluster/prod ü@x';
    const all = helmRoute(ctx, '');
    expect(routeHash(all)).toBe(`#/c/${encodeURIComponent(ctx)}/helm`);
    expect(parseHash(routeHash(all))).toStrictEqual(all);
    const some = helmRoute('k', 'team-a,platform');
    expect(routeHash(some)).toBe('#/c/k/helm?ns=team-a%2Cplatform');
    expect(parseHash(routeHash(some))).toStrictEqual(some);
    const shop = helmReleaseRoute('k', 'team-a', 'shop');
    expect(routeHash(shop)).toBe('#/c/k/helm/team-a/shop');
    expect(parseHash(routeHash(shop))).toStrictEqual({ name: 'helmRelease', context: 'k', namespace: 'team-a', release: 'shop' });
    // The secret driver is Helm's default and left out.
    expect(helmReleaseRoute('k', 'team-a', 'shop', 'secret')).toStrictEqual(shop);
    const cron = helmReleaseRoute(ctx, 'team-a', 'legacy-cron', 'configmap', 'history');
    expect(routeHash(cron)).toBe(`#/c/${encodeURIComponent(ctx)}/helm/team-a/legacy-cron?driver=configmap&tab=history`);
    expect(parseHash(routeHash(cron))).toStrictEqual(cron);
    expect(routeContext(cron)).toBe(ctx);
    expect(parseHash('#/c/k/helm/team-a').name).toBe('notFound');
    expect(parseHash('#/c/k/helm/team-a/shop/extra').name).toBe('notFound');
  });

  it('knows the context of every route that has one', () => {
    expect(routeContext({ name: 'home' })).toBeNull();
    expect(routeContext({ name: 'notFound', path: '/x' })).toBeNull();
    expect(routeContext({ name: 'overview', context: 'a' })).toBe('a');
    expect(routeContext({ name: 'plugin', context: 'b', plugin: 'p', path: 'x' })).toBe('b');
  });
});
