import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ContextInfo } from '../../api/types';
import { ContextSwitcher } from './ContextSwitcher';

const ctx = (name: string, cluster = name, server = `https://${name}.example:6443`): ContextInfo => ({
  name,
  cluster,
  user: 'admin',
  namespace: 'default',
  server,
  source: '/home/me/.kube/config',
});

const contexts = [
  ctx('kubedeck-admin', 'kubedeck'),
  ctx('arn:aws:eks:eu-west-1:123:cluster/prod', 'prod-eks'),
  ctx('me@corp', 'corp'),
  ctx('ünïcode ctx', 'unicode'),
  ctx('staging', 'staging-gke'),
];

function setup(current = 'kubedeck-admin', list = contexts) {
  const onSelect = vi.fn();
  render(
    <ContextSwitcher
      contexts={list}
      current={current}
      files={[{ path: '/etc/broken.yaml', exists: true, error: 'yaml: line 3: mapping values are not allowed' }]}
      onSelect={onSelect}
    />,
  );
  return { onSelect };
}

function open() {
  fireEvent.click(screen.getByRole('button', { name: /context/i }));
  return screen.getByRole('combobox', { name: 'Search contexts' });
}

const optionNames = () => within(screen.getByRole('listbox', { name: 'Contexts' })).getAllByRole('option').map((o) => o.getAttribute('aria-label'));

describe('ContextSwitcher', () => {
  it('shows the current context on its button', () => {
    setup();
    const button = screen.getByRole('button', { name: 'Context: kubedeck-admin' });
    expect(button).toHaveProperty('textContent', expect.stringContaining('kubedeck-admin'));
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens a dialog with a focused search box and every context, the current one marked', () => {
    setup();
    const input = open();
    expect(screen.getByRole('dialog', { name: 'Switch context' })).toBeTruthy();
    expect(document.activeElement).toBe(input);
    expect(optionNames()).toEqual(contexts.map((c) => c.name));
    const current = screen.getByRole('option', { name: 'kubedeck-admin' });
    expect(current.getAttribute('aria-current')).toBe('true');
    expect(current.getAttribute('aria-selected')).toBe('true');
    // Cluster, server and source file as the description.
    expect(current.textContent).toContain('https://kubedeck-admin.example:6443');
    expect(current.textContent).toContain('/home/me/.kube/config');
    // Broken kubeconfig files are listed with their error.
    expect(screen.getByRole('note').textContent).toContain('/etc/broken.yaml');
  });

  it('filters as you type, on name, cluster and server', () => {
    setup();
    const input = open();
    fireEvent.change(input, { target: { value: 'prod' } });
    expect(optionNames()).toEqual(['arn:aws:eks:eu-west-1:123:cluster/prod']);
    fireEvent.change(input, { target: { value: 'staging-gke' } });
    expect(optionNames()).toEqual(['staging']);
    fireEvent.change(input, { target: { value: 'ÜNÏ' } });
    expect(optionNames()).toEqual(['ünïcode ctx']);
    fireEvent.change(input, { target: { value: 'zzz' } });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('No context matches “zzz”.')).toBeTruthy();
  });

  it('moves with the arrow keys and chooses with Enter', () => {
    const { onSelect } = setup();
    const input = open();
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = screen.getByRole('option', { name: 'me@corp' });
    expect(active.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(active.id);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith('arn:aws:eks:eu-west-1:123:cluster/prod');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('chooses the first match with Enter after typing', () => {
    const { onSelect } = setup();
    const input = open();
    fireEvent.change(input, { target: { value: 'me@' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith('me@corp');
  });

  it('closes with Escape and gives the focus back to the button', () => {
    const { onSelect } = setup();
    const input = open();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /context/i }));
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('chooses with a click', () => {
    const { onSelect } = setup();
    open();
    fireEvent.click(screen.getByRole('option', { name: 'staging' }));
    expect(onSelect).toHaveBeenCalledWith('staging');
  });

  it('stays quick with thousands of contexts: only the visible options are in the DOM', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ctx(`cluster-${i}`));
    const { onSelect } = setup('cluster-2500', many);
    const t0 = performance.now();
    const input = open();
    const opts = screen.getAllByRole('option');
    expect(opts.length).toBeLessThan(60);
    // Opens at the current context.
    expect((await screen.findByRole('option', { name: 'cluster-2500' })).getAttribute('aria-selected')).toBe('true');
    fireEvent.change(input, { target: { value: 'cluster-4999' } });
    expect(optionNames()).toEqual(['cluster-4999']);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith('cluster-4999');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
