export {
	ACCOUNT_IN_PATH,
	apiData,
	apiRequest,
	encodePathSegment,
	requestTarget,
} from './apiRequest';
export type { ApiRequest, ApiResponse } from './apiRequest';
export { iteratePages, readList, readPage, readPickerPage } from './pages';
export type { ListRequest, Page, PageStyle } from './pages';
export { CREDENTIAL_TYPE, readCredentialSettings, resolveConnectionId } from './connection';
export type { NodeContext } from './connection';
export { toNodeApiError } from './apiError';
export { nameOperation } from './perRun';
export { CANCELLED, CANCELLED_IN_FLIGHT } from './wait';
