import { type Fan, type Message, type RecordedRequest } from '../simulator';
import { client, simulatorTestbed, expectErrorShape, type ErrorBody, type Res } from './helpers';

describe('simulator: faults and control endpoints', () => {
	const { sim, c } = simulatorTestbed();

	test('rate limit: token bucket per connection, 429 with X-RateLimit-* and Retry-After', async () => {
		sim.faults.rateLimit({
			capacity: 3,
			refillPerSecond: 2,
			headers: ['x-ratelimit', 'retry-after'],
		});
		const statuses: number[] = [];
		let limited: Res<ErrorBody> | undefined;
		for (let i = 0; i < 5; i++) {
			const r = await c.get('/v2/access/chats?limit=1');
			statuses.push(r.status);
			if (r.status === 429) limited = r as Res<ErrorBody>;
		}
		expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
		expect(statuses[3]).toBe(429);
		expectErrorShape(limited!.body, 'RATE_LIMITED');
		expect(limited!.body.error).toBe('Rate limit exceeded');
		expect(limited!.headers.get('x-ratelimit-limit')).toBe('3');
		expect(limited!.headers.get('x-ratelimit-remaining')).toBe('0');
		const reset = Number(limited!.headers.get('x-ratelimit-reset'));
		expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
		expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 2);
		expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		// another connection has its own bucket
		expect(
			(await client(sim, { connectionId: 'conn_sim_second' }).get('/v2/access/chats?limit=1'))
				.status,
		).toBe(200);
		// the bucket refills
		await new Promise((r) => setTimeout(r, 600));
		expect((await c.get('/v2/access/chats?limit=1')).status).toBe(200);
		const rejected = sim.requests.filter((r) => r.status === 429);
		expect(rejected.every((r) => !r.accepted && r.fault === 'rateLimit')).toBe(true);
		sim.faults.disableRateLimit();
		for (let i = 0; i < 5; i++) expect((await c.get('/v2/access/chats?limit=1')).status).toBe(200);
	});

	test('rate limit without headers: 429 only', async () => {
		sim.faults.rateLimit({ capacity: 1, refillPerSecond: 0.1, headers: [] });
		await c.get('/v2/access/chats');
		const r = await c.get('/v2/access/chats');
		expect(r.status).toBe(429);
		expect(r.headers.get('retry-after')).toBeNull();
		expect(r.headers.get('x-ratelimit-reset')).toBeNull();
	});

	test('failNext: forced statuses, custom body and headers, match', async () => {
		sim.faults.failNext(2, 503);
		const a = await c.get('/v2/account/whoami');
		expect(a.status).toBe(503);
		expectErrorShape(a.body, 'NETWORK_ERROR');
		expect((await c.get('/v2/account/whoami')).status).toBe(503);
		expect((await c.get('/v2/account/whoami')).status).toBe(200);

		sim.faults.failNext(1, 500, {
			match: (r) => r.method === 'POST' && r.path.endsWith('/messages'),
		});
		expect((await c.get('/v2/access/chats')).status).toBe(200);
		const p = await c.post('/v2/access/chats/100001/messages', { text: 'x' });
		expect(p.status).toBe(500);
		expect(sim.messagesSentTo(100001)).toBe(0);
		expect((await c.post('/v2/access/chats/100001/messages', { text: 'x' })).status).toBe(200);

		sim.faults.failNext(1, 429, {
			body: { error: 'slow down', code: 'RATE_LIMIT' },
			headers: { 'Retry-After': '2' },
		});
		const r = await c.get('/v2/account/whoami');
		expect(r.status).toBe(429);
		expect(r.body).toEqual({ error: 'slow down', code: 'RATE_LIMIT' });
		expect(r.headers.get('retry-after')).toBe('2');
		const failed = sim.requests.filter((x) => x.fault === 'failNext');
		expect(failed).toHaveLength(4);
		expect(failed.every((x) => !x.accepted)).toBe(true);
	});

	test("dropNext 'before': socket destroyed, nothing happens, request recorded as not accepted", async () => {
		sim.faults.dropNext(1, 'before', (r) => r.method === 'POST');
		await expect(c.post('/v2/access/chats/100001/messages', { text: 'lost' })).rejects.toThrow();
		expect(sim.messagesSentTo(100001)).toBe(0);
		const rec = sim.requests[sim.requests.length - 1];
		expect(rec).toEqual(
			expect.objectContaining({ method: 'POST', accepted: false, status: 0, dropped: 'before' }),
		);
		expect((await c.post('/v2/access/chats/100001/messages', { text: 'ok' })).status).toBe(200);
		expect(sim.messagesSentTo(100001)).toBe(1);
	});

	test("dropNext 'after': the action happens but no response arrives (a retry duplicates)", async () => {
		sim.faults.dropNext(1, 'after');
		await expect(
			c.post('/v2/access/chats/100001/messages', { text: 'sent twice?' }),
		).rejects.toThrow();
		expect(sim.messagesSentTo(100001)).toBe(1);
		const rec = sim.requests[sim.requests.length - 1];
		expect(rec).toEqual(
			expect.objectContaining({
				accepted: true,
				status: 200,
				dropped: 'after',
				body: { text: 'sent twice?' },
			}),
		);
		await c.post('/v2/access/chats/100001/messages', { text: 'sent twice?' });
		expect(sim.messagesSentTo(100001)).toBe(2);
	});

	test('holdNextAnswer: the request is acted on, then its answer waits for what runs meanwhile', async () => {
		const seenWhileHeld: number[] = [];
		sim.faults.holdNextAnswer(
			async () => {
				seenWhileHeld.push(sim.messagesSentTo(100001));
			},
			(r) => r.method === 'POST',
		);
		const held = await c.post('/v2/access/chats/100001/messages', { text: 'held' });
		expect([held.status, seenWhileHeld]).toEqual([200, [1]]);
		await c.post('/v2/access/chats/100001/messages', { text: 'not held' });
		expect(seenWhileHeld).toEqual([1]);
	});

	test('latency', async () => {
		sim.faults.setLatency(150);
		const t0 = Date.now();
		await c.get('/v2/account/whoami');
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		sim.faults.clear();
		const t1 = Date.now();
		await c.get('/v2/account/whoami');
		expect(Date.now() - t1).toBeLessThan(140);
	});

	test('control endpoints over HTTP (not recorded): faults, requests, reset, messages-sent, events, info', async () => {
		const ctl = <T = unknown>(path: string, body?: unknown) =>
			fetch(
				`${sim.controlUrl}${path}`,
				body === undefined
					? {}
					: {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify(body),
						},
			).then(async (r) => ({ status: r.status, body: (await r.json()) as T }));
		expect((await ctl('/info')).body).toEqual({
			baseUrl: sim.baseUrl,
			apiKey: sim.apiKey,
			connectionId: sim.connectionId,
			expiredConnectionId: sim.expiredConnectionId,
			controlUrl: sim.controlUrl,
		});
		expect(
			(
				await ctl('/faults', {
					type: 'failNext',
					count: 1,
					status: 502,
					match: { method: 'GET', path: '/whoami' },
				})
			).status,
		).toBe(200);
		expect((await c.get('/v2/access/chats')).status).toBe(200);
		const w = await c.get('/v2/account/whoami');
		expect(w.status).toBe(502);
		expectErrorShape(w.body, 'PROXY_ERROR');
		await ctl('/faults', [
			{ type: 'rateLimit', capacity: 1, refillPerSecond: 0.01 },
			{ type: 'latency', ms: 0 },
		]);
		await c.get('/v2/access/chats');
		expect((await c.get('/v2/access/chats')).status).toBe(429);
		await ctl('/faults', { type: 'clear' });
		expect((await c.get('/v2/access/chats')).status).toBe(200);
		await c.post('/v2/access/chats/100002/messages', { text: 'x' });
		expect((await ctl<{ userId: number; count: number }>('/messages-sent/100002')).body.count).toBe(
			1,
		);
		const reqs = await ctl<{ requests: RecordedRequest[]; total: number }>('/requests');
		expect(reqs.body.requests.map((r) => r.path)).toEqual([
			'/v2/access/chats',
			'/v2/account/whoami',
			'/v2/access/chats',
			'/v2/access/chats',
			'/v2/access/chats',
			'/v2/access/chats/100002/messages',
		]);
		expect(
			(await ctl<{ requests: RecordedRequest[] }>('/requests?since=5')).body.requests,
		).toHaveLength(1);
		expect(
			(await ctl<Message>('/events', { kind: 'message', userId: 100003, text: 'yo' })).body.text,
		).toBe('yo');
		const state = await ctl<{ fans: Fan[] }>('/state');
		expect(state.body.fans).toHaveLength(250);
		expect((await ctl('/reset', {})).status).toBe(200);
		expect(sim.requests).toHaveLength(0);
		expect(sim.messagesSentTo(100002)).toBe(0);
		expect((await ctl('/nope')).status).toBe(404);
	});
});
