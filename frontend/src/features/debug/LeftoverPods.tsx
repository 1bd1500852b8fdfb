// Debug pods a Kubedeck that died left behind (node shells, copies it was to
// delete): asked for once per context per app run, when the cluster is
// ready; each can be deleted or kept (the notice forgets it for this run).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { ops, type DebugPod } from '../../api/operations';
import { Age } from '../../components/Age';
import { useNow } from '../../lib/useNow';
import { readOnlyReason } from '../actions/access';
import { useReadOnly } from '../actions/useAccess';
import './debug.css';

const podKey = (p: DebugPod) => `${p.namespace}/${p.name}`;

export const leftoversKey = (context: string) => ['debugPods', context] as const;

export function LeftoverPods({ context, ready }: { context: string; ready: boolean }) {
  const { t } = useTranslation();
  const readOnly = useReadOnly(context);
  const now = useNow(30_000);
  // Once per context per run: the answer is kept for the app's life.
  const q = useQuery({ queryKey: leftoversKey(context), queryFn: () => ops.DebugPods(context), enabled: ready, staleTime: Infinity, gcTime: Infinity, retry: false });
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pods = (q.data ?? []).filter((p) => !gone.has(podKey(p)));
  if (pods.length === 0) return null;

  const forget = (keys: string[]) => setGone((g) => new Set([...g, ...keys]));
  const mark = (keys: string[], on: boolean) => setBusy((b) => (on ? new Set([...b, ...keys]) : new Set([...b].filter((k) => !keys.includes(k)))));
  const remove = async (list: DebugPod[]) => {
    const keys = list.map(podKey);
    mark(keys, true);
    const results = await Promise.allSettled(list.map((p) => ops.DebugPodDelete(context, p.namespace, p.name)));
    const failed: Record<string, string> = {};
    results.forEach((r, i) => {
      if (r.status === 'rejected') failed[keys[i] ?? ''] = errorMessage(r.reason);
    });
    setErrors((e) => ({ ...Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))), ...failed }));
    forget(keys.filter((k) => !(k in failed)));
    mark(keys, false);
  };

  const kindText = (p: DebugPod) => (p.kind === 'node-shell' ? t('debug.leftover.nodeShell') : p.kind === 'copy' ? t('debug.leftover.copy') : p.kind);
  const sourceText = (p: DebugPod) => (!p.source ? '' : p.kind === 'node-shell' ? t('debug.leftover.onNode', { node: p.source }) : t('debug.leftover.ofPod', { pod: p.source }));

  return (
    <section className="banner warn leftover-banner" aria-label={t('debug.leftover.label')}>
      <div>
        <strong>{t('debug.leftover.title', { count: pods.length, context })}</strong>
        <span className="banner-detail">{t('debug.leftover.detail')}</span>
        <ul className="leftover-list">
          {pods.map((p) => {
            const key = podKey(p);
            return (
              <li key={key}>
                <span className="leftover-kind">{kindText(p)}</span> <code>{key}</code>
                {sourceText(p) && <span className="banner-detail"> · {sourceText(p)}</span>}
                <span className="banner-detail">
                  {' '}
                  · {t('debug.leftover.age')} <Age created={p.created} now={now} />
                </span>
                <span className="leftover-actions">
                  <button
                    type="button"
                    className="btn small danger"
                    disabled={busy.has(key) || readOnly}
                    title={readOnly ? readOnlyReason() : undefined}
                    aria-label={t('debug.leftover.deleteOne', { pod: key })}
                    onClick={() => void remove([p])}
                  >
                    {busy.has(key) ? t('debug.leftover.deleting') : t('debug.leftover.delete')}
                  </button>
                  <button type="button" className="btn small" aria-label={t('debug.leftover.keepOne', { pod: key })} onClick={() => forget([key])}>
                    {t('debug.leftover.keep')}
                  </button>
                </span>
                {errors[key] && (
                  <span className="op-message bad inline" role="alert">
                    {errors[key]}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      {pods.length > 1 && (
        <button type="button" className="btn small danger" disabled={readOnly || pods.every((p) => busy.has(podKey(p)))} title={readOnly ? readOnlyReason() : undefined} onClick={() => void remove(pods)}>
          {t('debug.leftover.deleteAll', { count: pods.length })}
        </button>
      )}
    </section>
  );
}
