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
	/** When recent answers that were not 429 came (only read when a 429 carries no budget). */
	accepted: number[];
	/** The first 429 without a budget in it, and how many requests were accepted since. */
	firstRefusalAt?: number;
	/** When a bare 429 last changed the pace. */
	paceSetAt?: number;
	acceptedSinceRefusal: number;
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

/**
 * Reads the budget an answer reports (headers, or the body's `_meta._rate_limits`); `refused`: it
 * was a 429; `sentAt`: when the request left (the answer's numbers are from before `nowMs`).
 */
export function notePause(
	key: string,
	headers: Headers,
	body: unknown,
	nowMs = Date.now(),
	refused = false,
	sentAt = nowMs,
): void {
	forgetIfIdle(key, nowMs);
	const budget = budgets.get(key) ?? {
		tokens: Infinity,
		capacity: Infinity,
		perToken: 0,
		at: nowMs,
		pausedUntil: 0,
		accepted: [],
		acceptedSinceRefusal: 0,
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
			// smallest estimate is the closest. The API counted when it took the request, which is
			// before the answer arrived: measured from the moment it was sent, the estimate errs slow
			const estimate = ((full - Math.min(sentAt, nowMs)) / missing) * SAFETY;
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
	if (!refused) {
		budget.acceptedSinceRefusal++;
		budget.accepted.push(nowMs);
		if (budget.accepted.length > ACCEPTED_KEPT) budget.accepted.shift();
	} else if (!Number.isFinite(remaining) && retryAfter === undefined) {
		learnFromRefusal(budget, nowMs, sentAt);
	}
	budgets.set(key, budget);
}

/** How many recent accepted answers a bucket keeps to estimate the rate a 429 without headers allows. */
const ACCEPTED_KEPT = 256;
/** The window those answers are counted in. */
const OBSERVED_MS = 2_000;
/** Each further 429 without headers slows the pace down by this much; it never speeds up again. */
const SLOWER = 1.15;

/**
 * A 429 that says nothing about the budget (no X-RateLimit-*): the API took about as many requests
 * as were accepted in the last moments, so the pace becomes a little slower than that. From a
 * second such 429 on, the bucket has been empty since the first: what it accepted since then is its
 * refill rate, measured, and the pace is set just under it; until that measure is a second long,
 * each 429 slows the pace down a little more. A 429 to a request sent before the pace last changed
 * (one already on its way) changes nothing. The pace never speeds up again, so it settles under
 * the limit instead of swinging around it.
 */
function learnFromRefusal(budget: Budget, nowMs: number, sentAt: number): void {
	// sent before an earlier 429 set the pace: it says nothing new about the pace
	if (budget.paceSetAt !== undefined && sentAt < budget.paceSetAt) return;
	const sinceFirst = budget.firstRefusalAt === undefined ? 0 : nowMs - budget.firstRefusalAt;
	if (budget.firstRefusalAt === undefined || !(budget.perToken > 0)) {
		const recent = budget.accepted.filter((at) => at > nowMs - OBSERVED_MS).length;
		budget.perToken = recent > 0 ? (OBSERVED_MS / recent) * SLOWER : 1000;
		budget.capacity = 1;
		budget.firstRefusalAt = nowMs;
		budget.acceptedSinceRefusal = 0;
	} else if (sinceFirst >= MEASURED_MS && budget.acceptedSinceRefusal > 0) {
		const measured = (sinceFirst / budget.acceptedSinceRefusal) * MEASURED_MARGIN;
		budget.perToken = Math.max(budget.perToken, measured);
	} else {
		budget.perToken *= SLOWER;
	}
	budget.tokens = Math.min(0, Number.isFinite(budget.tokens) ? budget.tokens : 0);
	budget.at = nowMs;
	budget.paceSetAt = nowMs;
}

/** A pace learned from bare 429s is forgotten after this long without a request for the account. */
const FORGET_IDLE_MS = 60_000;

/**
 * A pace learned from bare 429s only holds while the account is busy: after an idle minute it is
 * forgotten (the limit may have changed, or the 429 was a one-off), and the next request learns anew.
 */
function forgetIfIdle(key: string, nowMs: number): void {
	const budget = budgets.get(key);
	if (budget?.firstRefusalAt !== undefined && nowMs - budget.at > FORGET_IDLE_MS)
		budgets.delete(key);
}

/** The refill rate is measured over at least this long after the first 429 without a budget. */
const MEASURED_MS = 1_000;
/** The pace is set this much slower than the measured refill rate. */
const MEASURED_MARGIN = 1.05;

/** Accounts no answer has reported on yet: their first request goes alone, the others wait for its answer. */
const firstAnswers = new Map<string, Promise<void>>();

/**
 * Before a request: while nothing is known of the account's budget, one request goes first and
 * the others wait for its answer (so a bucket of 1 is not hit by ten requests at once). Returns
 * the function to call once that request is answered (or failed), or undefined.
 */
export async function firstRequestOf(key: string): Promise<(() => void) | undefined> {
	for (;;) {
		if (budgets.has(key)) return undefined;
		const pending = firstAnswers.get(key);
		if (!pending) break;
		await pending;
	}
	let answered!: () => void;
	firstAnswers.set(key, new Promise<void>((resolve) => (answered = resolve)));
	return () => {
		firstAnswers.delete(key);
		answered();
	};
}

/**
 * Takes a token for the request about to go and says how many milliseconds it waits first
 * (0: none). Call it once per request actually sent.
 */
export function waitBeforeNext(key: string, nowMs = Date.now()): number {
	forgetIfIdle(key, nowMs);
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
