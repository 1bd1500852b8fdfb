import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KubeconfigReview } from '../../api/types';
import { AddClusterDialog } from './AddClusterDialog';

const review = vi.fn<(yaml: string) => Promise<KubeconfigReview>>();
const add = vi.fn<(yaml: string, consent: string) => Promise<string[]>>();
vi.mock('../../api/client', () => ({
  transport: () => 'desktop',
  api: {
    ReviewKubeconfig: (y: string) => review(y),
    AddKubeconfig: (y: string, c: string) => add(y, c),
  },
}));

const pasted = 'apiVersion: v1\nkind: Config\n# exec: /bin/sh';
const execReview: KubeconfigReview = {
  contexts: ['prod'],
  consent: 'c0ffee',
  items: [
    {
      kind: 'exec',
      owner: 'user "sso"',
      contexts: ['prod'],
      command: '/bin/sh',
      args: ['-c', 'touch MARKER'],
      env: [{ name: 'AWS_PROFILE', value: 'prod' }],
    },
    { kind: 'file', owner: 'user "sso"', contexts: ['prod'], field: 'tokenFile', path: '/home/me/.ssh/id_rsa' },
  ],
};

function paste() {
  render(<AddClusterDialog onClose={() => {}} onOpen={() => {}} />);
  fireEvent.change(screen.getByRole('textbox', { name: 'Kubeconfig' }), { target: { value: pasted } });
  fireEvent.click(screen.getByRole('button', { name: 'Add cluster' }));
}

describe('AddClusterDialog review step', () => {
  beforeEach(() => {
    review.mockReset();
    add.mockReset();
  });

  it('shows what a paste runs and reads, and adds only after "Allow and add"', async () => {
    review.mockResolvedValue(execReview);
    add.mockResolvedValue(['prod']);
    paste();
    const list = await screen.findByRole('list', { name: 'What this kubeconfig runs or reads' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain('Runs the program /bin/sh -c touch MARKER with AWS_PROFILE=prod');
    expect(items[1]).toContain('Reads the file /home/me/.ssh/id_rsa and sends its content to the server of context prod as a token');
    // Nothing is added by default: the choice is the user's.
    expect(add).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Allow and add' }));
    expect((await screen.findByRole('status')).textContent).toContain('Added the context: prod');
    expect(add).toHaveBeenCalledWith(pasted, 'c0ffee');
  });

  it('Back returns to the pasted text unchanged, and adds nothing', async () => {
    review.mockResolvedValue(execReview);
    paste();
    fireEvent.click(await screen.findByRole('button', { name: 'Back' }));
    expect(screen.getByRole('textbox', { name: 'Kubeconfig' })).toHaveProperty('value', pasted);
    expect(add).not.toHaveBeenCalled();
  });

  it('adds a paste with nothing to allow at once, without consent', async () => {
    review.mockResolvedValue({ contexts: ['inline'], items: [], consent: '' });
    add.mockResolvedValue(['inline']);
    paste();
    expect((await screen.findByRole('status')).textContent).toContain('Added the context: inline');
    expect(add).toHaveBeenCalledWith(pasted, '');
    expect(screen.queryByRole('button', { name: 'Allow and add' })).toBeNull();
  });

  it('keeps the pasted text when the add fails after allowing', async () => {
    review.mockResolvedValue(execReview);
    add.mockRejectedValue(new Error('a context named "prod" exists already'));
    paste();
    fireEvent.click(await screen.findByRole('button', { name: 'Allow and add' }));
    expect((await screen.findByRole('alert')).textContent).toContain('exists already');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('textbox', { name: 'Kubeconfig' })).toHaveProperty('value', pasted);
  });

  it('keeps the pasted text when the review fails', async () => {
    review.mockRejectedValue(new Error('the pasted text is not a kubeconfig'));
    paste();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not a kubeconfig'));
    expect(screen.getByRole('textbox', { name: 'Kubeconfig' })).toHaveProperty('value', pasted);
  });
});
