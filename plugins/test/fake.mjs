// A stand-in for the host in tests: an API object that records
// registrations, and a React whose createElement builds plain trees.
export const React = {
  createElement: (type, props, ...children) => ({ type, props: props ?? {}, children: children.flat(Infinity) }),
};

/** The text of a tree, as a user would read it. */
export function text(node) {
  if (node === null || node === undefined || node === false) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  return node.children.map(text).join(node.type === 'td' || node.type === 'th' ? '' : ' ').replace(/\s+/g, ' ').trim();
}

/** All elements of a type. */
export function findAll(node, type) {
  if (!node || typeof node !== 'object') return [];
  return [...(node.type === type ? [node] : []), ...node.children.flatMap((c) => findAll(c, type))];
}

export function fakeApi() {
  const got = { columns: [], sections: [], routes: [], sidebar: [], actions: [], settings: [] };
  const kd = {
    apiVersion: 1,
    plugin: { id: 'test', name: 'test', version: '0' },
    React,
    settings: { get: () => null, set: () => {} },
    registerListColumn: (c) => got.columns.push(c),
    registerDetailsSection: (s) => got.sections.push(s),
    registerRoute: (r) => got.routes.push(r),
    registerSidebarEntry: (e) => got.sidebar.push(e),
    registerAppBarAction: (a) => got.actions.push(a),
    registerSettingsPage: (p) => got.settings.push(p),
  };
  return { kd, got };
}
