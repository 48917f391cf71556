import { headerValue, type Headers } from './headers';
import { retryAfterMs } from './retryPolicy';

/**
 * Pacing: requests wait before the provider's budget is empty instead of running into 429s.
 * - OFAuth sends `X-RateLimit-Remaining`, `-Limit` and `-Reset` (when the bucket is full again).
 *   From them this process keeps a copy of the bucket: how many tokens are left and how long one
 *   takes to come back. Every request takes a token first; when none is left it waits its turn,
 *   so requests sent at the same time queue one token apart instead of racing for the last one.
 * - OnlyFansAPI.com reports its per-minute budget in the body (`_meta._rate_limits`): no more
 *   requests go than it has left, less what this process sent since; past that, a request waits
 *   until one of this process's own requests has left the minute (MinuteBudget).
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
	/** No request before this moment (a 429's Retry-After). */
	pausedUntil: number;
	/** A per-minute budget reported in the body (OnlyFansAPI.com), when there is one. */
	minute?: MinuteBudget;
	/** When recent answers that were not 429 came (only read when a 429 carries no budget). */
	accepted: number[];
	/** The first 429 without a budget in it, and how many requests were accepted since. */
	firstRefusalAt?: number;
	/** When a bare 429 last changed the pace. */
	paceSetAt?: number;
	/** The pace before the last probe (probeFaster): a 429 after the probe returns to it. */
	probedFrom?: number;
	/** A probe was refused: the pace is known from both sides and is no longer tried faster. */
	settled?: boolean;
	acceptedSinceRefusal: number;
}

/**
 * A budget of so many requests a minute (OnlyFansAPI.com). Whether its minute slides or follows the
 * clock is not documented, so it is read the stricter way: a sliding minute. What others (another
 * n8n, another tool with the same key) used, as of the last answer, is gone a minute after it;
 * what this process sends is counted by itself, request by request, including the requests still
 * waiting for their turn (`sent`, in the order they go).
 */
interface MinuteBudget {
	limit: number;
	/** When the request whose answer last reported the budget was sent. */
	reportedAt: number;
	/** Requests of others within the minute, as of that answer. */
	others: number;
	/** When this process's requests went, or will go once their wait is over; oldest first. */
	sent: number[];
}

/** A minute, and a margin: the provider counts a request when it arrives, a little after it left. */
const MINUTE_MS = 61_000;

/** What may still go at time `at`. */
function minuteLeftAt(minute: MinuteBudget, at: number): number {
	const others = at < minute.reportedAt + MINUTE_MS ? minute.others : 0;
	const own = minute.sent.filter((sentAt) => sentAt > at - MINUTE_MS && sentAt <= at).length;
	return minute.limit - others - own;
}

/**
 * The first moment from `nowMs` (and not before the last request already given a time) at which
 * one more request fits the minute: now, when the others' use is over, or when one of this
 * process's requests leaves the minute.
 */
function minuteSlotFrom(minute: MinuteBudget, nowMs: number): number {
	minute.sent = minute.sent.filter((at) => at > nowMs - MINUTE_MS);
	const start = Math.max(nowMs, minute.sent[minute.sent.length - 1] ?? nowMs);
	const candidates = [
		start,
		minute.reportedAt + MINUTE_MS,
		...minute.sent.map((at) => at + MINUTE_MS),
	]
		.filter((at) => at >= start)
		.sort((a, b) => a - b);
	return candidates.find((at) => minuteLeftAt(minute, at) >= 1) ?? start + MINUTE_MS;
}

