// Copy files between a container and this machine (as kubectl cp does,
// with tar in the container): from the container (a file, or a folder),
// or to it (one file). The browser picks the file to upload here and saves
// a download through the browser; the desktop asks with its native dialog
// once the copy starts. Progress, Cancel, and how it ended with the SHA-256.
import { useEffect, useId, useReducer, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { transport } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { downloadFromContainer, uploadToContainer, type CopyDirection, type CopyProgress } from '../../api/fileCopy';
import { onNextFrame } from '../../lib/frameScheduler';
import { Modal } from '../common/Modal';
import { copyPercent, copyReducer, doneText, progressText } from './copyProgress';
import { runningFirst, type ContainerInfo } from './pod';
import './debug.css';

export interface CopyFilesDialogProps {
  context: string;
  namespace: string;
  pod: string;
  containers: readonly ContainerInfo[];
  onClose: () => void;
}

/** Where an upload goes unless the user says otherwise. */
export const uploadDefault = (name: string): string => `/tmp/${name}`;

export function CopyFilesDialog({ context, namespace, pod, containers, onClose }: CopyFilesDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const list = runningFirst(containers);
  const desktop = transport() === 'desktop';
  const [container, setContainer] = useState(list[0]?.name ?? '');
  const [direction, setDirection] = useState<CopyDirection>('download');
  const [path, setPath] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [state, dispatch] = useReducer(copyReducer, { phase: 'idle' });
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);
  const running = state.phase === 'running';
  const remote = path.trim();
  const problem =
    !remote ? t('debug.copy.invalid.path') : direction === 'upload' && remote.endsWith('/') ? t('debug.copy.invalid.fileName') : direction === 'upload' && !desktop && !file ? t('debug.copy.invalid.file') : null;

  const pick = (f: File | null) => {
    setFile(f);
    // The default follows the file picked, until the user typed a path of their own.
    if (f && (remote === '' || (file && remote === uploadDefault(file.name)))) setPath(uploadDefault(f.name));
  };

  const start = (e: FormEvent) => {
    e.preventDefault();
    if (problem || running) return;
    const c = new AbortController();
    ctl.current = c;
    dispatch({ type: 'start', job: { direction, remote } });
    // Progress reaches the screen once a frame, however fast it comes.
    let latest: CopyProgress | null = null;
    let cancelFrame: (() => void) | null = null;
    const onProgress = (p: CopyProgress) => {
      latest = p;
      cancelFrame ??= onNextFrame(() => {
        cancelFrame = null;
        if (latest) dispatch({ type: 'progress', progress: latest });
      });
    };
    const target = { context, namespace, pod, container };
    const copy = direction === 'download' ? downloadFromContainer(target, remote, onProgress, c.signal) : uploadToContainer(target, remote, file, onProgress, c.signal);
    copy
      .then((outcome) => {
        cancelFrame?.();
        if (latest && outcome.kind === 'stopped') dispatch({ type: 'progress', progress: latest });
        dispatch({ type: 'outcome', outcome });
      })
      .catch((err: unknown) => {
        cancelFrame?.();
        dispatch({ type: 'error', message: errorMessage(err) });
      });
  };
  const cancel = () => ctl.current?.abort();

  const percent = running ? copyPercent(state.bytes, state.total) : undefined;

  return (
    <Modal title={t('debug.copy.title')} onClose={() => (running ? cancel() : onClose())} describedBy={`${id}-where`}>
      <form className="modal-body debug-form" onSubmit={start} noValidate>
        <p id={`${id}-where`} className="hint">
          {t('debug.copy.where', { pod: `${namespace}/${pod}` })}
        </p>
        <label className="debug-field">
          <span>{t('debug.copy.container')}</span>
          <select value={container} disabled={running} onChange={(e) => setContainer(e.target.value)}>
            {list.map((c) => (
              <option key={c.name} value={c.name}>
                {c.running ? c.name : t('debug.copy.notRunning', { container: c.name })}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="debug-fieldset">
          <legend>{t('debug.copy.direction')}</legend>
          <label className="debug-choice">
            <input type="radio" name={`${id}-dir`} checked={direction === 'download'} disabled={running} onChange={() => setDirection('download')} />
            <span>{t('debug.copy.download')}</span>
          </label>
          <label className="debug-choice">
            <input type="radio" name={`${id}-dir`} checked={direction === 'upload'} disabled={running} onChange={() => setDirection('upload')} />
            <span>{t('debug.copy.upload')}</span>
          </label>
        </fieldset>
        {direction === 'upload' && !desktop && (
          <label className="debug-field">
            <span>{t('debug.copy.file')}</span>
            <input type="file" disabled={running} onChange={(e) => pick(e.target.files?.[0] ?? null)} />
          </label>
        )}
        <div className="debug-field">
          <label htmlFor={`${id}-path`}>{direction === 'download' ? t('debug.copy.pathDownload') : t('debug.copy.pathUpload')}</label>
          <input
            id={`${id}-path`}
            aria-describedby={`${id}-path-hint`}
            type="text"
            value={path}
            disabled={running}
            spellCheck={false}
            autoComplete="off"
            placeholder={direction === 'download' ? t('debug.copy.pathDownloadExample') : t('debug.copy.pathUploadExample')}
            onChange={(e) => setPath(e.target.value)}
          />
          <span id={`${id}-path-hint`} className="hint">
            {direction === 'download'
              ? desktop
                ? t('debug.copy.downloadHintDesktop')
                : t('debug.copy.downloadHintBrowser')
              : desktop
                ? t('debug.copy.uploadHintDesktop')
                : t('debug.copy.uploadHintBrowser')}
          </span>
        </div>
        {running && (
          <div className="copy-progress">
            <div
              className="copy-bar"
              role="progressbar"
              aria-label={t('debug.copy.progress')}
              aria-valuemin={0}
              {...(state.total >= 0 ? { 'aria-valuemax': state.total, 'aria-valuenow': state.bytes } : {})}
              aria-valuetext={progressText(state.bytes, state.total)}
            >
              <div className={`copy-fill${percent === undefined ? ' unknown' : ''}`} style={percent === undefined ? undefined : { width: `${percent}%` }} />
            </div>
            <span className="copy-bytes">
              {progressText(state.bytes, state.total)}
              {percent !== undefined && ` · ${percent}%`}
              {state.local && ` · ${state.local}`}
            </span>
          </div>
        )}
        {state.phase === 'done' && (
          <div className="op-message ok" role="status">
            {doneText(state.job, state.result, state.local, pod)}
            {state.result.sha256 && (
              <span className="copy-sha">
                {t('debug.copy.sha256')} <code>{state.result.sha256}</code>
              </span>
            )}
            {state.result.skipped && state.result.skipped.length > 0 && <span className="copy-sha">{t('debug.copy.skipped', { count: state.result.skipped.length, links: state.result.skipped.join(', ') })}</span>}
          </div>
        )}
        {state.phase === 'cancelled' && (
          <p className="op-message warn" role="status">
            {t('debug.copy.cancelled')}
          </p>
        )}
        {state.phase === 'stopped' && (
          <p className="op-message warn" role="status">
            {state.job.direction === 'upload' ? t('debug.copy.stoppedUpload', { bytes: progressText(state.bytes, -1), path: state.job.remote }) : t('debug.copy.stopped', { bytes: progressText(state.bytes, -1) })}
          </p>
        )}
        {state.phase === 'failed' && (
          <p className="op-message bad" role="alert">
            {state.message}
          </p>
        )}
        <div className="modal-actions">
          {problem && !running && <span className="action-status">{problem}</span>}
          {running ? (
            <button type="button" className="btn" onClick={cancel}>
              {t('common.cancel')}
            </button>
          ) : (
            <>
              <button type="button" className="btn" onClick={onClose}>
                {t('common.close')}
              </button>
              <button type="submit" className="btn primary" disabled={problem !== null || !container}>
                {state.phase === 'idle' ? t('debug.copy.start') : t('debug.copy.again')}
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  );
}
