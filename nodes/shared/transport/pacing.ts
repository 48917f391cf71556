import { headerValue, type Headers } from './headers';
import { retryAfterMs } from './retryPolicy';

/**
 * Pacing: requests wait before the provider's budget is empty instead of running into 429s.
 * - OFAuth sends `X-RateLimit-Remaining`, `-Limit` and `-Reset` (when the bucket is full again).
 *   From them this process keeps a copy of the bucket: how many tokens are left and how long one
 *   takes to come back. Every request takes a token first; when none is left it waits its turn,
 *   so requests sent at the same time queue one token apart instead of racing for the last one.
 * - OnlyFansAPI.com reports its per-minute budget in the body (`_meta._rate_limits`): with nothing
 *   left, the next request waits for the next minute, unless a 429's Retry-After names a sooner time.
 * A bucket is kept per base URL and account and shared by every node of this n8n process, so two
 * workflows sending at once pace each other instead of starving each other into 429s.
 */
interface Budget {
	/** Tokens left as of `at` (Infinity until an answer said; below 0: requests already queued). */
	tokens: number;
	capacity: number;
	/** Milliseconds one token takes to come back (0 while unknown). */
	perToken: number;
	at: number;
	/** No request before this moment (OnlyFansAPI.com's minute budget used up). */
	pausedUntil: number;
}

/** Base URL + account -> its bucket. */
const budgets = new Map<string, Budget>();

/** The provider's clock and ours differ by a little: tokens are assumed to come back this much slower. */
const SAFETY = 1.02;

/** A reset given as unix seconds, unix milliseconds or seconds from now -> ms since the epoch. */
function resetAt(value: string, nowMs: number): number | undefined {
	const reset = Number(value);
	if (!value || !Number.isFinite(reset) || reset <= 0) return undefined;
	if (reset > 1e12) return reset;
	if (reset > 1e9) return reset * 1000;
	return nowMs + reset * 1000;
}

function refill(budget: Budget, nowMs: number): void {
	if (budget.perToken > 0 && Number.isFinite(budget.tokens) && nowMs > budget.at)
		budget.tokens = Math.min(
			budget.capacity,
			budget.tokens + (nowMs - budget.at) / budget.perToken,
		);
	budget.at = Math.max(budget.at, nowMs);
}

/** Reads the budget an answer reports (headers, or the body's `_meta._rate_limits`); `refused`: it was a 429. */
export function notePause(
	key: string,
	headers: Headers,
	body: unknown,
	nowMs = Date.now(),
	refused = false,
): void {
	const budget = budgets.get(key) ?? {
		tokens: Infinity,
		capacity: Infinity,
		perToken: 0,
		at: nowMs,
		pausedUntil: 0,
	};
	const remaining = Number(headerValue(headers, 'x-ratelimit-remaining') || NaN);
	if (Number.isFinite(remaining)) {
		refill(budget, nowMs);
		const limit = Number(headerValue(headers, 'x-ratelimit-limit') || NaN);
		const full = resetAt(headerValue(headers, 'x-ratelimit-reset'), nowMs);
		if (Number.isFinite(limit) && limit > 0 && limit !== budget.capacity) {
			budget.capacity = limit;
			budget.perToken = 0; // another bucket: learn its refill again
		}
		// a 429's reset says when the next token comes, not when the bucket is full: no estimate from it
		if (
			!refused &&
			full !== undefined &&
			full > nowMs &&
			(remaining < budget.capacity || remaining <= 0)
		) {
			const missing = Number.isFinite(limit) && limit > remaining ? limit - remaining : 1;
			// the reset comes in whole seconds, rounded up: each answer overestimates a little, so the
			// smallest estimate is the closest
			const estimate = ((full - nowMs) / missing) * SAFETY;
			budget.perToken = budget.perToken > 0 ? Math.min(budget.perToken, estimate) : estimate;
		}
		if (refused && budget.perToken > 0) budget.perToken *= 1.1; // still too fast: slow down
		// what our own queued requests already took is not in this answer yet: keep the lower count
		budget.tokens = Math.min(budget.tokens, remaining);
	}
	const minute = (body as { _meta?: { _rate_limits?: { remaining_minute?: unknown } } } | null)
		?._meta?._rate_limits?.remaining_minute;
	if (typeof minute === 'number' && minute <= 0)
		budget.pausedUntil = Math.max(budget.pausedUntil, nowMs + 60_000 - (nowMs % 60_000));
	// a 429's Retry-After says when the API takes requests again: it wins over the minute estimate
	const retryAfter = refused ? retryAfterMs(headers, nowMs) : undefined;
	if (retryAfter !== undefined) budget.pausedUntil = nowMs + retryAfter;
	budgets.set(key, budget);
}

/**
 * Takes a token for the request about to go and says how many milliseconds it waits first
 * (0: none). Call it once per request actually sent.
 */
export function waitBeforeNext(key: string, nowMs = Date.now()): number {
	const budget = budgets.get(key);
	if (!budget) return 0;
	let wait = Math.max(0, budget.pausedUntil - nowMs);
	if (budget.perToken > 0 && Number.isFinite(budget.tokens)) {
		refill(budget, nowMs);
		budget.tokens -= 1;
		if (budget.tokens < 0) wait = Math.max(wait, Math.ceil(-budget.tokens * budget.perToken));
	}
	return wait;
}
