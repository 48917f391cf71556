import {
	freeSlot,
	noteAnswer,
	queueForSlot,
	takeSlot,
	waitBeforeNext,
} from '../../nodes/shared/transport/pacing';

const at = Date.UTC(2026, 10, 30, 12, 0, 45, 0); // 45 s into a minute
const meta = (remaining: unknown) => ({
	data: {},
	_meta: { _rate_limits: { limit_minute: 60, remaining_minute: remaining } },
});
/** OFAuth's headers: a bucket of `limit`, `remaining` left, full again `fullInMs` from `at`. */
const bucket = (limit: number, remaining: number, fullInMs: number) => ({
	'x-ratelimit-limit': String(limit),
	'x-ratelimit-remaining': String(remaining),
	'x-ratelimit-reset': String((at + fullInMs) / 1000),
});
let key = 0;
const freshKey = () => `key-${++key}`;

describe('pacing from the X-RateLimit-* headers (OFAuth)', () => {
	it('no wait while tokens are left, and none for a key that never reported a budget', () => {
		const k = freshKey();
		noteAnswer(k, { headers: bucket(8, 3, 2500) }, at);
		expect([1, 2, 3].map(() => waitBeforeNext(k, at))).toEqual([0, 0, 0]);
		expect(waitBeforeNext(freshKey(), at)).toBe(0);
	});

	it('none left: wait the time one token takes (a bucket of 8 full in 4 s: 500 ms, plus 2 % for clocks)', () => {
		const k = freshKey();
		noteAnswer(k, { headers: bucket(8, 0, 4000) }, at);
		expect(waitBeforeNext(k, at)).toBe(510);
	});

	it('requests sent at the same moment queue one token apart instead of racing for the last one', () => {
		const k = freshKey();
		noteAnswer(k, { headers: bucket(10, 1, 9000) }, at); // 9 missing, full in 9 s: a token per second
		expect([1, 2, 3, 4].map(() => waitBeforeNext(k, at))).toEqual([0, 1020, 2040, 3060]);
	});

	it('tokens come back with time, never above the bucket size', () => {
		const k = freshKey();
		noteAnswer(k, { headers: bucket(2, 0, 2000) }, at); // a token per second (1.02 s with the margin)
		expect(waitBeforeNext(k, at + 60_000)).toBe(0);
		expect(waitBeforeNext(k, at + 60_000)).toBe(0);
		expect(waitBeforeNext(k, at + 60_000)).toBe(1020); // only 2 fit in the bucket
	});

	it('an answer never raises the count above what this process already took', () => {
		const k = freshKey();
		noteAnswer(k, { headers: bucket(10, 1, 9000) }, at);
		waitBeforeNext(k, at);
		waitBeforeNext(k, at); // queued: -1
		noteAnswer(k, { headers: bucket(10, 1, 9000) }, at); // an older answer, sent before those two
		expect(waitBeforeNext(k, at)).toBe(2040);
	});

	it('keeps the smallest refill estimate (resets come rounded up to seconds) and slows down after a 429', () => {
		const k = freshKey();
		noteAnswer(k, { headers: bucket(10, 0, 10_000) }, at); // 1 s a token, as rounded
		noteAnswer(k, { headers: bucket(10, 5, 4_000) }, at); // 0.8 s a token: closer
		noteAnswer(k, { headers: bucket(10, 5, 9_000) }, at); // 1.8 s: ignored
		expect(waitBeforeNext(k, at)).toBe(Math.ceil(800 * 1.02));
		noteAnswer(k, { headers: bucket(10, 0, 9_000), refused: true }, at); // refused after all
		expect(waitBeforeNext(k, at)).toBe(Math.ceil(2 * 800 * 1.02 * 1.1));
	});

	it("a 429's reset (when the next token comes) never makes the pace faster", () => {
		const k = freshKey();
		noteAnswer(k, { headers: bucket(90, 0, 9_000) }, at); // 100 ms a token
		noteAnswer(k, { headers: bucket(90, 0, 1_000), refused: true }, at); // refused: retry in 1 s
		expect(waitBeforeNext(k, at)).toBe(Math.ceil(100 * 1.02 * 1.1));
	});

	it('a reset in milliseconds, or as seconds from now, is read too', () => {
		const k1 = freshKey();
		noteAnswer(
			k1,
			{ headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(at + 2000) } },
			at,
		);
		expect(waitBeforeNext(k1, at)).toBe(2040);
		const k2 = freshKey();
		noteAnswer(k2, { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3' } }, at);
		expect(waitBeforeNext(k2, at)).toBe(3060);
	});
});

describe('pacing from the per-minute budget in _meta._rate_limits (OnlyFansAPI.com)', () => {
	it('no wait while budget is left, or when the answer says nothing about it', () => {
		const k = freshKey();
		noteAnswer(k, { body: meta(5) }, at);
		noteAnswer(k, { body: { data: {} } }, at);
		noteAnswer(k, { body: null }, at);
		expect(waitBeforeNext(k, at)).toBe(0);
	});

	it('none left: the next requests wait until what the answer counted has left the minute (61 s with the margin)', () => {
		const k = freshKey();
		noteAnswer(k, { body: meta(0) }, at);
		expect(waitBeforeNext(k, at)).toBe(61_000);
		expect(waitBeforeNext(k, at + 5_000)).toBe(56_000);
		expect(waitBeforeNext(freshKey(), at + 5_000)).toBe(0);
	});

	it('6 a minute, 10 requests at once: as many go as the budget has left, the rest as their own places come back', () => {
		const k = freshKey();
		const six = (remaining: number) => ({
			data: {},
			_meta: { _rate_limits: { limit_minute: 6, remaining_minute: remaining } },
		});
		noteAnswer(k, { body: six(5), sentAt: at }, at + 200); // the first request, alone, answered
		const waits = Array.from({ length: 9 }, () => waitBeforeNext(k, at + 200));
		// 5 go at once; the other 4 wait for the first and then these 5 to leave the minute
		expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
		expect(waits.slice(5)).toEqual([60_800, 61_000, 61_000, 61_000]);
		// an answer of one of the five says what the provider counted: nothing changes for those waiting
		noteAnswer(k, { body: six(0), sentAt: at + 200 }, at + 400);
		expect(waitBeforeNext(k, at + 400)).toBe(60_800);
	});

	it('others using the same key: their use is gone a minute after the answer that counted it', () => {
		const k = freshKey();
		noteAnswer(k, { body: meta(2) }, at); // 60 a minute, 2 left: 57 used by others
		expect([0, 1, 2].map(() => waitBeforeNext(k, at))).toEqual([0, 0, 61_000]);
	});
});

describe("a 429's Retry-After decides when the next request may go", () => {
	it('OnlyFansAPI.com: Retry-After 10 s beats the minute estimate', () => {
		const k = freshKey();
		noteAnswer(k, { headers: { 'retry-after': '10' }, body: meta(0), refused: true }, at);
		expect(waitBeforeNext(k, at)).toBe(10_000);
	});

	it('without Retry-After the minute estimate stays', () => {
		const k = freshKey();
		noteAnswer(k, { body: meta(0), refused: true }, at);
		expect(waitBeforeNext(k, at)).toBe(61_000);
	});
});

describe('pacing learned from 429s alone (no X-RateLimit-*, no Retry-After)', () => {
	/** A sender that sends whenever pacing lets it, against a hidden bucket of 5 per second. */
	function simulate(seconds: number) {
		const k = freshKey();
		const refillPerMs = 5 / 1000;
		let tokens = 10;
		let now = at;
		let last = at;
		const refused: number[] = [];
		const accepted: number[] = [];
		while (now < at + seconds * 1000) {
			now += waitBeforeNext(k, now);
			tokens = Math.min(10, tokens + (now - last) * refillPerMs);
			last = now;
			const ok = tokens >= 1;
			if (ok) tokens -= 1;
			(ok ? accepted : refused).push(now);
			noteAnswer(k, { refused: !ok }, now);
			now += 20; // the answer takes 20 ms
		}
		return { refused, accepted };
	}

	it('settles under the limit: after the first 429s, at most a probe or two is refused, and the pace stays near it', () => {
		const { refused, accepted } = simulate(60);
		expect(refused.length).toBeGreaterThan(0);
		// the first refusal, then at most the probe that finds the limit from below and one more
		expect(refused.filter((time) => time > refused[0] + 1_000).length).toBeLessThanOrEqual(2);
		// the last 30 s: no 429, and at least 80 % of the 5 per second the bucket allows
		const late = accepted.filter((time) => time >= at + 30_000).length / 30;
		expect(late).toBeGreaterThanOrEqual(4);
		expect(late).toBeLessThanOrEqual(5.05);
	});

	it('with 10 requests in flight and answers 250 ms late, the 429s are few and the pace settles just under the refill rate', () => {
		// a hidden bucket of 90, then 10 per second; each of 10 senders sends when pacing lets it
		const k = freshKey();
		const bucket = { tokens: 90, at: at };
		const take = (now: number) => {
			bucket.tokens = Math.min(90, bucket.tokens + ((now - bucket.at) / 1000) * 10);
			bucket.at = now;
			if (bucket.tokens < 1) return false;
			bucket.tokens -= 1;
			return true;
		};
		type Sender = {
			sendAt?: number;
			answerAt?: number;
			sentAt?: number;
			refused?: boolean;
			ticket?: number;
		};
		const senders: Sender[] = Array.from({ length: 10 }, () => ({}));
		const refused: number[] = [];
		const accepted: number[] = [];
		for (let now = at; now < at + 60_000; now++) {
			for (const sender of senders) {
				if (sender.answerAt !== undefined && now >= sender.answerAt) {
					// as the transport does: the slot is freed, then the answer read
					freeSlot(k, now - sender.sentAt!);
					noteAnswer(k, { refused: sender.refused, sentAt: sender.sentAt }, now);
					sender.answerAt = undefined;
				}
				// a slot first (no more in flight than the pace needs, in turn), then its turn in the pace
				if (sender.answerAt === undefined && sender.sendAt === undefined) {
					const ticket = (sender.ticket ??= queueForSlot(k));
					if (takeSlot(k, ticket)) {
						sender.ticket = undefined;
						sender.sendAt = now + waitBeforeNext(k, now);
					}
				}
				if (sender.sendAt !== undefined && now >= sender.sendAt) {
					const ok = take(now);
					(ok ? accepted : refused).push(now);
					Object.assign(sender, {
						sendAt: undefined,
						sentAt: now,
						answerAt: now + 250,
						refused: !ok,
					});
				}
			}
		}
		const total = refused.length + accepted.length;
		expect(refused.length / total).toBeLessThan(0.04);
		// the first burst (what was in flight when the bucket ran dry), then at most two probes
		expect(refused.filter((time) => time > refused[0] + 1_000).length).toBeLessThanOrEqual(2);
		const late = accepted.filter((time) => time >= at + 30_000).length / 30;
		expect(late).toBeGreaterThanOrEqual(8.5);
		expect(late).toBeLessThanOrEqual(10.1);
	});
});
