import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	createPollTrigger,
	simulatorCredentials,
	uploadInSimulator,
	useSimulator,
} from '../../harness';
import type { OfAuthSimulator, RecordedRequest } from '../../simulator';
import { FIRST_FAN_ID, SECOND_CONNECTION_ID } from '../../simulator';

const FAN_A = FIRST_FAN_ID + 3;
const FAN_B = FIRST_FAN_ID + 7;

/** Media that lands in the vault the way it does from n8n or the OFAuth dashboard. */
const uploadToVault = async (sim: OfAuthSimulator, filename: string, contentType: string) =>
	(await uploadInSimulator(sim, filename, contentType)).mediaId;

function jsonOf(result: INodeExecutionData[][] | null): IDataObject[] {
	if (result === null) return [];
	expect(result).toHaveLength(1);
	return result[0].map((item) => item.json);
}

function apiGets(sim: OfAuthSimulator, path: string): RecordedRequest[] {
	return sim.requests.filter((request) => request.method === 'GET' && request.path === path);
}

/** The creator answers a fan from OnlyFans (or another workflow). */
async function creatorReplies(sim: OfAuthSimulator, fanId: number, text: string): Promise<void> {
	const res = await fetch(`${sim.baseUrl}/v2/access/chats/${fanId}/messages`, {
		method: 'POST',
		headers: {
			apiKey: sim.apiKey,
			'x-connection-id': sim.connectionId,
			'content-type': 'application/json',
		},
		body: JSON.stringify({ text }),
	});
	expect(res.status).toBe(200);
}

