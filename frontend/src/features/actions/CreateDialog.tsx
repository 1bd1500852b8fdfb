// Create (or apply) objects from YAML: multi-document, per-document dry-run
// preview, server-side apply. "Open file…" loads a local file.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { ops, type OpResult } from '../../api/operations';
import { Modal } from '../common/Modal';
import { DiffView } from './DiffView';
import { YamlEditor } from './YamlEditor';
import { lintYaml, splitDocuments, withoutManagedFields } from './yamlTools';

const TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: example
data:
  key: value
`;

export function CreateDialog({
  context,
  namespace,
  onClose,
  onDone,
}: {
  context: string;
  /** Where objects without a namespace go. */
  namespace: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(TEMPLATE);
  const [ns, setNs] = useState(namespace || 'default');
  const [preview, setPreview] = useState<OpResult[] | null>(null);
  const [applied, setApplied] = useState<OpResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = useMemo(() => lintYaml(text), [text]);
  const docs = useMemo(() => splitDocuments(text).length, [text]);

  const apply = async (dryRun: boolean) => {
    if (problems.length) return;
    setBusy(true);
    setError(null);
    try {
      const r = await ops.Apply(context, text, ns, dryRun);
      if (dryRun) setPreview(r);
      else {
        setApplied(r);
        if (r.every((x) => !x.error)) onDone(t('actions.create.applied', { count: r.length }));
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const results = applied ?? preview;
  return (
    <Modal title={t('actions.create.title')} onClose={onClose} size="wide" closeOnBackdrop={false}>
      <div className="modal-body action-form">
        <div className="field-row">
          <label className="field-row">
            {t('actions.create.namespace')}
            <input type="text" value={ns} onChange={(e) => setNs(e.target.value)} />
          </label>
          <label className="btn small" style={{ marginLeft: 'auto' }}>
            {t('actions.create.openFile')}
            <input
              type="file"
              accept=".yaml,.yml,.json,text/yaml,application/json"
              className="sr-only"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void f.text().then((body) => { setText(body); setPreview(null); setApplied(null); });
              }}
            />
          </label>
        </div>
        <YamlEditor value={text} onChange={(body) => { setText(body); setPreview(null); setApplied(null); }} label={t('actions.create.editor')} compact={!!results} />
        <p className="action-status">
          {t('actions.create.documents', { count: docs })}
        </p>
        {problems.length > 0 && (
          <ul className="problems" role="alert" aria-label={t('actions.edit.problems')}>
            {problems.slice(0, 5).map((p) => (
              <li key={p.from}>{p.message}</li>
            ))}
          </ul>
        )}
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        {results && (
          <section aria-label={applied ? t('actions.create.resultsLabel') : t('actions.create.previewLabel')}>
            <h3 className="action-status">{applied ? t('actions.create.appliedHeading') : t('actions.create.dryRunHeading')}</h3>
            {results.map((r, i) => (
              <details key={i} open={results.length === 1 || !!r.error}>
                <summary className={r.error ? 'bad-text' : ''}>
                  {t('actions.create.document', {
                    n: i + 1,
                    object: `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`,
                    result: r.error ? `${r.status ? `${r.status}: ` : ''}${r.error}` : r.action ?? t('actions.create.ok'),
                  })}
                </summary>
                {!r.error && r.yaml && !applied && (
                  <DiffView before={withoutManagedFields(r.live ?? '')} after={withoutManagedFields(r.yaml)} label={t('actions.create.documentChanges', { n: i + 1 })} />
                )}
              </details>
            ))}
          </section>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {applied ? t('common.close') : t('common.cancel')}
          </button>
          <button type="button" className="btn" disabled={busy || problems.length > 0} onClick={() => void apply(true)}>
            {t('actions.edit.preview')}
          </button>
          <button type="button" className="btn primary" disabled={busy || problems.length > 0} onClick={() => void apply(false)}>
            {t('actions.create.apply')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
