import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The parts of an OFAuth error body we read; current `{error, type, requestId, actionRequired}` and older `{error|message, code, details}`. */
export interface OfAuthErrorBody {
	error?: unknown;
	message?: unknown;
	type?: unknown;
	code?: unknown;
	requestId?: unknown;
	actionRequired?: unknown;
	details?: unknown;
	errors?: unknown;
}

function asText(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { message?: unknown }).message === 'string'
	) {
		return (value as { message: string }).message;
	}
	return undefined;
}

/**
 * The entries of an error's `details` (OFAuth: a list of strings or {path|field, message}) or
 * `errors` (OnlyFansAPI.com: {field: [problems]}), each with the API field it names, when it names one.
 */
function detailEntries(details: unknown): Array<{ field?: string; problem: string }> {
	if (Array.isArray(details))
		return details.map((detail) => {
			if (typeof detail === 'string') return { problem: detail };
			if (!detail || typeof detail !== 'object') return { problem: '' };
			const { path, field, message } = detail as {
				path?: unknown;
				field?: unknown;
				message?: unknown;
			};
			const where = Array.isArray(path) ? path.join('.') : (field ?? path);
			return { field: where ? String(where) : undefined, problem: String(message ?? '') };
		});
	if (details && typeof details === 'object')
		return Object.entries(details as Record<string, unknown>).map(([field, problem]) => ({
			field,
			problem: Array.isArray(problem) ? problem.join(', ') : String(problem),
		}));
	return [];
}

function describeDetails(details: unknown): string | undefined {
	if (!details) return undefined;
	if (typeof details === 'string') return details;
	const parts = detailEntries(details)
		.map(({ field, problem }) => (field ? `${field}: ${problem}` : problem))
		.filter(Boolean);
	return parts.length ? parts.join('; ') : undefined;
}

/** Finds a permission scope such as `messages:write` in an error text. */
function findScope(text: string | undefined): string | undefined {
	return text?.match(/\b([a-z]+:(?:read|write))\b/)?.[1];
}

/** How errors name the service, its linked accounts and where its API keys are. */
export interface ServiceLabels {
	label: string;
	accountWord: string;
	keyPage: string;
}

/** The credit balance OnlyFansAPI.com reports in `_meta._credits`, when it does. */
function creditsOf(body: OfAuthErrorBody): number | string | undefined {
	const meta = (body as { _meta?: { _credits?: { balance?: unknown } } })._meta;
	const balance = meta?._credits?.balance;
	return typeof balance === 'number' || typeof balance === 'string' ? balance : undefined;
}

export interface ApiFailure {
	statusCode: number;
	body: unknown;
	method: string;
	path: string;
	/** the host that answered (api.ofauth.com), named when a proxy answered instead of the API */
	host?: string;
	contentType?: string;
	/** the request body's fields as the node labels them: a validation error names the node's field */
	fieldLabels?: Record<string, string>;
}

/** `mediaFiles.0` -> `Media (entry 1)` with the labels of the request's fields; undefined when unknown. */
function nodeFieldOf(
	apiField: string,
	labels: Record<string, string> | undefined,
): string | undefined {
	if (!labels) return undefined;
	const [name, index] = apiField.split(/[.[\]]+/).filter(Boolean);
	const label = labels[name];
	if (!label) return undefined;
	return index !== undefined && /^\d+$/.test(index)
		? `${label} (entry ${Number(index) + 1})`
		: label;
}

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	408: 'Request Timeout',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
	520: 'Web Server Returned an Unknown Error',
	521: 'Web Server Is Down',
	522: 'Connection Timed Out',
	523: 'Origin Is Unreachable',
	524: 'A Timeout Occurred',
};

/** An HTML page (a proxy's or a maintenance page) instead of the API's JSON. */
export function isHtml(body: unknown, contentType = ''): boolean {
	return (
		/text\/html/i.test(contentType) ||
		(typeof body === 'string' && /^\s*<(!doctype|html|head|body|!--)/i.test(body))
	);
}

/** The text of an HTML page's <title> (or first heading), without tags and extra spaces. */
export function htmlTitle(html: string): string | undefined {
	const match =
		/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
	const text = match?.[1]
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#0?39;|&apos;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/\s+/g, ' ')
		.trim();
	return text ? text.slice(0, 120) : undefined;
}

/** The first characters of an answer, on one line, for an error that says what came back. */
export function answerPreview(body: unknown, length = 80): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > length ? `${line.slice(0, length)}…` : line;
}

export interface UnreadableAnswer {
	/** what the user ran: "List Chats", "the Fan picker"; the request when unknown */
	operation: string;
	statusCode: number;
	contentType: string;
	body: unknown;
	/** what the node looked for: "a list" */
	expected: string;
}

/**
 * A successful status whose body the node cannot read (an HTML maintenance page, JSON without the
 * list): an error, never an empty result the next nodes would take for an empty inbox.
 */
