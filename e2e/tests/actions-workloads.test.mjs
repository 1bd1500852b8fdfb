// Issue 5, workload and node actions as the admin: scale, rollout restart,
// rollout history and undo, CronJob suspend/resume and run now, cordon and
// uncordon, and a drain blocked by a PodDisruptionBudget that completes once
// the PDB is deleted. kubectl is the oracle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';
import { action, field } from './actions-lib.mjs';

const C = encodeURIComponent(cluster().contexts.admin);
let serve;
let browser;

before(async () => {
  serve = await startServe();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
});

async function details(page, path, name) {
  await page.goto(`${serve.base}/#/c/${C}/r/${path}`);
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 15000 });
}

const status = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 10000 });

test('scale, restart, rollout history and undo of a Deployment', async () => {
  const page = await openApp(browser, serve);
  await details(page, 'apps/v1/deployments/team-a/web', 'web');

  await action(page, 'Scale').click();
  const scale = page.getByRole('dialog', { name: 'Scale Deployment web' });
  await scale.getByRole('spinbutton', { name: 'Replicas' }).fill('5');
  await scale.getByRole('button', { name: 'Scale', exact: true }).click();
  await status(page, 'Scaled Deployment web to 5');
  assert.equal(field(['deployment', 'web', '-n', 'team-a'], '.spec.replicas'), '5');

  await action(page, 'Restart').click();
  await page.getByRole('alertdialog', { name: 'Restart Deployment web?' }).getByRole('button', { name: 'Restart', exact: true }).click();
  await status(page, 'Restarting Deployment web');
  assert.match(field(['deployment', 'web', '-n', 'team-a'], '.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt'), /^\d{4}-/);
  await eventually(() => field(['deployment', 'web', '-n', 'team-a'], '.metadata.annotations.deployment\\.kubernetes\\.io/revision') === '2', {
    timeout: 15000,
    what: 'revision 2',
  });

  await action(page, 'Rollout history').click();
  const history = page.getByRole('dialog', { name: 'Rollout history of web' });
  const table = history.getByRole('table', { name: 'Revisions' });
  await table.waitFor({ timeout: 10000 });
  assert.equal(await table.getByRole('row').count(), 3, 'two revisions');
  assert.match(await table.getByRole('row').nth(1).innerText(), /2 \(current\)/);
  await screenshot(page, 'actions-rollout-history');
  await history.getByRole('button', { name: 'Roll back to 1' }).click();
  await history.waitFor({ state: 'detached', timeout: 10000 });
  await eventually(() => field(['deployment', 'web', '-n', 'team-a'], '.metadata.annotations.deployment\\.kubernetes\\.io/revision') === '3', {
    timeout: 15000,
    what: 'revision 3 (the undo)',
  });
  assert.equal(field(['deployment', 'web', '-n', 'team-a'], '.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt'), '', 'template of revision 1');
  await page.context().close();
});

test('a CronJob is suspended, resumed and run now', async () => {
  const page = await openApp(browser, serve);
  await details(page, 'batch/v1/cronjobs/team-b/report', 'report');
  await action(page, 'Suspend').click();
  await page.getByRole('alertdialog', { name: 'Suspend CronJob report?' }).getByRole('button', { name: 'Suspend', exact: true }).click();
  await status(page, 'Suspended CronJob report');
  assert.equal(field(['cronjob', 'report', '-n', 'team-b'], '.spec.suspend'), 'true');

  // The button follows the live object.
  await action(page, 'Resume').click();
  await page.getByRole('alertdialog', { name: 'Resume CronJob report?' }).getByRole('button', { name: 'Resume', exact: true }).click();
  await status(page, 'Resumed CronJob report');
  assert.equal(field(['cronjob', 'report', '-n', 'team-b'], '.spec.suspend'), 'false');

  await action(page, 'Run now').click();
  await page.getByRole('alertdialog', { name: 'Run CronJob report now?' }).getByRole('button', { name: 'Run now', exact: true }).click();
  await status(page, 'Created Job report-');
  const jobs = kubectl(['get', 'jobs', '-n', 'team-b', '-o', 'jsonpath={.items[*].metadata.ownerReferences[0].name}']);
  assert.match(jobs, /report/);
  await page.context().close();
});

test('a node is cordoned and uncordoned', async () => {
  const page = await openApp(browser, serve);
  await details(page, 'core/v1/nodes/_/kwok-node-2', 'kwok-node-2');
  await action(page, 'Cordon').click();
  await page.getByRole('alertdialog', { name: 'Cordon node kwok-node-2?' }).getByRole('button', { name: 'Cordon', exact: true }).click();
  await status(page, 'Cordoned node kwok-node-2');
  assert.equal(field(['node', 'kwok-node-2'], '.spec.unschedulable'), 'true');
  await action(page, 'Uncordon').click();
  await page.getByRole('alertdialog', { name: 'Uncordon node kwok-node-2?' }).getByRole('button', { name: 'Uncordon', exact: true }).click();
  await status(page, 'Uncordoned node kwok-node-2');
  assert.equal(field(['node', 'kwok-node-2'], '.spec.unschedulable'), '');
  await page.context().close();
});

