// Asks before a plugin runs, showing what is being approved.
import { useEffect, useRef } from 'react';
import type { PluginInfo } from './backend';

export interface ApproveDialogProps {
  plugin: PluginInfo;
  onApprove: () => void;
  onCancel: () => void;
}

export function ApproveDialog({ plugin, onApprove, onCancel }: ApproveDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="approve-dialog"
      aria-labelledby="approve-title"
      aria-describedby="approve-warning"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="approve-title">Approve the plugin “{plugin.name}”?</h2>
      <p id="approve-warning">
        It will run inside Kubedeck and may read and change the cluster with your permissions. This approval holds for this exact content: if the plugin changes, Kubedeck asks again.
      </p>
      <dl className="plugin-facts">
        <dt>Name</dt>
        <dd>{plugin.name}</dd>
        <dt>Version</dt>
        <dd>{plugin.version || '—'}</dd>
        {plugin.description && (
          <>
            <dt>Description</dt>
            <dd>{plugin.description}</dd>
          </>
        )}
        <dt>Path</dt>
        <dd className="mono">{plugin.path}</dd>
        <dt>Content hash (SHA-256)</dt>
        <dd className="mono plugin-hash">{plugin.hash}</dd>
      </dl>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn primary" onClick={onApprove}>
          Approve and run
        </button>
      </div>
    </dialog>
  );
}
