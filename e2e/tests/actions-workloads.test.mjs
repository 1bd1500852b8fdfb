// Issue 5, workload and node actions as the admin: scale, rollout restart,
// rollout history and undo, CronJob suspend/resume and run now, cordon and
// uncordon, and a drain blocked by a PodDisruptionBudget that completes once
// the PDB is deleted. kubectl is the oracle. The suites share one cluster:
// everything changed here is this file's own (namespace actions-e2e, node
// kwok-node-e2e, tainted so that only these pods run there) and goes after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';
import { action, field } from './actions-lib.mjs';

const C = encodeURIComponent(cluster().contexts.admin);
const NS = 'actions-e2e';
const NODE = 'kwok-node-e2e';
let serve;
let browser;

before(async () => {
  kubectl(['apply', '-f', '-'], {
    input: `apiVersion: v1
kind: Node
metadata:
  name: ${NODE}
  annotations: {kwok.x-k8s.io/node: fake}
  labels: {type: kwok, kubernetes.io/hostname: ${NODE}, kubernetes.io/os: linux}
spec:
  taints: [{key: kubedeck.io/e2e, value: drain, effect: NoSchedule}]
status:
  capacity: {cpu: "8", memory: 32Gi, pods: "110"}
  allocatable: {cpu: "8", memory: 32Gi, pods: "110"}
---
apiVersion: v1
kind: Namespace
metadata: {name: ${NS}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: ${NS}}
spec:
  replicas: 1
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers: [{name: c, image: "busybox:1.36"}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: tick, namespace: ${NS}}
spec:
  schedule: "0 0 1 1 *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{name: tick, image: "busybox:1.36", command: ["true"]}]
`,
  });
  serve = await startServe();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
  kubectl(['delete', 'namespace', NS, '--wait=false']);
  kubectl(['delete', 'node', NODE, '--wait=false']);
});

/** A Deployment of one pod on the e2e node, guarded by a PodDisruptionBudget. */
const guarded = (name, budget) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${NS}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      nodeSelector: {kubernetes.io/hostname: ${NODE}}
      tolerations: [{key: kubedeck.io/e2e, operator: Exists}]
      terminationGracePeriodSeconds: 0
      containers: [{name: c, image: "busybox:1.36"}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${name}, namespace: ${NS}}
spec:
  ${budget}
  selector: {matchLabels: {app: ${name}}}
`;

async function details(page, path, name) {
  await page.goto(`${serve.base}/#/c/${C}/r/${path}`);
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 15000 });
}

const status = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 10000 });

test('scale, restart, rollout history and undo of a Deployment', async () => {
  const page = await openApp(browser, serve);
  await details(page, `apps/v1/deployments/${NS}/app`, 'app');

  await action(page, 'Scale').click();
  const scale = page.getByRole('dialog', { name: 'Scale Deployment app' });
  await scale.getByRole('spinbutton', { name: 'Replicas' }).fill('5');
  await scale.getByRole('button', { name: 'Scale', exact: true }).click();
  await status(page, 'Scaled Deployment app to 5');
  assert.equal(field(['deployment', 'app', '-n', NS], '.spec.replicas'), '5');

  await action(page, 'Restart').click();
  await page.getByRole('alertdialog', { name: 'Restart Deployment app?' }).getByRole('button', { name: 'Restart', exact: true }).click();
  await status(page, 'Restarting Deployment app');
  assert.match(field(['deployment', 'app', '-n', NS], '.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt'), /^\d{4}-/);
  await eventually(() => field(['deployment', 'app', '-n', NS], '.metadata.annotations.deployment\\.kubernetes\\.io/revision') === '2', {
    timeout: 15000,
    what: 'revision 2',
  });

  await action(page, 'Rollout history').click();
  const history = page.getByRole('dialog', { name: 'Rollout history of app' });
  const table = history.getByRole('table', { name: 'Revisions' });
  await table.waitFor({ timeout: 10000 });
  assert.equal(await table.getByRole('row').count(), 3, 'two revisions');
  assert.match(await table.getByRole('row').nth(1).innerText(), /2 \(current\)/);
  await screenshot(page, 'actions-rollout-history');
  await history.getByRole('button', { name: 'Roll back to 1' }).click();
  await history.waitFor({ state: 'detached', timeout: 10000 });
  await eventually(() => field(['deployment', 'app', '-n', NS], '.metadata.annotations.deployment\\.kubernetes\\.io/revision') === '3', {
    timeout: 15000,
    what: 'revision 3 (the undo)',
  });
  assert.equal(field(['deployment', 'app', '-n', NS], '.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt'), '', 'template of revision 1');
  await page.context().close();
});

