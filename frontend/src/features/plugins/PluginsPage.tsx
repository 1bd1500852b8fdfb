// The Plugins page: every plugin folder with its state; approve (after
// seeing name, version, path, content hash and the capabilities it asks for,
// granting some or all), enable, disable, what each was granted, the requests
// refused to it, and each running plugin's settings page (in its frame).
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { useTitle } from '../../lib/useTitle';
import type { Capabilities } from '../../api/contract.gen';
import { pluginCommands, type PluginInfo } from './backend';
import { frames, reconcile } from './host';
import { ApproveDialog } from './ApproveDialog';
import { PluginFrame } from './PluginFrame';
import { usePlugins, type LoadedPlugin, type RefusalEntry } from './registry';
import { GrantedList, RefusedList } from './PluginCardLists';
import { shownState, stateError, stateText } from './stateText';
import './plugins.css';

// ApprovePlugin(id, hash, granted): backend.ts (helper G) takes the grant as its third argument once their branch lands.
function approve(id: string, hash: string, granted: Capabilities): Promise<PluginInfo[]> {
  const fn: (id: string, hash: string, granted: Capabilities) => Promise<PluginInfo[]> = pluginCommands.approve;
  return fn(id, hash, granted);
}

export function PluginsPage({ context }: { context: string }) {
  const { t } = useTranslation();
  useTitle(`${t('plugins.page.heading')} · ${context} — Kubedeck`);
  const snap = usePlugins();
  const [reviewing, setReviewing] = useState<PluginInfo | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (id: string, fn: () => Promise<PluginInfo[]>) => {
    setBusy(id);
    setError(null);
    try {
      reconcile(await fn());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="view plugins-view" aria-labelledby="plugins-title">
      <header className="view-header">
        <div className="view-title-block">
          <h1 id="plugins-title">{t('plugins.page.heading')}</h1>
          <span className="view-scope">{t('plugins.page.trust')}</span>
        </div>
      </header>
      {error && (
        <div className="banner bad" role="alert">
          <div>
            <strong>{error}</strong>
          </div>
          <button type="button" className="btn small" onClick={() => setError(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {snap.listError && (
        <div className="banner warn" role="alert">
          <div>
            <strong>{snap.listError}</strong>
          </div>
        </div>
      )}
      <div className="view-body plugins-body">
        {snap.list === null ? (
          <p role="status">{t('plugins.page.looking')}</p>
        ) : snap.list.length === 0 ? (
          <div className="state-panel">
            <h2>{t('plugins.page.none')}</h2>
            <p className="state-detail">
              <Trans i18nKey="plugins.page.noneDetail" values={{ path: '~/.config/kubedeck/plugins/<name>/' }} components={{ code: <code /> }} />
            </p>
          </div>
        ) : (
          <ul className="plugin-list" aria-label={t('plugins.page.installed')}>
            {snap.list.map((p) => (
              <PluginCard
                key={p.id}
                info={p}
                loaded={snap.loaded.get(p.id)}
                refusals={snap.refusals.get(p.id) ?? []}
                context={context}
                busy={busy === p.id}
                onReview={() => setReviewing(p)}
                onEnable={(on) => void act(p.id, () => pluginCommands.setEnabled(p.id, on))}
                onRetry={() => frames.retry(p.id)}
              />
            ))}
          </ul>
        )}
      </div>
      {reviewing && (
        <ApproveDialog
          plugin={reviewing}
          onCancel={() => setReviewing(null)}
          onApprove={(granted) => {
            const p = reviewing;
            setReviewing(null);
            void act(p.id, () => approve(p.id, p.hash, granted));
          }}
        />
      )}
    </section>
  );
}

interface CardProps {
  info: PluginInfo;
  loaded: LoadedPlugin | undefined;
  refusals: readonly RefusalEntry[];
  context: string;
  busy: boolean;
  onReview: () => void;
  onEnable: (on: boolean) => void;
  onRetry: () => void;
}

function PluginCard({ info, loaded, refusals, context, busy, onReview, onEnable, onRetry }: CardProps) {
  const { t } = useTranslation();
  const state = shownState(info, loaded?.runtime);
  const err = stateError(info, loaded?.runtime);
  const headingId = `plugin-${info.id}-name`;
  const hasSettings = loaded?.runtime.status === 'running' && loaded.contributions.settings;
  const stuck = state === 'running' && loaded?.responding === false;
  const [showSettings, setShowSettings] = useState(false);
  return (
    <li className={`plugin-card state-${state}`} aria-labelledby={headingId}>
      <div className="plugin-card-head">
        <h2 id={headingId}>
          {info.name} {info.version && <span className="plugin-version">{info.version}</span>}
          {info.dev && <span className="badge">{t('plugins.card.dev')}</span>}
        </h2>
        <span className={`plugin-state ${state}`} aria-label={t('plugins.card.state', { state: stateText(info, loaded?.runtime) })}>
          {stateText(info, loaded?.runtime)}
        </span>
      </div>
      {info.description && <p className="plugin-description">{info.description}</p>}
      {err && (
        <p className="plugin-error" role="alert">
          {err}
        </p>
      )}
      {stuck && (
        <p className="plugin-error" role="alert">
          {t('plugins.card.notResponding')}
        </p>
      )}
      <dl className="plugin-facts">
        <dt>{t('plugins.card.path')}</dt>
        <dd className="mono">{info.path}</dd>
        <dt>{t('plugins.card.hash')}</dt>
        <dd className="mono plugin-hash">{info.hash || '—'}</dd>
        {info.state !== 'waiting-approval' && info.state !== 'invalid' && (
          <>
            <dt>{t('plugins.card.granted')}</dt>
            <dd>
              <GrantedList granted={info.granted} />
            </dd>
          </>
        )}
      </dl>
      <RefusedList name={info.name} refusals={refusals} />
      <div className="plugin-card-actions">
        {state === 'waiting-approval' && (
          <button type="button" className="btn primary small" disabled={busy} onClick={onReview} aria-label={t('plugins.card.reviewLabel', { name: info.name })}>
            {t('plugins.card.review')}
          </button>
        )}
        {state === 'disabled' && (
          <button type="button" className="btn small" disabled={busy} onClick={() => onEnable(true)} aria-label={t('plugins.card.enableLabel', { name: info.name })}>
            {t('plugins.card.enable')}
          </button>
        )}
        {(state === 'running' || state === 'loading' || state === 'failed') && (
          <button type="button" className="btn small" disabled={busy} onClick={() => onEnable(false)} aria-label={t('plugins.card.disableLabel', { name: info.name })}>
            {t('plugins.card.disable')}
          </button>
        )}
        {state === 'failed' && (
          <button type="button" className="btn small" onClick={onRetry} aria-label={t('plugins.card.reloadLabel', { name: info.name })}>
            {t('plugins.card.reload')}
          </button>
        )}
        {hasSettings && (
          <button type="button" className="btn small" aria-expanded={showSettings} onClick={() => setShowSettings(!showSettings)} aria-label={t('plugins.card.settingsLabel', { name: info.name })}>
            {t('plugins.card.settings')}
          </button>
        )}
      </div>
      {hasSettings && showSettings && (
        <div className="plugin-settings" role="region" aria-label={t('plugins.card.settingsLabel', { name: info.name })}>
          <PluginFrame info={info} view={{ kind: 'settings' }} props={{ context, namespace: '' }} title={t('plugins.frame.view', { name: info.name, view: t('plugins.card.settings') })} />
        </div>
      )}
    </li>
  );
}
