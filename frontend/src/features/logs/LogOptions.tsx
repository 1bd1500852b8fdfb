// The log view's options: container, previous, tail, since, timestamps, wrap, JSON.
import { useId } from 'react';
import type { JsonMode } from './jsonLine';
import type { ContainerChoice } from './logTarget';

export interface LogOptionsValue {
  /** Empty: every container. */
  container: string;
  previous: boolean;
  /** 0: all lines. */
  tail: number;
  /** 0: no limit. */
  since: number;
  timestamps: boolean;
  wrap: boolean;
  json: JsonMode;
}

export const DEFAULT_OPTIONS: LogOptionsValue = {
  container: '',
  previous: false,
  tail: 1000,
  since: 0,
  timestamps: false,
  wrap: false,
  json: 'raw',
};

const TAILS = [10, 100, 1000, 10_000, 0];
const SINCES: [number, string][] = [
  [0, 'All time'],
  [60, 'Last minute'],
  [300, 'Last 5 minutes'],
  [900, 'Last 15 minutes'],
  [3600, 'Last hour'],
  [21_600, 'Last 6 hours'],
  [86_400, 'Last day'],
];

const KIND_NOTE: Record<ContainerChoice['kind'], string> = { init: ' (init)', container: '', ephemeral: ' (ephemeral)' };

export function LogOptions({ value, containers, onChange }: {
  value: LogOptionsValue;
  containers: ContainerChoice[];
  onChange: (v: LogOptionsValue) => void;
}) {
  const id = useId();
  const set = <K extends keyof LogOptionsValue>(k: K, v: LogOptionsValue[K]) => onChange({ ...value, [k]: v });
  return (
    <div className="log-options" role="group" aria-label="Log options">
      <label htmlFor={`${id}-c`}>Container</label>
      <select id={`${id}-c`} value={value.container} onChange={(e) => set('container', e.target.value)}>
        <option value="">All containers</option>
        {containers.map((c) => (
          <option key={`${c.kind}:${c.name}`} value={c.name}>
            {c.name}
            {KIND_NOTE[c.kind]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-t`}>Tail</label>
      <select id={`${id}-t`} value={value.tail} onChange={(e) => set('tail', Number(e.target.value))}>
        {TAILS.map((t) => (
          <option key={t} value={t}>
            {t === 0 ? 'All lines' : `${t.toLocaleString('en-US')} lines`}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-s`}>Since</label>
      <select id={`${id}-s`} value={value.since} onChange={(e) => set('since', Number(e.target.value))}>
        {SINCES.map(([s, label]) => (
          <option key={s} value={s}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-j`}>JSON</label>
      <select id={`${id}-j`} value={value.json} onChange={(e) => set('json', e.target.value as JsonMode)}>
        <option value="raw">As logged</option>
        <option value="readable">Readable</option>
        <option value="pretty">Pretty</option>
      </select>
      <label className="check">
        <input type="checkbox" checked={value.previous} onChange={(e) => set('previous', e.target.checked)} />
        Previous container
      </label>
      <label className="check">
        <input type="checkbox" checked={value.timestamps} onChange={(e) => set('timestamps', e.target.checked)} />
        Timestamps
      </label>
      <label className="check">
        <input type="checkbox" checked={value.wrap} onChange={(e) => set('wrap', e.target.checked)} />
        Wrap lines
      </label>
    </div>
  );
}
