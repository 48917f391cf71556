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

function describeDetails(details: unknown): string | undefined {
	if (!details) return undefined;
	if (typeof details === 'string') return details;
	if (Array.isArray(details)) {
		const parts = details
			.map((detail) => {
				if (typeof detail === 'string') return detail;
				if (detail && typeof detail === 'object') {
					const { path, field, message } = detail as {
						path?: unknown;
						field?: unknown;
						message?: unknown;
					};
					const where = Array.isArray(path) ? path.join('.') : (field ?? path);
					return where ? `${String(where)}: ${String(message ?? '')}` : String(message ?? '');
				}
				return '';
			})
			.filter(Boolean);
		return parts.length ? parts.join('; ') : undefined;
	}
	if (typeof details === 'object') {
		return Object.entries(details as Record<string, unknown>)
			.map(
				([field, problem]) =>
					`${field}: ${Array.isArray(problem) ? problem.join(', ') : String(problem)}`,
			)
			.join('; ');
	}
	return undefined;
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

export const OFAUTH_LABELS: ServiceLabels = {
	label: 'OFAuth',
	accountWord: 'connection',
	keyPage: 'OFAuth dashboard > API keys',
};

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
}

/**
 * Turns an OFAuth error response into a NodeApiError with a plain message and a hint.
 * Only fields of the response body are copied: request options (and so the API key) never are.
 */
export function toNodeApiError(
	node: INode,
	failure: ApiFailure,
	itemIndex?: number,
	service: ServiceLabels = OFAUTH_LABELS,
): NodeApiError {
	const body: OfAuthErrorBody =
		failure.body && typeof failure.body === 'object' ? (failure.body as OfAuthErrorBody) : {};
	// OnlyFansAPI.com puts a code in `error` (VALIDATION_ERROR) and the sentence in `message`
	const errorIsCode = typeof body.error === 'string' && /^[A-Z][A-Z_]+$/.test(body.error);
	const apiMessage =
		(errorIsCode ? asText(body.message) : undefined) ??
		asText(body.error) ??
		asText(body.message) ??
		(typeof failure.body === 'string' ? failure.body.slice(0, 300) : undefined);
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
	if (statusCode === 402 || /credit/i.test(apiMessage ?? '')) {
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
			'Slow the workflow down (fewer items per run, a Wait node) or raise Request Settings > Max Retries.';
	} else if (statusCode === 400 || statusCode === 422) {
		message = `${service.label} refused the request: ${apiMessage ?? 'bad request'}`;
		hint = details
			? `Problems: ${details}`
			: `Check the fields of this node against the ${service.label} documentation.`;
	} else if (statusCode >= 500) {
		message = `${service.label} or OnlyFans failed to answer (HTTP ${statusCode})${apiMessage ? `: ${apiMessage}` : ''}`;
		hint = `This is usually temporary: retry later. If it persists, contact ${service.label} support with the request ID.`;
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
	return new NodeApiError(node, response, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex,
	});
}

/** A network failure (no HTTP response) as a NodeApiError, without any request options. */
export function toNetworkError(
	node: INode,
	method: string,
	path: string,
	code: string | undefined,
	itemIndex?: number,
	service: ServiceLabels = OFAUTH_LABELS,
): NodeApiError {
	const refused = code === 'ECONNREFUSED';
	const unknownHost = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
	const message = refused
		? `Could not reach ${service.label}: the connection was refused`
		: unknownHost
			? `Could not reach ${service.label}: the host name was not found`
			: `The connection to ${service.label} broke`;
	const advice =
		refused || unknownHost
			? 'Nothing was sent: check the Base URL in the credential.'
			: method === 'POST'
				? 'The connection broke after the request was sent, so it was not retried to avoid a duplicate send. Check in OnlyFans whether it went out before running it again.'
				: 'The retries ran out. Try again later.';
	return new NodeApiError(
		node,
		{ method, path, ...(code ? { networkError: code } : {}) },
		{
			message,
			description: `${advice}${code ? ` (network error ${code})` : ''}`,
			itemIndex,
		},
	);
}
