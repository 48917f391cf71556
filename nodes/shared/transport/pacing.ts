import { headerValue, type Headers } from './headers';

/**
 * Pacing: requests wait before the provider's budget is empty instead of running into 429s.
 * - OFAuth sends `X-RateLimit-Remaining`, `-Limit` and `-Reset` (when the bucket is full again):
 *   with nothing left, the next request waits the time one token takes to come back.
 * - OnlyFansAPI.com reports its per-minute budget in the body (`_meta._rate_limits`): with nothing
 *   left, the next request waits for the next minute.
 * The pause is kept per base URL and account and shared by every node of this n8n process, so two
 * workflows sending at once pace each other instead of starving each other into 429s.
 */

/** Base URL + account -> the moment (ms) the next request may go. */
const pausedUntil = new Map<string, number>();

/** A reset given as unix seconds, unix milliseconds or seconds from now -> ms since the epoch. */
function resetAt(value: string, nowMs: number): number | undefined {
	const reset = Number(value);
	if (!value || !Number.isFinite(reset) || reset <= 0) return undefined;
	if (reset > 1e12) return reset;
	if (reset > 1e9) return reset * 1000;
	return nowMs + reset * 1000;
}

/** How long the next request should wait after an answer with these headers and body (0: none). */
export function pauseAfter(headers: Headers, body: unknown, nowMs: number): number {
	const remaining = Number(headerValue(headers, 'x-ratelimit-remaining') || NaN);
	if (Number.isFinite(remaining) && remaining <= 0) {
		const full = resetAt(headerValue(headers, 'x-ratelimit-reset'), nowMs);
		if (full !== undefined && full > nowMs) {
			const limit = Number(headerValue(headers, 'x-ratelimit-limit') || NaN);
			const missing = Number.isFinite(limit) && limit > remaining ? limit - remaining : 1;
			return Math.ceil((full - nowMs) / missing);
		}
	}
	const minute = (body as { _meta?: { _rate_limits?: { remaining_minute?: unknown } } } | null)
		?._meta?._rate_limits?.remaining_minute;
	if (typeof minute === 'number' && minute <= 0) return 60_000 - (nowMs % 60_000);
	return 0;
}

export function notePause(key: string, headers: Headers, body: unknown, nowMs = Date.now()): void {
	const pause = pauseAfter(headers, body, nowMs);
	if (pause > 0) pausedUntil.set(key, Math.max(pausedUntil.get(key) ?? 0, nowMs + pause));
}

/** Milliseconds to wait before the next request of `key` (0 when none). */
export function waitBeforeNext(key: string, nowMs = Date.now()): number {
	const until = pausedUntil.get(key);
	if (until === undefined) return 0;
	if (until <= nowMs) {
		pausedUntil.delete(key);
		return 0;
	}
	return until - nowMs;
}
