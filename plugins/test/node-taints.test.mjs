import assert from 'node:assert/strict';
import { test } from 'node:test';
import activate, { NODES, applyEvent, nodeRows, renderPage, taintText } from '../node-taints/main.js';
import { React, fakeApi, findAll, text } from './fake.mjs';

const node = (name, taints, unschedulable = false) => ({ kind: 'Node', metadata: { name }, spec: { taints, unschedulable } });

test('taints read as kubectl writes them', () => {
  assert.equal(taintText({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }), 'dedicated=gpu:NoSchedule');
  assert.equal(taintText({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }), 'node.kubernetes.io/unschedulable:NoSchedule');
});

test('rows are sorted by node name and mark cordoned nodes', () => {
  const rows = nodeRows([node('b', [{ key: 'k', value: 'v', effect: 'NoExecute' }], true), node('a', undefined)]);
  assert.deepEqual(rows, [
    { name: 'a', unschedulable: false, taints: [] },
    { name: 'b', unschedulable: true, taints: ['k=v:NoExecute'] },
  ]);
});

test('watch events keep the list current', () => {
  let nodes = applyEvent([], { type: 'objects', objects: [node('a', []), node('b', [])] });
  nodes = applyEvent(nodes, { type: 'modified', object: node('a', [{ key: 'x', effect: 'NoSchedule' }]) });
  nodes = applyEvent(nodes, { type: 'deleted', object: node('b', []) });
  nodes = applyEvent(nodes, { type: 'added', object: node('c', []) });
  assert.deepEqual(nodeRows(nodes).map((r) => `${r.name} ${r.taints.join(',')}`), ['a x:NoSchedule', 'c ']);
});

test('the page renders loading, error and the table', () => {
  assert.equal(text(renderPage(React, { nodes: null, error: null })), 'Loading nodes…');
  assert.match(text(renderPage(React, { nodes: null, error: 'forbidden' })), /Cannot list nodes: forbidden/);
  const tree = renderPage(React, { nodes: [node('n1', [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }]), node('n2', [])], error: null });
  assert.deepEqual(findAll(tree, 'tr').slice(1).map(text), ['n1 gpu=true:NoSchedule', 'n2 none']);
  assert.match(text(tree), /2 nodes, 1 tainted\./);
});

test('registers a page and its sidebar entry; the page follows nodes through the client', () => {
  const { kd, got } = fakeApi();
  let effect = null;
  let state;
  kd.React = {
    ...React,
    useState: (init) => [(state ??= init), (f) => (state = typeof f === 'function' ? f(state) : f)],
    useEffect: (fn) => (effect = fn),
  };
  activate(kd);
  assert.deepEqual(got.sidebar, [{ label: 'Node taints', path: 'nodes' }]);
  assert.equal(got.routes.length, 1);
  assert.equal(got.routes[0].path, 'nodes');
  let watched = null;
  let stopped = false;
  const client = {
    watch: (kind, _opts, onEvent) => {
      watched = kind;
      onEvent({ type: 'objects', objects: [node('n1', [{ key: 'a', effect: 'NoSchedule' }])] });
      return () => (stopped = true);
    },
  };
  const Page = got.routes[0].component;
  assert.equal(text(Page({ client })), 'Loading nodes…');
  const stop = effect();
  assert.deepEqual(watched, NODES);
  assert.match(text(Page({ client })), /n1 a:NoSchedule/);
  stop();
  assert.ok(stopped);
});
