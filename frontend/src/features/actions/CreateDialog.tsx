// Create (or apply) objects from YAML: multi-document, per-document dry-run
// preview, server-side apply. "Open file…" loads a local file.
import { useMemo, useState } from 'react';
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
        if (r.every((x) => !x.error)) onDone(`Applied ${r.length} object${r.length === 1 ? '' : 's'}`);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const results = applied ?? preview;
  return (
    <Modal title="Create from YAML" onClose={onClose} size="wide" closeOnBackdrop={false}>
      <div className="modal-body action-form">
        <div className="field-row">
          <label className="field-row">
            Default namespace
            <input type="text" value={ns} onChange={(e) => setNs(e.target.value)} />
          </label>
          <label className="btn small" style={{ marginLeft: 'auto' }}>
            Open file…
            <input
              type="file"
              accept=".yaml,.yml,.json,text/yaml,application/json"
              className="sr-only"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void f.text().then((t) => { setText(t); setPreview(null); setApplied(null); });
              }}
            />
          </label>
        </div>
        <YamlEditor value={text} onChange={(t) => { setText(t); setPreview(null); setApplied(null); }} label="YAML to create" compact={!!results} />
        <p className="action-status">
          {docs} document{docs === 1 ? '' : 's'}
        </p>
        {problems.length > 0 && (
          <ul className="problems" role="alert" aria-label="YAML problems">
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
          <section aria-label={applied ? 'Apply results' : 'Dry-run preview'}>
            <h3 className="action-status">{applied ? 'Applied:' : 'Dry run (nothing was changed):'}</h3>
            {results.map((r, i) => (
              <details key={i} open={results.length === 1 || !!r.error}>
                <summary className={r.error ? 'bad-text' : ''}>
                  Document {i + 1}: {r.kind} {r.namespace ? `${r.namespace}/` : ''}
                  {r.name} — {r.error ? `${r.status ? `${r.status}: ` : ''}${r.error}` : r.action ?? 'ok'}
                </summary>
                {!r.error && r.yaml && !applied && (
                  <DiffView before={withoutManagedFields(r.live ?? '')} after={withoutManagedFields(r.yaml)} label={`Document ${i + 1} changes`} />
                )}
              </details>
            ))}
          </section>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {applied ? 'Close' : 'Cancel'}
          </button>
          <button type="button" className="btn" disabled={busy || problems.length > 0} onClick={() => void apply(true)}>
            Preview
          </button>
          <button type="button" className="btn primary" disabled={busy || problems.length > 0} onClick={() => void apply(false)}>
            Apply
          </button>
        </div>
      </div>
    </Modal>
  );
}
