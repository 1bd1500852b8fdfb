import assert from 'node:assert/strict';
import { test } from 'node:test';
import activate, { containerRestarts, totalRestarts } from '../pod-restarts/main.js';
import { fakeApi } from './fake.mjs';

const pod = {
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop' },
  status: {
    initContainerStatuses: [{ name: 'migrate', restartCount: 1 }],
    containerStatuses: [
      { name: 'app', restartCount: 4 },
      { name: 'sidecar', restartCount: 0 },
    ],
  },
};

test('registers one column for pods', () => {
  const { kd, got } = fakeApi();
  activate(kd);
  assert.equal(got.columns.length, 1);
  assert.deepEqual(got.columns[0].kind, { group: '', resource: 'pods' });
  assert.equal(got.columns[0].header, 'Container restarts');
  assert.equal(got.columns[0].value(pod), 5);
});

test('counts every container, init containers included', () => {
  assert.deepEqual(containerRestarts(pod), [
    { name: 'migrate', restarts: 1 },
    { name: 'app', restarts: 4 },
    { name: 'sidecar', restarts: 0 },
  ]);
  assert.equal(totalRestarts(pod), 5);
});

test('a pod without container statuses yet shows nothing, one that never restarted shows 0', () => {
  assert.equal(totalRestarts({ kind: 'Pod', status: { phase: 'Pending' } }), null);
  assert.equal(totalRestarts({}), null);
  assert.equal(totalRestarts({ status: { containerStatuses: [{ name: 'a', restartCount: 0 }] } }), 0);
});
