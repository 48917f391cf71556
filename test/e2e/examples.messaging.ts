/**
 * Expectations for the messaging examples (examples/welcome-fans-from-sheet.json,
 * ppv-to-user-list.json, chat-history-and-media.json, send-and-recall-test-message.json),
 * spread into `exampleExpectations` in examples.expectations.ts. Together they run every
 * messaging operation in the real n8n: Send, Send PPV, Unsend, Get Messages, Get Chat Media
 * and List Chats.
 */
import { accountIdOf } from '../simulator/onlyFansApi';
import type { ExampleExpectation } from './examples.expectations';

const CONNECTION = { 'x-connection-id': 'conn_sim_active' };
/** The same linked account as OnlyFansAPI.com names it, in the path (test/simulator/onlyFansApi.ts). */
const ACCOUNT = accountIdOf('conn_sim_active');
const VIP_LIST_ID = 1001;

export const messagingExampleExpectations: Record<string, ExampleExpectation> = {
	// also run switched to OnlyFansAPI.com by test/e2e/providers.test.ts
	'ppv-on-either-provider': {
		requests: [
			{ method: 'POST', path: '/v2/access/chats/100011/messages', headers: CONNECTION },
			{ method: 'POST', path: '/v2/access/chats/100012/messages', headers: CONNECTION },
		],
		check: ({ sim, requests }) => {
			expect(requests.map((request) => request.body)).toEqual([
				{
					text: 'Hi Alex, a new set just for you',
					isMarkdown: true,
					mediaItems: [5000001, 5000002],
					price: 12,
					previewMediaCount: 1,
				},
				{
					text: 'Hi Jordan, a new set just for you',
					isMarkdown: true,
					mediaItems: [5000003],
					price: 20,
					previewMediaCount: 1,
				},
			]);
			expect([100011, 100012].map((fan) => sim.messagesSentTo(fan))).toEqual([1, 1]);
		},
	},
	// the same workflow in the OnlyFansAPI.com package: the same PPVs, in its own words
	'onlyfansapi-ppv-to-fans': {
		requests: [
			{ method: 'POST', path: `/api/${ACCOUNT}/chats/100011/messages` },
			{ method: 'POST', path: `/api/${ACCOUNT}/chats/100012/messages` },
		],
		check: ({ sim, requests }) => {
			expect(requests.map((request) => request.body)).toEqual([
				{
					text: 'Hi Alex, a new set just for you',
					mediaFiles: ['5000001', '5000002'],
					price: 12,
					previews: ['5000001'],
				},
				{
					text: 'Hi Jordan, a new set just for you',
					mediaFiles: ['5000003'],
					price: 20,
					previews: ['5000003'],
				},
			]);
			expect(
				requests.every((request) => request.headers.authorization === `Bearer ${sim.apiKey}`),
			).toBe(true);
			expect([100011, 100012].map((fan) => sim.messagesSentTo(fan))).toEqual([1, 1]);
		},
	},
	'welcome-fans-from-sheet': {
		requests: [
			{ method: 'POST', path: '/v2/access/chats/100001/messages', headers: CONNECTION },
			{ method: 'POST', path: '/v2/access/chats/100002/messages', headers: CONNECTION },
			{ method: 'POST', path: '/v2/access/chats/100003/messages', headers: CONNECTION },
		],
		check: ({ sim, output, requests }) => {
			expect(requests.map((request) => request.body)).toEqual([
				{ text: 'Hi Alex!', isMarkdown: true },
				{ text: 'Hi Jordan!', isMarkdown: true },
				{ text: 'Hi Sam!', isMarkdown: true },
			]);
			const items = output('Send welcome message');
			expect(items.map((item) => [item.json.text, item.pairedItem])).toEqual([
				['Hi Alex!', { item: 0 }],
				['Hi Jordan!', { item: 1 }],
				['Hi Sam!', { item: 2 }],
			]);
			expect([100001, 100002, 100003].map((fan) => sim.messagesSentTo(fan))).toEqual([1, 1, 1]);
		},
	},
	'ppv-to-user-list': {
		requests: (sim) => {
			const vip = sim.state.userLists.find((list) => list.id === VIP_LIST_ID)!.userIds;
			return [
				{
					method: 'GET',
					path: '/v2/access/chats',
					query: { userListId: '1001', order: 'recent', offset: '0', limit: '20' },
					headers: CONNECTION,
				},
				{
					method: 'GET',
					path: '/v2/access/chats',
					query: { userListId: '1001', order: 'recent', offset: '20', limit: '20' },
					headers: CONNECTION,
				},
				...vip.map(() => ({
					method: 'POST',
					path: expect.stringMatching(/^\/v2\/access\/chats\/\d+\/messages$/) as unknown as string,
				})),
			];
		},
		check: ({ sim, output, requests }) => {
			const vip = sim.state.userLists.find((list) => list.id === VIP_LIST_ID)!.userIds;
			const chats = output('Chats with VIP fans');
			const fans = chats.map((item) => item.json.withUser as { id: number; name: string });
			expect(fans.map((fan) => fan.id).sort()).toEqual([...vip].sort());
			const posts = requests.filter((request) => request.method === 'POST');
			expect(posts.map((request) => [request.path, request.body])).toEqual(
				fans.map((fan) => [
					`/v2/access/chats/${fan.id}/messages`,
					{
						text: `Hey ${fan.name}, something special just for you 💎 The first one is on me.`,
						isMarkdown: true,
						mediaItems: [5000001, 5000002],
						price: 19.99,
						previewMediaCount: 1,
					},
				]),
			);
			const sent = output('Send PPV');
			expect(sent.map((item) => item.pairedItem)).toEqual(
				fans.map((_, index) => ({ item: index })),
			);
			expect(
				sent.every(
					(item) => item.json.price === 19.99 && (item.json.previews as number[])[0] === 5000001,
				),
			).toBe(true);
			expect(vip.map((fan) => sim.messagesSentTo(fan))).toEqual(vip.map(() => 1));
		},
	},
	'chat-history-and-media': {
		requests: (sim) => {
			const newestFirst = sim.state.chats
				.find((chat) => chat.withUserId === 100002)!
				.messages.slice()
				.reverse();
			return [
				{
					method: 'GET',
					path: '/v2/access/chats/100002/messages',
					query: { limit: '10' },
					headers: CONNECTION,
				},
				{
					method: 'GET',
					path: '/v2/access/chats/100002/messages',
					query: { limit: '10', last_id: String(newestFirst[9].id) },
				},
				{
					method: 'GET',
					path: '/v2/access/chats/100002/messages',
					query: { limit: '10', last_id: String(newestFirst[19].id) },
				},
				{
					method: 'GET',
					path: '/v2/access/chats/100002/media',
					query: { type: 'photos', limit: '100', offset: '0' },
					headers: CONNECTION,
				},
			];
		},
		check: ({ sim, output, requests }) => {
			expect(requests[0].query).toEqual({ limit: '10' });
			const chat = sim.state.chats.find((candidate) => candidate.withUserId === 100002)!;
			const messages = output('All messages');
			expect(messages.map((item) => item.json.id)).toEqual(
				chat.messages.map((message) => message.id).reverse(),
			);
			expect(messages.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
			const photos = output('Photos in the chat');
			const expectedPhotos = chat.messages.flatMap((message) =>
				message.media.filter((media) => media.type === 'photo'),
			);
			expect(photos).toHaveLength(expectedPhotos.length);
			expect(photos.length).toBeGreaterThan(0);
			expect(photos.every((item) => item.json.type === 'photo')).toBe(true);
		},
	},
	'send-and-recall-test-message': {
		requests: [
			{
				method: 'POST',
				path: '/v2/access/chats/100004/messages',
				headers: CONNECTION,
				body: { text: 'Test message from n8n: please ignore 🙏', isMarkdown: false },
			},
			{
				method: 'DELETE',
				path: expect.stringMatching(
					/^\/v2\/access\/chats\/100004\/messages\/\d+$/,
				) as unknown as string,
				headers: CONNECTION,
			},
		],
		check: ({ sim, output, requests }) => {
			expect(requests[0].body).toEqual({
				text: 'Test message from n8n: please ignore 🙏',
				isMarkdown: false,
			});
			const sent = output('Send test message')[0].json as { id: number };
			expect(requests[1].path).toBe(`/v2/access/chats/100004/messages/${sent.id}`);
			expect(output('Unsend it').map((item) => [item.json, item.pairedItem])).toEqual([
				[{ success: true, fanId: 100004, messageId: sent.id }, { item: 0 }],
			]);
			expect(sim.messagesSentTo(100004)).toBe(1);
			expect(
				sim.state.chats
					.find((chat) => chat.withUserId === 100004)!
					.messages.some((message) => message.id === sent.id),
			).toBe(false);
		},
	},
};
