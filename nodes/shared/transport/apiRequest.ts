import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	isHtml,
	toLongWaitError,
	toNetworkError,
	toNodeApiError,
	toUnreadableAnswerError,
} from './apiError';
import type { NodeContext } from './connection';
import { readCredentialSettings, resolveConnectionId } from './connection';
import { headerValue, type Headers } from './headers';
import { providerOf } from './provider';
import type { AttemptOutcome, RetrySettings } from './retryPolicy';
import { computeWaitMs, DEFAULT_RETRY_SETTINGS, isRetryable, requestedWaitMs } from './retryPolicy';
import {
	firstRequestOf,
	freeSlot,
	leaveSlotQueue,
	noteAnswer,
	queueForSlot,
	takeSlot,
	waitBeforeNext,
} from './pacing';
import { longWaitsOf, oncePerRun, operationNameOf } from './perRun';
import { readRequestSettings } from './requestSettings';
import { cancelledError, cancelSignalOf, waitUnlessCancelled } from './wait';

/** How often a request waiting for a free slot of its account looks again. */
const SLOT_POLL_MS = 20;

/**
 * Which budget a request draws on: its account's, for every request of that account. OFAuth names
 * the account in x-connection-id; OnlyFansAPI.com in the first segment of the path below the base
 * URL, also when the path is a next-page URL the API gave (absolute, with the base URL's own path).
 */
export function budgetKeyOf(baseUrl: string, path: string, connectionId: unknown): string {
	if (typeof connectionId === 'string' && connectionId) return `${baseUrl}|${connectionId}`;
	let below = path;
	if (/^https?:\/\//.test(path)) {
		const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
		const pathname = new URL(path).pathname;
		below = pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
	}
	return `${baseUrl}|${below.split(/[/?]/)[1] ?? ''}`;
}

/** Where an adapter puts the account in a path, for providers that take it there (OnlyFansAPI.com). */
export const ACCOUNT_IN_PATH = '{account}';

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, with dynamic segments already encoded (use `encodePathSegment`). */
	path: string;
	qs?: IDataObject;
	/** A JSON object, or raw bytes (then set `contentType`). */
	body?: IDataObject | Buffer;
	contentType?: string;
	/** Extra headers. */
	headers?: IDataObject;
	/** A next-page URL from an earlier answer (absolute, or relative to the base URL's host); replaces `path`. */
	nextPageUrl?: string;
	/**
	 * One key per logical send, the same on every attempt (Idempotency-Key header), for APIs that honour
	 * it: the API then takes the send once, so a retry after a dropped connection cannot send twice.
	 */
	idempotencyKey?: string;
	/** The input item this request is made for; undefined where there are no items (pickers, polls, webhook hooks). */
	itemIndex: number | undefined;
	/** Overrides the Connection field and the credential default. */
	connectionId?: string;
	retry?: Partial<RetrySettings>;
	timeoutMs?: number;
	/** The body's fields as the node labels them (mediaFiles -> Media): a 400/422 names the node's field. */
	fieldLabels?: Record<string, string>;
}

export interface ApiResponse<T = unknown> {
	/** The answer as sent. */
	body: T;
	/** The payload: the body without the provider's envelope (OnlyFansAPI.com's {data, _meta}). */
	data: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

export function encodePathSegment(value: string | number): string {
	return encodeURIComponent(String(value));
}

function isEmptyBody(raw: unknown): boolean {
	if (raw === undefined || raw === null) return true;
	if (Buffer.isBuffer(raw)) return raw.length === 0 || raw.toString('utf8').trim() === '';
	return typeof raw === 'string' && raw.trim() === '';
}

function parseBody(raw: unknown): unknown {
	if (Buffer.isBuffer(raw)) raw = raw.toString('utf8');
	if (typeof raw === 'string') {
		const text = raw.trim();
		if (text === '') return {};
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	return raw ?? {};
}

/** Digs the network error code (ECONNREFUSED, ECONNRESET, ...) out of n8n's wrapped error. */
function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = cause;
	}
	const message = String((error as { message?: unknown })?.message ?? '');
	return (
		message.match(/\b(E[A-Z]{4,})\b/)?.[1] ??
		(/socket hang up/i.test(message) ? 'ECONNRESET' : undefined)
	);
}

/** axios ends a request that got no answer in time with ECONNABORTED "timeout of N ms exceeded" */
function isTimeout(error: unknown, code: string | undefined): boolean {
	if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return true;
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		if (/timeout of \d+ ?ms exceeded|timed out/i.test(String((current as Error).message ?? '')))
			return true;
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}

