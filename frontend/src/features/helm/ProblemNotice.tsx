// What the Helm watch could not follow, as it reported it, designed for the
// list: a refusal names the permission ("Helm keeps its releases in secrets:
// needs list secrets cluster-wide") and offers namespaces to open instead; a
// partial read ("all namespaces" narrowed to where the user may list Helm's
// records) says which namespaces are shown; a broken watch says it retries.
// Always above the list, which stays on screen (empty when nothing could be read).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelmProblem } from '../../api/helm';
import { severalLabel } from '../clusters/NamespacePicker';

export interface ProblemNoticeProps {
  problems: readonly HelmProblem[];
  /** The namespaces on screen ("" all). */
  namespace: string;
  /** Namespaces the user may pick instead. */
  knownNamespaces: readonly string[];
  onNamespace: (namespace: string) => void;
  /** Nothing could be read: the notice says so (the list below is empty). */
  blocking: boolean;
  onRetry: () => void;
}

/** A problem that leaves namespaces unread: refused outright, or narrowed to no namespace at all. */
export const isRefusal = (p: HelmProblem): boolean => !p.retrying && !(p.partial && p.readable.length > 0);

export function ProblemNotice({ problems, namespace, knownNamespaces, onNamespace, blocking, onRetry }: ProblemNoticeProps) {
  const { t } = useTranslation();
  const id = useId();
  const refused = problems.filter(isRefusal);
  const partial = problems.filter((p) => !p.retrying && !isRefusal(p));
  const retrying = problems.filter((p) => p.retrying);
  const where = namespace ? severalLabel(namespace) : t('helm.list.anyNamespace');
  const forbiddenIn = new Set(refused.map((p) => p.namespace));
  // Where the user may read Helm's records (the watch found them), else the namespaces the user knows.
  const readable = [...new Set(partial.flatMap((p) => p.readable))];
  const suggestions = (readable.length > 0 ? readable : knownNamespaces).filter((n) => n !== namespace && !forbiddenIn.has(n)).slice(0, 8);
  const pick = (
    <div className="helm-problem-pick">
      <span>{t('helm.problem.pick')}</span>
      <ul aria-label={t('helm.problem.namespaces')}>
        {suggestions.map((n) => (
          <li key={n}>
            <button type="button" className="btn small" onClick={() => onNamespace(n)}>
              {n}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <>
      {refused.length > 0 && (
        <section className={`helm-problem${blocking ? ' blocking' : ''}`} role="alert" aria-labelledby={`${id}-title`}>
          <div className="state-icon warn" aria-hidden="true">
            ⊘
          </div>
          <div className="helm-problem-body">
            <h2 id={`${id}-title`}>{blocking ? t('helm.problem.titleAll', { where }) : t('helm.problem.title')}</h2>
            <ul aria-label={t('helm.problem.list')}>
              {refused.map((p) => (
                <li key={`${p.driver}/${p.namespace}`}>{p.message}</li>
              ))}
            </ul>
            <p className="muted">{t('helm.problem.why')}</p>
            {suggestions.length > 0 ? pick : <p className="muted">{t('helm.problem.usePicker')}</p>}
          </div>
        </section>
      )}
      {partial.length > 0 && (
        <section className="helm-problem partial" role="note" aria-labelledby={`${id}-partial`}>
          <div className="helm-problem-body">
            <h2 id={`${id}-partial`}>{t('helm.problem.partial', { namespaces: severalLabel(readable.join(',')) })}</h2>
            <ul aria-label={t('helm.problem.list')}>
              {partial.map((p) => (
                <li key={`${p.driver}/${p.namespace}`}>{p.message}</li>
              ))}
            </ul>
            {refused.length === 0 && suggestions.length > 0 && pick}
          </div>
        </section>
      )}
      {retrying.length > 0 && (
        <div className="banner warn" role="status">
          <div>
            <strong>{t('helm.problem.retrying')}</strong>
            {retrying.map((p) => (
              <span key={`${p.driver}/${p.namespace}`} className="banner-detail">
                {p.message}
              </span>
            ))}
          </div>
          <button type="button" className="btn small" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </div>
      )}
    </>
  );
}
