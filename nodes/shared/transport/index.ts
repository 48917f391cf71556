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
export { readCredentialSettings, resolveConnectionId } from './connection';
export type { NodeContext, Provider } from './provider';
export { providerOf, registerProvider, unwrapDataEnvelope } from './provider';
export { toNodeApiError } from './apiError';
export { nameOperation } from './perRun';
export { CANCELLED, CANCELLED_IN_FLIGHT } from './wait';
