// Install a chart from this machine: the desktop asks for a chart folder or
// archive with its native dialogs (HelmPickChart), the browser uploads a .tgz
// (HelmReadChart, then its bytes go with HelmInstall). Then the release's
// name, namespace and values (the chart's defaults to start with), a dry run
// showing the manifest, and Install.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transport } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { helmApi, toBase64 } from '../../api/helm';
import type { HelmChartInfo, HelmResult } from '../../api/types';
import { helmReleaseRoute, navigate } from '../../router';
import { lintYaml } from '../actions/yamlTools';
import { YamlEditor } from '../actions/YamlEditor';
import { Modal } from '../common/Modal';
import { GatedButton } from './GatedButton';
import { useInstallState } from './permissions';
import { ValuesField } from './ValuesField';

export interface InstallDialogProps {
  context: string;
  /** The namespace to start with. */
  namespace: string;
  knownNamespaces: readonly string[];
  onClose: () => void;
}

/** Helm's rule for release names (DNS-1123 subdomain, at most 53 characters). */
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

interface Chart {
  info: HelmChartInfo;
  /** The uploaded archive (base64), or "" for a chart picked on this machine (info.path). */
  archive: string;
}

type Phase = { t: 'edit' } | { t: 'preview'; result: HelmResult } | { t: 'done'; result: HelmResult };

export function InstallDialog({ context, namespace: startNamespace, knownNamespaces, onClose }: InstallDialogProps) {
  const { t } = useTranslation();
  const [chart, setChart] = useState<Chart | null>(null);
  const [busy, setBusy] = useState<'pick' | 'preview' | 'install' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = chart ? t('helm.install.titleChart', { chart: `${chart.info.name}-${chart.info.version}` }) : t('helm.install.title');
  const picked = (info: HelmChartInfo, archive: string) => {
    setChart({ info, archive });
    setError(null);
  };
  return (
    <Modal title={title} onClose={onClose} size="wide" closeOnBackdrop={false}>
      <div className="modal-body helm-dialog">
        {chart ? (
          <InstallForm
            context={context}
            chart={chart}
            startNamespace={startNamespace}
            knownNamespaces={knownNamespaces}
            busy={busy}
            setBusy={setBusy}
            onOther={() => setChart(null)}
            onClose={onClose}
          />
        ) : (
          <ChartSource busy={busy === 'pick'} setBusy={(b) => setBusy(b ? 'pick' : null)} onPicked={picked} onError={setError} onClose={onClose} />
        )}
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
      </div>
    </Modal>
  );
}

