export { ofauthApi, ofauthRequest, encodePathSegment } from './ofauthRequest';
export type { OfAuthRequest, OfAuthResponse } from './ofauthRequest';
export { paginateCursor, paginateMarker, paginateOffset } from './pagination';
export type { PageLimits } from './pagination';
export { CREDENTIAL_TYPE, readCredentialSettings, resolveConnectionId } from './connection';
export type { OfAuthContext } from './connection';
export { toNodeApiError } from './apiError';
