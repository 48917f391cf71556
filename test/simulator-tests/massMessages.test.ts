import { VIP_LIST_ID } from '../simulator';
import {
	simulatorTestbed,
	expectErrorShape,
	type BuyerView,
	type MassMessageChart,
	type MassMessageView,
	type Page,
	type SentStats,
} from './helpers';

describe('simulator: mass messages and analytics', () => {
	const { sim, c } = simulatorTestbed();

	const future = () => new Date(Date.now() + 86_400_000).toISOString();

	test('create -> get -> update -> delete', async () => {
		const vip = sim.state.userLists.find((l) => l.id === VIP_LIST_ID)!;
		const created = await c.post<MassMessageView>('/v2/access/mass-messages', {
			text: 'For my VIPs',
			mediaItems: [5000001],
			price: 15,
			previewMediaCount: 1,
			userLists: [VIP_LIST_ID],
			userIds: [100001],
		});
		expect(created.status).toBe(200);
		const expectedTotal = new Set([...vip.userIds, 100001]).size;
		expect(created.body).toEqual(
			expect.objectContaining({
				id: expect.any(Number),
				date: expect.any(String),
				isReady: true,
				isDone: true,
				total: expectedTotal,
				pending: 0,
				canUnsend: true,
				hasError: false,
				isCanceled: false,
				text: 'For my VIPs',
				price: 15,
				mediaCount: 1,
			}),
		);
		const id = created.body.id;
		expect((await c.get(`/v2/access/mass-messages/${id}`)).body).toEqual(created.body);

		const sched = future();
		const updated = await c.put(`/v2/access/mass-messages/${id}`, {
			text: 'Changed',
			userLists: ['fans'],
			excludeUserLists: [VIP_LIST_ID],
			scheduledDate: sched,
		});
		expect(updated.status).toBe(200);
		const fans = sim.state.userLists
			.find((l) => l.id === 'fans')!
			.userIds.filter((u) => !vip.userIds.includes(u));
		expect(updated.body).toEqual(
			expect.objectContaining({
				id,
				text: 'Changed',
				total: fans.length,
				pending: fans.length,
				isDone: false,
				scheduledDate: new Date(sched).toISOString(),
			}),
		);

		expect((await c.del(`/v2/access/mass-messages/${id}`)).body).toEqual({ success: true });
		const gone = await c.get(`/v2/access/mass-messages/${id}`);
		expect(gone.status).toBe(404);
		expectErrorShape(gone.body, 'RESOURCE_NOT_FOUND');
		expect((await c.del(`/v2/access/mass-messages/${id}`)).status).toBe(404);
	});

	test.each([
		[
			'past scheduledDate',
			{ text: 'x', userIds: [100001], scheduledDate: '2020-01-01T00:00:00Z' },
			'scheduledDate',
		],
		['empty audience', { text: 'x' }, 'userIds'],
		[
			'audience emptied by exclusion',
			{ text: 'x', userLists: [VIP_LIST_ID], excludeUserLists: [VIP_LIST_ID] },
			'userIds',
		],
		['unknown list', { text: 'x', userLists: [424242] }, 'userLists.0'],
		['unknown list type', { text: 'x', userLists: ['nonsense'] }, 'userLists.0'],
		['unknown fan', { text: 'x', userIds: [1] }, 'userIds.0'],
		['userIds as strings', { text: 'x', userIds: ['100001'] }, 'userIds.0'],
		['ppv without media', { text: 'x', userIds: [100001], price: 5 }, 'mediaItems'],
	])('create validation: %s -> 400', async (_n, body, path) => {
		const r = await c.post('/v2/access/mass-messages', body);
		expect(r.status).toBe(400);
		expectErrorShape(r.body, 'BAD_REQUEST');
		expect(r.body.details!.map((d) => d.path)).toContain(path);
	});

	test('built-in list types and subscribedAfterDate narrow the audience', async () => {
		const r = await c.post<MassMessageView>('/v2/access/mass-messages', {
			text: 'renewers',
			userLists: ['rebill_on'],
			subscribedAfterDate: new Date(Date.parse(sim.state.seedTime) - 5 * 86_400_000).toISOString(),
		});
		expect(r.status).toBe(200);
		const expected = sim.state.userLists
			.find((l) => l.id === 'rebill_on')!
			.userIds.filter(
				(id) =>
					Date.parse(sim.state.fans.find((f) => f.id === id)!.subscription.subscribedAt) >
					Date.parse(sim.state.seedTime) - 5 * 86_400_000,
			);
		expect(r.body.total).toBe(expected.length);
	});

	test('sent stats: {hasMore, items}, date range, created messages appear', async () => {
		const all = await c.get<SentStats>('/v2/access/analytics/mass-messages/sent?limit=100');
		expect(all.status).toBe(200);
		expect(all.body).toEqual({ hasMore: false, items: expect.any(Array) });
		expect(all.body.items).toHaveLength(25);
		const page = await c.get<SentStats>(
			'/v2/access/analytics/mass-messages/sent?limit=10&offset=20',
		);
		expect(page.body.items).toHaveLength(5);
		expect(
			(await c.get<SentStats>('/v2/access/analytics/mass-messages/sent?limit=10')).body.hasMore,
		).toBe(true);
		const created = await c.post<MassMessageView>('/v2/access/mass-messages', {
			text: 'hello all',
			userLists: ['fans'],
		});
		const today = new Date().toISOString().slice(0, 10);
		const now = await c.get<SentStats>(
			`/v2/access/analytics/mass-messages/sent?startDate=${today}&endDate=${today}`,
		);
		expect(now.body.items.map((i) => i.id)).toEqual([created.body.id]);
		expect(now.body.items[0]).toEqual(
			expect.objectContaining({ text: 'hello all', sentCount: created.body.total }),
		);
		// scheduled ones are not "sent"
		await c.post('/v2/access/mass-messages', {
			text: 'later',
			userIds: [100001],
			scheduledDate: future(),
		});
		expect(
			(await c.get<SentStats>(`/v2/access/analytics/mass-messages/sent?startDate=${today}`)).body
				.items,
		).toHaveLength(1);
	});

	test('chart: one row per day with counts and total', async () => {
		const r = await c.get<MassMessageChart>(
			'/v2/access/analytics/mass-messages/chart?startDate=2025-05-01&endDate=2025-05-31',
		);
		expect(r.status).toBe(200);
		expect(r.body.chart).toHaveLength(31);
		expect(r.body.chart[0]).toEqual({ date: '2025-05-01', count: expect.any(Number) });
		expect(r.body.total).toBe(r.body.chart.reduce((n: number, x) => n + x.count, 0));
		expect(r.body.total).toBeGreaterThan(0);
	});

	test('buyers: marker pagination', async () => {
		const mm = sim.state.massMessages.filter((m) => m.buyers.length > 12)[0];
		const seen: number[] = [];
		let path = `/v2/access/analytics/mass-messages/${mm.id}/buyers?limit=5`;
		for (let i = 0; i < 20; i++) {
			const r = await c.get<Page<BuyerView>>(path);
			expect(r.status).toBe(200);
			seen.push(...r.body.list.map((b) => b.id));
			if (!r.body.hasMore) {
				expect(r.body.nextMarker).toBeNull();
				break;
			}
			path = `/v2/access/analytics/mass-messages/${mm.id}/buyers?limit=5&marker=${encodeURIComponent(r.body.nextMarker!)}`;
		}
		expect(seen).toEqual(mm.buyers.map((b) => b.userId));
		expect((await c.get('/v2/access/analytics/mass-messages/1/buyers')).status).toBe(404);
	});
});
