// Logs of a pod or of every pod of a workload: a followed stream into a
// bounded ring buffer, shown virtualized, with search, pause, download and
// the kubectl logs options.
import { useTranslation } from 'react-i18next';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { LogQuery } from '../../api/operations';
import { saveFile } from '../../api/saveFile';
import { usePaneActive } from '../clusters/clusterHealth';
import { LogList } from './LogList';
import { DEFAULT_OPTIONS, LogOptions, type LogOptionsValue } from './LogOptions';
import { LogSearch } from './LogSearch';
import type { LogTarget } from './logTarget';
import { sourceText, type LineFormat } from './logText';
import { Snapshot, type LineSource } from './ringBuffer';
import { MatchIndex } from './search';
import { useLogStream } from './useLogStream';
import './logs.css';

export interface LogsViewProps {
  context: string;
  target: LogTarget;
  /** Ring buffer size (lines). */
  capacity?: number;
}


export function LogsView({ context, target, capacity }: LogsViewProps) {
  const { t } = useTranslation();
  const [opts, setOpts] = useState<LogOptionsValue>(DEFAULT_OPTIONS);
  const query = useMemo<LogQuery>(() => {
    const q: LogQuery = { context, namespace: target.namespace, follow: !opts.previous, previous: opts.previous };
    if (target.selector) q.selector = target.selector;
    else q.pod = target.name;
    if (opts.container) q.container = opts.container;
    if (opts.tail > 0) q.tailLines = opts.tail;
    if (opts.since > 0) q.sinceSeconds = opts.since;
    return q;
  }, [context, target.namespace, target.name, target.selector, opts.container, opts.previous, opts.tail, opts.since]);
  // A hidden cluster pane holds no connection (browsers allow six per host):
  // the stream stops, and starts again (fresh) when the pane is shown.
  const active = usePaneActive();
  const stream = useLogStream(active ? query : null, capacity);
  const { buffer, version } = stream;

  const [paused, setPaused] = useState(false);
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search);
  const [currentSeq, setCurrentSeq] = useState<number | undefined>(undefined);

  // A new stream: back to following.
  useEffect(() => {
    setSnapshot(null);
    setPaused(false);
    setCurrentSeq(undefined);
  }, [query]);

  const freeze = () => setSnapshot((s) => s ?? buffer.snapshot());
  const source: LineSource = snapshot ?? buffer;
  const frozenAt = snapshot ? snapshot.firstSeq + snapshot.length : buffer.nextSeq;
  const waiting = snapshot ? buffer.nextSeq - frozenAt : 0;

  // Matching lines, kept up to date as lines come and go.
  const matches = useRef<{ index: MatchIndex; source: LineSource } | null>(null);
  if (!matches.current || matches.current.source !== source || matches.current.index.query !== q) {
    matches.current = { index: new MatchIndex(q, source), source };
  } else {
    matches.current.index.update(source);
  }
  const index = matches.current.index;
  void version; // the index above follows the buffer on every render a new version causes

  useEffect(() => setCurrentSeq(undefined), [q]);
  const currentValid = currentSeq !== undefined && currentSeq >= source.firstSeq;
  const position = currentValid ? index.indexFrom(currentSeq) : -1;

  const step = (delta: 1 | -1) => {
    if (index.count === 0) return;
    freeze();
    let i: number;
    if (position < 0) i = index.count - 1;
    else i = (position + delta + index.count) % index.count;
    setCurrentSeq(index.seqAt(i));
  };

  const onAtEnd = (atEnd: boolean) => {
    if (atEnd && !paused) setSnapshot(null);
    else if (!atEnd) freeze();
  };

  const togglePause = () => {
    if (paused) {
      setPaused(false);
      setSnapshot(null);
    } else {
      setPaused(true);
      freeze();
    }
  };

  const multiContainer = !opts.container && target.containers.length > 1;
  const format: LineFormat = { timestamps: opts.timestamps, pod: Boolean(target.selector), container: multiContainer };
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    const file = `${target.name}${opts.container ? `-${opts.container}` : ''}.log`;
    try {
      const r = await saveFile(file, sourceText(source, format));
      setSaved(r.kind === 'saved' ? { ok: true, text: t('logs.view.saved', { path: r.path }) } : null);
    } catch (e) {
      setSaved({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  const following = !snapshot && stream.state === 'streaming' && query.follow;
  let state: string;
  if (stream.state === 'connecting') state = t('logs.view.connecting');
  else if (stream.state === 'error' || (stream.error && stream.state === 'ended')) state = t('logs.view.failed');
  else if (paused) state = t('logs.view.paused', { count: waiting });
  else if (snapshot) state = t('logs.view.scrolledBack', { count: waiting });
  else if (stream.state === 'ended') state = query.follow ? t('logs.view.ended') : t('logs.view.allLoaded');
  else state = t('logs.view.following');

  return (
    <section className="logs-view" aria-label={t('logs.view.label', { kind: target.kind, name: target.name })}>
      <LogOptions value={opts} containers={target.containers} onChange={setOpts} />
      <div className="log-bar">
        <LogSearch value={search} onChange={setSearch} count={index.count} position={position} onStep={step} />
        <span className={`log-state${following ? ' live' : ''}`} role="status">
          {state}
        </span>
        <span className="log-lines">
          {t('logs.view.lines', { count: buffer.length })}
        </span>
        {buffer.dropped > 0 && (
          <span className="log-dropped" title={t('logs.view.capacity', { count: buffer.capacity })}>
            {t('logs.view.dropped', { count: buffer.dropped })}
          </span>
        )}
        <span className="log-spacer" />
        {snapshot && !paused && (
          <button type="button" className="btn small" onClick={() => setSnapshot(null)}>
            {t('logs.view.jump')}
          </button>
        )}
        <button type="button" className="btn small" aria-pressed={paused} onClick={togglePause} disabled={!query.follow}>
          {paused ? t('logs.view.resume') : t('logs.view.pause')}
        </button>
        <button type="button" className="btn small" onClick={() => void save()} disabled={source.length === 0}>
          {t('logs.view.download')}
        </button>
        <button type="button" className="btn small" onClick={() => { buffer.clear(); setSnapshot(null); stream.restart(); }}>
          {t('logs.view.reload')}
        </button>
      </div>
      {stream.notes.length > 0 && <p className="log-note">{stream.notes[stream.notes.length - 1]}</p>}
      {saved && (
        <p className={saved.ok ? 'log-note' : 'log-note form-error'} role={saved.ok ? 'status' : 'alert'}>
          {saved.text}{' '}
          <button type="button" className="link-button" onClick={() => setSaved(null)}>
            {t('common.dismiss')}
          </button>
        </p>
      )}
      {stream.error && (
        <div className="banner bad log-error" role="alert">
          <div>
            <strong>{stream.error}</strong>
          </div>
          <button type="button" className="btn small" onClick={stream.restart}>
            {t('logs.view.reconnect')}
          </button>
        </div>
      )}
      {source.length === 0 && stream.error ? null : source.length === 0 && stream.state !== 'connecting' ? (
        <p className="log-empty" role="status">
          {stream.state === 'streaming' ? t('logs.view.emptyStreaming') : t('logs.view.empty')}
        </p>
      ) : (
        <LogList
          source={source}
          version={version}
          format={format}
          json={opts.json}
          wrap={opts.wrap}
          query={q}
          currentSeq={currentValid ? currentSeq : undefined}
          follow={!snapshot}
          onAtEnd={onAtEnd}
          label={t('logs.view.listLabel', { name: target.name })}
        />
      )}
    </section>
  );
}