export function contentTypeOf(headers: unknown): string {
	return headerValue(headers as Headers, 'content-type')
		.split(';')[0]
		.trim();
}

/** What the user ran, for an error: the operation's name when the router gave it, else the request. */
export function operationLabel(context: NodeContext, request: { method: string; path: string }) {
	return operationNameOf(context) ?? `${request.method} ${request.path}`;
}

function isCancellation(context: NodeContext, error: unknown): boolean {
	return (
		Boolean(cancelSignalOf(context)?.aborted) ||
		(error as { name?: string })?.name === 'CanceledError'
	);
}

/** Decrypted credentials, read once per node run and credential type (a failed read is tried again). */
async function credentialsOnce(
	context: NodeContext,
	type: string,
	itemIndex: number | undefined,
): Promise<ICredentialDataDecryptedObject> {
	return await oncePerRun(
		context,
		`credentials:${type}`,
		async () => await context.getCredentials(type, itemIndex),
	);
}

/**
 * Which account a request acts for: a header where the service names the account in one (on the
 * paths it says), else the account in the path (its {account} filled in).
 */
function accountTarget(
	context: NodeContext,
	settings: ReturnType<typeof readCredentialSettings>,
	request: Pick<ApiRequest, 'path' | 'itemIndex' | 'connectionId'>,
): { path: string; connectionId?: string; header?: string } {
	const provider = providerOf(context);
	const account = () =>
		request.connectionId ?? resolveConnectionId(context, settings, request.itemIndex);
	const { accountHeader } = provider;
	if (accountHeader && request.path.startsWith(accountHeader.pathPrefix))
		return { path: request.path, connectionId: account(), header: accountHeader.name };
	if (!accountHeader && request.path.includes(ACCOUNT_IN_PATH))
		return { path: request.path.replace(ACCOUNT_IN_PATH, encodePathSegment(account())) };
	return { path: request.path };
}

/** Where a request would go (for a dry run): its URL with the account, and the account header's value. */
export async function requestTarget(
	context: NodeContext,
	request: Pick<ApiRequest, 'path' | 'itemIndex'>,
): Promise<{ url: string; connectionId?: string }> {
	const provider = providerOf(context);
	const credentials = await credentialsOnce(context, provider.credential, request.itemIndex);
	const settings = readCredentialSettings(credentials, provider.defaultBaseUrl);
	const { path, connectionId } = accountTarget(context, settings, request);
	return { url: `${settings.baseUrl.replace(/\/+$/, '')}${path}`, connectionId };
}

/** A request made ready to go: everything its attempts share. */
interface PreparedCall {
	context: NodeContext;
	request: ApiRequest;
	provider: ReturnType<typeof providerOf>;
	credentials: ICredentialDataDecryptedObject;
	options: IHttpRequestOptions;
	headers: IDataObject;
	retry: RetrySettings;
	/** The account's budget (pacing.ts). */
	budgetKey: string;
	/** Accounts that asked this run to wait longer than it may (per run). */
	longWaits: Map<string, number>;
	host: string;
}

/** What one attempt got: an answer (and its body), or a network failure. */
interface Attempt {
	outcome: AttemptOutcome;
	response?: IN8nHttpFullResponse;
	body?: unknown;
	timedOut: boolean;
}

/** Credentials, base URL, the account (header or path), headers and options, the budget's key. */
async function prepareCall(context: NodeContext, request: ApiRequest): Promise<PreparedCall> {
	const provider = providerOf(context);
	const credentials = await credentialsOnce(context, provider.credential, request.itemIndex);
	const settings = readCredentialSettings(credentials, provider.defaultBaseUrl);
	if (!/^https?:\/\//.test(settings.baseUrl)) {
		throw new NodeOperationError(
			context.getNode(),
			`The ${provider.label} credential has no valid Base URL`,
			{
				description:
					'Choose a Base URL in the credential, or enter a Custom Base URL starting with http:// or https://.',
				itemIndex: request.itemIndex,
			},
		);
	}
	let path = request.path;
	if (request.nextPageUrl) {
		// a next-page URL an answer gave: followed only on the credential's own host, where the key may go
		const target = new URL(request.nextPageUrl, settings.baseUrl);
		if (target.origin !== new URL(settings.baseUrl).origin) {
			throw new NodeOperationError(
				context.getNode(),
				`${provider.label} pointed to a next page on another host; it was not followed`,
				{
					description: `The API key is only sent to ${new URL(settings.baseUrl).origin}.`,
					itemIndex: request.itemIndex,
				},
			);
		}
		path = target.href;
	}
	const headers: IDataObject = { accept: 'application/json', ...request.headers };
	if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
	const target = accountTarget(context, settings, { ...request, path });
	path = target.path;
	if (target.header && target.connectionId) headers[target.header] = target.connectionId;
	const isRaw = Buffer.isBuffer(request.body);
	if (isRaw) headers['content-type'] = request.contentType ?? 'application/octet-stream';

	const retry: RetrySettings = {
		...DEFAULT_RETRY_SETTINGS,
		...readRequestSettings(context, request.itemIndex).retry,
		...request.retry,
	};
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL: settings.baseUrl,
		url: path,
		qs: request.qs,
		headers,
		body: request.body,
		json: !isRaw,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? retry.timeoutMs,
	};
	if (isRaw) options.encoding = 'text';
	return {
		context,
		request,
		provider,
		credentials,
		options,
		headers,
		retry,
		budgetKey: budgetKeyOf(settings.baseUrl, path, target.header ? target.connectionId : undefined),
		longWaits: longWaitsOf(context),
		host: new URL(settings.baseUrl).host,
	};
}

