import {
	startSimulator,
	VIP_LIST_ID,
	WHALES_LIST_ID,
	type Notification,
	type ReleaseForm,
} from '../simulator';
import {
	client,
	simulatorTestbed,
	type ChatView,
	type MediaView,
	type Page,
	type SubscriberView,
	type UserListView,
	type VaultListView,
} from './helpers';

async function collect<T>(c: ReturnType<typeof client>, base: string, limit: number): Promise<T[]> {
	const out: T[] = [];
	for (let offset = 0; ; offset += limit) {
		const r = await c.get<Page<T>>(
			`${base}${base.includes('?') ? '&' : '?'}limit=${limit}&offset=${offset}`,
		);
		expect(r.status).toBe(200);
		out.push(...r.body.list);
		if (!r.body.hasMore) return out;
	}
}

describe('simulator: vault, lists, subscribers, notifications, release forms', () => {
	const { sim, c } = simulatorTestbed();

	test('vault media: 120 items in pages of at most 40, filters', async () => {
		const all = await collect<MediaView>(c, '/v2/access/vault/media', 40);
		expect(all).toHaveLength(120);
		expect(new Set(all.map((m) => m.id)).size).toBe(120);
		expect((await c.get('/v2/access/vault/media?limit=41')).status).toBe(400);
		const videos = await collect<MediaView>(c, '/v2/access/vault/media?mediaType=video', 40);
		expect(videos.length).toBeGreaterThan(5);
		expect(videos.every((m) => m.type === 'video')).toBe(true);
		const list = sim.state.vaultLists[2];
		const inList = await collect<MediaView>(c, `/v2/access/vault/media?listId=${list.id}`, 40);
		expect(inList.map((m) => m.id).sort()).toEqual(list.mediaIds.slice().sort());
		const one = await c.get('/v2/access/vault/media/5000001');
		expect(one.body).toEqual(
			expect.objectContaining({ id: 5000001, isReady: true, files: expect.any(Object) }),
		);
		expect((await c.get('/v2/access/vault/media/1')).status).toBe(404);
	});

	test('vault lists', async () => {
		const r = await c.get<Page<VaultListView>>('/v2/access/vault/lists?limit=100');
		expect(r.body.list.map((l) => l.name)).toEqual([
			'Photos 2025',
			'Videos',
			'PPV Bundles',
			'Audio notes',
			'Customs',
		]);
		expect(r.body.list[0]).toEqual(
			expect.objectContaining({ id: 71001, type: 'custom', mediasCount: expect.any(Number) }),
		);
		expect(
			(await c.get<Page<VaultListView>>('/v2/access/vault/lists?query=ppv')).body.list.map(
				(l) => l.id,
			),
		).toEqual([71003]);
	});

	test('user lists: built-ins with string ids and custom lists with numeric ids', async () => {
		const all = await collect<UserListView>(c, '/v2/access/users/lists', 5);
		expect(all.map((l) => l.id)).toEqual([
			'fans',
			'following',
			'rebill_on',
			'rebill_off',
			'recent',
			'tagged',
			'bookmarks',
			'friends',
			'muted',
			'blocked',
			VIP_LIST_ID,
			WHALES_LIST_ID,
			1003,
			1004,
		]);
		expect(all.find((l) => l.id === VIP_LIST_ID)).toEqual(
			expect.objectContaining({ name: 'VIP', type: 'custom', usersCount: 25 }),
		);
		expect(all.find((l) => l.id === WHALES_LIST_ID)!.usersCount).toBe(5);
		expect(
			(await c.get<Page<UserListView>>('/v2/access/users/lists?query=vip')).body.list.map(
				(l) => l.id,
			),
		).toEqual([VIP_LIST_ID]);
		expect((await c.get('/v2/access/users/lists?limit=101')).status).toBe(400);
	});

	test('subscribers: 20 a page (bigger limits are cut), types, latest', async () => {
		const r = await c.get<Page<SubscriberView>>('/v2/access/subscribers?limit=100');
		expect(r.body.list).toHaveLength(20);
		expect(r.body.hasMore).toBe(true);
		expect(r.body.list[0]).toEqual(
			expect.objectContaining({
				id: 100001,
				name: expect.any(String),
				username: expect.any(String),
				subscription: expect.any(Object),
				spending: expect.any(Object),
			}),
		);
		const all = await collect<SubscriberView>(c, '/v2/access/subscribers?type=all', 20);
		expect(all).toHaveLength(250);
		const active = await collect<SubscriberView>(c, '/v2/access/subscribers?type=active', 20);
		const expired = await collect<SubscriberView>(c, '/v2/access/subscribers?type=expired', 20);
		expect(active.length + expired.length).toBe(250);
		const latest = await c.get<Page<SubscriberView>>(
			'/v2/access/subscribers?type=latest&latestType=new',
		);
		expect(latest.body.list.length).toBeGreaterThan(0);
		expect(latest.body.list.every((s) => s.subscription.renewCount === 0)).toBe(true);
		const fan = sim.state.fans[10];
		expect(
			(
				await c.get<Page<SubscriberView>>(`/v2/access/subscribers?query=${fan.username}`)
			).body.list.map((s) => s.id),
		).toContain(fan.id);
	});

	test('notifications: types and paging; release forms', async () => {
		const all = await collect<Notification>(c, '/v2/access/self/notifications', 25);
		expect(all).toHaveLength(80);
		expect(new Set(all.map((n) => n.type))).toEqual(
			new Set(['subscribed', 'purchases', 'tip', 'message']),
		);
		const tips = await c.get<Page<Notification>>(
			'/v2/access/self/notifications?type=tip&limit=100',
		);
		expect(tips.body.list.every((n) => n.type === 'tip' && typeof n.amount === 'number')).toBe(
			true,
		);
		const forms = await c.get<Page<ReleaseForm>>('/v2/access/self/release-forms?limit=2');
		expect(forms.body.list).toHaveLength(2);
		expect(forms.body.hasMore).toBe(true);
		expect(forms.body.list[0]).toEqual(
			expect.objectContaining({ id: 61, name: 'Jane Partner', type: 'partner' }),
		);
	});

	test('simulate: an incoming fan message and a new subscriber show up', async () => {
		const msg = sim.simulate.incomingMessage(100005, 'hello from the fan');
		const r = await c.get<Page<ChatView>>('/v2/access/chats?filter=unread&limit=1');
		expect(r.body.list[0].withUser.id).toBe(100005);
		expect(r.body.list[0].lastMessage!.id).toBe(msg.id);
		const fan = sim.simulate.newSubscriber('Zed New');
		const latest = await c.get<Page<SubscriberView>>('/v2/access/subscribers?type=latest');
		expect(latest.body.list[0].id).toBe(fan.id);
		const notes = await c.get<Page<Notification>>('/v2/access/self/notifications?limit=1');
		expect(notes.body.list[0]).toEqual(
			expect.objectContaining({
				type: 'subscribed',
				user: expect.objectContaining({ id: fan.id }),
			}),
		);
		sim.reset();
		expect(sim.state.fans).toHaveLength(250);
	});

	test('seed is deterministic', async () => {
		const a = await startSimulator({ seed: 7, fans: 30, vaultMedia: 10 });
		const b = await startSimulator({ seed: 7, fans: 30, vaultMedia: 10 });
		const d = await startSimulator({ seed: 8, fans: 30, vaultMedia: 10 });
		try {
			expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
			expect(JSON.stringify(a.state.fans)).not.toBe(JSON.stringify(d.state.fans));
			expect(a.state.fans).toHaveLength(30);
			expect(a.state.vaultMedia).toHaveLength(10);
		} finally {
			await Promise.all([a.close(), b.close(), d.close()]);
		}
	});
});
