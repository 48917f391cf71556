/**
 * OnlyFansAPI.com reports its per-minute budget in every answer's body (`_meta._rate_limits`,
 * ../shared/api/onlyfansapi.md §8), not in headers. When an answer says none is left this minute,
 * the next request of the same key waits for the next minute instead of running into a 429.
 */

/** Base URL + account -> the moment (ms) the next request may go. Shared by every node of this n8n process. */
const pausedUntil = new Map<string, number>();

/** How long to pause after an answer with this body: until the next full minute when nothing is left, else 0. */
export function pauseAfter(body: unknown, nowMs: number): number {
	const limits = (body as { _meta?: { _rate_limits?: { remaining_minute?: unknown } } } | null)
		?._meta?._rate_limits;
	const remaining = limits?.remaining_minute;
	if (typeof remaining !== 'number' || remaining > 0) return 0;
	return 60_000 - (nowMs % 60_000);
}

export function notePause(key: string, body: unknown, nowMs = Date.now()): void {
	const pause = pauseAfter(body, nowMs);
	if (pause > 0) pausedUntil.set(key, nowMs + pause);
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
