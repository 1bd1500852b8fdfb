// Test data for the Helm views: the devcluster's seeded releases (shop with a
// failed third revision, legacy-cron in the configmap driver, metrics-agent in platform).
import type { HelmDetails, HelmRelease, HelmRevisionContent } from '../../api/types';

export const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

export function release(over: Partial<HelmRelease> & { name: string }): HelmRelease {
  return {
    namespace: 'team-a',
    revision: 1,
    status: 'deployed',
    chart: over.name,
    chartVersion: '1.0.0',
    appVersion: '1.0',
    updated: ago(2 * HOUR),
    description: 'Install complete',
    driver: 'secret',
    revisions: 1,
    ...over,
  };
}

export const shop = release({ name: 'shop', revision: 3, status: 'failed', chart: 'shop', chartVersion: '1.2.0', appVersion: '2.4.1', revisions: 3, updated: ago(HOUR), description: 'Upgrade "shop" failed' });
export const legacyCron = release({ name: 'legacy-cron', driver: 'configmap', chart: 'cron', chartVersion: '0.3.0', appVersion: '0.3', updated: ago(30 * HOUR) });
export const metricsAgent = release({ name: 'metrics-agent', namespace: 'platform', revision: 2, revisions: 2, chart: 'metrics-agent', chartVersion: '2.0.1', appVersion: '5.1.0', updated: ago(3 * HOUR) });

export const SEEDED = [shop, legacyCron, metricsAgent];

const manifest = (replicas: number, image: string) =>
  `---\n# Source: shop/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  replicas: ${replicas}\n  template:\n    spec:\n      containers:\n      - name: shop\n        image: ${image}\n`;

export function revision(n: number): HelmRevisionContent {
  const replicas = n;
  return { revision: n, values: `replicas: ${replicas}\n`, allValues: `image: shop:${n}\nreplicas: ${replicas}\n`, manifest: manifest(replicas, `shop:2.4.${n - 1}`), notes: `Shop revision ${n}` };
}

export function shopDetails(over: Partial<HelmDetails> = {}): HelmDetails {
  return {
    release: shop,
    firstDeployed: ago(48 * HOUR),
    notes: 'Visit http://shop.team-a.svc',
    values: 'replicas: 3\n',
    allValues: 'image: shop:3\nreplicas: 3\n',
    manifest: manifest(3, 'shop:2.4.2'),
    objects: [{ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'team-a', name: 'shop', source: 'shop/templates/deployment.yaml' }],
    hooks: [],
    history: [
      { revision: 3, status: 'failed', chart: 'shop', chartVersion: '1.2.0', appVersion: '2.4.1', updated: ago(HOUR), description: 'Upgrade "shop" failed' },
      { revision: 2, status: 'deployed', chart: 'shop', chartVersion: '1.2.0', appVersion: '2.4.1', updated: ago(5 * HOUR), description: 'Upgrade complete' },
      { revision: 1, status: 'superseded', chart: 'shop', chartVersion: '1.1.0', appVersion: '2.4.0', updated: ago(48 * HOUR), description: 'Install complete' },
    ],
    hasSchema: true,
    chartValues: 'replicas: 1\nimage: shop\n',
    ...over,
  };
}
