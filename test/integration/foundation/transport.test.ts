import { runNode, simulatorCredentials, useSimulator } from '../../harness';

const listChats = (extra: Record<string, unknown> = {}) => ({
	resource: 'chat',
	operation: 'getMany',
	returnAll: false,
	limit: 5,
	...extra,
});
const fastRetries = { requestSettings: { maxRetries: 3, maxWaitSeconds: 0 } };
const chatCalls = (sim: ReturnType<ReturnType<typeof useSimulator>>) =>
	sim.requests.filter((request) => request.path === '/v2/access/chats');

describe('transport: authentication and connection', () => {
	const simulator = useSimulator();

	it('sends the API key through the credential and the default connection as x-connection-id', async () => {
		const sim = simulator();
		const result = await runNode(listChats(), { credentials: simulatorCredentials(sim) });

		expect(result.error).toBeUndefined();
		expect(result.output()).toHaveLength(5);
		const [request] = chatCalls(sim);
		expect(request.headers.apikey).toBe(sim.apiKey);
		expect(request.headers['x-connection-id']).toBe(sim.connectionId);
		expect(request.query).toEqual({ order: 'recent', offset: '0', limit: '5' });
	});

	it("lets the node's Connection field override the credential default", async () => {
		const sim = simulator();
		const other = sim.state.connections.find(
			(c) => c.id !== sim.connectionId && c.status === 'active',
		);
		expect(other).toBeDefined();
		const result = await runNode(
			listChats({ connection: { __rl: true, mode: 'id', value: other!.id } }),
			{
				credentials: simulatorCredentials(sim),
			},
		);

		expect(result.error).toBeUndefined();
		expect(chatCalls(sim)[0].headers['x-connection-id']).toBe(other!.id);
	});

	it('refuses to call /v2/access without any connection, and sends nothing', async () => {
		const sim = simulator();
		const result = await runNode(listChats(), {
			credentials: simulatorCredentials(sim, { defaultConnectionId: '' }),
		});

		expect(result.error?.message).toBe('No OFAuth connection chosen');
		expect((result.error as { description?: string }).description).toContain(
			'Default Connection ID',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('names a wrong API key without ever showing it', async () => {
		const sim = simulator();
		const leakProbe = ['sk', 'live', 'must', 'never', 'leak'].join('_');
		const result = await runNode(listChats(), {
			credentials: simulatorCredentials(sim, { apiKey: leakProbe }),
		});

		expect(result.error?.message).toBe('OFAuth rejected the API key');
		expect((result.error as { description?: string }).description).toMatch(/Check the API key/);
		expect(JSON.stringify(result.run.data)).not.toContain(leakProbe);
		expect(sim.requests[0].headers.apikey).toBe(leakProbe);
	});

	it('explains SESSION_EXPIRED as a re-link and keeps the request ID', async () => {
		const sim = simulator();
		const result = await runNode(
			listChats({ connection: { __rl: true, mode: 'id', value: sim.expiredConnectionId } }),
			{
				credentials: simulatorCredentials(sim),
			},
		);

		expect(result.error?.message).toBe('The OnlyFans session of this connection has expired');
		const description = (result.error as { description?: string }).description ?? '';
		expect(description).toMatch(/Re-link the OnlyFans account/);
		expect(description).toMatch(/Request ID \(for OFAuth support\): req_/);
	});

	it('turns an API failure into an error item with Continue On Fail', async () => {
		const sim = simulator();
		const result = await runNode(
			listChats({ connection: { __rl: true, mode: 'id', value: sim.expiredConnectionId } }),
			{
				credentials: simulatorCredentials(sim),
				continueOnFail: true,
				items: [{ json: { row: 1 } }, { json: { row: 2 } }],
			},
		);

		expect(result.error).toBeUndefined();
		const output = result.output();
		expect(output).toHaveLength(2);
		output.forEach((item, index) => {
			expect(item.json.error).toBe('The OnlyFans session of this connection has expired');
			expect(item.pairedItem).toEqual({ item: index });
		});
	});
});

describe('transport: permissions', () => {
	const simulator = useSimulator({ permissions: ['profile:read', 'vault:read'] });

	it('names the missing permission scope on 403', async () => {
		const result = await runNode(listChats(), { credentials: simulatorCredentials(simulator()) });

		expect(result.error?.message).toBe(
			'The API key or connection lacks the permission "messages:read"',
		);
		expect((result.error as { description?: string }).description).toMatch(
			/Grant the "messages:read" permission/,
		);
	});
});

describe('transport: rate limits and retries', () => {
	const simulator = useSimulator();

	it('waits and retries after 429 until the API answers', async () => {
		const sim = simulator();
		sim.faults.failNext(2, 429, { headers: { 'Retry-After': '0' } });
		const result = await runNode(listChats(fastRetries), {
			credentials: simulatorCredentials(sim),
		});

		expect(result.error).toBeUndefined();
		expect(result.output()).toHaveLength(5);
		expect(chatCalls(sim).map((request) => request.status)).toEqual([429, 429, 200]);
	});

	it('paces by X-RateLimit-Remaining/-Reset before the token bucket is empty: every page, no 429', async () => {
		const sim = simulator();
		sim.faults.rateLimit({ capacity: 8, refillPerSecond: 2, headers: ['x-ratelimit'] });
		const result = await runNode(
			{
				resource: 'chat',
				operation: 'getMany',
				returnAll: true,
				requestSettings: { maxRetries: 10, maxWaitSeconds: 2 },
			},
			{ credentials: simulatorCredentials(sim) },
		);

		expect(result.error).toBeUndefined();
		expect(result.output()).toHaveLength(sim.state.chats.length);
		const statuses = chatCalls(sim).map((request) => request.status);
		expect(statuses).not.toContain(429);
		expect(statuses.filter((status) => status === 200)).toHaveLength(
			Math.ceil(sim.state.chats.length / 20),
		);
	});

	it("stops after the user's Max Retries and says so", async () => {
		const sim = simulator();
		sim.faults.failNext(5, 429, { headers: { 'Retry-After': '0' } });
		const result = await runNode(
			listChats({ requestSettings: { maxRetries: 1, maxWaitSeconds: 0 } }),
			{
				credentials: simulatorCredentials(sim),
			},
		);

		expect(result.error?.message).toBe('OFAuth rate limit reached and the retries ran out');
		expect(chatCalls(sim)).toHaveLength(2);
	});

	it('retries a read after a 5xx and after a dropped connection', async () => {
		const sim = simulator();
		sim.faults.failNext(1, 502);
		sim.faults.dropNext(1, 'before');
		const result = await runNode(listChats(fastRetries), {
			credentials: simulatorCredentials(sim),
		});

		expect(result.error).toBeUndefined();
		expect(result.output()).toHaveLength(5);
		expect(chatCalls(sim).length).toBe(3);
	});

	it('reports a refused connection with the Base URL hint', async () => {
		const sim = simulator();
		const closedPort = 'http://127.0.0.1:9';
		const result = await runNode(listChats(fastRetries), {
			credentials: simulatorCredentials(sim, { customBaseUrl: closedPort }),
		});

		expect(result.error?.message).toBe('Could not reach OFAuth: the connection was refused');
		expect((result.error as { description?: string }).description).toMatch(/check the Base URL/);
	});
});

describe('transport: pagination', () => {
	const simulator = useSimulator();

	it('Return All follows offsets through every page', async () => {
		const sim = simulator();
		const result = await runNode(
			{ resource: 'chat', operation: 'getMany', returnAll: true },
			{ credentials: simulatorCredentials(sim) },
		);

		const ids = result.output().map((item) => (item.json.withUser as { id: number }).id);
		expect(ids).toHaveLength(sim.state.chats.length);
		expect(new Set(ids).size).toBe(ids.length);
		const offsets = chatCalls(sim).map((request) => Number(request.query.offset));
		expect(offsets).toEqual(offsets.map((_, page) => page * 20));
		expect(offsets.length).toBeGreaterThan(3);
	});

	it('Limit asks only for what it needs', async () => {
		const sim = simulator();
		const result = await runNode(listChats({ limit: 25 }), {
			credentials: simulatorCredentials(sim),
		});

		expect(result.output()).toHaveLength(25);
		expect(chatCalls(sim).map((request) => request.query.limit)).toEqual(['20', '5']);
	});
});
