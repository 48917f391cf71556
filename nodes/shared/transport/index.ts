export {
	ACCOUNT_IN_PATH,
	ofauthApi,
	ofauthRequest,
	encodePathSegment,
	requestTarget,
} from './ofauthRequest';
export type { OfAuthRequest, OfAuthResponse } from './ofauthRequest';
export { iteratePages, readList, readPage, readPickerPage } from './pages';
export type { ListRequest, Page, PageStyle } from './pages';
export { CREDENTIAL_TYPE, readCredentialSettings, resolveConnectionId } from './connection';
export type { OfAuthContext } from './connection';
export { toNodeApiError } from './apiError';
export { nameOperation } from './perRun';
export { CANCELLED, CANCELLED_IN_FLIGHT } from './wait';
