import {
	simulatorTestbed,
	expectErrorShape,
	type ChatMediaView,
	type ChatView,
	type MessageView,
	type Page,
} from './helpers';

describe('simulator: chats and direct messages', () => {
	const { sim, c } = simulatorTestbed();

	const busyChat = () => sim.state.chats.filter((ch) => ch.messages.length > 20)[0];

	test('chats: offset pagination walks every chat exactly once (limit 20 max)', async () => {
		const seen: number[] = [];
		let offset = 0;
		for (;;) {
			const r = await c.get<Page<ChatView>>(`/v2/access/chats?limit=20&offset=${offset}`);
			expect(r.status).toBe(200);
			seen.push(...r.body.list.map((x) => x.withUser.id));
			if (!r.body.hasMore) break;
			expect(r.body.nextOffset).toBe(offset + 20);
			offset = r.body.nextOffset!;
		}
		expect(new Set(seen).size).toBe(250);
		expect((await c.get('/v2/access/chats?limit=21')).status).toBe(400);
		expect((await c.get('/v2/access/chats?limit=0')).status).toBe(400);
	});

	test('chats: shape, order, filters and query', async () => {
		const r = await c.get<Page<ChatView>>('/v2/access/chats');
		expect(r.body.list).toHaveLength(10);
		const first = r.body.list[0];
		expect(first).toEqual(
			expect.objectContaining({
				withUser: {
					id: expect.any(Number),
					name: expect.any(String),
					username: expect.any(String),
					avatar: expect.stringMatching(/^https:/),
				},
				unreadMessagesCount: expect.any(Number),
				lastMessage: expect.objectContaining({
					id: expect.any(Number),
					text: expect.any(String),
					createdAt: expect.any(String),
					fromUser: { id: expect.any(Number) },
				}),
				canSendMessage: true,
			}),
		);
		const times = r.body.list.map((x) => Date.parse(x.lastMessage!.createdAt));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		const unread = await c.get<Page<ChatView>>('/v2/access/chats?filter=unread&limit=20');
		expect(unread.body.list.length).toBeGreaterThan(0);
		expect(unread.body.list.every((x) => x.unreadMessagesCount > 0)).toBe(true);
		const fan = sim.state.fans[3];
		const q = await c.get<Page<ChatView>>(
			`/v2/access/chats?query=${encodeURIComponent(fan.username)}`,
		);
		expect(q.body.list.map((x) => x.withUser.id)).toContain(fan.id);
		const vip = await c.get<Page<ChatView>>('/v2/access/chats?userListId=1001&limit=20');
		const vipIds = sim.state.userLists.find((l) => l.id === 1001)!.userIds;
		expect(vip.body.list.every((x) => vipIds.includes(x.withUser.id))).toBe(true);
		expect((await c.get('/v2/access/chats?filter=bogus')).status).toBe(400);
	});

	test('messages: last_id cursor pages newest-first through the whole chat', async () => {
		const chat = busyChat();
		const ids: number[] = [];
		let path = `/v2/access/chats/${chat.withUserId}/messages?limit=10`;
		for (let i = 0; i < 10; i++) {
			const r = await c.get<Page<MessageView>>(path);
			expect(r.status).toBe(200);
			expect(r.body.list.length).toBeLessThanOrEqual(10);
			ids.push(...r.body.list.map((m) => m.id));
			if (!r.body.hasMore) {
				expect(r.body.nextLastId).toBeNull();
				break;
			}
			expect(r.body.nextLastId).toBe(r.body.list[r.body.list.length - 1].id);
			path = `/v2/access/chats/${chat.withUserId}/messages?limit=10&last_id=${r.body.nextLastId}`;
		}
		expect(ids).toEqual(chat.messages.map((m) => m.id).reverse());
		const off = await c.get<Page<MessageView>>(
			`/v2/access/chats/${chat.withUserId}/messages?limit=5&offset=5`,
		);
		expect(off.body.list.map((m) => m.id)).toEqual(ids.slice(5, 10));
	});

	test('messages: limit above 10 -> 400, non-digit user -> 400, unknown fan -> 404', async () => {
		const r = await c.get('/v2/access/chats/100001/messages?limit=11');
		expect(r.status).toBe(400);
		expectErrorShape(r.body, 'BAD_REQUEST');
		expect((await c.post('/v2/access/chats/abc/messages', { text: 'x' })).status).toBe(400);
		const nf = await c.post('/v2/access/chats/999999/messages', { text: 'x' });
		expect(nf.status).toBe(404);
		expectErrorShape(nf.body, 'RESOURCE_NOT_FOUND');
	});

	test('send: the message is returned, listed first, becomes lastMessage, and is counted', async () => {
		const fanId = 100007;
		const vaultId = sim.state.vaultMedia[0].id;
		const r = await c.post<MessageView>(`/v2/access/chats/${fanId}/messages`, {
			text: 'Exclusive 💋',
			mediaItems: [vaultId, String(sim.state.vaultMedia[1].id)],
			price: 9.99,
			previewMediaCount: 1,
			isLockedText: true,
		});
		expect(r.status).toBe(200);
		expect(r.body).toEqual(
			expect.objectContaining({
				id: expect.any(Number),
				text: 'Exclusive 💋',
				fromUser: { id: 9000001 },
				price: 9.99,
				isFree: false,
				lockedText: true,
				mediaCount: 2,
				isMediaReady: true,
				previews: [vaultId],
				queueId: expect.any(Number),
				cancelSeconds: expect.any(Number),
				createdAt: expect.any(String),
			}),
		);
		expect(r.body.media.map((m) => m.id)).toEqual([vaultId, sim.state.vaultMedia[1].id]);
		expect(r.body.media[0]).toEqual(
			expect.objectContaining({
				type: expect.stringMatching(/photo|video|gif|audio/),
				isReady: true,
				canView: true,
				files: expect.objectContaining({
					full: expect.objectContaining({ url: expect.any(String) }),
				}),
			}),
		);
		const list = await c.get<Page<MessageView>>(`/v2/access/chats/${fanId}/messages?limit=1`);
		expect(list.body.list[0].id).toBe(r.body.id);
		const chats = await c.get<Page<ChatView>>(
			`/v2/access/chats?query=${sim.state.fans.find((f) => f.id === fanId)!.username}`,
		);
		expect(chats.body.list[0].lastMessage!.id).toBe(r.body.id);
		await c.post(`/v2/access/chats/${fanId}/messages`, { text: 'again' });
		expect(sim.messagesSentTo(fanId)).toBe(2);
		expect(sim.messagesSentTo(String(fanId))).toBe(2);
		expect(sim.messagesSentTo(100008)).toBe(0);
	});

	test('send: URL media items are imported into the vault', async () => {
		const r = await c.post<MessageView>('/v2/access/chats/100002/messages', {
			mediaItems: ['https://example.com/pics/a.jpg', 'https://example.com/v/b.mp4'],
		});
		expect(r.status).toBe(200);
		expect(r.body.media.map((m) => m.type)).toEqual(['photo', 'video']);
		expect(sim.state.vaultMedia.filter((m) => m.source === 'url')).toHaveLength(2);
	});

	test.each([
		['text not a string', { text: 5 }, 'text'],
		['text longer than 10000', { text: 'x'.repeat(10001) }, 'text'],
		['price below 3', { text: 'x', mediaItems: [5000001], price: 2 }, 'price'],
		['price above 200', { text: 'x', mediaItems: [5000001], price: 201 }, 'price'],
		['price without media', { text: 'x', price: 10 }, 'mediaItems'],
		[
			'preview count above media count',
			{ text: 'x', mediaItems: [5000001], previewMediaCount: 2 },
			'previewMediaCount',
		],
		['media item not a reference', { text: 'x', mediaItems: ['photo.jpg'] }, 'mediaItems.0'],
		['media item zero', { text: 'x', mediaItems: [0] }, 'mediaItems.0'],
		['media item ftp url', { text: 'x', mediaItems: ['ftp://x/y.jpg'] }, 'mediaItems.0'],
		['unknown vault id', { text: 'x', mediaItems: [123] }, 'mediaItems.0'],
		[
			'unknown upload reference',
			{ text: 'x', mediaItems: ['upload:6f9619ff-8b86-4d11-b42d-00c04fc964ff'] },
			'mediaItems.0',
		],
		[
			'legacy upload reference unknown',
			{ text: 'x', mediaItems: ['ofauth_upload_abc123'] },
			'mediaItems.0',
		],
		['unknown key', { text: 'x', mediaFiles: [1] }, ''],
		['userTags not integers', { text: 'x', userTags: ['a'] }, 'userTags.0'],
		['empty message', {}, 'text'],
	])('send validation: %s -> 400 with details', async (_name, body, path) => {
		const r = await c.post('/v2/access/chats/100001/messages', body);
		expect(r.status).toBe(400);
		expectErrorShape(r.body, 'BAD_REQUEST');
		expect(Array.isArray(r.body.details)).toBe(true);
		expect(r.body.details!.map((d) => d.path)).toContain(path);
		expect(sim.messagesSentTo(100001)).toBe(0);
	});

	test('send validation accepts cents, price 0, nulls and digit strings', async () => {
		for (const body of [
			{ text: 'a', mediaItems: ['5000003'], price: 3 },
			{ text: 'b', mediaItems: [5000003], price: 199.99, previewMediaCount: 0 },
			{
				text: 'c',
				price: 0,
				isLockedText: null,
				isMarkdown: false,
				replyToMessageId: null,
				releaseForms: { users: [1], partners: [], guests: [] },
				userTags: [100002],
			},
		]) {
			const r = await c.post('/v2/access/chats/100001/messages', body);
			expect(r.status).toBe(200);
		}
	});

	test('unsend: DELETE removes a sent message; unknown -> 404', async () => {
		const sent = await c.post<MessageView>('/v2/access/chats/100003/messages', { text: 'oops' });
		const d = await c.del(`/v2/access/chats/100003/messages/${sent.body.id}`);
		expect(d.status).toBe(200);
		expect(d.body).toEqual({ success: true });
		expect((await c.del(`/v2/access/chats/100003/messages/${sent.body.id}`)).status).toBe(404);
		const list = await c.get<Page<MessageView>>('/v2/access/chats/100003/messages?limit=10');
		expect(list.body.list.map((m) => m.id)).not.toContain(sent.body.id);
	});

	test('chat media: type filter and paging', async () => {
		const chat = sim.state.chats.find(
			(ch) => ch.messages.filter((m) => m.media.length).length >= 3,
		)!;
		const all = await c.get<Page<ChatMediaView>>(
			`/v2/access/chats/${chat.withUserId}/media?limit=100`,
		);
		expect(all.status).toBe(200);
		const total = chat.messages.reduce((n, m) => n + m.media.length, 0);
		expect(all.body.list).toHaveLength(total);
		const photos = await c.get<Page<ChatMediaView>>(
			`/v2/access/chats/${chat.withUserId}/media?type=photos&limit=100`,
		);
		expect(photos.body.list.every((m) => m.type === 'photo')).toBe(true);
		const p1 = await c.get<Page<ChatMediaView>>(
			`/v2/access/chats/${chat.withUserId}/media?limit=1`,
		);
		expect(p1.body.hasMore).toBe(total > 1);
		expect((await c.get(`/v2/access/chats/${chat.withUserId}/media?limit=101`)).status).toBe(400);
	});
});
