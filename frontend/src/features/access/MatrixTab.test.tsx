import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessLine } from '../../api/access';
import type { Subject, SubjectAccess } from '../../api/types';
import { ci, developer, matrix } from './fixtures';
import { MatrixTab } from './MatrixTab';
import { renderWithQueries } from './testing';

let push: ((m: AccessLine) => void) | null = null;
const opened: { context: string; namespace: string }[] = [];
const subjectAccess = vi.fn<(context: string, namespace: string, s: Subject) => Promise<SubjectAccess>>();

vi.mock('../../api/access', () => ({
  streamAccess: (context: string, namespace: string, onLine: (m: AccessLine) => void, signal: AbortSignal) => {
    opened.push({ context, namespace });
    push = onLine;
    return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
  },
  accessApi: { SubjectAccess: (c: string, n: string, s: Subject) => subjectAccess(c, n, s) },
}));

const send = (m: AccessLine) => act(() => push?.(m));

beforeEach(() => {
  push = null;
  opened.length = 0;
  subjectAccess.mockReset();
});

describe('Who can do what', () => {
  it('shows progress until the first matrix, then the table of the namespace', () => {
    renderWithQueries(<MatrixTab context="kind" namespace="team-a" />);
    expect(opened).toEqual([{ context: 'kind', namespace: 'team-a' }]);
    expect(screen.getByRole('progressbar', { name: 'Reading who can do what in team-a…' })).toBeTruthy();
    send({ type: 'matrix', matrix: matrix() });
    expect(screen.queryByRole('progressbar')).toBeNull();
    const table = screen.getByRole('table', { name: 'Who can do what in team-a' });
    expect(within(table).getByRole('button', { name: 'developer on pods: create, delete, get, list, patch, update, watch' }).textContent).toBe('GLWCUPD');
    expect(within(table).getByRole('button', { name: 'viewer on pods/log: get' })).toBeTruthy();
    // ci is bound to cluster-admin: flagged once per kind, with a legend.
    expect(within(table).getByRole('rowheader', { name: /ci/ }).textContent).toContain('cluster-admin');
    expect(screen.getByRole('list', { name: 'Dangerous grants' }).textContent).toContain('wildcard verbs');
  });

  it('hides system subjects until asked, and shows every resource with "All resources"', () => {
    renderWithQueries(<MatrixTab context="kind" namespace="team-a" />);
    send({ type: 'matrix', matrix: matrix() });
    expect(screen.queryByRole('button', { name: 'system:kube-controller-manager' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show system subjects' }));
    expect(screen.getByRole('button', { name: 'system:kube-controller-manager' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'leases' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'All resources' }));
    expect(screen.getByRole('columnheader', { name: 'leases' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'system:kube-controller-manager on leases: get, update' })).toBeTruthy();
  });

  it('filters subjects and resources, and says so when nothing matches', () => {
    renderWithQueries(<MatrixTab context="kind" namespace="team-a" />);
    send({ type: 'matrix', matrix: matrix() });
    const filter = screen.getByRole('textbox', { name: 'Filter' });
    fireEvent.change(filter, { target: { value: 'viewer' } });
    expect(screen.getAllByRole('rowheader')).toHaveLength(1);
    fireEvent.change(filter, { target: { value: 'zzz' } });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Nothing matches the filter' })).toBeTruthy();
  });

  it('opens the grants behind a cell', () => {
    renderWithQueries(<MatrixTab context="kind" namespace="team-a" />);
    send({ type: 'matrix', matrix: matrix() });
    fireEvent.click(screen.getByRole('button', { name: /^developer on pods: / }));
    const dialog = screen.getByRole('dialog', { name: 'Grants for developer on pods' });
    expect(dialog.textContent).toContain('RoleBinding team-a/dev-edit → ClusterRole edit');
    expect(dialog.textContent).toContain('ClusterRoleBinding everyone-views → ClusterRole view (via Group system:authenticated)');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens what a subject may do, saying where the answer comes from', async () => {
    subjectAccess.mockResolvedValue({
      subject: ci.subject,
      namespace: 'team-a',
      rules: [{ resources: ['*.*'], nonResourceURLs: [], resourceNames: [], verbs: ['*'] }],
      cells: [],
      source: 'rbac',
      note: 'you may not create SubjectAccessReviews',
      missing: [],
    });
    renderWithQueries(<MatrixTab context="kind" namespace="team-a" />);
    send({ type: 'matrix', matrix: matrix() });
    fireEvent.click(screen.getByRole('button', { name: 'ci' }));
    const dialog = screen.getByRole('dialog', { name: 'Access of ServiceAccount team-a/ci' });
    expect(await within(dialog).findByText('Computed from RBAC objects: you may not create SubjectAccessReviews')).toBeTruthy();
    expect(subjectAccess).toHaveBeenCalledWith('kind', 'team-a', ci.subject);
    const rules = within(dialog).getByRole('table', { name: 'Rules of ci in team-a' });
    expect(within(rules).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Resources', 'Non-resource URLs', 'Resource names', 'Verbs']);
    expect(within(rules).getByRole('cell', { name: '*.*' })).toBeTruthy();
  });

  it('keeps the matrix on a retrying error, shows what it lacks, and takes each new matrix whole', () => {
    renderWithQueries(<MatrixTab context="kind" namespace="" />);
    send({ type: 'matrix', matrix: matrix({ namespace: '', missing: ['needs: list rolebindings in team-a'] }) });
    expect(screen.getByRole('note', { name: 'Incomplete matrix' }).textContent).toContain('needs: list rolebindings in team-a');
    send({ type: 'error', message: 'watch of rolebindings closed', retrying: true });
    expect(screen.getByText(/The RBAC watch broke \(watch of rolebindings closed\); retrying/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Who can do what cluster-wide' })).toBeTruthy();
    send({ type: 'matrix', matrix: matrix({ rows: [developer] }) });
    expect(screen.queryByText(/The RBAC watch broke/)).toBeNull();
    expect(screen.queryByRole('note', { name: 'Incomplete matrix' })).toBeNull();
    expect(screen.getAllByRole('rowheader')).toHaveLength(1);
  });

  it('shows a final error with Retry before any matrix', () => {
    renderWithQueries(<MatrixTab context="kind" namespace="team-a" />);
    send({ type: 'error', message: 'rolebindings is forbidden', retrying: false });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('rolebindings is forbidden');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(opened).toHaveLength(2);
  });

  it('moves between cell buttons with the arrow keys', () => {
    renderWithQueries(<MatrixTab context="kind" namespace="team-a" />);
    send({ type: 'matrix', matrix: matrix() });
    const pods = screen.getByRole('button', { name: /^developer on pods: / });
    pods.focus();
    fireEvent.keyDown(pods, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('developer on pods/exec: create');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    // viewer has nothing on pods/exec: the next row with a button there is ci.
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^team-a\/ci on pods\/exec: /);
  });
});
