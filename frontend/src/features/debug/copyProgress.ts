// A file copy's state for the Copy files dialog: idle, running (bytes of
// total), and how it ended; with the words for each.
import type { CopyDirection, CopyOutcome, CopyProgress, CopyResult } from '../../api/fileCopy';
import { t } from '../../i18n';
import { formatBytes, formatCount } from '../../lib/format';

/** What a copy was asked to do (its words stay true when the form changes after it). */
export interface CopyJob {
  direction: CopyDirection;
  /** The path in the container. */
  remote: string;
}

export type CopyState =
  | { phase: 'idle' }
  | { phase: 'running'; job: CopyJob; bytes: number; total: number; local?: string }
  | { phase: 'done'; job: CopyJob; result: CopyResult; local: string }
  /** The file dialog was closed: nothing copied. */
  | { phase: 'cancelled' }
  | { phase: 'stopped'; job: CopyJob; bytes: number }
  | { phase: 'failed'; message: string };

export type CopyAction =
  | { type: 'start'; job: CopyJob }
  | { type: 'progress'; progress: CopyProgress }
  | { type: 'outcome'; outcome: CopyOutcome }
  | { type: 'error'; message: string }
  | { type: 'reset' };

export function copyReducer(s: CopyState, a: CopyAction): CopyState {
  switch (a.type) {
    case 'start':
      return { phase: 'running', job: a.job, bytes: 0, total: -1 };
    case 'progress': {
      if (s.phase !== 'running') return s;
      const p = a.progress;
      return { phase: 'running', job: s.job, bytes: p.bytes, total: p.total, ...(p.local ? { local: p.local } : s.local ? { local: s.local } : {}) };
    }
    case 'outcome': {
      if (s.phase !== 'running') return s;
      const o = a.outcome;
      if (o.kind === 'done') return { phase: 'done', job: s.job, result: o.result, local: o.local };
      if (o.kind === 'cancelled') return { phase: 'cancelled' };
      return { phase: 'stopped', job: s.job, bytes: s.bytes };
    }
    case 'error':
      return { phase: 'failed', message: a.message };
    case 'reset':
      return { phase: 'idle' };
  }
}

/** Percent done (0–100), undefined while the total is unknown. */
export function copyPercent(bytes: number, total: number): number | undefined {
  if (total < 0) return undefined;
  if (total === 0) return 100;
  return Math.min(100, Math.floor((bytes / total) * 100));
}

/** "3.2 MiB of 10 MiB", or "3.2 MiB" while the total is unknown. */
export function progressText(bytes: number, total: number): string {
  return total >= 0 ? t('debug.copy.progressOf', { bytes: formatBytes(bytes), total: formatBytes(total) }) : formatBytes(bytes);
}

/** How a finished copy went, in a sentence (the SHA-256 is shown beside it). */
export function doneText(job: CopyJob, r: CopyResult, local: string, pod: string): string {
  const bytes = formatBytes(r.bytes);
  if (job.direction === 'upload') return t('debug.copy.uploaded', { bytes, to: `${pod}:${job.remote}`, from: local });
  if (r.files > 1) return t('debug.copy.downloadedFolder', { bytes, count: r.files, files: formatCount(r.files), to: local });
  return t('debug.copy.downloaded', { bytes, to: local });
}
