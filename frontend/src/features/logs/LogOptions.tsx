// The log view's options: container, previous, tail, since, timestamps, wrap, JSON.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
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
const SINCES = [0, 60, 300, 900, 3600, 21_600, 86_400] as const;

function sinceLabel(t: TFunction, s: (typeof SINCES)[number]): string {
  switch (s) {
    case 0: return t('logs.options.since.all');
    case 60: return t('logs.options.since.minute');
    case 300: return t('logs.options.since.minutes5');
    case 900: return t('logs.options.since.minutes15');
    case 3600: return t('logs.options.since.hour');
    case 21_600: return t('logs.options.since.hours6');
    case 86_400: return t('logs.options.since.day');
  }
}

function kindNote(t: TFunction, kind: ContainerChoice['kind']): string {
  return kind === 'init' ? t('logs.options.init') : kind === 'ephemeral' ? t('logs.options.ephemeral') : '';
}

export function LogOptions({ value, containers, onChange }: {
  value: LogOptionsValue;
  containers: ContainerChoice[];
  onChange: (v: LogOptionsValue) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof LogOptionsValue>(k: K, v: LogOptionsValue[K]) => onChange({ ...value, [k]: v });
  return (
    <div className="log-options" role="group" aria-label={t('logs.options.label')}>
      <label htmlFor={`${id}-c`}>{t('logs.options.container')}</label>
      <select id={`${id}-c`} value={value.container} onChange={(e) => set('container', e.target.value)}>
        <option value="">{t('logs.options.allContainers')}</option>
        {containers.map((c) => (
          <option key={`${c.kind}:${c.name}`} value={c.name}>
            {c.name}
            {kindNote(t, c.kind)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-t`}>{t('logs.options.tail')}</label>
      <select id={`${id}-t`} value={value.tail} onChange={(e) => set('tail', Number(e.target.value))}>
        {TAILS.map((n) => (
          <option key={n} value={n}>
            {n === 0 ? t('logs.options.allLines') : t('logs.options.lines', { count: n })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-s`}>{t('logs.options.sinceLabel')}</label>
      <select id={`${id}-s`} value={value.since} onChange={(e) => set('since', Number(e.target.value))}>
        {SINCES.map((s) => (
          <option key={s} value={s}>
            {sinceLabel(t, s)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-j`}>JSON</label>
      <select id={`${id}-j`} value={value.json} onChange={(e) => set('json', e.target.value as JsonMode)}>
        <option value="raw">{t('logs.options.json.raw')}</option>
        <option value="readable">{t('logs.options.json.readable')}</option>
        <option value="pretty">{t('logs.options.json.pretty')}</option>
      </select>
      <label className="check">
        <input type="checkbox" checked={value.previous} onChange={(e) => set('previous', e.target.checked)} />
        {t('logs.options.previous')}
      </label>
      <label className="check">
        <input type="checkbox" checked={value.timestamps} onChange={(e) => set('timestamps', e.target.checked)} />
        {t('logs.options.timestamps')}
      </label>
      <label className="check">
        <input type="checkbox" checked={value.wrap} onChange={(e) => set('wrap', e.target.checked)} />
        {t('logs.options.wrap')}
      </label>
    </div>
  );
}
