// What a release's manifest declares, read live: each object present
// (linked to its page in Kubedeck), missing, forbidden or of a kind the
// cluster does not serve, and whether it drifted from the manifest. Picking
// one shows its drift (the rendered fields beside the same fields live) and,
// on demand, the whole live object. The raw manifest below.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorMessage } from '../../api/errors';
import type { HelmDetails, HelmObjectState, HelmRef } from '../../api/types';
import { detailsRoute, routeHash } from '../../router';
import { DiffView } from '../actions/DiffView';
import { YamlEditor } from '../actions/YamlEditor';
import { useHelmDrift, useHelmObjects } from './queries';

const objectName = (o: { kind: string; namespace: string; name: string }) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;

function stateText(t: TFunction, state: string): string {
  switch (state) {
    case 'present': return t('helm.objects.present');
    case 'missing': return t('helm.objects.missing');
    case 'forbidden': return t('helm.objects.forbidden');
    case 'unknown-kind': return t('helm.objects.unknownKind');
    default: return t('helm.objects.error');
  }
}

const STATE_TONE: Record<string, string> = { present: 'ok', missing: 'bad', forbidden: 'warn', 'unknown-kind': 'neutral' };

export function ObjectsTab({ context, helmRef, details }: { context: string; helmRef: HelmRef; details: HelmDetails }) {
  const { t } = useTranslation();
  const objects = useHelmObjects(context, helmRef, true);
  const [picked, setPicked] = useState<number | null>(null);
  const id = useId();
  const list = objects.data ?? [];
  const drifted = list.filter((o) => o.drifted).length;
  return (
    <div className="helm-objects">
      <section aria-labelledby={`${id}-objects`}>
        <h2 id={`${id}-objects`} className="helm-section-title">
          {t('helm.objects.title')}
          {objects.data && <span className="muted"> · {t('helm.objects.count', { count: list.length, drifted })}</span>}
        </h2>
        {objects.isPending ? (
          <p className="loading-text" role="status">
            {t('helm.objects.loading')}
          </p>
        ) : objects.isError ? (
          <p className="op-message bad" role="alert">
            {t('helm.objects.loadError', { error: errorMessage(objects.error) })}
          </p>
        ) : list.length === 0 ? (
          <p className="muted">{t('helm.objects.none')}</p>
        ) : (
          <table className="simple-table helm-object-table" aria-label={t('helm.objects.table', { name: helmRef.name })}>
            <thead>
              <tr>
                <th scope="col">{t('helm.objects.kind')}</th>
                <th scope="col">{t('helm.objects.name')}</th>
                <th scope="col">{t('helm.objects.namespace')}</th>
                <th scope="col">{t('helm.objects.state')}</th>
                <th scope="col">
                  <span className="sr-only">{t('helm.objects.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((o, i) => (
                <ObjectRow key={`${i}/${o.apiVersion}/${o.kind}/${o.namespace}/${o.name}`} context={context} o={o} selected={picked === i} onPick={() => setPicked(picked === i ? null : i)} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {picked !== null && list[picked] && <DriftPanel context={context} helmRef={helmRef} index={picked} object={list[picked]} />}
      <section aria-labelledby={`${id}-manifest`}>
        <h2 id={`${id}-manifest`} className="helm-section-title">
          {t('helm.objects.manifest')}
        </h2>
        <YamlEditor value={details.manifest} onChange={() => undefined} readOnly label={t('helm.objects.manifestLabel', { name: helmRef.name })} />
      </section>
    </div>
  );
}

function ObjectRow({ context, o, selected, onPick }: { context: string; o: HelmObjectState; selected: boolean; onPick: () => void }) {
  const { t } = useTranslation();
  const linkable = o.state === 'present' && o.resource !== '';
  const href = linkable ? routeHash(detailsRoute(context, { group: o.group, version: o.version, resource: o.resource }, o.namespaced ? o.namespace : '', o.name)) : null;
  const comparable = o.state === 'present' || o.state === 'missing';
  return (
    <tr className={selected ? 'selected' : undefined}>
      <td>{o.kind}</td>
      <td className="mono">{href ? <a href={href}>{o.name}</a> : o.name}</td>
      <td>{o.namespace}</td>
      <td>
        <span className={`helm-status helm-status-${STATE_TONE[o.state] ?? 'bad'}`} title={o.message || undefined}>
          <span className="status-dot" aria-hidden="true" />
          {stateText(t, o.state)}
        </span>
        {o.drifted && <span className="badge helm-drifted">{t('helm.objects.drifted')}</span>}
        {o.message && o.state !== 'present' && <span className="muted helm-object-why"> {o.message}</span>}
      </td>
      <td>
        {comparable && (
          <button type="button" className="btn small" aria-pressed={selected} onClick={onPick} aria-label={t('helm.objects.compareLabel', { object: objectName(o) })}>
            {t('helm.objects.compare')}
          </button>
        )}
      </td>
    </tr>
  );
}

function DriftPanel({ context, helmRef, index, object }: { context: string; helmRef: HelmRef; index: number; object: HelmObjectState }) {
  const { t } = useTranslation();
  const id = useId();
  const drift = useHelmDrift(context, helmRef, index);
  const [whole, setWhole] = useState(false);
  const what = objectName(object);
  return (
    <section className="helm-drift" aria-labelledby={`${id}-drift`}>
      <h2 id={`${id}-drift`} className="helm-section-title">
        {t('helm.drift.title', { object: what })}
      </h2>
      {drift.isPending ? (
        <p className="loading-text" role="status">
          {t('helm.drift.loading', { object: what })}
        </p>
      ) : drift.isError ? (
        <p className="op-message bad" role="alert">
          {t('helm.drift.loadError', { error: errorMessage(drift.error) })}
        </p>
      ) : (
        <>
          <p className="action-status">{drift.data.object.drifted ? t('helm.drift.drifted') : t('helm.drift.same')}</p>
          <DiffView before={drift.data.rendered} after={drift.data.liveFields} label={t('helm.drift.diff', { object: what })} />
          {drift.data.live && (
            <>
              <button type="button" className="btn small" aria-expanded={whole} onClick={() => setWhole(!whole)}>
                {whole ? t('helm.drift.hideLive') : t('helm.drift.showLive')}
              </button>
              {whole && (
                // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1)
                <pre className="yaml mono helm-live" role="region" aria-label={t('helm.drift.live', { object: what })} tabIndex={0}>
                  {drift.data.live}
                </pre>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