export function toUnreadableAnswerError(
	node: INode,
	answer: UnreadableAnswer,
	itemIndex: number | undefined,
	service: ServiceLabels,
): NodeApiError {
	const title = htmlTitle(String(answer.body));
	const what = isHtml(answer.body, answer.contentType)
		? `an HTML page${title ? ` ("${title}")` : ''}`
		: `something that is not ${answer.expected}`;
	return new NodeApiError(
		node,
		{ statusCode: answer.statusCode, contentType: answer.contentType },
		{
			message: `${answer.operation}: ${service.label} answered HTTP ${answer.statusCode} (${answer.contentType || 'no content type'}) with ${what}: "${answerPreview(answer.body)}"`,
			description: `The node could not read ${service.label}'s answer, so it output nothing rather than an empty or partial result. This is usually maintenance or an outage in front of the API: run the workflow again later.`,
			httpCode: String(answer.statusCode),
			itemIndex,
		},
	);
}

/**
 * Turns an OFAuth error response into a NodeApiError with a plain message and a hint.
 * Only fields of the response body are copied: request options (and so the API key) never are.
 */
export function toNodeApiError(
	node: INode,
	failure: ApiFailure,
	itemIndex: number | undefined,
	service: ServiceLabels,
): NodeApiError {
	const body: OfAuthErrorBody =
		failure.body && typeof failure.body === 'object' ? (failure.body as OfAuthErrorBody) : {};
	// OnlyFansAPI.com puts a code in `error` (VALIDATION_ERROR) and the sentence in `message`
	const errorIsCode = typeof body.error === 'string' && /^[A-Z][A-Z_]+$/.test(body.error);
	const htmlPage = isHtml(failure.body, failure.contentType);
	const apiMessage = htmlPage
		? undefined
		: ((errorIsCode ? asText(body.message) : undefined) ??
			asText(body.error) ??
			asText(body.message) ??
			(typeof failure.body === 'string' ? answerPreview(failure.body, 300) : undefined));
	const type = (
		asText(body.type) ??
		asText(body.code) ??
		(errorIsCode ? asText(body.error) : '') ??
		''
	).toUpperCase();
	const requestId = asText(body.requestId);
	const details = describeDetails(body.details ?? body.errors);
	const credits = creditsOf(body);
	const { statusCode } = failure;

	let message: string;
	let hint: string;
	let nodeField: string | undefined;
	if (htmlPage) {
		const title = htmlTitle(String(failure.body));
		const statusText = STATUS_TEXT[statusCode] ? ` ${STATUS_TEXT[statusCode]}` : '';
		message = `HTTP ${statusCode}${statusText} from ${failure.host ?? service.label} (an HTML page from a proxy, not the API)${title ? `: "${title}"` : ''}`;
		hint =
			statusCode >= 500
				? `Something in front of ${service.label} answered instead of the API: usually a short outage. Retry later.`
				: `Something in front of ${service.label} answered instead of the API. Check the Base URL in the credential.`;
	} else if (statusCode === 402 || /credit/i.test(apiMessage ?? '')) {
		message = `${service.label} has no credits left for this request${credits !== undefined ? ` (balance: ${credits})` : ''}`;
		hint = `Top up the credits of your ${service.label} team, then run the workflow again. Nothing was sent for this item.`;
	} else if (
		type === 'SESSION_EXPIRED' ||
		type === 'RULES_OUTDATED' ||
		(statusCode === 401 && /session|expired|reconnect/i.test(apiMessage ?? ''))
	) {
		message = `The OnlyFans session of this ${service.accountWord} has expired`;
		hint = `Re-link the OnlyFans account in the ${service.label} dashboard, then run the workflow again.`;
	} else if (type === 'SESSION_NOT_PROVIDED') {
		message = `No ${service.label} ${service.accountWord} was sent with the request`;
		hint =
			"Pick a connection in the node's Connection field or set a Default Connection ID in the credential.";
	} else if (statusCode === 401 || type === 'UNAUTHORIZED' || type === 'AUTH_INVALID_KEY') {
		message = `${service.label} rejected the API key`;
		hint = `Check the API key in the ${service.label} credential (${service.keyPage}).`;
	} else if (statusCode === 403 || type === 'FORBIDDEN' || type === 'AUTH_INSUFFICIENT_SCOPE') {
		const scope = findScope(apiMessage) ?? findScope(details);
		message = scope
			? `The API key or connection lacks the permission "${scope}"`
			: 'The API key or connection lacks a permission for this operation';
		hint = scope
			? `Grant the "${scope}" permission to the API key and connection in the ${service.label} dashboard.`
			: `Check the permissions of the API key and of the ${service.accountWord} in the ${service.label} dashboard.`;
	} else if (statusCode === 404 || type === 'RESOURCE_NOT_FOUND') {
		message = `Not found: ${apiMessage ?? `${failure.method} ${failure.path}`}`;
		hint = 'Check the IDs used by this node (fan, message, mass message, media, connection).';
	} else if (statusCode === 429) {
		message = `${service.label} rate limit reached and the retries ran out`;
		hint =
			'Slow the workflow down (fewer items per run, a Wait node). Request Settings > Max Retries sets how often a rate-limited request is tried again.';
	} else if (statusCode === 400 || statusCode === 422) {
		const named = detailEntries(body.details ?? body.errors).flatMap(({ field, problem }) => {
			const label = field === undefined ? undefined : nodeFieldOf(field, failure.fieldLabels);
			return label ? [{ label, problem }] : [];
		});
		nodeField = named[0]?.label;
		message = nodeField
			? `${service.label} refused "${nodeField}": ${named[0].problem}`
			: `${service.label} refused the request: ${apiMessage ?? 'bad request'}`;
		hint = named.length
			? `Fix ${named.map(({ label, problem }) => `"${label}" (${problem})`).join(', ')} and run the node again.`
			: details
				? `Problems: ${details}`
				: `Check the fields of this node against the ${service.label} documentation.`;
	} else if (statusCode >= 500) {
		message = `${service.label} or OnlyFans failed to answer (HTTP ${statusCode})${apiMessage ? `: ${apiMessage}` : ''}`;
		hint = requestId
			? `This is usually temporary: retry later. If it persists, contact ${service.label} support with the request ID.`
			: 'This is usually temporary: retry later.';
	} else {
		message = `${service.label} answered HTTP ${statusCode}${apiMessage ? `: ${apiMessage}` : ''}`;
		hint = "Check the node's fields.";
	}
	const description = [
		hint,
		apiMessage && !message.includes(apiMessage)
			? `${service.label} said: ${apiMessage}`
			: undefined,
		requestId ? `Request ID (for ${service.label} support): ${requestId}` : undefined,
	]
		.filter(Boolean)
		.join(' ');

	const response: JsonObject = {
		statusCode,
		method: failure.method,
		path: failure.path,
		...(apiMessage ? { error: apiMessage } : {}),
		...(type ? { type } : {}),
		...(requestId ? { requestId } : {}),
		...(details ? { details } : {}),
	};
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex,
	});
	if (nodeField) error.context.field = nodeField;
	return error;
}