/** An earlier item of this run was told to wait longer than the node may: no request until then. */
function stopIfBlocked(call: PreparedCall): void {
	const blockedUntil = call.longWaits.get(call.budgetKey);
	if (blockedUntil !== undefined && blockedUntil > Date.now()) {
		throw toLongWaitError(
			call.context.getNode(),
			blockedUntil,
			blockedUntil - Date.now(),
			call.retry.maxWaitMs,
			call.request.itemIndex,
			call.provider,
		);
	}
}

/**
 * Step 1, pace: the account's first request goes alone; then a slot (no more in flight than the
 * pace needs, in turn) and the wait for its turn in the budget. Returns what to call once the
 * attempt is answered (the requests waiting for a first answer go on then).
 */
async function pace(call: PreparedCall): Promise<{ answered: () => void }> {
	const { context, budgetKey, request } = call;
	stopIfBlocked(call);
	// nothing known of this account's budget yet: the first request goes alone and teaches it
	const firstAnswered = await firstRequestOf(budgetKey);
	let cleared = false;
	let slotHeld = false;
	const ticket = queueForSlot(budgetKey);
	try {
		while (!(slotHeld = takeSlot(budgetKey, ticket)))
			await waitUnlessCancelled(context, SLOT_POLL_MS, request.itemIndex);
		// the first request's answer may have asked for a long wait meanwhile
		stopIfBlocked(call);
		const paused = waitBeforeNext(budgetKey);
		if (paused > 0) await waitUnlessCancelled(context, paused, request.itemIndex);
		cleared = true;
	} finally {
		// stopped before it was sent: the requests waiting for its answer go on without it
		if (!cleared) {
			firstAnswered?.();
			if (slotHeld) freeSlot(budgetKey);
			else leaveSlotQueue(budgetKey, ticket);
		}
	}
	return { answered: () => firstAnswered?.() };
}

/**
 * Step 2, attempt: one request, through the credential. Every answer, a 429 included, tells the
 * budget how much is left; a 429 asking for longer than the node may wait stops the account's
 * requests still waiting, before they go. A cancelled execution ends here.
 */
async function attempt(call: PreparedCall, paced: { answered: () => void }): Promise<Attempt> {
	const { context, provider, request, budgetKey } = call;
	let response: IN8nHttpFullResponse | undefined;
	let body: unknown;
	const sentAt = Date.now();
	try {
		// the credential read once goes along decrypted, so n8n does not read it again per request
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			provider.credential,
			{ ...call.options, headers: { ...call.headers } },
			{
				credentialsDecrypted: {
					id: '',
					name: provider.credential,
					type: provider.credential,
					data: call.credentials,
				},
			},
		)) as IN8nHttpFullResponse;
	} catch (error) {
		if (isCancellation(context, error)) {
			throw cancelledError(context, request.itemIndex, { inFlight: true });
		}
		const code = networkErrorCode(error);
		return { outcome: { kind: 'network', code }, timedOut: isTimeout(error, code) };
	} finally {
		freeSlot(budgetKey, response ? Date.now() - sentAt : undefined);
		if (response) {
			body = parseBody(response.body);
			const headers = response.headers as Record<string, unknown>;
			const refused = response.statusCode === 429;
			noteAnswer(budgetKey, { headers, body, refused, sentAt });
			const asked = refused ? requestedWaitMs(headers) : undefined;
			if (asked !== undefined && asked > call.retry.maxWaitMs)
				call.longWaits.set(budgetKey, Date.now() + asked);
		}
		paced.answered();
	}
	return {
		outcome: { kind: 'status', statusCode: response.statusCode },
		response,
		body,
		timedOut: false,
	};
}

