import { t } from '../i18n';

/** An error from the Kubedeck backend, whichever transport carried it. */
export class ApiError extends Error {
  /** HTTP status when the error came over HTTP (or a stream error message). */
  readonly status: number | undefined;
  /** True when the backend could not be reached at all. */
  readonly network: boolean;

  constructor(message: string, status?: number, options?: { network?: boolean; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.network = options?.network ?? false;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A readable message for anything thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

type Listener = () => void;
const sessionListeners = new Set<Listener>();
let sessionExpired = false;

/** Subscribe to "the browser session is gone" (any backend request answered 401). */
export function onSessionExpired(listener: Listener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function isSessionExpired(): boolean {
  return sessionExpired;
}

export function notifySessionExpired(): void {
  if (sessionExpired) return;
  sessionExpired = true;
  for (const l of sessionListeners) l();
}

/** For tests. */
export function resetSessionExpired(): void {
  sessionExpired = false;
}

/** Turns a non-2xx backend response ({"error": "..."}) into an ApiError; 401 also ends the session. */
export async function responseError(res: Response): Promise<ApiError> {
  let message = '';
  try {
    const text = await res.text();
    message = text;
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
      message = body.error;
    }
  } catch {
    // not JSON: keep the text
  }
  if (!message.trim()) message = `${res.status} ${res.statusText}`.trim();
  if (res.status === 401) notifySessionExpired();
  return new ApiError(message, res.status);
}

export function networkError(e: unknown): ApiError {
  return new ApiError(t('errors.unreachable', { error: errorMessage(e) }), undefined, {
    network: true,
    cause: e,
  });
}
