import assert from 'node:assert/strict';
import { test } from 'node:test';
import activate, { KINDS, imageRows, parseImage, podSpec } from '../workload-images/main.js';
import { fakeApi, findAll, text } from './fake.mjs';

test('image references split into registry, repository, tag and digest', () => {
  assert.deepEqual(parseImage('nginx'), { registry: 'docker.io', repository: 'library/nginx', tag: 'latest', digest: '' });
  assert.deepEqual(parseImage('nginx:1.27'), { registry: 'docker.io', repository: 'library/nginx', tag: '1.27', digest: '' });
  assert.deepEqual(parseImage('bitnami/redis:7'), { registry: 'docker.io', repository: 'bitnami/redis', tag: '7', digest: '' });
  assert.deepEqual(parseImage('registry.k8s.io/pause:3.10'), { registry: 'registry.k8s.io', repository: 'pause', tag: '3.10', digest: '' });
  assert.deepEqual(parseImage('localhost:5000/team/app:dev'), { registry: 'localhost:5000', repository: 'team/app', tag: 'dev', digest: '' });
  assert.deepEqual(parseImage('localhost/app'), { registry: 'localhost', repository: 'app', tag: 'latest', digest: '' });
  assert.deepEqual(parseImage('ghcr.io/o/app@sha256:abc'), { registry: 'ghcr.io', repository: 'o/app', tag: '', digest: 'sha256:abc' });
});

test('the pod spec is found in pods, workloads and cron jobs', () => {
  const spec = { containers: [{ name: 'c', image: 'x' }] };
  assert.equal(podSpec({ kind: 'Pod', spec }), spec);
  assert.equal(podSpec({ kind: 'Deployment', spec: { template: { spec } } }), spec);
  assert.equal(podSpec({ kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec } } } } }), spec);
});

test('registers an Images section for every workload kind and renders containers with registries', () => {
  const { kd, got } = fakeApi();
  activate(kd);
  assert.deepEqual(got.sections.map((s) => s.kind), KINDS);
  assert.ok(got.sections.every((s) => s.title === 'Images'));
  const deployment = {
    kind: 'Deployment',
    spec: {
      template: {
        spec: {
          initContainers: [{ name: 'init', image: 'busybox:1.36' }],
          containers: [
            { name: 'web', image: 'registry.k8s.io/e2e-test-images/agnhost:2.39' },
            { name: 'proxy', image: 'envoyproxy/envoy:v1.31' },
          ],
        },
      },
    },
  };
  const tree = got.sections[0].component({ object: deployment });
  const rows = findAll(tree, 'tr').slice(1).map(text);
  assert.deepEqual(rows, [
    'init (init) busybox:1.36 docker.io',
    'web registry.k8s.io/e2e-test-images/agnhost:2.39 registry.k8s.io',
    'proxy envoyproxy/envoy:v1.31 docker.io',
  ]);
  assert.match(text(tree), /Registries: docker\.io, registry\.k8s\.io/);
  assert.equal(imageRows({ kind: 'Pod', spec: {} }).length, 0);
  assert.equal(text(got.sections[0].component({ object: { kind: 'Pod', spec: {} } })), 'No containers.');
});
