// The background frame's work for the host: list column values and app-bar
// actions, each answered with the request's number.
import type { FrameMessage, HostMessage } from '../features/plugins/sandbox/protocol';
import { frameClient } from './client';
import { columnValues, type Slicing } from './columns';
import type { Registrations } from './registrations';
import type { Rpc } from './rpc';

type Columns = Extract<HostMessage, { type: 'columns' }>;
type Action = Extract<HostMessage, { type: 'action' }>;
type Send = (m: FrameMessage) => void;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The request's objects: objectsJson when given (JSON text of the array), else objects; a string says why not. */
function requestObjects(m: Columns): readonly unknown[] | string {
  const json: unknown = m.objectsJson;
  if (json === undefined) return m.objects;
  if (typeof json !== 'string') return 'objectsJson must be a string';
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed : 'objectsJson is not an array';
  } catch (e) {
    return `objectsJson does not parse: ${errorText(e)}`;
  }
}

export async function answerColumns(m: Columns, reg: Registrations, slicing: Slicing, send: Send): Promise<void> {
  const def = reg.columns[m.column];
  if (!def) {
    send({ type: 'column-values', request: m.request, values: {}, error: `The plugin registered no column ${m.column}` });
    return;
  }
  const objects = requestObjects(m);
  if (typeof objects === 'string') {
    send({ type: 'column-values', request: m.request, values: {}, error: objects });
    return;
  }
  const { values, error } = await columnValues(def, objects, slicing);
  send(error === undefined ? { type: 'column-values', request: m.request, values } : { type: 'column-values', request: m.request, values, error });
}

export async function runAction(m: Action, reg: Registrations, rpc: Rpc, send: Send): Promise<void> {
  const def = reg.actions[m.index];
  if (!def) {
    send({ type: 'action-done', request: m.request, error: `The plugin registered no action ${m.index}` });
    return;
  }
  const context = typeof m.props.context === 'string' ? m.props.context : '';
  const namespace = typeof m.props.namespace === 'string' ? m.props.namespace : '';
  try {
    await def.run({ client: frameClient(rpc, context, namespace), context, namespace });
    send({ type: 'action-done', request: m.request });
  } catch (e) {
    send({ type: 'action-done', request: m.request, error: errorText(e) });
  }
}
