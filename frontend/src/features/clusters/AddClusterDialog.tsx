// Add a cluster (desktop): paste a kubeconfig, or a server URL + CA + token.
// Errors stay inline and the input is kept on failure. A pasted kubeconfig
// that would run a program or read a local file is shown to the user first,
// in plain words, and added only after "Allow and add".
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, transport } from '../../api/client';
import type { KubeconfigReview, KubeconfigReviewItem } from '../../api/types';
import { errorMessage } from '../../api/errors';
import { signedInText, storageText } from '../../lib/clusterText';
import { useFocusTrap } from '../../lib/focusTrap';

type Mode = 'kubeconfig' | 'server';

export interface AddClusterDialogProps {
  onClose: () => void;
  /** A context was added: open it. */
  onOpen: (context: string) => void;
}

export function AddClusterDialog({ onClose, onOpen }: AddClusterDialogProps) {
  const [mode, setMode] = useState<Mode>('kubeconfig');
  const [yaml, setYaml] = useState('');
  const [name, setName] = useState('');
  const [server, setServer] = useState('https://');
  const [ca, setCa] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<{ names: string[]; note?: string } | null>(null);
  // What the pasted kubeconfig would run or read, awaiting the user's choice.
  const [review, setReview] = useState<KubeconfigReview | null>(null);
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  useFocusTrap(dialogRef);
  const browser = transport() === 'http';

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (mode === 'kubeconfig') {
        const r = await api.ReviewKubeconfig(yaml);
        if (r.items.length > 0) {
          setReview(r);
          return;
        }
        setAdded({ names: await api.AddKubeconfig(yaml, '') });
      } else {
        const r = await api.AddServer(name.trim(), server.trim(), ca, token);
        setToken('');
        setAdded({ names: [name.trim()], note: `${signedInText(r)}. ${storageText(r.storage)}` });
      }
    });
  };

  const allow = (r: KubeconfigReview) =>
    void run(async () => {
      setAdded({ names: await api.AddKubeconfig(yaml, r.consent) });
      setReview(null);
    });

  const tab = (m: Mode, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-tab-${m}`}
      aria-selected={mode === m}
      aria-controls={`${id}-panel`}
      onClick={() => {
        setMode(m);
        setReview(null);
        setError(null);
      }}
    >
      {label}
    </button>
  );

  return (
    <div className="modal-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} ref={dialogRef}>
        <header className="modal-header">
          <h2 id={`${id}-title`}>Add cluster</h2>
          <button type="button" className="btn small" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {browser && (
          <p className="modal-note" role="note">
            Adding clusters is only available in the desktop app; in the browser, edit your kubeconfig instead — new
            contexts appear by themselves.
          </p>
        )}
        {added ? (
          <div className="modal-body" role="status">
            <p>
              Added {added.names.length === 1 ? 'the context' : `${added.names.length} contexts`}:{' '}
              <strong>{added.names.join(', ')}</strong>.
            </p>
            {added.note && <p>{added.note}</p>}
            <div className="modal-actions">
              {added.names[0] !== undefined && (
                <button type="button" className="btn primary" onClick={() => added.names[0] !== undefined && onOpen(added.names[0])}>
                  Open {added.names[0]}
                </button>
              )}
              <button type="button" className="btn" onClick={onClose}>
                Done
              </button>
            </div>
          </div>
        ) : review ? (
          <ReviewStep
            review={review}
            busy={busy}
            error={error}
            onAllow={() => allow(review)}
            onBack={() => {
              setReview(null);
              setError(null);
            }}
          />
        ) : (
          <>
            <div className="modal-tabs" role="tablist" aria-label="How to add the cluster">
              {tab('kubeconfig', 'Paste kubeconfig')}
              {tab('server', 'Server and token')}
            </div>
            <form
              id={`${id}-panel`}
              role="tabpanel"
              aria-labelledby={`${id}-tab-${mode}`}
              className="modal-body form-grid"
              onSubmit={(e) => void submit(e)}
            >
              {mode === 'kubeconfig' ? (
                <>
                  <label htmlFor={`${id}-yaml`}>Kubeconfig</label>
                  <textarea
                    id={`${id}-yaml`}
                    rows={12}
                    spellCheck={false}
                    className="mono"
                    placeholder="apiVersion: v1&#10;kind: Config&#10;clusters: …"
                    value={yaml}
                    onChange={(e) => setYaml(e.target.value)}
                  />
                </>
              ) : (
                <>
                  <label htmlFor={`${id}-name`}>Name</label>
                  <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} />
                  <label htmlFor={`${id}-server`}>Server URL</label>
                  <input
                    id={`${id}-server`}
                    type="url"
                    value={server}
                    onChange={(e) => setServer(e.target.value)}
                    spellCheck={false}
                  />
                  <label htmlFor={`${id}-ca`}>CA certificate (PEM, optional)</label>
                  <textarea
                    id={`${id}-ca`}
                    rows={5}
                    className="mono"
                    spellCheck={false}
                    placeholder="-----BEGIN CERTIFICATE-----"
                    value={ca}
                    onChange={(e) => setCa(e.target.value)}
                  />
                  <label htmlFor={`${id}-token`}>Bearer token</label>
                  <input
                    id={`${id}-token`}
                    type="password"
                    autoComplete="off"
                    value={token}
                    onChange={(e) => setToken(e.target.value)}
                  />
                </>
              )}
              {error && (
                <p className="form-error" role="alert">
                  {error}
                </p>
              )}
              <div className="modal-actions">
                <button type="button" className="btn" onClick={onClose}>
                  Cancel
                </button>
                <button type="submit" className="btn primary" disabled={busy}>
                  {busy ? 'Adding…' : 'Add cluster'}
                </button>
              </div>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

/** One reviewed item in plain words. */
export function describeReviewItem(it: KubeconfigReviewItem): string {
  const used = it.contexts.length === 1 ? `context ${it.contexts[0] ?? ''}` : `contexts ${it.contexts.join(', ')}`;
  switch (it.kind) {
    case 'exec': {
      const cmd = [it.command ?? '', ...(it.args ?? [])].join(' ');
      const env = (it.env ?? []).map((v) => `${v.name}=${v.value}`).join(' ');
      return `Runs the program ${cmd}${env ? ` with ${env}` : ''} to sign in to ${used} (${it.owner}).`;
    }
    case 'auth-provider':
      return `Uses the auth provider “${it.provider ?? ''}”${it.providerKeys?.length ? ` (settings: ${it.providerKeys.join(', ')})` : ''} for ${used} (${it.owner}).`;
    case 'file':
      return it.field === 'tokenFile'
        ? `Reads the file ${it.path ?? ''} and sends its content to the server of ${used} as a token (${it.owner}).`
        : `Reads the file ${it.path ?? ''} as the ${it.field ?? 'file'} of ${used} (${it.owner}).`;
  }
}

interface ReviewStepProps {
  review: KubeconfigReview;
  busy: boolean;
  error: string | null;
  onAllow: () => void;
  onBack: () => void;
}

/** Shows what the paste would run or read; nothing is added unless allowed. */
function ReviewStep({ review, busy, error, onAllow, onBack }: ReviewStepProps) {
  const id = useId();
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => backRef.current?.focus(), []);
  return (
    <section className="modal-body" aria-labelledby={`${id}-review`}>
      <h3 id={`${id}-review`}>This kubeconfig runs programs or reads files on this computer</h3>
      <p>
        Adding {review.contexts.length === 1 ? 'the context' : 'the contexts'} <strong>{review.contexts.join(', ')}</strong>{' '}
        lets Kubedeck do the following whenever it connects. Allow it only if you trust where this kubeconfig came from.
      </p>
      <ul aria-label="What this kubeconfig runs or reads">
        {review.items.map((it, i) => (
          <li key={i} className={it.kind === 'exec' ? 'mono' : undefined}>
            {describeReviewItem(it)}
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="btn" ref={backRef} onClick={onBack}>
          Back
        </button>
        <button type="button" className="btn danger" disabled={busy} onClick={onAllow}>
          {busy ? 'Adding…' : 'Allow and add'}
        </button>
      </div>
    </section>
  );
}
