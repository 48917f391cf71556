/**
 * Injected faults: a token bucket per connection (429), forced statuses for the
 * next N matching requests, fixed latency, dropped connections (before the
 * request is acted on, or after the action but without a response), and answers
 * held back after the action while something else happens.
 */
import type { RequestMatcher } from './types';

export type RateLimitHeader = 'retry-after' | 'x-ratelimit';

export interface RateLimitConfig {
	capacity: number;
	refillPerSecond: number;
	headers?: RateLimitHeader[];
}

interface FailRule {
	remaining: number;
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	match?: RequestMatcher;
}

interface HoldRule {
	whileHeld: () => Promise<unknown>;
	match?: RequestMatcher;
}

interface DropRule {
	remaining: number;
	when: 'before' | 'after';
	match?: RequestMatcher;
}

/**
 * OnlyFansAPI.com's budget: so many requests per account in any 60 s (a sliding minute, the
 * stricter reading of "per minute"), reported in every answer's `_meta._rate_limits`; past it, 429
 * (with Retry-After unless `retryAfter` is false).
 */
export interface PerMinuteConfig {
	limit: number;
	retryAfter?: boolean;
}

export interface MinuteDecision {
	limited: boolean;
	limit: number;
	/** What is left after this request (0 when refused). */
	remaining: number;
	/** Seconds until the oldest request counted leaves the minute (for Retry-After). */
	retryAfterSec?: number;
}

export interface RateDecision {
	limited: boolean;
	headers: Record<string, string>;
}

export class Faults {
	private rate: (RateLimitConfig & { headers: RateLimitHeader[] }) | null = null;
	private buckets = new Map<string, { tokens: number; at: number }>();
	private fails: FailRule[] = [];
	private drops: DropRule[] = [];
	private holds: HoldRule[] = [];
	private minute: PerMinuteConfig | null = null;
	private minuteUse = new Map<string, number[]>();
	latencyMs = 0;

	perMinute(opts: PerMinuteConfig | null): void {
		if (opts && !(opts.limit > 0)) throw new Error('perMinute needs limit > 0');
		this.minute = opts;
		this.minuteUse.clear();
	}

	/** One request of the account against its per-minute budget; null when no such budget is set. */
	takeMinute(key: string, nowMs = Date.now()): MinuteDecision | null {
		const cfg = this.minute;
		if (!cfg) return null;
		const used = (this.minuteUse.get(key) ?? []).filter((at) => at > nowMs - 60_000);
		this.minuteUse.set(key, used);
		if (used.length >= cfg.limit) {
			const retryAfterSec = Math.max(1, Math.ceil((used[0] + 60_000 - nowMs) / 1000));
			return {
				limited: true,
				limit: cfg.limit,
				remaining: 0,
				...(cfg.retryAfter === false ? {} : { retryAfterSec }),
			};
		}
		used.push(nowMs);
		return { limited: false, limit: cfg.limit, remaining: cfg.limit - used.length };
	}

	rateLimit(opts: RateLimitConfig): void {
		if (!(opts.capacity > 0) || !(opts.refillPerSecond > 0))
			throw new Error('rateLimit needs capacity > 0 and refillPerSecond > 0');
		this.rate = { ...opts, headers: opts.headers ?? ['x-ratelimit'] };
		this.buckets.clear();
	}

	disableRateLimit(): void {
		this.rate = null;
		this.buckets.clear();
	}

	failNext(
		count: number,
		status: number,
		opts: { body?: unknown; headers?: Record<string, string>; match?: RequestMatcher } = {},
	): void {
		if (count > 0) this.fails.push({ remaining: count, status, ...opts });
	}

	setLatency(ms: number): void {
		this.latencyMs = Math.max(0, ms);
	}

	dropNext(count: number, when: 'before' | 'after', match?: RequestMatcher): void {
		if (count > 0) this.drops.push({ remaining: count, when, match });
	}

	holdNextAnswer(whileHeld: () => Promise<unknown>, match?: RequestMatcher): void {
		this.holds.push({ whileHeld, match });
	}

	clear(): void {
		this.minute = null;
		this.minuteUse.clear();
		this.rate = null;
		this.buckets.clear();
		this.fails = [];
		this.drops = [];
		this.holds = [];
		this.latencyMs = 0;
	}

	/** takes one matching drop rule for this phase, if any */
	takeDrop(when: 'before' | 'after', r: { method: string; path: string }): boolean {
		const rule = this.drops.find(
			(d) => d.when === when && d.remaining > 0 && (!d.match || d.match(r)),
		);
		if (!rule) return false;
		rule.remaining--;
		this.drops = this.drops.filter((d) => d.remaining > 0);
		return true;
	}

	/** takes the first matching hold rule, if any: what to run before answering */
	takeHold(r: { method: string; path: string }): (() => Promise<unknown>) | null {
		const rule = this.holds.find((h) => !h.match || h.match(r));
		if (!rule) return null;
		this.holds = this.holds.filter((h) => h !== rule);
		return rule.whileHeld;
	}

	takeFail(r: { method: string; path: string }): FailRule | null {
		const rule = this.fails.find((f) => f.remaining > 0 && (!f.match || f.match(r)));
		if (!rule) return null;
		rule.remaining--;
		this.fails = this.fails.filter((f) => f.remaining > 0);
		return rule;
	}

	/** one token per request from the connection's bucket */
	takeToken(key: string, nowMs = Date.now()): RateDecision | null {
		const cfg = this.rate;
		if (!cfg) return null;
		let b = this.buckets.get(key);
		if (!b) {
			b = { tokens: cfg.capacity, at: nowMs };
			this.buckets.set(key, b);
		}
		b.tokens = Math.min(cfg.capacity, b.tokens + ((nowMs - b.at) / 1000) * cfg.refillPerSecond);
		b.at = nowMs;
		const limited = b.tokens < 1;
		if (!limited) b.tokens -= 1;
		const headers: Record<string, string> = {};
		const waitSec = limited ? (1 - b.tokens) / cfg.refillPerSecond : 0;
		if (cfg.headers.includes('x-ratelimit')) {
			headers['X-RateLimit-Limit'] = String(cfg.capacity);
			headers['X-RateLimit-Remaining'] = String(Math.floor(b.tokens));
			const untilFull = limited ? waitSec : (cfg.capacity - b.tokens) / cfg.refillPerSecond;
			headers['X-RateLimit-Reset'] = String(
				Math.ceil(nowMs / 1000 + (limited ? waitSec : untilFull)),
			);
		}
		if (limited && cfg.headers.includes('retry-after'))
			headers['Retry-After'] = String(Math.max(1, Math.ceil(waitSec)));
		return { limited, headers };
	}
}

/** JSON form of a matcher, for the /__sim/faults control endpoint */
export interface MatchSpec {
	method?: string;
	/** substring of the decoded path */
	path?: string;
	/** regular expression source tested against the decoded path */
	pathRegex?: string;
}

export function matcherFromSpec(spec: MatchSpec | undefined): RequestMatcher | undefined {
	if (!spec) return undefined;
	const re = spec.pathRegex ? new RegExp(spec.pathRegex) : null;
	return (r) =>
		(!spec.method || r.method.toUpperCase() === spec.method.toUpperCase()) &&
		(!spec.path || r.path.includes(spec.path)) &&
		(!re || re.test(r.path));
}
