// The state of one resource list stream, as a pure reducer (easy to test).
// applyListMessages is the one place list messages become rows: the list
// view, embedded lists, the overview's live lists and one-shot lists.
import type { Column, ListMessage, Row } from '../../api/types';

/** How the stream is doing, for the live indicator. */
export type Connection = 'connecting' | 'live' | 'reconnecting' | 'failed';

export interface StreamProblem {
  message: string;
  /** HTTP status (from the backend or the cluster). */
  status?: number;
  /** The stream recovers by itself (it keeps trying). */
  retrying: boolean;
}

export interface ListState {
  columns: Column[];
  /** The rows shown, by key. Replaced (never mutated) on change. */
  rows: ReadonlyMap<string, Row>;
  /** Rows of a relist or reconnection, shown once it is synced. */
  staging: Map<string, Row> | null;
  /** The initial list completed (at least once). */
  synced: boolean;
  /** Rows received by the list in progress, for "1,234 loaded". */
  loaded: number;
  error: StreamProblem | null;
  connection: Connection;
}

export type ListAction =
  | { type: 'messages'; messages: readonly ListMessage[] }
  /** A connection starts; replace keeps the shown rows until the new list is synced. */
  | { type: 'connect'; replace: boolean }
  /** The connection ended; retry says whether another attempt follows. */
  | { type: 'ended'; problem: StreamProblem | null; retry: boolean };

export function initialListState(): ListState {
  return {
    columns: [],
    rows: new Map(),
    staging: null,
    synced: false,
    loaded: 0,
    error: null,
    connection: 'connecting',
  };
}

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'connect':
      if (action.replace && state.synced) {
        return { ...state, staging: new Map(), loaded: 0, connection: 'reconnecting' };
      }
      // Another attempt: the last error stays visible until the list is synced.
      return {
        ...initialListState(),
        error: state.error,
        connection: state.connection === 'connecting' ? 'connecting' : 'reconnecting',
      };
    case 'ended':
      return {
        ...state,
        error: action.problem ?? state.error,
        connection: action.retry ? 'reconnecting' : 'failed',
      };
    case 'messages':
      return applyListMessages(state, action.messages);
  }
}

/** Applies one stream message (see applyListMessages). */
export function applyListMessage(state: ListState, message: ListMessage): ListState {
  return applyListMessages(state, [message]);
}

/**
 * Applies a batch of stream messages, copying the rows Map at most once;
 * never mutates state. A relist (reset, or a reconnection: connect with
 * replace) collects into staging and swaps on synced, so the rows on screen
 * never flash empty.
 */
export function applyListMessages(state: ListState, messages: readonly ListMessage[]): ListState {
  if (messages.length === 0) return state;
  let { columns, staging, synced, loaded, error, connection } = state;
  let rows = state.rows;
  let rowsOwned = false;
  const writableRows = (): Map<string, Row> => {
    if (!rowsOwned) {
      rows = new Map(rows);
      rowsOwned = true;
    }
    return rows as Map<string, Row>;
  };
  for (const m of messages) {
    switch (m.type) {
      case 'columns':
        columns = m.columns;
        break;
      case 'rows': {
        const target = staging ?? writableRows();
        for (const r of m.rows) target.set(r.key, r);
        loaded += m.rows.length;
        break;
      }
      case 'synced':
        if (staging) {
          rows = staging;
          rowsOwned = true;
          staging = null;
        }
        synced = true;
        error = null;
        connection = 'live';
        break;
      case 'events': {
        const target = staging ?? writableRows();
        for (const r of m.upserts) target.set(r.key, r);
        for (const k of m.deletes) target.delete(k);
        break;
      }
      case 'reset':
        // The server relists: the current rows are void. Keep showing them until
        // the new list is synced, unless nothing was synced yet.
        if (synced) {
          staging = new Map();
        } else {
          rows = new Map();
          rowsOwned = true;
        }
        loaded = 0;
        break;
      case 'error': {
        const problem: StreamProblem = { message: m.message, retrying: m.retrying === true };
        if (m.status !== undefined) problem.status = m.status;
        error = problem;
        if (problem.retrying) connection = 'reconnecting';
        break;
      }
    }
  }
  return { columns, rows, staging, synced, loaded, error, connection };
}
