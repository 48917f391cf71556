import { startSimulator, type Connection, type OfAuthSimulator } from '../simulator';
import { client, expectErrorShape, type ErrorBody, type Page, type Whoami } from './helpers';

describe('simulator: auth and connections', () => {
	let sim: OfAuthSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 1 });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	test('whoami with a valid key (header name case-insensitive)', async () => {
		const res = await fetch(`${sim.baseUrl}/v2/account/whoami`, {
			headers: { APIKEY: sim.apiKey },
		});
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body).toEqual({
			id: 'acct_sim_0001',
			name: 'Simulator Agency',
			permissions: expect.arrayContaining(['messages:write', 'vault:write']),
		});
	});

	test('missing or wrong key -> 401 UNAUTHORIZED', async () => {
		for (const apiKey of [null, 'sk_wrong']) {
			const r = await client(sim, { apiKey }).get('/v2/account/whoami');
			expect(r.status).toBe(401);
			expectErrorShape(r.body, 'UNAUTHORIZED');
		}
	});

	test('/v2/access without x-connection-id -> 401 SESSION_NOT_PROVIDED', async () => {
		const r = await client(sim, { connectionId: null }).get('/v2/access/chats');
		expect(r.status).toBe(401);
		expectErrorShape(r.body, 'SESSION_NOT_PROVIDED');
	});

	test('unknown connection -> 404 RESOURCE_NOT_FOUND', async () => {
		const r = await client(sim, { connectionId: 'conn_nope' }).get('/v2/access/chats');
		expect(r.status).toBe(404);
		expectErrorShape(r.body, 'RESOURCE_NOT_FOUND');
	});

	test('expired connection -> 401 SESSION_EXPIRED with actionRequired relink', async () => {
		const r = await client(sim, { connectionId: sim.expiredConnectionId }).post(
			'/v2/access/chats/100001/messages',
			{ text: 'hi' },
		);
		expect(r.status).toBe(401);
		expectErrorShape(r.body, 'SESSION_EXPIRED');
		expect(r.body.actionRequired).toBe('relink');
		expect(sim.messagesSentTo(100001)).toBe(0);
	});

	test('connections list with status filter', async () => {
		const c = client(sim);
		const all = await c.get<Page<Connection>>('/v2/account/connections');
		expect(all.status).toBe(200);
		expect(all.body.list.map((x) => x.id)).toEqual([
			'conn_sim_active',
			'conn_sim_second',
			'conn_sim_expired',
			'conn_sim_2fa',
		]);
		const expired = await c.get<Page<Connection>>('/v2/account/connections?status=expired');
		expect(expired.body.list).toHaveLength(1);
		expect(expired.body.list[0]).toEqual(
			expect.objectContaining({
				id: sim.expiredConnectionId,
				status: 'expired',
				userData: expect.objectContaining({ username: 'expiredcreator' }),
			}),
		);
		const page = await c.get<Page<Connection>>('/v2/account/connections?limit=2&offset=0');
		expect(page.body.hasMore).toBe(true);
	});

	test('missing scope -> 403 FORBIDDEN naming the permission', async () => {
		const ro = await startSimulator({ permissions: ['messages:read', 'vault:read'] });
		try {
			const c = client(ro);
			const r = await c.post('/v2/access/chats/100001/messages', { text: 'hi' });
			expect(r.status).toBe(403);
			expectErrorShape(r.body, 'FORBIDDEN');
			expect(r.body.error).toBe('Missing permission: messages:write');
			expect((await c.get('/v2/access/chats')).status).toBe(200);
			expect((await c.get<ErrorBody>('/v2/access/analytics/mass-messages/sent')).body.error).toBe(
				'Missing permission: analytics:read',
			);
			expect((await c.get<Whoami>('/v2/account/whoami')).body.permissions).toEqual([
				'messages:read',
				'vault:read',
			]);
		} finally {
			await ro.close();
		}
	});

	test('unknown route -> 404; requests are recorded with decoded path and raw path', async () => {
		const c = client(sim);
		const r = await c.get('/v2/access/nothing-here?x=1');
		expect(r.status).toBe(404);
		await c.get('/v2/access/uploads/upload%3Aabc');
		const last = sim.requests[sim.requests.length - 1];
		expect(last).toEqual(
			expect.objectContaining({
				method: 'GET',
				path: '/v2/access/uploads/upload:abc',
				rawPath: '/v2/access/uploads/upload%3Aabc',
				accepted: true,
			}),
		);
		expect(sim.requests[0].query).toEqual({ x: '1' });
		expect(sim.requests[0].headers['x-connection-id']).toBe(sim.connectionId);
		sim.clearRequests();
		expect(sim.requests).toHaveLength(0);
	});
});
