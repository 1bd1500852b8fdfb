export { api, call, transport, type Transport } from './client';
export { ApiError, errorMessage, isApiError, onSessionExpired, isSessionExpired } from './errors';
export { listStreamUrl, streamList } from './stream';
export { toListMessage } from './listMessages';
export { streamNdjson } from './openStream';
export { readNdjson } from './ndjson';
export type * from './types';
