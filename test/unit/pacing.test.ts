import { notePause, pauseAfter, waitBeforeNext } from '../../nodes/shared/transport/pacing';

const at = Date.UTC(2026, 10, 30, 12, 0, 45, 0); // 45 s into a minute
const meta = (remaining: unknown) => ({
	data: {},
	_meta: { _rate_limits: { limit_minute: 60, remaining_minute: remaining } },
});

describe('pacing from the X-RateLimit-* headers (OFAuth)', () => {
	it('no pause while tokens are left', () => {
		expect(
			pauseAfter(
				{ 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': String(at / 1000 + 4) },
				{},
				at,
			),
		).toBe(0);
	});

	it('none left: wait the time one token takes (here the bucket of 8 is full in 4 s: 500 ms)', () => {
		const headers = {
			'x-ratelimit-limit': '8',
			'x-ratelimit-remaining': '0',
			'x-ratelimit-reset': String(at / 1000 + 4),
		};
		expect(pauseAfter(headers, {}, at)).toBe(500);
	});

	it('a reset in milliseconds, or as seconds from now, is read too; without a limit the whole reset is waited', () => {
		expect(
			pauseAfter({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(at + 2000) }, {}, at),
		).toBe(2000);
		expect(pauseAfter({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3' }, {}, at)).toBe(
			3000,
		);
	});
});

describe('pacing from the per-minute budget in _meta._rate_limits (OnlyFansAPI.com)', () => {
	it('no pause while budget is left, or when the answer says nothing about it', () => {
		expect(pauseAfter({}, meta(5), at)).toBe(0);
		expect(pauseAfter({}, { data: {} }, at)).toBe(0);
		expect(pauseAfter(undefined, null, at)).toBe(0);
	});

	it('none left: the next request waits for the next minute (15 s here)', () => {
		expect(pauseAfter({}, meta(0), at)).toBe(15_000);
	});
});

describe('the pause is shared per key', () => {
	it('kept per key and forgotten once over', () => {
		notePause('a', {}, meta(0), at);
		expect(waitBeforeNext('a', at + 5_000)).toBe(10_000);
		expect(waitBeforeNext('b', at + 5_000)).toBe(0);
		expect(waitBeforeNext('a', at + 15_000)).toBe(0);
		expect(waitBeforeNext('a', at + 1_000)).toBe(0);
	});
});
