// The Go core's DTOs under the names the frontend uses. The JSON shapes are
// generated from the Go types into contract.gen.ts (`make contract`; a Go test
// fails when it is stale); this file adds only what the frontend itself
// makes of them: the messages the stream readers hand on (validated, lists
// filled in, cells made JSON scalars) and the queries the views build.
import type * as wire from './contract.gen';

export type * from './contract.gen';

// ---- commands ----
// Every command's arguments and result come from contract.gen.ts (Commands,
// CommandName, CallArgs<M>, CallResult<M>); api/client.ts's `call` is typed by them.

// ---- list streams ----

/** A table cell as the list reader hands it on: a JSON scalar (objects are stringified). */
export type Cell = string | number | boolean | null;

/** A server-side Table column (the contract names it ResourcesColumn: app/rbac has a Column too). */
export type Column = wire.ResourcesColumn;

/** A row as the list reader hands it on (the Go ResourcesRow with its cells made scalars). */
export type Row = Omit<wire.ResourcesRow, 'cells'> & { cells: Cell[] };

/** M with members K always there: the reader fills in what Go leaves out when empty. */
type Filled<M, K extends keyof M> = Omit<M, K> & { [P in K]-?: NonNullable<M[P]> };
type ListLine<T extends wire.ListMessage['type']> = Extract<wire.ListMessage, { type: T }>;

/**
 * A list stream message as the reader hands it on: the Go lines
 * (wire.ListMessage) minus heartbeats, plus 'reset' (the reader starts over).
 */
export type ListMessage =
  | Filled<ListLine<'columns'>, 'columns'>
  | (Omit<ListLine<'rows'>, 'rows'> & { rows: Row[] })
  | Filled<ListLine<'synced'>, 'resourceVersion'>
  | (Omit<ListLine<'events'>, 'upserts' | 'deletes'> & { upserts: Row[]; deletes: string[] })
  | { type: 'reset' }
  | Filled<ListLine<'error'>, 'message'>;

/** Identifies a resource collection: group "" is the core group. */
export interface GVR {
  group: string;
  version: string;
  resource: string;
}

export interface ListQuery extends GVR {
  context: string;
  /** Empty for all namespaces. */
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
}

// ---- object streams ----

/** A Kubernetes object as JSON (managedFields removed, Secret values hidden). */
export type KubeObject = Record<string, unknown>;

export interface ObjectQuery extends GVR {
  context: string;
  /** "" for cluster-scoped objects. */
  namespace: string;
  name: string;
}

type ObjectLine<T extends wire.ObjectMessage['type']> = Extract<wire.ObjectMessage, { type: T }>;

/** An object stream message as the reader hands it on (heartbeats dropped). */
export type ObjectMessage =
  | Filled<ObjectLine<'object'>, 'object' | 'yaml'>
  | Filled<ObjectLine<'deleted'>, 'message'>
  | Filled<ObjectLine<'error'>, 'message'>;