/**
 * Step 3, read the answer (2xx/3xx): the body and its payload. A read that came back as something
 * other than JSON (a maintenance page, nothing) is no answer.
 */
function readAnswer<T>(
	call: PreparedCall,
	response: IN8nHttpFullResponse,
	body: unknown,
): ApiResponse<T> {
	const { context, request, provider } = call;
	const contentType = contentTypeOf(response.headers);
	const empty = isEmptyBody(response.body);
	if (
		request.method === 'GET' &&
		(typeof body === 'string' || isHtml(body, contentType) || empty)
	) {
		throw toUnreadableAnswerError(
			context.getNode(),
			{
				operation: operationLabel(context, request),
				statusCode: response.statusCode,
				contentType,
				body: empty ? '' : response.body,
				expected: 'JSON',
			},
			request.itemIndex,
			provider,
		);
	}
	return {
		body: body as T,
		data: provider.unwrap(body),
		headers: (response.headers ?? {}) as Record<string, unknown>,
		statusCode: response.statusCode,
	};
}

/**
 * Step 4, decide the retry of a failed attempt: how long to wait before the next one, or the
 * error that ends the request (a rate limit asking for longer than the node may wait, a send the
 * API may have taken, no retries left).
 */
function decideRetry(call: PreparedCall, failed: Attempt, attemptIndex: number): number {
	const { context, request, provider, retry } = call;
	const { response, outcome } = failed;
	const headers = response?.headers as Record<string, unknown> | undefined;
	// a rate limit that asks for a longer wait than the node may wait: stop now, and say until when
	const requested = response?.statusCode === 429 ? requestedWaitMs(headers) : undefined;
	if (requested !== undefined && requested > retry.maxWaitMs) {
		const until = Date.now() + requested;
		call.longWaits.set(call.budgetKey, until);
		throw toLongWaitError(
			context.getNode(),
			until,
			requested,
			retry.maxWaitMs,
			request.itemIndex,
			provider,
		);
	}
	if (
		attemptIndex < retry.maxRetries &&
		isRetryable(request.method, outcome, Boolean(request.idempotencyKey))
	) {
		const waitMs = computeWaitMs(attemptIndex, retry, headers);
		context.logger.debug(
			`${provider.label} ${request.method} ${request.path}: ${outcome.kind === 'status' ? `HTTP ${outcome.statusCode}` : outcome.code}, retry ${attemptIndex + 1}/${retry.maxRetries} in ${waitMs} ms`,
		);
		return waitMs;
	}
	if (response) {
		throw toNodeApiError(
			context.getNode(),
			{
				statusCode: response.statusCode,
				body: failed.body,
				method: request.method,
				path: request.path,
				host: call.host,
				contentType: contentTypeOf(response.headers),
				fieldLabels: request.fieldLabels,
			},
			request.itemIndex,
			provider,
		);
	}
	throw toNetworkError(
		context.getNode(),
		request.method,
		request.path,
		outcome.kind === 'network' ? outcome.code : undefined,
		request.itemIndex,
		provider,
		failed.timedOut ? Math.round((request.timeoutMs ?? retry.timeoutMs) / 1000) : undefined,
	);
}

/**
 * The one way this package talks to the API. Adds the API key (through the credential) and the
 * account, and goes in steps: pace, attempt, read the answer, decide the retry. It waits and
 * retries on rate limits without ever repeating a POST the API may have taken, and turns failures
 * into NodeApiErrors that carry a hint and the request ID but never the API key.
 */
export async function apiRequest<T = IDataObject>(
	context: NodeContext,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const call = await prepareCall(context, request);
	for (let attemptIndex = 0; ; attemptIndex++) {
		const paced = await pace(call);
		const result = await attempt(call, paced);
		if (result.response && result.response.statusCode < 400)
			return readAnswer<T>(call, result.response, result.body);
		await waitUnlessCancelled(context, decideRetry(call, result, attemptIndex), request.itemIndex);
	}
}

/** The payload of an answer, when only that matters (the body without the provider's envelope). */
export async function apiData<T = IDataObject>(
	context: NodeContext,
	request: ApiRequest,
): Promise<T> {
	return (await apiRequest<T>(context, request)).data as T;
}
