// Add a cluster (desktop): paste a kubeconfig, or a server URL + CA + token.
// Errors stay inline and the input is kept on failure. A pasted kubeconfig
// that would run a program or read a local file is shown to the user first,
// in plain words, and added only after "Allow and add".
import { Trans, useTranslation } from 'react-i18next';
import { t as translate } from '../../i18n';
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
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

/** Examples of what goes in the boxes: code, not words, so not translated. */
const KUBECONFIG_EXAMPLE = 'apiVersion: v1\nkind: Config\nclusters: …';
const PEM_EXAMPLE = '-----BEGIN CERTIFICATE-----';

export function AddClusterDialog({ onClose, onOpen }: AddClusterDialogProps) {
  const { t } = useTranslation();
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
        setAdded({ names: [name.trim()], note: t('clusters.add.signedInNote', { signedIn: signedInText(r), storage: storageText(r.storage) }) });
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
          <h2 id={`${id}-title`}>{t('clusters.add.title')}</h2>
          <button type="button" className="btn small" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </header>
        {browser && (
          <p className="modal-note" role="note">
            {t('clusters.add.browserNote')}
          </p>
        )}
        {added ? (
          <div className="modal-body" role="status">
            <p>
              <Trans
                i18nKey="clusters.add.added"
                count={added.names.length}
                values={{ names: added.names.join(', ') }}
                components={{ strong: <strong /> }}
              />
            </p>
            {added.note && <p>{added.note}</p>}
            <div className="modal-actions">
              {added.names[0] !== undefined && (
                <button type="button" className="btn primary" onClick={() => added.names[0] !== undefined && onOpen(added.names[0])}>
                  {t('clusters.add.open', { context: added.names[0] })}
                </button>
              )}
              <button type="button" className="btn" onClick={onClose}>
                {t('clusters.add.done')}
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
            <div className="modal-tabs" role="tablist" aria-label={t('clusters.add.how')}>
              {tab('kubeconfig', t('clusters.add.pasteTab'))}
              {tab('server', t('clusters.add.serverTab'))}
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
                  <label htmlFor={`${id}-yaml`}>{t('clusters.add.kubeconfig')}</label>
                  <textarea
                    id={`${id}-yaml`}
                    rows={12}
                    spellCheck={false}
                    className="mono"
                    placeholder={KUBECONFIG_EXAMPLE}
                    value={yaml}
                    onChange={(e) => setYaml(e.target.value)}
                  />
                </>
              ) : (
                <>
                  <label htmlFor={`${id}-name`}>{t('clusters.add.name')}</label>
                  <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} />
                  <label htmlFor={`${id}-server`}>{t('clusters.add.server')}</label>
                  <input
                    id={`${id}-server`}
                    type="url"
                    value={server}
                    onChange={(e) => setServer(e.target.value)}
                    spellCheck={false}
                  />
                  <label htmlFor={`${id}-ca`}>{t('clusters.add.ca')}</label>
                  <textarea
                    id={`${id}-ca`}
                    rows={5}
                    className="mono"
                    spellCheck={false}
                    placeholder={PEM_EXAMPLE}
                    value={ca}
                    onChange={(e) => setCa(e.target.value)}
                  />
                  <label htmlFor={`${id}-token`}>{t('clusters.signIn.token')}</label>
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
                  {t('common.cancel')}
                </button>
                <button type="submit" className="btn primary" disabled={busy}>
                  {busy ? t('clusters.add.adding') : t('clusters.add.title')}
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
  const used =
    it.contexts.length === 1 ? translate('clusters.review.context', { context: it.contexts[0] ?? '' }) : translate('clusters.review.contexts', { contexts: it.contexts.join(', ') });
  switch (it.kind) {
    case 'exec': {
      const cmd = [it.command ?? '', ...(it.args ?? [])].join(' ');
      const env = (it.env ?? []).map((v) => `${v.name}=${v.value}`).join(' ');
      return env ? translate('clusters.review.execEnv', { cmd, env, used, owner: it.owner }) : translate('clusters.review.exec', { cmd, used, owner: it.owner });
    }
    case 'auth-provider':
      return it.providerKeys?.length
        ? translate('clusters.review.providerKeys', { provider: it.provider ?? '', keys: it.providerKeys.join(', '), used, owner: it.owner })
        : translate('clusters.review.provider', { provider: it.provider ?? '', used, owner: it.owner });
    case 'file':
      return it.field === 'tokenFile'
        ? translate('clusters.review.tokenFile', { path: it.path ?? '', used, owner: it.owner })
        : translate('clusters.review.file', { path: it.path ?? '', field: it.field ?? translate('clusters.review.fileField'), used, owner: it.owner });
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
  const { t } = useTranslation();
  const id = useId();
  const backRef = useRef<HTMLButtonElement>(null);
  // In the commit that shows the step (a layout effect), not after paint: focus never rests on the body between.
  useLayoutEffect(() => backRef.current?.focus(), []);
  return (
    <section className="modal-body" aria-labelledby={`${id}-review`}>
      <h3 id={`${id}-review`}>{t('clusters.review.title')}</h3>
      <p>
        <Trans
          i18nKey="clusters.review.intro"
          count={review.contexts.length}
          values={{ contexts: review.contexts.join(', ') }}
          components={{ strong: <strong /> }}
        />
      </p>
      <ul aria-label={t('clusters.review.list')}>
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
          {t('clusters.review.back')}
        </button>
        <button type="button" className="btn danger" disabled={busy} onClick={onAllow}>
          {busy ? t('clusters.add.adding') : t('clusters.review.allow')}
        </button>
      </div>
    </section>
  );
}
