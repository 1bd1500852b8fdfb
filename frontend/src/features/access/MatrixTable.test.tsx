import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AccessRow } from '../../api/types';
import { COLUMNS, developer } from './fixtures';
import { MatrixTable } from './MatrixTable';
import { defaultColumns } from './matrix';

const many = (n: number): AccessRow[] =>
  Array.from({ length: n }, (_, i) => ({ ...developer, subject: { kind: 'User' as const, name: `user-${String(i).padStart(4, '0')}` } }));

describe('MatrixTable', () => {
  it('names the grant a danger comes from in its badge', () => {
    const row: AccessRow = { ...developer, dangers: [{ kind: 'impersonate', grant: 0 }] };
    render(<MatrixTable name="m" view={{ columns: defaultColumns(COLUMNS), rows: [row] }} onCell={vi.fn()} onSubject={vi.fn()} />);
    const badge = screen.getByText('impersonate');
    expect(badge.getAttribute('title')).toMatch(/may act as other users[\s\S]*RoleBinding team-a\/dev-edit → ClusterRole edit/);
  });

  it('renders a window of a large matrix, not every subject', () => {
    const rows = many(3000);
    render(<MatrixTable name="Who can do what in big" view={{ columns: defaultColumns(COLUMNS), rows }} onCell={vi.fn()} onSubject={vi.fn()} />);
    const table = screen.getByRole('table', { name: 'Who can do what in big' });
    const rendered = within(table).getAllByRole('rowheader');
    expect(rendered.length).toBeGreaterThan(20);
    expect(rendered.length).toBeLessThan(120);
    expect(within(table).getByRole('button', { name: /^user-0000 on pods: / })).toBeTruthy();
    expect(within(table).queryByRole('button', { name: /^user-2999 on pods: / })).toBeNull();
  });
});
