// Kubedeck example plugin: the images of a workload and their registries,
// in the details view of pods, deployments, stateful sets, daemon sets,
// replica sets, jobs and cron jobs. Plain ES module, no build step.

export const KINDS = [
  { group: '', resource: 'pods' },
  { group: 'apps', resource: 'deployments' },
  { group: 'apps', resource: 'statefulsets' },
  { group: 'apps', resource: 'daemonsets' },
  { group: 'apps', resource: 'replicasets' },
  { group: 'batch', resource: 'jobs' },
  { group: 'batch', resource: 'cronjobs' },
];

/** The pod spec of a pod or a workload. */
export function podSpec(object) {
  const kind = object?.kind;
  if (kind === 'Pod') return object.spec ?? {};
  if (kind === 'CronJob') return object.spec?.jobTemplate?.spec?.template?.spec ?? {};
  return object?.spec?.template?.spec ?? {};
}

/**
 * Splits an image reference as container runtimes do: the first path
 * component is a registry when it has a "." or ":" or is "localhost";
 * otherwise the image is on Docker Hub (docker.io), "library/" for
 * single-name images.
 */
export function parseImage(image) {
  let rest = String(image);
  let digest = '';
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  let registry = 'docker.io';
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    rest = rest.slice(slash + 1);
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  return { registry, repository: rest, tag: tag || (digest ? '' : 'latest'), digest };
}

/** One row per container: its name, whether it is an init container, the image and its parts. */
export function imageRows(object) {
  const spec = podSpec(object);
  const rows = [];
  for (const [list, init] of [[spec.initContainers, true], [spec.containers, false]]) {
    for (const c of list ?? []) rows.push({ container: String(c.name ?? ''), init, image: String(c.image ?? ''), ...parseImage(c.image ?? '') });
  }
  return rows;
}

/** The section's content for the rows (React is the host's). */
export function renderImages(React, rows) {
  const h = React.createElement;
  if (rows.length === 0) return h('p', null, 'No containers.');
  const registries = [...new Set(rows.map((r) => r.registry))];
  return h(
    'div',
    null,
    h('p', null, `Registries: ${registries.join(', ')}`),
    h(
      'table',
      { className: 'plain-table', 'aria-label': 'Container images' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Container'), h('th', { scope: 'col' }, 'Image'), h('th', { scope: 'col' }, 'Registry'))),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h('tr', { key: `${r.init ? 'init:' : ''}${r.container}` }, h('td', null, r.init ? `${r.container} (init)` : r.container), h('td', { className: 'mono' }, r.image), h('td', null, r.registry)),
        ),
      ),
    ),
  );
}

/** @param {import('../types/kubedeck-plugin-api-v1').KubedeckPluginAPI} kd */
export default function activate(kd) {
  const { React } = kd;
  const ImagesSection = ({ object }) => renderImages(React, imageRows(object));
  for (const kind of KINDS) kd.registerDetailsSection({ kind, title: 'Images', component: ImagesSection });
}
