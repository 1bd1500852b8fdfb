import { describe, expect, it } from 'vitest';
import { allColumns, cellVerbs, defaultColumns, grantsByVerb, isEmptyCell, matrixView, namedVerbs, rowDangers, verbLetters } from './matrix';
import { cellName, grantText, matrixName } from './text';
import { ci, col, COLUMNS, controller, developer, matrix, viewer } from './fixtures';

const letters = (cell: Parameters<typeof verbLetters>[0], c = col('pods')) => verbLetters(cell, c).map((l) => (l.named ? `(${l.letter})` : l.letter)).join('');
const view = (o: Partial<Parameters<typeof matrixView>[1]> = {}) => matrixView(matrix(), { allResources: false, showSystem: false, filter: '', ...o });
const labels = (v: ReturnType<typeof view>) => v.columns.map((c) => c.label);
const names = (v: ReturnType<typeof view>) => v.rows.map((r) => r.subject.name);

describe('columns', () => {
  it('shows the common resources the cluster serves, in the default order, one "events" (the core one)', () => {
    const d = defaultColumns(COLUMNS);
    expect(d.map((c) => c.label)).toEqual(['pods', 'pods/exec', 'pods/log', 'deployments', 'configmaps', 'secrets', 'events']);
    expect(d.find((c) => c.label === 'events')?.column.group).toBe('');
    // Each shown column keeps its index into the row's cells.
    expect(d.map((c) => COLUMNS[c.index])).toEqual(d.map((c) => c.column));
  });

  it('shows every column with "All resources", naming the group where a name is served twice', () => {
    expect(allColumns(COLUMNS).map((c) => c.label)).toEqual([
      'pods', 'pods/exec', 'pods/log', 'configmaps', 'secrets', 'deployments', 'events', 'events.events.k8s.io', 'leases',
    ]);
  });
});

describe('matrixView', () => {
  it('hides system subjects unless asked', () => {
    expect(names(view())).toEqual(['developer', 'viewer', 'ci']);
    expect(names(view({ showSystem: true }))).toContain('system:kube-controller-manager');
  });

  it('filters subjects by kind, name or namespace, keeping the columns', () => {
    const v = view({ filter: 'DEVEL' });
    expect(names(v)).toEqual(['developer']);
    expect(labels(v)).toEqual(labels(view()));
    expect(names(view({ filter: 'serviceaccount team-a' }))).toEqual(['ci']);
  });

  it('filters resources across every column (shown by default or not), keeping the subjects', () => {
    const v = view({ filter: 'lease' });
    expect(labels(v)).toEqual(['leases']);
    expect(names(v)).toEqual(['developer', 'viewer', 'ci']);
    expect(labels(view({ filter: 'pods/' }))).toEqual(['pods/exec', 'pods/log']);
  });

  it('narrows both when the filter matches a subject and a resource, and shows nothing when it matches neither', () => {
    // "c": the ServiceAccount ci, and pods/exec, configmaps, secrets.
    const both = view({ filter: 'c' });
    expect(names(both)).toEqual(['ci']);
    expect(labels(both)).toEqual(['pods/exec', 'configmaps', 'secrets']);
    expect(view({ filter: 'nothing-like-this' })).toEqual({ columns: [], rows: [] });
  });

  it('does not let a system subject in through the filter', () => {
    expect(names(view({ filter: 'kube-controller' }))).toEqual([]);
    expect(names(view({ filter: 'kube-controller', showSystem: true }))).toEqual(['system:kube-controller-manager']);
  });
});

describe('cells', () => {
  it('lists a cell’s verbs sorted, "*" expanded to the column’s verbs', () => {
    expect(cellVerbs(developer.cells[0] ?? null, col('pods'))).toEqual(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']);
    expect(cellVerbs({ verbs: { '*': [0] } }, col('pods', '', 'log', ['get']))).toEqual(['get']);
    expect(cellVerbs({ verbs: { '*': [0] } }, col('x', '', undefined, []))).toEqual(['*']);
    expect(cellVerbs(null, col('pods'))).toEqual([]);
  });

  it('writes G L W C U P D in that order, + for other verbs, * when every verb of the column is allowed', () => {
    expect(letters(developer.cells[0] ?? null)).toBe('GLWCUPD');
    expect(letters({ verbs: { list: [0], get: [0] } })).toBe('GL');
    expect(letters({ verbs: { deletecollection: [0], get: [0] } })).toBe('G+');
    expect(letters(developer.cells[5] ?? null)).toBe('*');
    expect(letters({ verbs: { '*': [0] } })).toBe('*');
    expect(letters({ verbs: { get: [0] } }, col('pods', '', 'log', ['get']))).toBe('*');
  });

  it('marks verbs allowed only on named objects', () => {
    const cm = developer.cells[3] ?? null;
    expect(letters(cm)).toBe('GL(U)');
    expect(namedVerbs(cm, col('configmaps'))).toEqual([{ verb: 'update', names: ['app-config'] }]);
    // A verb allowed everywhere is not "named" too.
    expect(namedVerbs({ verbs: { get: [0] }, named: { get: ['x'] } }, col('configmaps'))).toEqual([]);
    expect(isEmptyCell({ named: { get: ['x'] } }, col('configmaps'))).toBe(false);
    expect(isEmptyCell({ verbs: {} }, col('configmaps'))).toBe(true);
  });

  it('names each cell button "<subject> on <resource>: <verbs>"', () => {
    expect(cellName('developer', 'pods', developer.cells[0] ?? null, col('pods'))).toBe('developer on pods: create, delete, get, list, patch, update, watch');
    expect(cellName('viewer', 'pods/log', viewer.cells[2] ?? null, col('pods', '', 'log', ['get']))).toBe('viewer on pods/log: get');
    expect(cellName('developer', 'configmaps', developer.cells[3] ?? null, col('configmaps'))).toBe('developer on configmaps: get, list; only named objects: update (app-config)');
  });

  it('gives the grants behind each verb, by index into the row’s grants', () => {
    const g = grantsByVerb(developer, developer.cells[0] ?? null);
    expect(g.map((x) => x.verb)).toEqual(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']);
    expect(g.find((x) => x.verb === 'get')?.grants.map(grantText)).toEqual([
      'RoleBinding team-a/dev-edit → ClusterRole edit',
      'ClusterRoleBinding everyone-views → ClusterRole view (via Group system:authenticated)',
    ]);
    expect(grantText({ ...developer.grants[0]!, missing: true })).toContain('could not be read');
  });
});

describe('dangers and names', () => {
  it('lists each danger of a row once, worst first', () => {
    expect(rowDangers(ci)).toEqual(['cluster-admin', 'wildcard-verbs']);
    expect(rowDangers(controller)).toEqual([]);
  });

  it('names the table after its namespace', () => {
    expect(matrixName('team-a')).toBe('Who can do what in team-a');
    expect(matrixName('')).toBe('Who can do what cluster-wide');
  });
});
