import { runNode, runWorkflow, simulatorCredentials, useSimulator } from '../../harness';
import { runListSearch, runLoadOptions } from '../../harness/loadOptions';
import type { Message } from '../../simulator';
import { CREATOR_ID, FIRST_VAULT_MEDIA_ID, WHALES_LIST_ID } from '../../simulator';
import { apiRequests, fanWithMessages, locator, pairedItems } from './helpers';

describe('Message > Unsend, Message > Get Many, Chat > Get Media, Chat > Get Many', () => {
	const sim = useSimulator();
	const credentials = () => simulatorCredentials(sim());
	const chatOf = (fan: number) => sim().state.chats.find((chat) => chat.withUserId === fan)!;
	const queries = (path?: string) =>
		apiRequests(sim(), 'GET')
			.filter((r) => !path || r.path === path)
			.map((r) => r.query);

	describe('Unsend', () => {
		test('DELETE /v2/access/chats/{fan}/messages/{id} with the ID from the input item; the message is gone', async () => {
			const fan = fanWithMessages(sim(), 3, 1);
			const mine = chatOf(fan)
				.messages.filter((message) => message.fromUser.id === CREATOR_ID)
				.at(-1)!;
			const result = await runNode(
				{
					resource: 'message',
					operation: 'unsend',
					fan: locator(String(fan)),
					messageId: '={{ $json.id }}',
				},
				{ credentials: credentials(), items: [{ json: { id: mine.id } }] },
			);
			expect(result.error).toBeUndefined();
			const deletes = apiRequests(sim(), 'DELETE');
			expect(deletes.map((request) => request.path)).toEqual([
				`/v2/access/chats/${fan}/messages/${mine.id}`,
			]);
			expect(result.output().map((item) => item.json)).toEqual([
				{ success: true, fanId: fan, messageId: mine.id },
			]);
			expect(pairedItems(result.output())).toEqual([0]);
			expect(chatOf(fan).messages.some((message) => message.id === mine.id)).toBe(false);
		});

		test("Send then Unsend in one workflow: the second node takes the ID and fan from the first one's output", async () => {
			const fan = 100050;
			const result = await runWorkflow({
				credentials: credentials(),
				steps: [
					{
						name: 'Send',
						parameters: {
							resource: 'message',
							operation: 'send',
							fan: locator(String(fan)),
							text: 'oops',
						},
					},
					{
						name: 'Unsend',
						parameters: {
							resource: 'message',
							operation: 'unsend',
							fan: locator(String(fan)),
							messageId: '={{ $json.id }}',
						},
					},
				],
			});
			expect(result.error).toBeUndefined();
			const sent = result.output('Send')[0].json as { id: number };
			expect(apiRequests(sim()).map((request) => `${request.method} ${request.path}`)).toEqual([
				`POST /v2/access/chats/${fan}/messages`,
				`DELETE /v2/access/chats/${fan}/messages/${sent.id}`,
			]);
			expect(result.output('Unsend')[0].json).toEqual({
				success: true,
				fanId: fan,
				messageId: sent.id,
			});
			expect(chatOf(fan).messages.some((message) => message.id === sent.id)).toBe(false);
		});

		test('an unknown message is a NodeApiError "Not found" with a hint', async () => {
			const result = await runNode(
				{
					resource: 'message',
					operation: 'unsend',
					fan: locator('100001'),
					messageId: '999999999',
				},
				{ credentials: credentials() },
			);
			expect(result.error?.message).toBe('Not found: Message 999999999 not found');
			expect((result.error as { description?: string }).description).toContain(
				'Check the IDs used by this node',
			);
		});
	});

	describe('Get Messages', () => {
		test('Limit: one request of that size, newest first, one item per message', async () => {
			const fan = fanWithMessages(sim(), 8);
			const result = await runNode(
				{ resource: 'message', operation: 'getMany', fan: locator(String(fan)), limit: 5 },
				{ credentials: credentials() },
			);
			expect(result.error).toBeUndefined();
			expect(queries(`/v2/access/chats/${fan}/messages`)).toEqual([{ limit: '5' }]);
			const expected = chatOf(fan)
				.messages.slice()
				.reverse()
				.slice(0, 5)
				.map((message) => message.id);
			expect(result.output().map((item) => item.json.id)).toEqual(expected);
			expect(pairedItems(result.output())).toEqual([0, 0, 0, 0, 0]);
		});

		test('Limit above the page size follows the last_id cursor and asks only for what is missing', async () => {
			const fan = fanWithMessages(sim(), 16);
			const newestFirst = chatOf(fan).messages.slice().reverse();
			const result = await runNode(
				{ resource: 'message', operation: 'getMany', fan: locator(String(fan)), limit: 15 },
				{ credentials: credentials() },
			);
			expect(queries()).toEqual([
				{ limit: '10' },
				{ limit: '5', last_id: String(newestFirst[9].id) },
			]);
			expect(result.output().map((item) => item.json.id)).toEqual(
				newestFirst.slice(0, 15).map((message) => message.id),
			);
		});

		test('Return All pages through the whole chat with last_id, 10 a page', async () => {
			const fan = fanWithMessages(sim(), 25);
			const newestFirst = chatOf(fan).messages.slice().reverse();
			const result = await runNode(
				{ resource: 'message', operation: 'getMany', fan: locator(String(fan)), returnAll: true },
				{ credentials: credentials() },
			);
			expect(result.error).toBeUndefined();
			const pages = Math.ceil(newestFirst.length / 10);
			expect(pages).toBeGreaterThanOrEqual(3);
			expect(queries()).toEqual(
				Array.from({ length: pages }, (_, page) =>
					page === 0
						? { limit: '10' }
						: { limit: '10', last_id: String(newestFirst[page * 10 - 1].id) },
				),
			);
			expect(result.output().map((item) => item.json.id)).toEqual(
				newestFirst.map((message) => message.id),
			);
		});

		test('Search sends `query` and returns only matching messages', async () => {
			const fan = fanWithMessages(sim(), 10);
			const word = chatOf(fan).messages[0].text.split(' ')[0];
			const result = await runNode(
				{
					resource: 'message',
					operation: 'getMany',
					fan: locator(String(fan)),
					returnAll: true,
					options: { query: ` ${word} ` },
				},
				{ credentials: credentials() },
			);
			expect(queries()[0]).toEqual({ limit: '10', query: word });
			const texts = result.output().map((item) => String(item.json.text).toLowerCase());
			expect(texts.length).toBeGreaterThan(0);
			expect(texts.every((text) => text.includes(word.toLowerCase()))).toBe(true);
		});
	});

	describe('Get Chat Media', () => {
		function fillChatWithMedia(fan: number, messages: number, perMessage: number): void {
			const chat = chatOf(fan);
			const vault = sim().state.vaultMedia;
			for (let index = 0; index < messages; index++) {
				const media = Array.from(
					{ length: perMessage },
					(_, k) => vault[(index * perMessage + k) % vault.length],
				);
				chat.messages.push({
					...chat.messages[0],
					id: 900000 + index,
					fromUser: { id: CREATOR_ID },
					media,
					mediaCount: media.length,
					text: `set ${index}`,
				} as Message);
			}
		}

		test('Return All walks offset pages of 100 until hasMore is false', async () => {
			const fan = 100060;
			chatOf(fan).messages = [];
			fillChatWithMedia(fan, 77, 3); // 231 media
			const result = await runNode(
				{ resource: 'chat', operation: 'getMedia', fan: locator(String(fan)), returnAll: true },
				{ credentials: credentials() },
			);
			expect(result.error).toBeUndefined();
			expect(queries(`/v2/access/chats/${fan}/media`)).toEqual([
				{ limit: '100', offset: '0' },
				{ limit: '100', offset: '100' },
				{ limit: '100', offset: '200' },
			]);
			expect(result.output()).toHaveLength(231);
			expect(
				new Set(
					result.output().map((item) => `${String(item.json.messageId)}:${String(item.json.id)}`),
				).size,
			).toBe(231);
			expect(new Set(pairedItems(result.output()))).toEqual(new Set([0]));
		});

		test('type photos and a Limit: `type` and `limit` as sent, only photos back', async () => {
			const fan = 100061;
			chatOf(fan).messages = [];
			fillChatWithMedia(fan, 20, 2);
			const result = await runNode(
				{
					resource: 'chat',
					operation: 'getMedia',
					fan: locator(String(fan)),
					mediaType: 'photos',
					limit: 4,
				},
				{ credentials: credentials() },
			);
			expect(queries()).toEqual([{ type: 'photos', limit: '4', offset: '0' }]);
			expect(result.output()).toHaveLength(4);
			expect(result.output().every((item) => item.json.type === 'photo')).toBe(true);
		});

		test.each([
			['videos', 'video'],
			['audios', 'audio'],
		])('type %s sends `type` and returns only %s media', async (type, single) => {
			const fan = 100062;
			chatOf(fan).messages = [];
			fillChatWithMedia(fan, 40, 3);
			const result = await runNode(
				{
					resource: 'chat',
					operation: 'getMedia',
					fan: locator(String(fan)),
					mediaType: type,
					returnAll: true,
				},
				{ credentials: credentials() },
			);
			expect(queries()[0]).toEqual({ type, limit: '100', offset: '0' });
			expect(result.output().length).toBeGreaterThan(0);
			expect(result.output().every((item) => item.json.type === single)).toBe(true);
		});
	});

	describe('List Chats', () => {
		test('default: 50 chats in pages of 20, most recent first, one item per chat', async () => {
			const result = await runNode(
				{ resource: 'chat', operation: 'getMany' },
				{ credentials: credentials() },
			);
			expect(result.error).toBeUndefined();
			expect(queries()).toEqual([
				{ order: 'recent', limit: '20', offset: '0' },
				{ order: 'recent', limit: '20', offset: '20' },
				{ order: 'recent', limit: '10', offset: '40' },
			]);
			expect(result.output()).toHaveLength(50);
			expect(result.output()[0].json).toMatchObject({
				withUser: { id: expect.any(Number) },
				unreadMessagesCount: expect.any(Number),
			});
		});

		test('Return All walks every chat once (250 chats, 13 pages)', async () => {
			const result = await runNode(
				{ resource: 'chat', operation: 'getMany', returnAll: true },
				{ credentials: credentials() },
			);
			expect(queries()).toHaveLength(13);
			expect(queries().map((query) => query.offset)).toEqual(
				Array.from({ length: 13 }, (_, page) => String(page * 20)),
			);
			const ids = result.output().map((item) => (item.json.withUser as { id: number }).id);
			expect(ids).toHaveLength(250);
			expect(new Set(ids).size).toBe(250);
		});

		test('filters: order, show, search and a user list from the picker go to the query exactly', async () => {
			await runNode(
				{
					resource: 'chat',
					operation: 'getMany',
					limit: 5,
					filters: {
						order: 'old',
						filter: 'unread',
						query: ' a ',
						userListId: locator('1001', 'list'),
					},
				},
				{ credentials: credentials() },
			);
			expect(queries()).toEqual([
				{ order: 'old', filter: 'unread', query: 'a', userListId: '1001', limit: '5', offset: '0' },
			]);
		});

		test('a built-in user list by ID, "who tipped" and "all" (no filter parameter)', async () => {
			await runNode(
				{
					resource: 'chat',
					operation: 'getMany',
					limit: 3,
					filters: { filter: 'who_tipped', userListId: locator('fans') },
				},
				{ credentials: credentials() },
			);
			await runNode(
				{ resource: 'chat', operation: 'getMany', limit: 3, filters: { filter: 'all' } },
				{ credentials: credentials() },
			);
			expect(queries()).toEqual([
				{ order: 'recent', filter: 'who_tipped', userListId: 'fans', limit: '3', offset: '0' },
				{ order: 'recent', limit: '3', offset: '0' },
			]);
		});

		test('Simplify outputs fan id, name, username, unread count, last message text and time', async () => {
			const result = await runNode(
				{
					resource: 'chat',
					operation: 'getMany',
					limit: 20,
					simplify: true,
					filters: { filter: 'unread' },
				},
				{ credentials: credentials() },
			);
			const output = result.output();
			expect(output.length).toBeGreaterThan(0);
			for (const item of output) {
				const fan = sim().state.fans.find((candidate) => candidate.id === item.json.fanId)!;
				const last = chatOf(fan.id).messages.at(-1)!;
				expect(item.json).toEqual({
					fanId: fan.id,
					name: fan.name,
					username: fan.username,
					unreadCount: chatOf(fan.id).unreadMessagesCount,
					lastMessageText: last.text,
					lastMessageAt: last.createdAt,
				});
				expect(item.json.unreadCount).toBeGreaterThan(0);
			}
		});

		test('Simplify turns the HTML OnlyFans puts in message text into plain text for a sheet', async () => {
			sim().simulate.incomingMessage(
				100099,
				'<p>hey <b>you</b></p><p>tips &amp; tricks &lt;3</p>line<br />two',
			);
			const result = await runNode(
				{ resource: 'chat', operation: 'getMany', limit: 1, simplify: true },
				{ credentials: credentials() },
			);
			expect(result.output()[0].json).toMatchObject({
				fanId: 100099,
				lastMessageText: 'hey you\ntips & tricks <3line\ntwo',
			});
		});

		test('List Chats filtered by a user list feeds Send PPV: one PPV per fan on the list', async () => {
			const whales = sim().state.userLists.find((list) => list.id === WHALES_LIST_ID)!.userIds;
			const result = await runWorkflow({
				credentials: credentials(),
				steps: [
					{
						name: 'List Chats',
						parameters: {
							resource: 'chat',
							operation: 'getMany',
							returnAll: true,
							filters: { userListId: locator(String(WHALES_LIST_ID), 'list') },
						},
					},
					{
						name: 'Send PPV',
						parameters: {
							resource: 'message',
							operation: 'sendPpv',
							fan: locator('={{ $json.withUser.id }}', 'id'),
							price: 14.99,
							previewMediaCount: 1,
							media: {
								items: [
									{ item: locator(String(FIRST_VAULT_MEDIA_ID)) },
									{ item: locator(String(FIRST_VAULT_MEDIA_ID + 1)) },
								],
							},
							text: '=Just for you, {{ $json.withUser.name }}',
						},
					},
				],
			});
			expect(result.error).toBeUndefined();
			const posts = apiRequests(sim(), 'POST');
			expect(posts.map((request) => request.path).sort()).toEqual(
				whales.map((fan) => `/v2/access/chats/${fan}/messages`).sort(),
			);
			expect(whales.map((fan) => sim().messagesSentTo(fan))).toEqual(whales.map(() => 1));
			expect(posts[0].body).toMatchObject({
				price: 14.99,
				previewMediaCount: 1,
				mediaItems: [FIRST_VAULT_MEDIA_ID, FIRST_VAULT_MEDIA_ID + 1],
			});
			expect(pairedItems(result.output('Send PPV'))).toEqual(whales.map((_, index) => index));
		});
	});

	describe('pickers', () => {
		test('searchFans: GET /v2/access/chats with the search text, name and @username, chat URL, next page token', async () => {
			const first = await runListSearch('searchFans', {
				parameters: { resource: 'message', operation: 'send' },
				credentials: credentials(),
			});
			expect(first.results).toHaveLength(20);
			expect(first.paginationToken).toBe('20');
			const second = await runListSearch('searchFans', {
				parameters: { resource: 'message', operation: 'send' },
				credentials: credentials(),
				paginationToken: first.paginationToken as string,
			});
			expect(second.results.map((entry) => entry.value)).not.toContain(first.results[0].value);

			const fan = sim().state.fans[42];
			sim().clearRequests();
			const found = await runListSearch('searchFans', {
				parameters: { resource: 'message', operation: 'send' },
				credentials: credentials(),
				filter: fan.username,
			});
			expect(queries()).toEqual([
				{ limit: '20', offset: '0', order: 'recent', query: fan.username },
			]);
			expect(found.results).toContainEqual({
				name: `${fan.name} · @${fan.username}`,
				value: String(fan.id),
				url: `https://onlyfans.com/my/chats/chat/${fan.id}/`,
			});
		});

		test("getReleaseFormPartners: approved partner forms, value = the partner's OnlyFans user ID", async () => {
			const options = await runLoadOptions('getReleaseFormPartners', {
				parameters: { resource: 'message', operation: 'send' },
				credentials: credentials(),
			});
			expect(apiRequests(sim()).map((request) => [request.path, request.query])).toEqual([
				['/v2/access/self/release-forms', { limit: '100', offset: '0' }],
			]);
			expect(options).toEqual([
				{
					name: 'Jane Partner (@janepartner)',
					value: 9100001,
					description: 'OnlyFans user 9100001',
				},
				{ name: 'Kim Collab (@kimcollab)', value: 9100002, description: 'OnlyFans user 9100002' },
			]);
		});
	});
});
