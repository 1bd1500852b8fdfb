// DTOs mirroring the Go JSON of app/commands and app/resources.

export interface VersionInfo {
  version: string;
}

export interface ContextInfo {
  name: string;
  cluster: string;
  user: string;
  namespace: string;
  server: string;
  /** Path of the kubeconfig file the context comes from. */
  source: string;
}

export interface KubeconfigFile {
  path: string;
  exists: boolean;
  error?: string;
}

export interface ContextList {
  contexts: ContextInfo[];
  current: string;
  files: KubeconfigFile[];
}

export interface NamespaceList {
  namespaces: string[];
  /** True when the user may not list namespaces; namespaces then holds the known ones. */
  restricted: boolean;
  message?: string;
}

export interface APIResource {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name, as in URLs: "pods". */
  resource: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
}

export interface APIResourceList {
  resources: APIResource[];
  /** API group/versions that could not be discovered. */
  partial?: string[];
}

export interface ClusterInfo {
  server: string;
  gitVersion: string;
  user: string;
  groups: string[];
}

export type ClusterState = 'ready' | 'signed-out' | 'unreachable' | 'misconfigured';

export interface ClusterStatus {
  context: string;
  state: ClusterState;
  message?: string;
  server: string;
  gitVersion?: string;
  user?: string;
  groups: string[];
  /** "token": a token entered in Kubedeck; "kubeconfig": the kubeconfig's own credentials. */
  auth: 'kubeconfig' | 'token';
  tokenStorage: 'keyring' | 'memory';
}

export interface SignInResult {
  user: string;
  groups: string[];
  storage: 'keyring' | 'memory';
}

export interface ContextPreferences {
  namespace?: string;
  extraNamespaces?: string[];
  readOnly?: boolean;
}

export interface Preferences {
  lastContext?: string;
  contexts?: Record<string, ContextPreferences>;
}

/** One thing a pasted kubeconfig would run or read on this computer (app/kubeconfig/review.go). */
export interface KubeconfigReviewItem {
  kind: 'exec' | 'auth-provider' | 'file';
  /** The entry it belongs to: `user "name"` or `cluster "name"`. */
  owner: string;
  contexts: string[];
  command?: string;
  args?: string[];
  env?: { name: string; value: string }[];
  provider?: string;
  providerKeys?: string[];
  /** For files: the kubeconfig field (tokenFile, client-certificate, client-key, certificate-authority). */
  field?: string;
  path?: string;
}

export interface KubeconfigReview {
  contexts: string[];
  items: KubeconfigReviewItem[];
  /** Given back to AddKubeconfig to allow exactly these items; "" when there is nothing to allow. */
  consent: string;
}

/** The commands the Go core exposes, method name → signature. */
export interface Commands {
  Version(): VersionInfo;
  Contexts(): ContextList;
  Namespaces(context: string): NamespaceList;
  APIResources(context: string): APIResourceList;
  ClusterInfo(context: string): ClusterInfo;
  ClusterStatus(context: string): ClusterStatus;
  SignIn(context: string, token: string): SignInResult;
  SignOut(context: string): ClusterStatus;
  Preferences(): Preferences;
  RememberLocation(context: string, namespace: string): Preferences;
  AddNamespace(context: string, namespace: string): NamespaceList;
  SetReadOnly(context: string, readOnly: boolean): Preferences;
  ReviewKubeconfig(pastedYaml: string): KubeconfigReview;
  /** consent: the review's consent when it lists items (the user pressed "Allow and add"), else "". */
  AddKubeconfig(pastedYaml: string, consent: string): string[];
  AddServer(name: string, serverUrl: string, caPem: string, token: string): SignInResult;
  RemoveCluster(context: string): ContextList;
  RevealSecret(context: string, namespace: string, name: string, key: string): string;
}

export type CommandName = keyof Commands;
export type CommandArgs<M extends CommandName> = Parameters<Commands[M]>;
export type CommandResult<M extends CommandName> = ReturnType<Commands[M]>;

// ---- list streams ----

/** A server-side Table column definition (what `kubectl get` prints). */
export interface Column {
  name: string;
  type: string;
  format: string;
  /** > 0: shown only with -o wide. */
  priority: number;
  description: string;
}

export type Cell = string | number | boolean | null;

export interface Row {
  /** "<namespace>/<name>" or "<name>" for cluster-scoped objects. */
  key: string;
  uid: string;
  namespace?: string;
  name: string;
  /** RFC 3339 creation timestamp. */
  created?: string;
  /** Set when the object has a deletionTimestamp. */
  deleting?: boolean;
  cells: Cell[];
}

export type ListMessage =
  | { type: 'columns'; columns: Column[] }
  | { type: 'rows'; rows: Row[] }
  | { type: 'synced'; resourceVersion: string }
  | { type: 'events'; upserts: Row[]; deletes: string[] }
  | { type: 'reset' }
  | { type: 'error'; message: string; status?: number; retrying?: boolean };

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

export type ObjectMessage =
  | { type: 'object'; object: KubeObject; yaml: string }
  | { type: 'deleted'; message: string }
  | { type: 'error'; message: string; status?: number };
