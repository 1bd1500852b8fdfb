export { api, call, transport, type Transport } from './client';
export { ApiError, errorMessage, isApiError, onSessionExpired, isSessionExpired } from './errors';
export { listStreamUrl, streamList, toListMessage } from './stream';
export { readNdjson } from './ndjson';
export type * from './types';
