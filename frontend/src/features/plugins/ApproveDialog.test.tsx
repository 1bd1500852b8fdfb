import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Capabilities } from '../../api/contract.gen';
import { ApproveDialog } from './ApproveDialog';
import type { PluginInfo } from './backend';
import { pluginCommands } from './backend';
import { PluginsPage } from './PluginsPage';
import { registry } from './registry';

const requested: Capabilities = {
  read: ['pods', 'secrets'],
  write: { configmaps: ['apply', 'delete'] },
  secretValues: true,
  logs: true,
  network: ['https://api.example.com'],
  settings: true,
};
const plugin = (over: Partial<PluginInfo> = {}): PluginInfo => ({
  id: 'tips', name: 'Tips', version: '1.2.0', description: 'A tip of the day', main: 'main.js', apiVersion: 1, path: '/home/u/.config/kubedeck/plugins/tips',
  hash: 'abc123', dev: false, state: 'waiting-approval', requested, ...over,
});

// jsdom has <dialog> but not its modal methods.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  registry.setList([]);
});

describe('ApproveDialog', () => {
  it('lists each requested capability in plain words with a checkbox; Secret values are never ticked', () => {
    const onApprove = vi.fn();
    render(<ApproveDialog plugin={plugin()} onApprove={onApprove} onCancel={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Approve the plugin “Tips”?' });
    expect(within(dialog).getByText('abc123')).toBeTruthy();
    expect(within(dialog).getByText('/home/u/.config/kubedeck/plugins/tips')).toBeTruthy();
    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes.map((b) => [b.closest('label')?.textContent, (b as HTMLInputElement).checked])).toEqual([
      ['Read pods', true],
      ['Read Secrets (their values stay hidden)', true],
      ['Create and change configmapsSensitive', true],
      ['Delete configmapsSensitive', true],
      ['See the values of SecretsSensitive', false],
      ['Read container logs', true],
      ['Connect to https://api.example.com', true],
      ['Keep its own settings', true],
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve and run' }));
    expect(onApprove).toHaveBeenCalledWith({
      read: ['pods', 'secrets'], write: { configmaps: ['apply', 'delete'] }, logs: true, network: ['https://api.example.com'], settings: true,
    });
  });

  it('grants only what stays ticked', () => {
    const onApprove = vi.fn();
    render(<ApproveDialog plugin={plugin()} onApprove={onApprove} onCancel={() => {}} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Delete configmaps/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Connect to/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /See the values of Secrets/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve and run' }));
    expect(onApprove).toHaveBeenCalledWith({ read: ['pods', 'secrets'], write: { configmaps: ['apply'] }, secretValues: true, logs: true, settings: true });
  });

  it('says so when a plugin asks for nothing', () => {
    render(<ApproveDialog plugin={plugin({ requested: {} })} onApprove={() => {}} onCancel={() => {}} />);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.getByText(/asks for nothing beyond drawing in its own frame/)).toBeTruthy();
  });
});

describe('the plugin card', () => {
  it('approves with the grant, and shows what was granted and the refused requests', async () => {
    const approve = vi.spyOn(pluginCommands, 'approve').mockResolvedValue([]);
    registry.setList([plugin()]);
    const { unmount } = render(<PluginsPage context="c" />);
    fireEvent.click(screen.getByRole('button', { name: 'Review and approve Tips' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve and run' }));
    expect(approve).toHaveBeenCalledWith('tips', 'abc123', expect.objectContaining({ read: ['pods', 'secrets'] }));
    await screen.findByRole('list', { name: 'Installed plugins' });
    unmount();

    registry.setList([plugin({ state: 'disabled', granted: { read: ['pods'] } })]);
    registry.refuse('tips', { action: 'read', target: 'secrets', reason: 'not-granted' });
    render(<PluginsPage context="c" />);
    const card = screen.getByRole('listitem', { name: /Tips/ });
    expect(within(card).getByText('Read pods')).toBeTruthy();
    const refused = within(card).getByRole('list', { name: 'Requests refused to Tips' });
    expect(refused.textContent).toContain('Refused: read secrets (not granted)');
  });

  it('a running plugin that stopped answering is shown as not responding, with Disable', () => {
    registry.setList([plugin({ state: 'enabled', granted: {}, frameUrl: '/plugin-frame/t/' })]);
    const gen = registry.begin('tips', '/plugin-frame/t/');
    registry.registered('tips', gen, { sidebar: [], routes: [], sections: [], columns: [], actions: [], settings: false });
    registry.setResponding('tips', gen, false);
    render(<PluginsPage context="c" />);
    const card = screen.getByRole('listitem', { name: /Tips/ });
    expect(within(card).getByRole('alert').textContent).toMatch(/Not responding/);
    expect(within(card).getByRole('button', { name: 'Disable Tips' })).toBeTruthy();
    registry.unload('tips');
  });
});
