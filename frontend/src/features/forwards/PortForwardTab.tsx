// A pod's or service's Port-forward tab: its declared ports (or any port
// typed in), a local port (empty: a free one), Start; and its forwards.
import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { errorMessage } from '../../api/errors';
import type { KubeObject } from '../../api/types';
import { at, str } from '../details/summaries';
import { ForwardTable } from './ForwardRow';
import { useForwards, useStartForward } from './forwardsStore';
import { declaredPorts, parseLocalPort } from './ports';
import './forwards.css';

export function PortForwardTab({ context, kind, object }: { context: string; kind: 'Pod' | 'Service'; object: KubeObject }) {
  const id = useId();
  const namespace = str(at(object, 'metadata', 'namespace'));
  const name = str(at(object, 'metadata', 'name'));
  const ports = declaredPorts(kind, object);
  const { t } = useTranslation();
  const [port, setPort] = useState(ports[0]?.port ?? '');
  const [local, setLocal] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const { forwards } = useForwards();
  const startForward = useStartForward();
  const reqKind = kind === 'Pod' ? 'pod' : 'service';
  const mine = forwards.filter((f) => f.request.context === context && f.request.namespace === namespace && f.request.kind === reqKind && f.request.name === name);
  const localPort = parseLocalPort(local);

  const start = async () => {
    if (localPort === null || !port.trim()) return;
    setBusy(true);
    setError(null);
    setStarted(null);
    try {
      const f = await startForward({ context, namespace, kind: reqKind, name, port: port.trim(), localPort });
      setStarted(`Forwarding ${f.url} → ${f.pod}:${f.podPort}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="port-forward-tab">
      <form
        className="forward-form"
        aria-label={t('forwards.tab.form')}
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label htmlFor={`${id}-p`}>{kind === 'Pod' ? t('forwards.tab.podPort') : t('forwards.tab.servicePort')}</label>
        <input id={`${id}-p`} list={`${id}-ports`} value={port} onChange={(e) => setPort(e.target.value)} placeholder={t('forwards.tab.portExample')} size={10} />
        <datalist id={`${id}-ports`}>
          {ports.map((p) => (
            <option key={`${p.port}/${p.protocol}`} value={p.port}>
              {[p.name, p.protocol, p.detail].filter(Boolean).join(' · ')}
            </option>
          ))}
        </datalist>
        <label htmlFor={`${id}-l`}>{t('forwards.tab.localPort')}</label>
        <input
          id={`${id}-l`}
          value={local}
          onChange={(e) => setLocal(e.target.value)}
          placeholder={t('forwards.tab.anyPort')}
          size={12}
          inputMode="numeric"
          aria-invalid={localPort === null}
          aria-describedby={`${id}-hint`}
        />
        <button type="submit" className="btn primary small" disabled={busy || localPort === null || !port.trim()}>
          {busy ? t('forwards.tab.starting') : t('forwards.tab.start')}
        </button>
        <span id={`${id}-hint`} className={localPort === null ? 'bad-text' : 'muted'}>
          {localPort === null ? t('forwards.tab.badPort') : t('forwards.tab.loopback')}
        </span>
      </form>
      {ports.length > 0 && (
        <ul className="port-chips" aria-label={t('forwards.tab.declared')}>
          {ports.map((p) => (
            <li key={`${p.port}/${p.protocol}/${p.detail}`}>
              <button type="button" className="btn small" aria-pressed={port === p.port} onClick={() => setPort(p.port)}>
                {p.port}
                {p.name ? ` (${p.name})` : ''} · {p.protocol}
                {p.detail ? ` · ${p.detail}` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {ports.length === 0 && <p className="muted">{t('forwards.tab.noPorts')}</p>}
      {error && (
        <div className="banner bad" role="alert">
          <div>
            <strong>{error}</strong>
          </div>
        </div>
      )}
      {started && (
        <p className="ok-text" role="status">
          {started}
        </p>
      )}
      {mine.length > 0 && <ForwardTable forwards={mine} label={`Port-forwards of ${name}`} showContext={false} />}
    </div>
  );
}