test('a drain blocked by a PodDisruptionBudget waits, shows why, and completes once the PDB is deleted', async () => {
  const node = 'kwok-node-3';
  kubectl(['create', 'namespace', 'drain-test']);
  kubectl(['apply', '-f', '-'], {
    input: `apiVersion: apps/v1
kind: Deployment
metadata: {name: guarded, namespace: drain-test}
spec:
  replicas: 1
  selector: {matchLabels: {app: guarded}}
  template:
    metadata: {labels: {app: guarded}}
    spec:
      nodeSelector: {kubernetes.io/hostname: ${node}}
      terminationGracePeriodSeconds: 0
      containers: [{name: c, image: "busybox:1.36"}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: guarded, namespace: drain-test}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: guarded}}
`,
  });
  await eventually(() => field(['pods', '-n', 'drain-test', '-l', 'app=guarded'], '.items[0].status.phase') === 'Running', {
    timeout: 30000,
    what: 'guarded pod running',
  });
  const pod = field(['pods', '-n', 'drain-test', '-l', 'app=guarded'], '.items[0].metadata.name');

  const page = await openApp(browser, serve);
  await details(page, `core/v1/nodes/_/${node}`, node);
  await action(page, 'Drain').click();
  const dialog = page.getByRole('dialog', { name: `Drain node ${node}` });
  await dialog.getByRole('button', { name: 'Drain', exact: true }).click();
  const progress = dialog.getByRole('list', { name: 'Drain progress' });
  await progress.getByText(`Node ${node} cordoned`).waitFor({ timeout: 10000 });
  await progress.getByText(/disruption budget/).first().waitFor({ timeout: 20000 });
  await dialog.getByRole('button', { name: 'Cancel drain' }).waitFor();
  await screenshot(page, 'actions-drain-blocked');
  assert.equal(field(['node', node], '.spec.unschedulable'), 'true');
  assert.equal(field(['pod', pod, '-n', 'drain-test'], '.metadata.name'), pod, 'the PDB keeps the pod');

  kubectl(['delete', 'pdb', 'guarded', '-n', 'drain-test']);
  await progress.getByText(new RegExp(`Evicted drain-test/${pod}`)).waitFor({ timeout: 30000 });
  await dialog.getByRole('button', { name: 'Drain again' }).waitFor({ timeout: 30000 });
  assert.equal(await progress.locator('.ok-text').count() > 0, true, 'the drain finished');
  await screenshot(page, 'actions-drain-done');
  // What kubectl calls drained: only DaemonSet pods are left on the node.
  const left = kubectl(['get', 'pods', '-A', '--field-selector', `spec.nodeName=${node}`, '-o', 'jsonpath={range .items[*]}{.metadata.ownerReferences[0].kind}{" "}{end}']).trim();
  for (const k of left.split(/\s+/).filter(Boolean)) assert.equal(k, 'DaemonSet', `left on the node: ${left}`);
  await page.context().close();
});

test('a drain is stopped cleanly by Cancel: the node stays cordoned and the pod stays', async () => {
  const node = 'kwok-node-1';
  kubectl(['apply', '-f', '-'], {
    input: `apiVersion: apps/v1
kind: Deployment
metadata: {name: held, namespace: drain-test}
spec:
  replicas: 1
  selector: {matchLabels: {app: held}}
  template:
    metadata: {labels: {app: held}}
    spec:
      nodeSelector: {kubernetes.io/hostname: ${node}}
      containers: [{name: c, image: "busybox:1.36"}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: held, namespace: drain-test}
spec:
  maxUnavailable: 0
  selector: {matchLabels: {app: held}}
`,
  });
  await eventually(() => field(['pods', '-n', 'drain-test', '-l', 'app=held'], '.items[0].status.phase') === 'Running', { timeout: 30000, what: 'held pod running' });
  const pod = field(['pods', '-n', 'drain-test', '-l', 'app=held'], '.items[0].metadata.name');
  const page = await openApp(browser, serve, { colorScheme: 'light' });
  await details(page, `core/v1/nodes/_/${node}`, node);
  await action(page, 'Drain').click();
  const dialog = page.getByRole('dialog', { name: `Drain node ${node}` });
  await dialog.getByRole('button', { name: 'Drain', exact: true }).click();
  await dialog.getByRole('list', { name: 'Drain progress' }).getByText(/disruption budget/).first().waitFor({ timeout: 20000 });
  await dialog.getByRole('button', { name: 'Cancel drain' }).click();
  await dialog.getByText('Drain cancelled: the node stays cordoned.').waitFor();
  await screenshot(page, 'actions-drain-cancelled-light');
  assert.equal(field(['node', node], '.spec.unschedulable'), 'true');
  assert.equal(field(['pod', pod, '-n', 'drain-test'], '.metadata.name'), pod);
  await page.context().close();
});