/** An answer's `_meta._rate_limits` (OnlyFansAPI.com): this minute's limit and what is left of it. */
function minuteLimitsOf(body: unknown): { limit?: number; remaining: number } | undefined {
	const limits = (body as { _meta?: { _rate_limits?: Record<string, unknown> } } | null)?._meta
		?._rate_limits;
	const remaining = limits?.remaining_minute;
	if (typeof remaining !== 'number' || !Number.isFinite(remaining)) return undefined;
	const limit = limits?.limit_minute;
	return { remaining, limit: typeof limit === 'number' && limit > 0 ? limit : undefined };
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

/** An answer, as pacing reads it. */
export interface PacedAnswer {
	headers?: Headers;
	body?: unknown;
	/** It was a 429. */
	refused?: boolean;
	/** When the request left (the answer's numbers are from before it came); default: now. */
	sentAt?: number;
}

/** Reads the budget an answer reports (headers, or the body's `_meta._rate_limits`). */
export function noteAnswer(
	key: string,
	{ headers, body, refused = false, sentAt }: PacedAnswer,
	nowMs = Date.now(),
): void {
	sentAt ??= nowMs;
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
	const minuteLimits = minuteLimitsOf(body);
	if (minuteLimits) {
		const minute = (budget.minute ??= { limit: 0, reportedAt: sentAt, others: 0, sent: [sentAt] });
		minute.limit = minuteLimits.limit ?? Math.max(minute.limit, minuteLimits.remaining + 1);
		// the provider's count as of this answer, less this process's own requests in that minute
		// (this one included), is what others used: it is gone a minute later
		const ownBefore = minute.sent.filter((at) => at > sentAt - MINUTE_MS && at <= sentAt).length;
		if (sentAt >= minute.reportedAt) {
			minute.reportedAt = sentAt;
			minute.others = Math.max(0, minute.limit - minuteLimits.remaining - ownBefore);
		}
	}
	// a 429's Retry-After says when the API takes requests again: it wins over the minute estimate
	const retryAfter = refused ? retryAfterMs(headers, nowMs) : undefined;
	if (retryAfter !== undefined) {
		budget.pausedUntil = nowMs + retryAfter;
		// the provider says when it takes requests again: its minute is over then, whatever was counted
		if (budget.minute) {
			budget.minute.reportedAt = budget.pausedUntil - MINUTE_MS;
			budget.minute.sent = [];
		}
	}
	if (!refused) {
		budget.acceptedSinceRefusal++;
		budget.accepted.push(nowMs);
		if (budget.accepted.length > ACCEPTED_KEPT) budget.accepted.shift();
		probeFaster(budget, nowMs);
	} else if (!Number.isFinite(remaining) && retryAfter === undefined && !minuteLimits) {
		learnFromRefusal(budget, nowMs, sentAt);
	}
	budgets.set(key, budget);
}

/** How many recent accepted answers a bucket keeps to estimate the rate a 429 without headers allows. */
const ACCEPTED_KEPT = 256;
/** The window those answers are counted in. */
const OBSERVED_MS = 2_000;
/** Each further 429 without headers slows the pace down by this much; it never speeds up again. */
const SLOWER = 1.5;
/** After the first 429 without headers, the pace starts at this fraction of the rate just accepted. */
const FIRST_GUESS = 3;

/**
 * A 429 that says nothing about the budget (no X-RateLimit-*): the bucket just ran dry. What was
 * accepted in the last moments is how fast this process sent, not how fast the bucket refills, so
 * the pace starts at a third of it. From a second such 429 on, the bucket has been empty since the
 * first: what it accepted since then is its refill rate, measured, and the pace is set just under
 * it; until that measure is a second long, each 429 slows the pace down. A 429 to a request sent
 * before the pace last changed (one already on its way) changes nothing. Once the pace is known,
 * only what it needs is kept in flight (slotsOf), and after a quiet while it is tried a little
 * faster (probeFaster), so a pace set too slow while refusals were still arriving recovers.
 */
function learnFromRefusal(budget: Budget, nowMs: number, sentAt: number): void {
	// sent before an earlier 429 set the pace: it says nothing new about the pace
	if (budget.paceSetAt !== undefined && sentAt < budget.paceSetAt) return;
	const sinceFirst = budget.firstRefusalAt === undefined ? 0 : nowMs - budget.firstRefusalAt;
	if (budget.probedFrom !== undefined) {
		// a probe went too fast: the pace before it held, so it is the pace from now on
		budget.perToken = budget.probedFrom * MEASURED_MARGIN;
		budget.probedFrom = undefined;
		budget.settled = true;
	} else if (budget.firstRefusalAt === undefined || !(budget.perToken > 0)) {
		const recent = budget.accepted.filter((at) => at > nowMs - OBSERVED_MS).length;
		budget.perToken = recent > 0 ? (OBSERVED_MS / recent) * FIRST_GUESS : 1000;
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

/** A pace learned from bare 429s is tried this much faster after this long without a 429. */
const PROBE_MS = 4_000;
const FASTER = 1.15;

/**
 * A pace learned from bare 429s may be slower than the limit (it was set while the requests in
 * flight were still being refused): after PROBE_MS without a 429 it is tried a little faster, and
 * again, until a probe is refused: then the pace before that probe is kept for good. The slots
 * (slotsOf) keep that one crossing from costing more than one or two 429s.
 */
function probeFaster(budget: Budget, nowMs: number): void {
	if (budget.settled || budget.paceSetAt === undefined || !(budget.perToken > 0)) return;
	if (nowMs - budget.paceSetAt < PROBE_MS) return;
	budget.probedFrom = budget.perToken;
	budget.perToken /= FASTER;
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
	const minute = budget.minute;
	if (minute) {
		const at = minuteSlotFrom(minute, nowMs + wait);
		minute.sent.push(at);
		wait = at - nowMs;
	}
	if (budget.perToken > 0 && Number.isFinite(budget.tokens)) {
		refill(budget, nowMs);
		budget.tokens -= 1;
		if (budget.tokens < 0) wait = Math.max(wait, Math.ceil(-budget.tokens * budget.perToken));
	}
	return wait;
}

/** Requests of an account that hold a slot: waiting for their turn in the pace, or for their answer. */
const inFlight = new Map<string, number>();
/** How long recent answers of an account took (a moving average), in milliseconds. */
const answerTimes = new Map<string, number>();
/** In flight beyond what the pace needs at the measured answer time. */
const IN_FLIGHT_MARGIN = 1.25;

/**
 * How many requests of an account may hold a slot at once: unbounded, unless its pace was learned
 * from 429s without headers; then what that pace needs at the measured answer time (rate x answer
 * time, a quarter more, plus one), so a pace that is still a little too fast refuses few at a time.
 */
function slotsOf(key: string): number {
	const budget = budgets.get(key);
	const answerMs = answerTimes.get(key) ?? 0;
	if (budget?.firstRefusalAt === undefined || !(budget.perToken > 0) || !(answerMs > 0))
		return Infinity;
	return Math.ceil((answerMs / budget.perToken) * IN_FLIGHT_MARGIN) + 1;
}

/** Requests of an account waiting for a slot, by ticket, first come first served. */
const slotQueues = new Map<string, number[]>();
let lastTicket = 0;

/** A request of this account lines up for a slot: its ticket, for `takeSlot` and `leaveSlotQueue`. */
export function queueForSlot(key: string): number {
	const ticket = ++lastTicket;
	const queue = slotQueues.get(key);
	if (queue) queue.push(ticket);
	else slotQueues.set(key, [ticket]);
	return ticket;
}

/**
 * Takes a slot for the request holding `ticket` if it is first in line and a slot is free; the
 * caller frees it with `freeSlot`. Requests get slots in the order they lined up.
 */
export function takeSlot(key: string, ticket: number): boolean {
	const queue = slotQueues.get(key);
	if (queue?.[0] !== ticket) return false;
	const held = inFlight.get(key) ?? 0;
	if (held >= slotsOf(key)) return false;
	queue.shift();
	if (!queue.length) slotQueues.delete(key);
	inFlight.set(key, held + 1);
	return true;
}

/** A request that stopped waiting (the execution was cancelled) leaves the line. */
export function leaveSlotQueue(key: string, ticket: number): void {
	const queue = slotQueues.get(key);
	if (!queue) return;
	const index = queue.indexOf(ticket);
	if (index >= 0) queue.splice(index, 1);
	if (!queue.length) slotQueues.delete(key);
}

/** Frees a request's slot; `answerMs`: how long its answer took, when it got one. */
export function freeSlot(key: string, answerMs?: number): void {
	const held = (inFlight.get(key) ?? 1) - 1;
	if (held > 0) inFlight.set(key, held);
	else inFlight.delete(key);
	if (answerMs !== undefined && answerMs >= 0) {
		const average = answerTimes.get(key);
		answerTimes.set(key, average === undefined ? answerMs : average * 0.8 + answerMs * 0.2);
	}
}
