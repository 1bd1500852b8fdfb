// One forward in a table: where it goes, its local address, open and stop.
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { openExternal, type Forward } from '../../api/operations';
import { useStopForward } from './forwardsStore';

export function ForwardRow({ f, showContext }: { f: Forward; showContext: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stopForward = useStopForward();
  const target = `${f.request.kind}/${f.request.name}`;
  const stop = async () => {
    setBusy(true);
    setError(null);
    try {
      await stopForward(f.id);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <tr aria-label={`${target} ${f.localPort}`}>
      {showContext && <td>{f.request.context}</td>}
      <td>
        {target}
        <span className="muted"> in {f.request.namespace}</span>
      </td>
      <td>{f.pod}</td>
      <td className="mono">
        127.0.0.1:{f.localPort} → {f.podPort}
      </td>
      <td>
        {f.state === 'active' ? (
          <span className="ok-text">Active</span>
        ) : (
          <span className="bad-text" role="alert">
            {f.message ?? 'Failed'}
          </span>
        )}
        {error && (
          <span className="bad-text" role="alert">
            {' '}
            {error}
          </span>
        )}
      </td>
      <td className="forward-actions">
        {f.state === 'active' && (
          <button type="button" className="btn small" onClick={() => openExternal(f.url)} aria-label={`Open ${f.url}`}>
            Open in browser
          </button>
        )}
        <button type="button" className="btn small" disabled={busy} onClick={() => void stop()} aria-label={`${f.state === 'active' ? 'Stop' : 'Remove'} forward ${target} ${f.localPort}`}>
          {f.state === 'active' ? 'Stop' : 'Remove'}
        </button>
      </td>
    </tr>
  );
}

export function ForwardTable({ forwards, label, showContext }: { forwards: Forward[]; label: string; showContext: boolean }) {
  return (
    <table className="simple-table forwards-table" aria-label={label}>
      <thead>
        <tr>
          {showContext && <th scope="col">Cluster</th>}
          <th scope="col">Target</th>
          <th scope="col">Pod</th>
          <th scope="col">Local → pod port</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {forwards.map((f) => (
          <ForwardRow key={f.id} f={f} showContext={showContext} />
        ))}
      </tbody>
    </table>
  );
}
