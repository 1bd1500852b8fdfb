import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { kindSummaries, summaryOf } from './kindSummaries';
import { otherSummary } from './kinds/other';
import { Summary } from './Summary';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-1',
    namespace: 'team-a',
    uid: 'u1',
    labels: { app: 'web' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-558', controller: true }],
  },
  spec: { nodeName: 'node-1', containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
  status: { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
};

const summary = (object: typeof pod | Record<string, unknown>, kind: string) => (
  <Summary context="kind-dev" gvr={{ group: '', version: 'v1', resource: `${kind.toLowerCase()}s` }} sections={[]} kind={kind} object={object} />
);

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

describe('kind summaries', () => {
  it('registers one summary per kind, and the rest show their conditions', () => {
    const kinds = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Service', 'Ingress', 'Node', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'PersistentVolume'];
    expect(kindSummaries.flatMap((s) => s.kinds).sort()).toEqual([...kinds].sort());
    for (const k of kinds) expect(summaryOf(k).kinds).toContain(k);
    expect(summaryOf('Widget')).toBe(otherSummary);
  });

  it("shows a pod's sections and the common ones", () => {
    render(summary(pod, 'Pod'));
    const containers = screen.getByRole('table', { name: 'Containers' });
    expect(within(containers).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Image', 'State', 'Ready', 'Restarts', 'Ports']);
    expect(within(containers).getByRole('row', { name: /nginx/ }).textContent).toContain('Waiting: CrashLoopBackOff');
    expect(screen.getByRole('link', { name: 'node-1' }).getAttribute('href')).toContain('node-1');
    expect(screen.getByRole('list', { name: 'Labels' }).textContent).toBe('app=web');
    expect(screen.getByText('No annotations.')).toBeTruthy();
    const owners = screen.getByRole('region', { name: 'Owners' });
    expect(within(owners).getByRole('link', { name: 'ReplicaSet web-558' })).toBeTruthy();
    expect(owners.textContent).toContain('ReplicaSet web-558 (controller)');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Pod', 'Containers', 'Labels', 'Annotations', 'Owners', 'Metadata']);
  });

  it('speaks the language chosen', async () => {
    await act(() => i18n.changeLanguage('de'));
    const { unmount } = render(summary(pod, 'Pod'));
    const containers = screen.getByRole('table', { name: 'Container' });
    expect(within(containers).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Image', 'Zustand', 'Bereit', 'Neustarts', 'Ports']);
    expect(within(containers).getByRole('row', { name: /nginx/ }).textContent).toContain('Wartet: CrashLoopBackOffNein');
    expect(screen.getByText('Keine Annotationen.')).toBeTruthy();
    unmount();
    await act(() => i18n.changeLanguage('ja'));
    render(summary({ kind: 'ConfigMap', metadata: { name: 'c' }, binaryData: { logo: 'AA==' } }, 'ConfigMap'));
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['データ', 'ラベル', 'アノテーション', 'メタデータ']);
    expect(screen.getByText('（バイナリデータ）')).toBeTruthy();
  });
});
