import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RulesReview } from '../../api/types';
import { MyAccessTab } from './MyAccessTab';
import { renderWithQueries } from './testing';

const myAccess = vi.fn<(context: string, ns: string) => Promise<RulesReview>>();
vi.mock('../../api/access', () => ({ accessApi: { MyAccess: (c: string, n: string) => myAccess(c, n) } }));

const rules = (namespace: string, incomplete = false): RulesReview => ({
  namespace,
  incomplete,
  rules: [{ resources: ['deployments.apps'], nonResourceURLs: [], resourceNames: [], verbs: ['create', 'get'] }],
});

describe('My access', () => {
  it('lists what the user may do in the namespace, and says when the answer is incomplete', async () => {
    myAccess.mockResolvedValue(rules('team-a', true));
    renderWithQueries(<MyAccessTab context="kind" namespace="team-a" />);
    const table = await screen.findByRole('table', { name: 'What you may do in team-a' });
    expect(within(table).getByRole('row', { name: /deployments\.apps/ }).textContent).toContain('create');
    expect(screen.getByText('Incomplete.')).toBeTruthy();
    expect(myAccess).toHaveBeenCalledWith('kind', 'team-a');
  });

  it('cluster-wide, says which namespace the API server answered for', async () => {
    myAccess.mockResolvedValue(rules('default'));
    renderWithQueries(<MyAccessTab context="kind" namespace="" />);
    await screen.findByRole('table', { name: 'What you may do in default' });
    expect(screen.getByRole('note').textContent).toContain('these are your rules in default');
  });
});
