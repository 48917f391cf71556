import type { IHttpRequestMethods } from 'n8n-workflow';
import { headerValue } from './headers';

export interface RetrySettings {
	/** How many times a request is retried after the first attempt. */
	maxRetries: number;
	/** Upper bound for one wait, in milliseconds. */
	maxWaitMs: number;
	/** First backoff step, in milliseconds (doubled each attempt, with full jitter). */
	baseDelayMs: number;
	/** How long one attempt waits for an answer (Request Settings > Timeout). */
	timeoutMs: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
	maxRetries: 5,
	maxWaitMs: 60_000,
	baseDelayMs: 1_000,
	timeoutMs: 120_000,
};

/** Network error codes that prove nothing reached the server. */
const NOTHING_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Network error codes where the server may or may not have acted on the request. */
const MAYBE_SENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
]);

const IDEMPOTENT_METHODS = new Set<IHttpRequestMethods>(['GET', 'HEAD', 'PUT', 'DELETE']);

export type AttemptOutcome =
	| { kind: 'status'; statusCode: number }
	| { kind: 'network'; code: string | undefined };

/**
 * Whether an attempt may be repeated without risking a duplicate side effect.
 * A POST (sending a message, creating a mass message) is repeated only when the API
 * provably did not take it (it answered 429, or the connection was refused), or when it
 * carries an idempotency key the API honours (the API then takes it once, whatever we resend).
 */
export function isRetryable(
	method: IHttpRequestMethods,
	outcome: AttemptOutcome,
	withIdempotencyKey = false,
): boolean {
	if (withIdempotencyKey && method === 'POST') return isRetryable('PUT', outcome);
	if (outcome.kind === 'status') {
		if (outcome.statusCode === 429) return true;
		return (
			IDEMPOTENT_METHODS.has(method) && outcome.statusCode >= 500 && outcome.statusCode !== 501
		);
	}
	if (outcome.code && NOTHING_SENT_CODES.has(outcome.code)) return true;
	return (
		IDEMPOTENT_METHODS.has(method) &&
		(outcome.code === undefined || MAYBE_SENT_CODES.has(outcome.code))
	);
}

/** Retry-After as milliseconds from now (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(
	headers: Record<string, unknown> | undefined,
	now: number = Date.now(),
): number | undefined {
	const value = headerValue(headers, 'retry-after');
	if (value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait an answer asks for, unbounded: Retry-After (seconds or HTTP date), else
 * X-RateLimit-Reset (unix seconds or milliseconds, or seconds from now); undefined when it names none.
 */
export function requestedWaitMs(
	headers: Record<string, unknown> | undefined,
	now: number = Date.now(),
): number | undefined {
	const retryAfter = retryAfterMs(headers, now);
	if (retryAfter !== undefined) return retryAfter;
	const reset = Number(headerValue(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		// Large values are an absolute unix time (seconds or milliseconds), small ones a delay.
		if (reset > 1e12) return Math.max(0, reset - now);
		if (reset > 1e9) return Math.max(0, reset * 1000 - now);
		return reset * 1000;
	}
	return undefined;
}

/**
 * How long to wait before the next attempt: what the answer asked for (requestedWaitMs) up to Max
 * Wait, else exponential backoff with full jitter.
 */
export function computeWaitMs(
	attempt: number,
	settings: Pick<RetrySettings, 'maxWaitMs' | 'baseDelayMs'>,
	headers?: Record<string, unknown>,
	now: number = Date.now(),
	random: () => number = Math.random,
): number {
	const requested = requestedWaitMs(headers, now);
	if (requested !== undefined) return clamp(requested, settings);
	const ceiling = Math.min(settings.maxWaitMs, settings.baseDelayMs * 2 ** attempt);
	return Math.round(random() * ceiling);
}

function clamp(ms: number, settings: Pick<RetrySettings, 'maxWaitMs'>): number {
	return Math.min(settings.maxWaitMs, Math.max(0, Math.ceil(ms)));
}
