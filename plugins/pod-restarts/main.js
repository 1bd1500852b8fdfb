// Kubedeck example plugin: a "Container restarts" column in pod lists.
// Plain ES module, no build step.

/** Restarts of each container of a pod (init containers too), in spec order. */
export function containerRestarts(pod) {
  const status = pod?.status ?? {};
  const all = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
  return all.map((c) => ({ name: String(c.name ?? ''), restarts: Number(c.restartCount ?? 0) }));
}

/** The column's value: the sum over the containers (null before the pod has any status). */
export function totalRestarts(pod) {
  const list = containerRestarts(pod);
  if (list.length === 0) return null;
  return list.reduce((sum, c) => sum + c.restarts, 0);
}

/** @param {import('../types/kubedeck-plugin-api-v1').KubedeckPluginAPI} kd */
export default function activate(kd) {
  kd.registerListColumn({
    kind: { group: '', resource: 'pods' },
    header: 'Container restarts',
    description: 'Restarts of all containers of the pod, init containers included.',
    value: totalRestarts,
  });
}
