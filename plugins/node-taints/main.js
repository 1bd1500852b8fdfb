// Kubedeck example plugin: a "Node taints" page (and its sidebar entry)
// listing every node with its taints, following changes live.
// Plain ES module, no build step.

export const NODES = { group: '', version: 'v1', resource: 'nodes' };

/** "key=value:Effect" as kubectl taint writes it ("key:Effect" without a value). */
export function taintText(t) {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** One row per node, sorted by name. */
export function nodeRows(nodes) {
  return nodes
    .map((n) => ({
      name: String(n.metadata?.name ?? ''),
      unschedulable: n.spec?.unschedulable === true,
      taints: (n.spec?.taints ?? []).map(taintText),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Applies one watch event to the list of nodes. */
export function applyEvent(nodes, e) {
  if (e.type === 'objects') return e.objects;
  if (e.type === 'error') return nodes;
  const name = e.object.metadata?.name;
  const rest = nodes.filter((n) => n.metadata?.name !== name);
  return e.type === 'deleted' ? rest : [...rest, e.object];
}

/** The page for a state: { nodes: null | [...], error: string | null }. */
export function renderPage(React, state) {
  const h = React.createElement;
  const error = state.error ? h('p', { role: 'alert' }, `Cannot list nodes: ${state.error}`) : null;
  if (state.nodes === null) return h('div', null, error, error ? null : h('p', { role: 'status' }, 'Loading nodes…'));
  const rows = nodeRows(state.nodes);
  return h(
    'div',
    null,
    error,
    h('p', null, `${rows.length} node${rows.length === 1 ? '' : 's'}, ${rows.filter((r) => r.taints.length > 0).length} tainted.`),
    h(
      'table',
      { className: 'plain-table', 'aria-label': 'Nodes and their taints' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Node'), h('th', { scope: 'col' }, 'Taints'))),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h(
            'tr',
            { key: r.name },
            h('td', null, r.name, r.unschedulable ? ' (cordoned)' : ''),
            h('td', { className: 'mono' }, r.taints.length ? r.taints.join(', ') : 'none'),
          ),
        ),
      ),
    ),
  );
}

/** @param {import('../types/kubedeck-plugin-api-v1').KubedeckPluginAPI} kd */
export default function activate(kd) {
  const { React } = kd;
  function NodeTaints({ client }) {
    const [state, setState] = React.useState({ nodes: null, error: null });
    React.useEffect(
      () =>
        client.watch(NODES, {}, (e) =>
          setState((s) => ({ nodes: e.type === 'error' ? s.nodes : applyEvent(s.nodes ?? [], e), error: e.type === 'error' ? e.message : null })),
        ),
      [client],
    );
    return renderPage(React, state);
  }
  kd.registerRoute({ path: 'nodes', title: 'Node taints', component: NodeTaints });
  kd.registerSidebarEntry({ label: 'Node taints', path: 'nodes' });
}
