import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries } from '../access/testing';
import { getDockState, resetDock, terminalFailed, terminalStarted } from '../terminal/terminalStore';
import type { DebugGates } from './access';
import { DebugDialog } from './DebugDialog';
import { DEFAULT_DEBUG_IMAGE } from './debugForm';
import type { ContainerInfo } from './pod';

vi.mock('../../api/client', async () => (await import('../access/clientMock')).clientMock);

const containers: ContainerInfo[] = [
  { name: 'nginx', image: 'nginx:1.27', stdin: false, tty: false, running: true, ephemeral: false },
  { name: 'log-shipper', image: 'busybox:1.36', stdin: false, tty: false, running: true, ephemeral: false },
  { name: 'debugger-old', image: 'busybox', stdin: true, tty: true, running: false, ephemeral: true },
];
const allowed: DebugGates = { ephemeral: { enabled: true }, copy: { enabled: true }, deleteCopy: { enabled: true } };

function open(gates: DebugGates = allowed) {
  const onClose = vi.fn();
  const onStarted = vi.fn();
  renderWithQueries(<DebugDialog context="kind" namespace="team-a" pod="web-1" containers={containers} gates={gates} debugImages={['nicolaka/netshoot']} onClose={onClose} onStarted={onStarted} />);
  return { dialog: screen.getByRole('dialog', { name: 'Debug pod web-1' }), onClose, onStarted };
}

const lastTab = () => getDockState().tabs[getDockState().tabs.length - 1];

afterEach(() => resetDock());

describe('the Debug dialog', () => {
  it('adds a debug container by default and says what that leaves behind', async () => {
    const { dialog, onClose, onStarted } = open();
    expect((within(dialog).getByRole('radio', { name: 'Debug container' }) as HTMLInputElement).checked).toBe(true);
    const image = within(dialog).getByRole('combobox', { name: 'Image' }) as HTMLInputElement;
    expect(image.value).toBe(DEFAULT_DEBUG_IMAGE);
    const target = within(dialog).getByRole('combobox', { name: 'Target container' }) as HTMLSelectElement;
    // Ephemeral containers are not targets.
    expect([...target.options].map((o) => o.textContent)).toEqual(['None', 'nginx', 'log-shipper']);
    fireEvent.change(target, { target: { value: 'nginx' } });
    expect(dialog.textContent).toContain('sharing the processes of nginx. Kubernetes cannot remove it: it stays until the pod is deleted');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start' }));
    const tab = lastTab();
    expect(tab?.start).toEqual({ kind: 'debug', request: { namespace: 'team-a', pod: 'web-1', image: DEFAULT_DEBUG_IMAGE, target: 'nginx' } });
    expect(within(dialog).getByRole('button', { name: 'Starting…' })).toBeTruthy();
    await act(async () => terminalStarted(tab?.key ?? '', { id: 's', debug: { namespace: 'team-a', pod: 'web-1', container: 'debugger-abcde', kind: 'ephemeral' } }));
    expect(onStarted).toHaveBeenCalledWith('Debug container debugger-abcde added to web-1: its terminal is open in the dock.');
    expect(onClose).toHaveBeenCalled();
    expect(getDockState().tabs).toHaveLength(1);
  });

  it('debugs a copy, deleted on close unless unticked, changing a container when asked', () => {
    const { dialog } = open();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Debug a copy' }));
    const del = within(dialog).getByRole('checkbox', { name: 'Delete the copy when I close its terminal' }) as HTMLInputElement;
    expect(del.checked).toBe(true);
    expect(dialog.textContent).toContain('Creates pod web-1-debug-… in team-a (a copy without labels, so no Service sends it traffic)');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'In the copy' }), { target: { value: 'nginx' } });
    expect((within(dialog).getByRole('combobox', { name: /^Image/ }) as HTMLInputElement).value).toBe('');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Command (optional)' }), { target: { value: 'sleep 1d' } });
    fireEvent.click(del);
    expect(dialog.textContent).toContain('It keeps running until deleted');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start' }));
    expect(lastTab()?.start).toEqual({ kind: 'debug', request: { namespace: 'team-a', pod: 'web-1', image: '', target: 'nginx', copy: true, deleteCopy: false, command: ['sleep', '1d'] } });
    expect(lastTab()?.kind).toBe('copy');
  });

  it('keeps the form and shows the refusal inline, offering a copy when the cluster has no ephemeral containers', async () => {
    const { dialog, onClose } = open();
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Image' }), { target: { value: 'nicolaka/netshoot' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start' }));
    const key = lastTab()?.key ?? '';
    const err = new Error('This cluster does not offer ephemeral containers; debug a copy of the pod instead (the server could not find the requested resource)');
    await act(async () => terminalFailed(key, err, err.message));
    expect(within(dialog).getByRole('alert').textContent).toContain('does not offer ephemeral containers');
    expect(getDockState().tabs).toEqual([]); // nothing started: no tab left
    expect((within(dialog).getByRole('combobox', { name: 'Image' }) as HTMLInputElement).value).toBe('nicolaka/netshoot');
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Debug a copy instead' }));
    expect((within(dialog).getByRole('radio', { name: 'Debug a copy' }) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('starts in the way the user may use, the other one saying what it needs', () => {
    const { dialog } = open({ ephemeral: { enabled: false, reason: 'needs: patch pods/ephemeralcontainers in team-a' }, copy: { enabled: true }, deleteCopy: { enabled: false, reason: 'needs: delete pods in team-a' } });
    expect((within(dialog).getByRole('radio', { name: /^Debug a copy/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByRole('radio', { name: /^Debug container/ }).getAttribute('aria-describedby')).toBeTruthy();
    expect(dialog.textContent).toContain('needs: patch pods/ephemeralcontainers in team-a');
    const del = within(dialog).getByRole('checkbox', { name: /Delete the copy/ }) as HTMLInputElement;
    expect(del.checked).toBe(false);
    expect(del.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('radio', { name: /^Debug container/ }));
    expect((within(dialog).getByRole('button', { name: 'Start' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByRole('note').textContent).toBe('Debug container is not allowed — needs: patch pods/ephemeralcontainers in team-a');
  });

  it('says what to fix before Start', () => {
    const { dialog } = open();
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Image' }), { target: { value: '' } });
    expect((within(dialog).getByRole('button', { name: 'Start' }) as HTMLButtonElement).disabled).toBe(true);
    expect(dialog.textContent).toContain('Name an image');
  });
});