/** A network failure (no HTTP response) as a NodeApiError, without any request options. */
export function toNetworkError(
	node: INode,
	method: string,
	path: string,
	code: string | undefined,
	itemIndex: number | undefined,
	service: ServiceLabels,
	/** set when no answer came within Request Settings > Timeout */
	timeoutSeconds?: number,
): NodeApiError {
	const refused = code === 'ECONNREFUSED';
	const unknownHost = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
	const message = refused
		? `Could not reach ${service.label}: the connection was refused`
		: unknownHost
			? `Could not reach ${service.label}: the host name was not found`
			: timeoutSeconds !== undefined
				? `No answer from ${service.label} within ${timeoutSeconds} s`
				: `The connection to ${service.label} broke`;
	const advice =
		refused || unknownHost
			? 'Nothing was sent: check the Base URL in the credential.'
			: method === 'POST'
				? `${timeoutSeconds !== undefined ? 'The request may have reached' : 'The connection broke after the request was sent to'} ${service.label}, so it was not retried to avoid a duplicate send. Check in OnlyFans whether it went out before running it again.`
				: 'The retries ran out. Try again later.';
	const timeoutAdvice =
		timeoutSeconds !== undefined
			? ' Request Settings > Timeout (Seconds) sets how long the node waits for an answer.'
			: '';
	return new NodeApiError(
		node,
		{
			method,
			path,
			...(code ? { networkError: code } : {}),
			...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
		},
		{
			message,
			description: `${advice}${timeoutAdvice}${code && timeoutSeconds === undefined ? ` (network error ${code})` : ''}`,
			itemIndex,
		},
	);
}

/** "45 s", "3 min", "1 h", "1 h 30 min": a wait as a person reads it. */
export function humanDuration(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	if (seconds < 120) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/**
 * A rate limit whose wait is longer than the node may wait (Request Settings > Max Wait per Retry):
 * the item stops at once instead of retrying every Max Wait, and says when the API takes requests again.
 */
export function toLongWaitError(
	node: INode,
	until: number,
	waitMs: number,
	maxWaitMs: number,
	itemIndex: number | undefined,
	service: ServiceLabels,
): NodeApiError {
	const clock = new Date(until).toISOString().slice(11, 16);
	return new NodeApiError(
		node,
		{ statusCode: 429, retryAt: new Date(until).toISOString() },
		{
			message: `${service.label} asked to wait ${humanDuration(waitMs)} (until ${clock} UTC); nothing was sent for this item`,
			description: `That is longer than Request Settings > Max Wait per Retry (${humanDuration(maxWaitMs)}), so the node stopped instead of waiting; later items for this ${service.accountWord} in this run stop the same way without a request. Run the workflow again after ${clock} UTC.`,
			httpCode: '429',
			itemIndex,
		},
	);
}
