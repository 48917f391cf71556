import {
	computeWaitMs,
	DEFAULT_RETRY_SETTINGS,
	isRetryable,
} from '../../nodes/shared/transport/retryPolicy';

const settings = { ...DEFAULT_RETRY_SETTINGS, maxWaitMs: 30_000, baseDelayMs: 1_000 };

describe('isRetryable: a send is never repeated unless the API provably did not take it', () => {
	it.each([
		['POST', { kind: 'status', statusCode: 429 }, true],
		['POST', { kind: 'network', code: 'ECONNREFUSED' }, true],
		['POST', { kind: 'status', statusCode: 500 }, false],
		['POST', { kind: 'status', statusCode: 502 }, false],
		['POST', { kind: 'network', code: 'ECONNRESET' }, false],
		['POST', { kind: 'network', code: 'ETIMEDOUT' }, false],
		['POST', { kind: 'network', code: undefined }, false],
		['GET', { kind: 'status', statusCode: 503 }, true],
		['GET', { kind: 'status', statusCode: 501 }, false],
		['GET', { kind: 'status', statusCode: 404 }, false],
		['GET', { kind: 'network', code: 'ECONNRESET' }, true],
		['PUT', { kind: 'status', statusCode: 500 }, true],
		['DELETE', { kind: 'network', code: 'ETIMEDOUT' }, true],
		['DELETE', { kind: 'status', statusCode: 400 }, false],
	] as const)('%s after %j -> %s', (method, outcome, expected) => {
		expect(isRetryable(method, outcome)).toBe(expected);
	});
});

describe('computeWaitMs', () => {
	const now = Date.UTC(2026, 0, 1);

	it('honours Retry-After in seconds and as an HTTP date', () => {
		expect(computeWaitMs(0, settings, { 'Retry-After': '7' }, now)).toBe(7_000);
		expect(
			computeWaitMs(0, settings, { 'retry-after': new Date(now + 4_000).toUTCString() }, now),
		).toBe(4_000);
	});

	it('reads X-RateLimit-Reset as unix seconds, unix milliseconds or a delay', () => {
		expect(computeWaitMs(0, settings, { 'x-ratelimit-reset': String(now / 1000 + 3) }, now)).toBe(
			3_000,
		);
		expect(computeWaitMs(0, settings, { 'X-RateLimit-Reset': String(now + 2_500) }, now)).toBe(
			2_500,
		);
		expect(computeWaitMs(0, settings, { 'x-ratelimit-reset': '5' }, now)).toBe(5_000);
	});

	it('never waits longer than the configured maximum, nor negative', () => {
		expect(computeWaitMs(0, settings, { 'retry-after': '3600' }, now)).toBe(30_000);
		expect(computeWaitMs(0, settings, { 'x-ratelimit-reset': String(now / 1000 - 10) }, now)).toBe(
			0,
		);
	});

	it('falls back to exponential backoff with full jitter', () => {
		expect(computeWaitMs(0, settings, {}, now, () => 1)).toBe(1_000);
		expect(computeWaitMs(3, settings, {}, now, () => 1)).toBe(8_000);
		expect(computeWaitMs(3, settings, {}, now, () => 0.5)).toBe(4_000);
		expect(computeWaitMs(10, settings, {}, now, () => 1)).toBe(30_000);
		expect(computeWaitMs(2, settings, {}, now, () => 0)).toBe(0);
	});
});

describe('isRetryable with an idempotency key the API honours (OnlyFansAPI.com sends)', () => {
	it.each([
		[{ kind: 'network', code: 'ECONNRESET' }, true],
		[{ kind: 'status', statusCode: 502 }, true],
		[{ kind: 'status', statusCode: 429 }, true],
		[{ kind: 'status', statusCode: 400 }, false],
	] as const)('a POST after %j: %s', (outcome, expected) => {
		expect(isRetryable('POST', outcome, true)).toBe(expected);
		// without the key, a POST that may have been taken is never repeated
		if (outcome.kind === 'network' || outcome.statusCode === 502)
			expect(isRetryable('POST', outcome, false)).toBe(false);
	});
});