test('a CronJob is suspended, resumed and run now', async () => {
  const page = await openApp(browser, serve);
  await details(page, `batch/v1/cronjobs/${NS}/tick`, 'tick');
  await action(page, 'Suspend').click();
  await page.getByRole('alertdialog', { name: 'Suspend CronJob tick?' }).getByRole('button', { name: 'Suspend', exact: true }).click();
  await status(page, 'Suspended CronJob tick');
  assert.equal(field(['cronjob', 'tick', '-n', NS], '.spec.suspend'), 'true');

  // The button follows the live object.
  await action(page, 'Resume').click();
  await page.getByRole('alertdialog', { name: 'Resume CronJob tick?' }).getByRole('button', { name: 'Resume', exact: true }).click();
  await status(page, 'Resumed CronJob tick');
  assert.equal(field(['cronjob', 'tick', '-n', NS], '.spec.suspend'), 'false');

  await action(page, 'Run now').click();
  await page.getByRole('alertdialog', { name: 'Run CronJob tick now?' }).getByRole('button', { name: 'Run now', exact: true }).click();
  await status(page, 'Created Job tick-');
  const jobs = kubectl(['get', 'jobs', '-n', NS, '-o', 'jsonpath={.items[*].metadata.ownerReferences[0].name}']);
  assert.equal(jobs.trim(), 'tick', 'one Job, owned by the CronJob');
  await page.context().close();
});

test('a node is cordoned and uncordoned', async () => {
  const page = await openApp(browser, serve);
  await details(page, `core/v1/nodes/_/${NODE}`, NODE);
  await action(page, 'Cordon').click();
  await page.getByRole('alertdialog', { name: `Cordon node ${NODE}?` }).getByRole('button', { name: 'Cordon', exact: true }).click();
  await status(page, `Cordoned node ${NODE}`);
  assert.equal(field(['node', NODE], '.spec.unschedulable'), 'true');
  await action(page, 'Uncordon').click();
  await page.getByRole('alertdialog', { name: `Uncordon node ${NODE}?` }).getByRole('button', { name: 'Uncordon', exact: true }).click();
  await status(page, `Uncordoned node ${NODE}`);
  assert.equal(field(['node', NODE], '.spec.unschedulable'), '');
  await page.context().close();
});

test('a drain blocked by a PodDisruptionBudget waits, shows why, and completes once the PDB is deleted', async () => {
  kubectl(['apply', '-f', '-'], { input: guarded('guarded', 'minAvailable: 1') });
  await eventually(() => field(['pods', '-n', NS, '-l', 'app=guarded'], '.items[0].status.phase') === 'Running', {
    timeout: 30000,
    what: 'guarded pod running',
  });
  const pod = field(['pods', '-n', NS, '-l', 'app=guarded'], '.items[0].metadata.name');

  const page = await openApp(browser, serve);
  await details(page, `core/v1/nodes/_/${NODE}`, NODE);
  await action(page, 'Drain').click();
  const dialog = page.getByRole('dialog', { name: `Drain node ${NODE}` });
  await dialog.getByRole('button', { name: 'Drain', exact: true }).click();
  const progress = dialog.getByRole('list', { name: 'Drain progress' });
  await progress.getByText(`Node ${NODE} cordoned`).waitFor({ timeout: 10000 });
  await progress.getByText(`1 pod to evict: ${NS}/${pod}`).waitFor();
  await progress.getByText(/disruption budget/).first().waitFor({ timeout: 20000 });
  await dialog.getByRole('button', { name: 'Cancel drain' }).waitFor();
  await screenshot(page, 'actions-drain-blocked');
  assert.equal(field(['node', NODE], '.spec.unschedulable'), 'true');
  assert.equal(field(['pod', pod, '-n', NS], '.metadata.name'), pod, 'the PDB keeps the pod');

  kubectl(['delete', 'pdb', 'guarded', '-n', NS]);
  await progress.getByText(`Evicted ${NS}/${pod}`).waitFor({ timeout: 30000 });
  await progress.getByText(`${NODE} is drained`).waitFor({ timeout: 30000 });
  await dialog.getByRole('button', { name: 'Drain again' }).waitFor();
  await screenshot(page, 'actions-drain-done');
  assert.equal(kubectl(['get', 'pods', '-A', '--field-selector', `spec.nodeName=${NODE}`, '-o', 'name']).trim(), '', 'nothing left on the node');
  await page.context().close();
  kubectl(['delete', 'deployment', 'guarded', '-n', NS]);
  kubectl(['uncordon', NODE]);
});

test('a drain is stopped cleanly by Cancel: the node stays cordoned and the pod stays', async () => {
  kubectl(['apply', '-f', '-'], { input: guarded('held', 'maxUnavailable: 0') });
  await eventually(() => field(['pods', '-n', NS, '-l', 'app=held'], '.items[0].status.phase') === 'Running', { timeout: 30000, what: 'held pod running' });
  const pod = field(['pods', '-n', NS, '-l', 'app=held'], '.items[0].metadata.name');
  const page = await openApp(browser, serve, { colorScheme: 'light' });
  await details(page, `core/v1/nodes/_/${NODE}`, NODE);
  await action(page, 'Drain').click();
  const dialog = page.getByRole('dialog', { name: `Drain node ${NODE}` });
  await dialog.getByRole('button', { name: 'Drain', exact: true }).click();
  await dialog.getByRole('list', { name: 'Drain progress' }).getByText(/disruption budget/).first().waitFor({ timeout: 20000 });
  await dialog.getByRole('button', { name: 'Cancel drain' }).click();
  await dialog.getByText('Drain cancelled: the node stays cordoned.').waitFor();
  await screenshot(page, 'actions-drain-cancelled-light');
  assert.equal(field(['node', NODE], '.spec.unschedulable'), 'true');
  assert.equal(field(['pod', pod, '-n', NS], '.metadata.name'), pod);
  await page.context().close();
  kubectl(['uncordon', NODE]);
});
