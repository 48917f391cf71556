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
export function toNodeApiError(node: INode, failure: ApiFailure, itemIndex?: number): NodeApiError {
	const body: OfAuthErrorBody =
		failure.body && typeof failure.body === 'object' ? (failure.body as OfAuthErrorBody) : {};
	const apiMessage =
		asText(body.error) ??
		asText(body.message) ??
		(typeof failure.body === 'string' ? failure.body.slice(0, 300) : undefined);
	const type = (asText(body.type) ?? asText(body.code) ?? '').toUpperCase();
	const requestId = asText(body.requestId);
	const details = describeDetails(body.details);
	const { statusCode } = failure;

	let message: string;
	let hint: string;
	if (type === 'SESSION_EXPIRED' || type === 'RULES_OUTDATED') {
		message = 'The OnlyFans session of this connection has expired';
		hint =
			'Re-link the OnlyFans account in the OFAuth dashboard (Connections), then run the workflow again.';
	} else if (type === 'SESSION_NOT_PROVIDED') {
		message = 'No OFAuth connection was sent with the request';
		hint =
			"Pick a connection in the node's Connection field or set a Default Connection ID in the credential.";
	} else if (statusCode === 401 || type === 'UNAUTHORIZED' || type === 'AUTH_INVALID_KEY') {
		message = 'OFAuth rejected the API key';
		hint = 'Check the API key in the OFAuth API credential (OFAuth dashboard > API keys).';
	} else if (statusCode === 403 || type === 'FORBIDDEN' || type === 'AUTH_INSUFFICIENT_SCOPE') {
		const scope = findScope(apiMessage) ?? findScope(details);
		message = scope
			? `The API key or connection lacks the permission "${scope}"`
			: 'The API key or connection lacks a permission for this operation';
		hint = scope
			? `Grant the "${scope}" permission to the API key and connection in the OFAuth dashboard.`
			: 'Check the permissions of the API key and of the connection in the OFAuth dashboard.';
	} else if (statusCode === 404 || type === 'RESOURCE_NOT_FOUND') {
		message = `Not found: ${apiMessage ?? `${failure.method} ${failure.path}`}`;
		hint = 'Check the IDs used by this node (fan, message, mass message, media, connection).';
	} else if (statusCode === 429) {
		message = 'OFAuth rate limit reached and the retries ran out';
		hint =
			'Slow the workflow down (fewer items per run, a Wait node) or raise Request Settings > Max Retries.';
	} else if (statusCode === 400 || statusCode === 422) {
		message = `OFAuth refused the request: ${apiMessage ?? 'bad request'}`;
		hint = details
			? `Problems: ${details}`
			: 'Check the fields of this node against the OFAuth documentation.';
	} else if (statusCode >= 500) {
		message = `OFAuth or OnlyFans failed to answer (HTTP ${statusCode})${apiMessage ? `: ${apiMessage}` : ''}`;
		hint =
			'This is usually temporary: retry later. If it persists, contact OFAuth support with the request ID.';
	} else {
		message = `OFAuth answered HTTP ${statusCode}${apiMessage ? `: ${apiMessage}` : ''}`;
		hint = "Check the node's fields.";
	}
	const description = [
		hint,
		apiMessage && !message.includes(apiMessage) ? `OFAuth said: ${apiMessage}` : undefined,
		requestId ? `Request ID (for OFAuth support): ${requestId}` : undefined,
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
): NodeApiError {
	const refused = code === 'ECONNREFUSED';
	const unknownHost = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
	const message = refused
		? 'Could not reach OFAuth: the connection was refused'
		: unknownHost
			? 'Could not reach OFAuth: the host name was not found'
			: 'The connection to OFAuth broke';
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