function ChartSource({ busy, setBusy, onPicked, onError, onClose }: {
  busy: boolean;
  setBusy: (b: boolean) => void;
  onPicked: (info: HelmChartInfo, archive: string) => void;
  onError: (e: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const desktop = transport() === 'desktop';
  const run = async (read: () => Promise<{ info: HelmChartInfo; archive: string } | null>) => {
    setBusy(true);
    onError(null);
    try {
      const r = await read();
      if (r) onPicked(r.info, r.archive);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  // The native dialog answers an empty path when it was cancelled.
  const pick = (folder: boolean) => run(async () => {
    const info = await helmApi.HelmPickChart(folder);
    return info.path ? { info, archive: '' } : null;
  });
  const upload = (file: File) => run(async () => {
    const archive = toBase64(new Uint8Array(await file.arrayBuffer()));
    return { info: await helmApi.HelmReadChart(archive), archive };
  });
  return (
    <>
      <p>{desktop ? t('helm.install.pickDesktop') : t('helm.install.pickBrowser')}</p>
      <div className="helm-pick">
        {desktop ? (
          <>
            <button type="button" className="btn" disabled={busy} onClick={() => void pick(true)}>
              {t('helm.install.folder')}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void pick(false)}>
              {t('helm.install.archive')}
            </button>
          </>
        ) : (
          <label className="field-row">
            {t('helm.install.upload')}
            <input
              type="file"
              accept=".tgz,.tar.gz"
              disabled={busy}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void upload(f);
                e.target.value = '';
              }}
            />
          </label>
        )}
        {busy && (
          <span className="action-status" role="status">
            {t('helm.install.reading')}
          </span>
        )}
      </div>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}

function InstallForm({ context, chart, startNamespace, knownNamespaces, busy, setBusy, onOther, onClose }: {
  context: string;
  chart: Chart;
  startNamespace: string;
  knownNamespaces: readonly string[];
  busy: 'pick' | 'preview' | 'install' | null;
  setBusy: (b: 'preview' | 'install' | null) => void;
  onOther: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { info } = chart;
  const [name, setName] = useState(info.name);
  const [namespace, setNamespace] = useState(startNamespace);
  const [values, setValues] = useState(info.values);
  const [phase, setPhase] = useState<Phase>({ t: 'edit' });
  const [error, setError] = useState<string | null>(null);
  const problems = useMemo(() => lintYaml(values), [values]);
  const state = useInstallState(context, NAMESPACE.test(namespace) ? namespace : '');
  const nameProblem = name && (!RELEASE_NAME.test(name) || name.length > 53) ? t('helm.install.badName') : null;
  const namespaceProblem = namespace && !NAMESPACE.test(namespace) ? t('helm.install.badNamespace') : null;
  const ready = !!name && !!namespace && !nameProblem && !namespaceProblem && problems.length === 0 && busy === null;

  const run = async (dryRun: boolean) => {
    if (!ready) return;
    setBusy(dryRun ? 'preview' : 'install');
    setError(null);
    try {
      const result = await helmApi.HelmInstall(context, { namespace, name, chartPath: chart.archive ? '' : info.path, archive: chart.archive, values, dryRun });
      setPhase(dryRun ? { t: 'preview', result } : { t: 'done', result });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  if (phase.t === 'done') {
    return (
      <>
        <p className="op-message ok" role="status">
          {phase.result.message}
        </p>
        {phase.result.notes && <pre className="yaml mono helm-notes">{phase.result.notes}</pre>}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="button" className="btn primary" onClick={() => navigate(helmReleaseRoute(context, namespace, name))}>
            {t('helm.install.openRelease', { name })}
          </button>
        </div>
      </>
    );
  }
  const installLabel = busy === 'install' ? t('helm.install.installing') : t('helm.install.install');
  // Refused by RBAC or read-only: the reason shows; otherwise off only until the fields are right.
  const installButton = state.enabled ? (
    <button type="button" className="btn primary" disabled={!ready} onClick={() => void run(false)}>
      {installLabel}
    </button>
  ) : (
    <GatedButton label={installLabel} state={state} className="btn primary" haspopup={false} onClick={() => undefined} />
  );
  return (
    <>
      <p className="helm-chart-line">
        <strong>{info.name}</strong> {info.version}
        {info.appVersion && <span className="muted"> · {t('helm.install.appVersion', { version: info.appVersion })}</span>}
        {info.description && <span className="muted"> · {info.description}</span>}{' '}
        <button type="button" className="link-button" onClick={onOther}>
          {t('helm.install.other')}
        </button>
      </p>
      {phase.t === 'preview' ? (
        <>
          <p className="action-status" role="status">
            {phase.result.message}
          </p>
          <YamlEditor value={phase.result.manifest} onChange={() => undefined} label={t('helm.install.manifest', { name })} readOnly compact />
        </>
      ) : (
        <>
          <div className="helm-fields">
            <label className="field-row">
              {t('helm.install.name')}
              <input type="text" value={name} spellCheck={false} autoComplete="off" aria-invalid={!!nameProblem} onChange={(e) => setName(e.target.value.trim())} />
            </label>
            <label className="field-row">
              {t('helm.install.namespace')}
              <input type="text" value={namespace} spellCheck={false} autoComplete="off" aria-invalid={!!namespaceProblem} onChange={(e) => setNamespace(e.target.value.trim())} />
            </label>
          </div>
          {knownNamespaces.length > 1 && (
            <div className="helm-ns-picks">
              <span className="muted">{t('helm.install.pickNamespace')}</span>
              <ul aria-label={t('helm.install.namespaces')}>
                {knownNamespaces.slice(0, 12).map((n) => (
                  <li key={n}>
                    <button type="button" className="link-button" aria-pressed={n === namespace} onClick={() => setNamespace(n)}>
                      {n}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {(nameProblem || namespaceProblem) && (
            <p className="action-status bad" role="alert">
              {nameProblem ?? namespaceProblem}
            </p>
          )}
          {info.hasSchema && (
            <p className="modal-note" role="note">
              {t('helm.values.schema')}
            </p>
          )}
          <ValuesField value={values} onChange={setValues} label={t('helm.install.values', { chart: info.name })} problems={problems} />
        </>
      )}
      {error && (
        <p className="op-message bad" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        {phase.t === 'preview' ? (
          <button type="button" className="btn" onClick={() => setPhase({ t: 'edit' })}>
            {t('helm.values.back')}
          </button>
        ) : (
          <button type="button" className="btn" disabled={!ready} onClick={() => void run(true)}>
            {busy === 'preview' ? t('helm.values.previewing') : t('helm.values.preview')}
          </button>
        )}
        {installButton}
      </div>
    </>
  );
}