describe('OFAuth Poll Trigger through n8n-core PollContext', () => {
	const sim = useSimulator();
	const trigger = (parameters: INodeParameters) =>
		createPollTrigger({ parameters, credentials: simulatorCredentials(sim()) });

	describe('New Subscriber', () => {
		test('first poll only records where things stand; new fans come once each, oldest first, then nothing', async () => {
			const poller = trigger({ event: 'newSubscriber' });

			expect(await poller.poll()).toBeNull(); // 250 seeded fans: no flood
			const first = apiGets(sim(), '/v2/access/subscribers');
			expect(first).toHaveLength(1);
			expect(first[0].query).toEqual({
				type: 'latest',
				latestType: 'new',
				limit: '20',
				offset: '0',
			});
			expect(first[0].headers['x-connection-id']).toBe(sim().connectionId);
			expect(poller.staticData()).toMatchObject({
				scope: `newSubscriber|${sim().connectionId}|new`,
			});

			expect(await poller.poll()).toBeNull(); // nothing happened
			const ava = sim().simulate.newSubscriber('Ava');
			const ben = sim().simulate.newSubscriber('Ben');

			const third = jsonOf(await poller.poll());
			expect(third.map((fan) => [fan.id, fan.name])).toEqual([
				[ava.id, 'Ava'],
				[ben.id, 'Ben'],
			]);
			expect(third[0]).toMatchObject({
				username: ava.username,
				subscription: { status: 'active' },
			});

			expect(await poller.poll()).toBeNull(); // no duplicates
			const cleo = sim().simulate.newSubscriber('Cleo');
			expect(jsonOf(await poller.poll()).map((fan) => fan.id)).toEqual([cleo.id]);
			expect(await poller.poll()).toBeNull();
			// every poll on a quiet account costs exactly one request
			expect(apiGets(sim(), '/v2/access/subscribers')).toHaveLength(6);
		});

		test('a backlog bigger than one page is read page by page and delivered whole, once', async () => {
			const poller = trigger({ event: 'newSubscriber' });
			expect(await poller.poll()).toBeNull();
			const added = Array.from({ length: 27 }, (_, index) =>
				sim().simulate.newSubscriber(`Fan ${index + 1}`),
			);
			sim().clearRequests();

			const delivered = jsonOf(await poller.poll());
			expect(delivered.map((fan) => fan.id)).toEqual(added.map((fan) => fan.id));
			expect(
				apiGets(sim(), '/v2/access/subscribers').map((request) => request.query.offset),
			).toEqual(['0', '20']);
			expect(await poller.poll()).toBeNull();
		});

		test('Include Renewals asks for all latest subscriptions and is a separate cursor', async () => {
			const poller = trigger({ event: 'newSubscriber', includeRenewals: true });
			expect(await poller.poll()).toBeNull();
			expect(apiGets(sim(), '/v2/access/subscribers')[0].query).toMatchObject({
				latestType: 'total',
			});
			expect(poller.staticData()).toMatchObject({
				scope: `newSubscriber|${sim().connectionId}|renewals`,
			});
			const dana = sim().simulate.newSubscriber('Dana');
			expect(jsonOf(await poller.poll()).map((fan) => fan.id)).toEqual([dana.id]);
		});

		test('manual mode ("Fetch Test Event") returns the newest subscriber and leaves the cursor alone', async () => {
			const poller = trigger({ event: 'newSubscriber' });
			expect(await poller.poll()).toBeNull();
			const before = poller.staticData();
			const eve = sim().simulate.newSubscriber('Eve');

			const sample = jsonOf(await poller.poll('manual'));
			expect(sample).toHaveLength(1);
			expect(sample[0]).toMatchObject({ id: eve.id, name: 'Eve' });
			expect(apiGets(sim(), '/v2/access/subscribers').at(-1)!.query).toMatchObject({
				limit: '1',
				offset: '0',
			});
			expect(poller.staticData()).toEqual(before);
			// the trigger still delivers Eve, since the manual run was only a preview
			expect(jsonOf(await poller.poll()).map((fan) => fan.id)).toEqual([eve.id]);
		});

		test('a chosen connection is sent as x-connection-id and is part of the cursor', async () => {
			const poller = trigger({
				event: 'newSubscriber',
				connection: { __rl: true, mode: 'id', value: SECOND_CONNECTION_ID },
			});
			expect(await poller.poll()).toBeNull();
			expect(apiGets(sim(), '/v2/access/subscribers')[0].headers['x-connection-id']).toBe(
				SECOND_CONNECTION_ID,
			);
			expect(poller.staticData()).toMatchObject({
				scope: `newSubscriber|${SECOND_CONNECTION_ID}|new`,
			});
		});

		test('an API failure fails the poll and keeps the cursor, so the next poll delivers what was missed', async () => {
			const poller = trigger({ event: 'newSubscriber' });
			expect(await poller.poll()).toBeNull();
			const stored = poller.staticData();
			const fay = sim().simulate.newSubscriber('Fay');
			sim().faults.failNext(1, 403, {
				match: (request) => request.path === '/v2/access/subscribers',
			});

			await expect(poller.poll()).rejects.toThrow();
			expect(poller.staticData()).toEqual(stored);
			expect(jsonOf(await poller.poll()).map((fan) => fan.id)).toEqual([fay.id]);
		});
	});

	describe('New Message', () => {
		test("fan messages since the last poll, several per chat, each once; the creator's own messages never count", async () => {
			const poller = trigger({ event: 'newMessage' });
			// the seed's newest chat (FAN_B) ends with 20 messages in the same second: all of them
			// are history, so the first poll looks into that chat to remember them
			expect(await poller.poll()).toBeNull();
			expect(apiGets(sim(), '/v2/access/chats')[0].query).toEqual({
				order: 'recent',
				limit: '20',
				offset: '0',
			});
			expect(apiGets(sim(), `/v2/access/chats/${FAN_B}/messages`).length).toBeGreaterThan(0);

			const a1 = sim().simulate.incomingMessage(FAN_A, 'hi there');
			const b1 = sim().simulate.incomingMessage(FAN_B, 'hello?');
			const a2 = sim().simulate.incomingMessage(FAN_A, 'are you online');
			sim().clearRequests();

			const messages = jsonOf(await poller.poll());
			expect(messages.map((message) => message.id)).toEqual([a1.id, b1.id, a2.id]);
			expect(messages.map((message) => message.text)).toEqual([
				'hi there',
				'hello?',
				'are you online',
			]);
			expect(messages[0]).toMatchObject({ fromUser: { id: FAN_A }, withUser: { id: FAN_A } });
			expect(messages[1]).toMatchObject({ fromUser: { id: FAN_B }, withUser: { id: FAN_B } });
			// one chat list request, then the messages of the two chats that moved
			expect(sim().requests.map((request) => request.path)).toEqual([
				'/v2/access/chats',
				`/v2/access/chats/${FAN_A}/messages`,
				`/v2/access/chats/${FAN_B}/messages`,
			]);

			expect(await poller.poll()).toBeNull();
			await creatorReplies(sim(), FAN_A, 'yes!');
			expect(await poller.poll()).toBeNull(); // own reply: nothing

			// a fan writes and the creator answers before the next poll: the fan's message still comes
			const b2 = sim().simulate.incomingMessage(FAN_B, 'thanks');
			await creatorReplies(sim(), FAN_B, 'you are welcome');
			expect(jsonOf(await poller.poll()).map((message) => message.id)).toEqual([b2.id]);
			expect(await poller.poll()).toBeNull();
		});

		test('manual mode returns the newest fan message with the fan', async () => {
			const poller = trigger({ event: 'newMessage' });
			const latest = sim().simulate.incomingMessage(FAN_B, 'newest words');
			const sample = jsonOf(await poller.poll('manual'));
			expect(sample).toEqual([
				expect.objectContaining({
					id: latest.id,
					text: 'newest words',
					withUser: expect.objectContaining({ id: FAN_B }),
				}),
			]);
			expect(poller.staticData()).toEqual({});
		});
	});

	describe('New Purchase or Tip', () => {
		test('purchases and tips from notifications, each once; other notifications are ignored', async () => {
			const poller = trigger({ event: 'newPurchaseOrTip' });
			expect(await poller.poll()).toBeNull();
			expect(
				apiGets(sim(), '/v2/access/self/notifications').map((request) => request.query.type),
			).toEqual(['purchases', 'tip']);

			const purchase = sim().simulate.notification('purchases', FAN_A, 'bought your PPV', 25);
			sim().simulate.notification('message', FAN_A, 'sent you a message');
			const tip = sim().simulate.notification('tip', FAN_B, 'sent you a $10 tip', 10);

			const found = jsonOf(await poller.poll());
			expect(
				found.map((notification) => [notification.id, notification.type, notification.amount]),
			).toEqual([
				[purchase.id, 'purchases', 25],
				[tip.id, 'tip', 10],
			]);
			expect(await poller.poll()).toBeNull();
		});

		test('Notify On "Tips" only watches tips (a tip sent with a message counts)', async () => {
			const poller = trigger({ event: 'newPurchaseOrTip', notificationTypes: ['tip'] });
			expect(await poller.poll()).toBeNull();
			sim().simulate.notification('purchases', FAN_A, 'bought your PPV', 25);
			sim().simulate.incomingMessage(FAN_B, 'for you', { tip: 5 });
			const found = jsonOf(await poller.poll());
			expect(found).toHaveLength(1);
			expect(found[0]).toMatchObject({ type: 'tip', amount: 5, user: { id: FAN_B } });
			expect(
				apiGets(sim(), '/v2/access/self/notifications').every(
					(request) => request.query.type === 'tip',
				),
			).toBe(true);
		});

		test('choosing no type is a clear error before any request', async () => {
			const poller = trigger({ event: 'newPurchaseOrTip', notificationTypes: [] });
			await expect(poller.poll()).rejects.toThrow('Choose at least one of "Purchases" and "Tips"');
			expect(apiGets(sim(), '/v2/access/self/notifications')).toHaveLength(0);
		});
	});

	describe('New Vault Media', () => {
		test('media uploaded after the first poll comes once, newest-first list read with sortBy', async () => {
			const poller = trigger({ event: 'newVaultMedia' });
			expect(await poller.poll()).toBeNull(); // 120 seeded media
			expect(apiGets(sim(), '/v2/access/vault/media')[0].query).toEqual({
				sortBy: 'recent',
				limit: '40',
				offset: '0',
			});

			const photo = await uploadToVault(sim(), 'beach.jpg', 'image/jpeg');
			const clip = await uploadToVault(sim(), 'teaser.mp4', 'video/mp4');
			const found = jsonOf(await poller.poll());
			expect(found.map((media) => [media.id, media.type])).toEqual([
				[photo, 'photo'],
				[clip, 'video'],
			]);
			expect(await poller.poll()).toBeNull();
		});

		test('Media Type filters in the request and is its own cursor', async () => {
			const poller = trigger({ event: 'newVaultMedia', mediaType: 'video' });
			expect(await poller.poll()).toBeNull();
			await uploadToVault(sim(), 'beach.jpg', 'image/jpeg');
			const clip = await uploadToVault(sim(), 'teaser.mp4', 'video/mp4');
			expect(jsonOf(await poller.poll()).map((media) => media.id)).toEqual([clip]);
			expect(
				apiGets(sim(), '/v2/access/vault/media').every(
					(request) => request.query.mediaType === 'video',
				),
			).toBe(true);
		});

		test('manual mode returns the newest media item', async () => {
			const photo = await uploadToVault(sim(), 'latest.jpg', 'image/jpeg');
			const poller = trigger({ event: 'newVaultMedia' });
			expect(jsonOf(await poller.poll('manual'))).toEqual([
				expect.objectContaining({ id: photo, type: 'photo' }),
			]);
		});
	});

	test('switching the event starts over with a new snapshot instead of delivering history', async () => {
		const poller = trigger({ event: 'newSubscriber' });
		expect(await poller.poll()).toBeNull();
		poller.node.parameters.event = 'newVaultMedia';
		await uploadToVault(sim(), 'before-switch.jpg', 'image/jpeg');
		expect(await poller.poll()).toBeNull(); // snapshot of the vault, not 121 items
		expect(poller.staticData()).toMatchObject({ scope: `newVaultMedia|${sim().connectionId}|any` });
		const after = await uploadToVault(sim(), 'after-switch.jpg', 'image/jpeg');
		expect(jsonOf(await poller.poll()).map((media) => media.id)).toEqual([after]);
	});
});
