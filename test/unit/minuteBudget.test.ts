import { notePause, pauseAfter, waitBeforeNext } from '../../nodes/shared/transport/minuteBudget';

const meta = (remaining: unknown) => ({
	data: {},
	_meta: { _rate_limits: { limit_minute: 60, remaining_minute: remaining } },
});

describe('the per-minute budget OnlyFansAPI.com reports in _meta._rate_limits', () => {
	const at = Date.UTC(2026, 10, 30, 12, 0, 45, 0); // 45 s into a minute

	it('no pause while budget is left, or when the answer says nothing about it', () => {
		expect(pauseAfter(meta(5), at)).toBe(0);
		expect(pauseAfter({ data: {} }, at)).toBe(0);
		expect(pauseAfter(null, at)).toBe(0);
	});

	it('none left: the next request waits for the next minute (15 s here)', () => {
		expect(pauseAfter(meta(0), at)).toBe(15_000);
	});

	it('the pause is kept per key and forgotten once over', () => {
		notePause('a', meta(0), at);
		expect(waitBeforeNext('a', at + 5_000)).toBe(10_000);
		expect(waitBeforeNext('b', at + 5_000)).toBe(0);
		expect(waitBeforeNext('a', at + 15_000)).toBe(0);
		expect(waitBeforeNext('a', at + 1_000)).toBe(0);
	});
});
