import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpResult } from '../../api/operations';
import { EditYamlDialog } from './EditYamlDialog';

// jsdom does no layout; CodeMirror measures text ranges.
Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

const update = vi.fn<(context: string, yaml: string, dryRun: boolean) => Promise<OpResult>>();
vi.mock('../../api/operations', () => ({ ops: { Update: (...a: [string, string, boolean]) => update(...a) } }));

const object = (rv: string, value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: team-a\n  resourceVersion: "${rv}"\ndata:\n  key: ${value}\n`;

function open() {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  render(<EditYamlDialog context="ctx" kind="ConfigMap" name="cm" yaml={object('10', 'mine')} onClose={onClose} onSaved={onSaved} />);
  return { onSaved, onClose };
}

beforeEach(() => update.mockReset());

describe('EditYamlDialog', () => {
  it('saves as an update carrying the resourceVersion and closes', async () => {
    update.mockResolvedValue({ kind: 'ConfigMap', name: 'cm', action: 'updated' });
    const { onSaved, onClose } = open();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(update).toHaveBeenCalledWith('ctx', expect.stringContaining('resourceVersion: "10"'), false);
    expect(onSaved).toHaveBeenCalledWith('Saved ConfigMap cm');
  });

  it('on a 409 shows the live version beside the edit; re-apply sends the edit on the live resourceVersion', async () => {
    update.mockResolvedValueOnce({ kind: 'ConfigMap', name: 'cm', status: 409, error: 'the object has been modified', live: object('11', 'theirs') });
    update.mockResolvedValueOnce({ kind: 'ConfigMap', name: 'cm', action: 'updated' });
    const { onClose } = open();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const live = await screen.findByRole('region', { name: 'Live version on the server' });
    expect(within(live).getByText(/key: theirs/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Your edit' }).textContent).toContain('key: mine');
    fireEvent.click(screen.getByRole('button', { name: 'Re-apply my edit on the latest version' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = update.mock.calls[1]?.[1] ?? '';
    expect(sent).toContain('resourceVersion: "11"');
    expect(sent).toContain('key: mine');
  });

  it('a 403 (or any failure) says why and keeps the dialog and the text', async () => {
    update.mockResolvedValue({ kind: 'ConfigMap', name: 'cm', status: 403, error: 'configmaps "cm" is forbidden' });
    const { onClose } = open();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('403: configmaps "cm" is forbidden');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'YAML of ConfigMap cm' }).textContent).toContain('key: mine');
  });
});
