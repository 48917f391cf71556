import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { onlyFansApiCredentials, runNode, simulatorCredentials, useSimulator } from '../../harness';
import type { OfAuthSimulator, RecordedRequest } from '../../simulator';
import { VIP_LIST_ID } from '../../simulator';
import { accountIdOf } from '../../simulator/onlyFansApi';
import { locator } from '../messaging/helpers';

/**
 * Fans, user lists, chat actions and the PPV follow-up, from one table of cases run against both
 * services (the simulator's two modes share one seeded world): the request each service received,
 * and the same output from both.
 */
interface ServiceUnderTest {
	name: 'ofAuthApi' | 'onlyFansApi';
	label: string;
	credentials: (sim: OfAuthSimulator) => ICredentialDataDecryptedObject;
	calls: (sim: OfAuthSimulator) => RecordedRequest[];
	/** a path of this service as the simulator records it */
	path: (sim: OfAuthSimulator, ofAuthPath: string, onlyFansApiPath: string) => string;
}

const OFAUTH: ServiceUnderTest = {
	name: 'ofAuthApi',
	label: 'OFAuth',
	credentials: (sim) => simulatorCredentials(sim),
	calls: (sim) => sim.requests.filter((request) => request.path.startsWith('/v2/')),
	path: (_sim, ofAuthPath) => `/v2/access${ofAuthPath}`,
};
const ONLYFANSAPI: ServiceUnderTest = {
	name: 'onlyFansApi',
	label: 'OnlyFansAPI.com',
	credentials: (sim) => onlyFansApiCredentials(sim),
	calls: (sim) => sim.requests.filter((request) => request.path.startsWith('/api/')),
	path: (sim, _ofAuthPath, onlyFansApiPath) =>
		`/api/${accountIdOf(sim.connectionId)}${onlyFansApiPath}`,
};

const FAN = '100070';

async function run(service: ServiceUnderTest, sim: OfAuthSimulator, parameters: INodeParameters) {
	return await runNode(
		{ ...parameters, authentication: service.name },
		{ credentials: service.credentials(sim) },
	);
}

const json = (result: Awaited<ReturnType<typeof run>>): IDataObject[] =>
	result.output().map((item) => item.json);

describe.each([OFAUTH, ONLYFANSAPI])('fans and lists with $label', (service) => {
	const sim = useSimulator();

	test('Get Many Fans (expired, min spent) pages 20 at a time with the filters in bracket form, and simplifies', async () => {
		const result = await run(service, sim(), {
			resource: 'fan',
			operation: 'getMany',
			type: 'expired',
			returnAll: true,
			filters: { minTotalSpent: 50 },
		});
		expect(result.error).toBeUndefined();
		const expected = sim()
			.state.fans.filter((fan) => fan.subscription.status === 'expired' && fan.spending.total >= 50)
			// most recently expired first, as OnlyFans lists them
			.sort(
				(a, b) =>
					Date.parse(b.subscription.expiresAt) - Date.parse(a.subscription.expiresAt) ||
					a.id - b.id,
			)
			.map((fan) => fan.id);
		const fans = json(result);
		expect(fans.map((fan) => fan.id)).toEqual(expected);
		expect(fans[0]).toEqual({
			id: expected[0],
			username: expect.any(String),
			name: expect.any(String),
			displayName: null,
			note: null,
			subscribedAt: expect.any(String),
			expiresAt: expect.any(String),
			totalSpent: expect.any(Number),
			tips: expect.any(Number),
			expired: true,
		});
		const calls = service.calls(sim());
		expect(calls.length).toBe(Math.ceil(expected.length / 20) || 1);
		expect(calls[0].method).toBe('GET');
		if (service === OFAUTH) {
			expect(calls[0].path).toBe('/v2/access/subscribers');
			expect(calls[0].query).toEqual({
				type: 'expired',
				'filter[total_spent]': '50',
				limit: '20',
				offset: '0',
			});
		} else {
			expect(calls[0].path).toBe(service.path(sim(), '', '/fans/expired'));
			expect(calls[0].query).toEqual({ 'filter[total_spent]': '50', limit: '20', offset: '0' });
		}
	});

	test('Get Many Fans (newest, Limit 5) returns the newest subscribers, reading one page of 20', async () => {
		const result = await run(service, sim(), {
			resource: 'fan',
			operation: 'getMany',
			type: 'latest',
			limit: 5,
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toHaveLength(5);
		const [call] = service.calls(sim());
		if (service === OFAUTH)
			expect(call.query).toEqual({ type: 'latest', latestType: 'new', limit: '20', offset: '0' });
		else {
			expect(call.path).toBe(service.path(sim(), '', '/fans/latest'));
			expect(call.query).toEqual({ type: 'new', limit: '20', offset: '0' });
		}
	});

	test('Get Fan by ID and by @username: the same simplified fan from both services', async () => {
		const fan = sim().state.fans.find((entry) => String(entry.id) === FAN)!;
		const byId = await run(service, sim(), {
			resource: 'fan',
			operation: 'get',
			fan: { __rl: true, mode: 'id', value: FAN },
		});
		const byName = await run(service, sim(), {
			resource: 'fan',
			operation: 'get',
			fan: { __rl: true, mode: 'username', value: `@${fan.username}` },
		});
		expect(byId.error).toBeUndefined();
		expect(byName.error).toBeUndefined();
		expect(json(byId)).toEqual(json(byName));
		expect(json(byId)[0]).toMatchObject({
			id: fan.id,
			username: fan.username,
			totalSpent: fan.spending.total,
			expired: fan.subscription.status === 'expired',
		});
		const [first, second] = service.calls(sim());
		if (service === OFAUTH) {
			expect(first.path).toBe(`/v2/access/users/${FAN}`);
			expect(second.path).toBe(`/v2/access/users/${fan.username}`);
		} else {
			expect(first.path).toBe(service.path(sim(), '', '/users/list'));
			expect(first.query).toEqual({ ids: FAN });
			expect(second.path).toBe(service.path(sim(), '', `/users/${fan.username}`));
		}
	});

	test('Set Note and Set Display Name write what the service takes, and read back on Get Fan', async () => {
		const note = await run(service, sim(), {
			resource: 'fan',
			operation: 'setNote',
			fan: locator(FAN),
			note: 'Likes feet pics; tipped on his birthday',
		});
		const name = await run(service, sim(), {
			resource: 'fan',
			operation: 'setDisplayName',
			fan: locator(FAN),
			displayName: 'Mike NYC',
		});
		expect(json(note)).toEqual([
			{ fanId: Number(FAN), note: 'Likes feet pics; tipped on his birthday', success: true },
		]);
		expect(json(name)).toEqual([{ fanId: Number(FAN), displayName: 'Mike NYC', success: true }]);
		const [noteCall, nameCall] = service.calls(sim());
		expect(noteCall.method).toBe('PUT');
		expect(nameCall.method).toBe('PUT');
		if (service === OFAUTH) {
			expect(noteCall.path).toBe(`/v2/access/subscribers/${FAN}/note`);
			expect(noteCall.body).toEqual({ notice: 'Likes feet pics; tipped on his birthday' });
			expect(nameCall.path).toBe(`/v2/access/subscribers/${FAN}/custom-name`);
			expect(nameCall.body).toEqual({ displayName: 'Mike NYC' });
		} else {
			expect(noteCall.path).toBe(service.path(sim(), '', `/fans/${FAN}/notes`));
			expect(noteCall.body).toEqual({ notes: 'Likes feet pics; tipped on his birthday' });
			expect(nameCall.path).toBe(service.path(sim(), '', `/fans/${FAN}/custom-name`));
			expect(nameCall.body).toEqual({ custom_name: 'Mike NYC' });
		}
		const read = await run(service, sim(), {
			resource: 'fan',
			operation: 'get',
			fan: { __rl: true, mode: 'id', value: FAN },
		});
		expect(json(read)[0]).toMatchObject({
			note: 'Likes feet pics; tipped on his birthday',
			displayName: 'Mike NYC',
		});
	});

	test('a user list is created, filled (a fan already on it is not an error), emptied, renamed and deleted', async () => {
		const created = await run(service, sim(), {
			resource: 'userList',
			operation: 'create',
			name: 'Spent over $100',
		});
		expect(created.error).toBeUndefined();
		const listId = json(created)[0].id as number;
		expect(json(created)[0]).toMatchObject({ name: 'Spent over $100', builtIn: false });
		const addFans = (fanIds: string) =>
			run(service, sim(), {
				resource: 'userList',
				operation: 'addFans',
				userList: { __rl: true, mode: 'id', value: String(listId) },
				fanIds,
			});
		const first = await addFans('100001, 100002');
		expect(json(first)).toEqual([{ listId, added: [100001, 100002], alreadyIn: [] }]);
		const again = await addFans('100002, 100003');
		expect(json(again)).toEqual([{ listId, added: [100003], alreadyIn: [100002] }]);
		expect(sim().state.userLists.find((list) => list.id === listId)?.userIds).toEqual([
			100001, 100002, 100003,
		]);
		const members = await run(service, sim(), {
			resource: 'userList',
			operation: 'getMembers',
			userList: { __rl: true, mode: 'id', value: String(listId) },
			returnAll: true,
		});
		expect(json(members).map((fan) => fan.id)).toEqual([100001, 100002, 100003]);
		const removed = await run(service, sim(), {
			resource: 'userList',
			operation: 'removeFans',
			userList: { __rl: true, mode: 'id', value: String(listId) },
			fanIds: '100001, 100009',
		});
		expect(json(removed)).toEqual([{ listId, removed: [100001], notIn: [100009] }]);
		const renamed = await run(service, sim(), {
			resource: 'userList',
			operation: 'rename',
			userList: { __rl: true, mode: 'id', value: String(listId) },
			name: 'Whales 2',
		});
		expect(json(renamed)[0]).toMatchObject({ id: listId, name: 'Whales 2' });
		const deleted = await run(service, sim(), {
			resource: 'userList',
			operation: 'delete',
			userList: { __rl: true, mode: 'id', value: String(listId) },
		});
		expect(json(deleted)).toEqual([{ listId, deleted: true }]);
		expect(sim().state.userLists.some((list) => list.id === listId)).toBe(false);

		const writes = service
			.calls(sim())
			.filter((call) => call.method !== 'GET')
			.map((call) => `${call.method} ${call.path} ${JSON.stringify(call.body ?? null)}`);
		const list = (rest: string) => service.path(sim(), `/users/lists${rest}`, `/user-lists${rest}`);
		expect(writes).toEqual(
			service === OFAUTH
				? [
						`POST ${list('')} {"name":"Spent over $100"}`,
						`POST ${list(`/${listId}/users/100001`)} null`,
						`POST ${list(`/${listId}/users/100002`)} null`,
						`POST ${list(`/${listId}/users/100003`)} null`,
						`DELETE ${list(`/${listId}/users/100001`)} null`,
						`PATCH ${list(`/${listId}`)} {"name":"Whales 2"}`,
						`DELETE ${list(`/${listId}`)} null`,
					]
				: [
						`POST ${list('')} {"name":"Spent over $100"}`,
						`POST ${list(`/${listId}/users`)} {"ids":["100001","100002"]}`,
						`POST ${list(`/${listId}/users`)} {"ids":["100003"]}`,
						`DELETE ${list(`/${listId}/users/100001`)} null`,
						`PUT ${list(`/${listId}`)} {"name":"Whales 2"}`,
						`DELETE ${list(`/${listId}`)} null`,
					],
		);
	});

	test('Add Fans with Dry Run shows the requests and sends none', async () => {
		const result = await run(service, sim(), {
			resource: 'userList',
			operation: 'addFans',
			userList: { __rl: true, mode: 'id', value: String(VIP_LIST_ID) },
			fanIds: '100003, 100004',
			guards: { dryRun: true },
		});
		expect(result.error).toBeUndefined();
		const [answer] = json(result);
		expect(answer).toMatchObject({ dryRun: true, sent: false, listId: VIP_LIST_ID });
		expect((answer.requests as IDataObject[]).length).toBeGreaterThan(0);
		expect(service.calls(sim()).every((call) => call.method === 'GET')).toBe(true);
	});

	test('Renaming a built-in list is refused before any request', async () => {
		const result = await run(service, sim(), {
			resource: 'userList',
			operation: 'rename',
			userList: { __rl: true, mode: 'id', value: 'fans' },
			name: 'x',
		});
		expect(result.error?.message).toMatch(/User List/);
		expect(result.error?.message).toMatch(/item 0/);
		expect(service.calls(sim())).toHaveLength(0);
	});

	test('Get Many Messages with Only Unbought PPVs returns the PPVs the fan has not opened', async () => {
		const chat = sim().state.chats.find((entry) => String(entry.withUserId) === FAN)!;
		const ppvs = chat.messages.filter(
			(message) => message.fromUser.id !== Number(FAN) && message.price > 0,
		);
		expect(ppvs.length).toBeGreaterThan(1);
		// the newest PPV was not bought: OnlyFans shows it unopened
		ppvs[ppvs.length - 1].isOpened = false;
		const result = await run(service, sim(), {
			resource: 'message',
			operation: 'getMany',
			fan: locator(FAN),
			returnAll: true,
			simplify: true,
			options: { onlyUnboughtPpvs: true },
		});
		expect(result.error).toBeUndefined();
		expect(json(result).map((message) => message.messageId)).toEqual([ppvs[ppvs.length - 1].id]);
	});

	test('Get Buyers of a mass message', async () => {
		const massMessage = sim().state.massMessages.find((entry) => entry.buyers.length > 12)!;
		const result = await run(service, sim(), {
			resource: 'massMessage',
			operation: 'getBuyers',
			massMessageId: String(massMessage.id),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(json(result).map((buyer) => buyer.id)).toEqual(
			massMessage.buyers.map((buyer) => buyer.userId),
		);
		const [call] = service.calls(sim());
		expect(call.path).toBe(
			service.path(
				sim(),
				`/analytics/mass-messages/${massMessage.id}/buyers`,
				`/engagement/messages/${massMessage.id}/buyers`,
			),
		);
	});
});

describe('what one service offers and the other does not', () => {
	const sim = useSimulator();

	test('OFAuth gives a discount within the Max Discount guard', async () => {
		const result = await run(OFAUTH, sim(), {
			resource: 'fan',
			operation: 'giveDiscount',
			fan: locator(FAN),
			discountPercent: 25,
			discountMonths: 2,
		});
		expect(json(result)).toEqual([
			{ fanId: Number(FAN), discountPercent: 25, months: 2, success: true },
		]);
		const [call] = OFAUTH.calls(sim());
		expect(`${call.method} ${call.path} ${JSON.stringify(call.body)}`).toBe(
			`PUT /v2/access/subscribers/${FAN}/discount {"discount":25,"period":2}`,
		);
	});

	test('OFAuth refuses a discount above the default ceiling (30%) before any request', async () => {
		const result = await run(OFAUTH, sim(), {
			resource: 'fan',
			operation: 'giveDiscount',
			fan: locator(FAN),
			discountPercent: 40,
			discountMonths: 1,
		});
		expect(result.error?.message).toMatch(/Max Discount \(%\).*40% is above the ceiling of 30%/);
		expect(OFAUTH.calls(sim())).toHaveLength(0);
	});

	test('OnlyFansAPI.com refuses Give Discount by name, and OFAuth a chat action, before any request', async () => {
		const discount = await run(ONLYFANSAPI, sim(), {
			resource: 'fan',
			operation: 'giveDiscount',
			fan: locator(FAN),
			discountPercent: 10,
			discountMonths: 1,
		});
		expect(discount.error?.message).toBe(
			'Give a fan a discount is not available with OnlyFansAPI.com',
		);
		const typing = await run(OFAUTH, sim(), {
			resource: 'chat',
			operation: 'showTyping',
			fan: locator(FAN),
		});
		expect(typing.error?.message).toBe('Show typing in a chat is not available with OFAuth');
		expect(sim().requests).toHaveLength(0);
	});

	test('OFAuth refuses Top Spenders by name before any request', async () => {
		const result = await run(OFAUTH, sim(), { resource: 'fan', operation: 'getMany', type: 'top' });
		expect(result.error?.message).toMatch(/Type/);
		expect(result.error?.message).toMatch(/OFAuth/);
		expect(OFAUTH.calls(sim())).toHaveLength(0);
	});

	test.each([
		['markAsRead', 'mark-as-read'],
		['markAsUnread', 'mark-as-unread'],
		['showTyping', 'typing'],
		['hide', 'hide'],
	])('OnlyFansAPI.com chat action %s', async (operation, path) => {
		const result = await run(ONLYFANSAPI, sim(), {
			resource: 'chat',
			operation,
			fan: locator(FAN),
		});
		expect(json(result)).toEqual([{ fanId: Number(FAN), action: operation, success: true }]);
		const [call] = ONLYFANSAPI.calls(sim());
		expect(`${call.method} ${call.path}`).toBe(
			`POST ${ONLYFANSAPI.path(sim(), '', `/chats/${FAN}/${path}`)}`,
		);
	});

	test('OnlyFansAPI.com likes a message', async () => {
		const chat = sim().state.chats.find((entry) => String(entry.withUserId) === FAN)!;
		const message = chat.messages.find((entry) => entry.fromUser.id === Number(FAN))!;
		const result = await run(ONLYFANSAPI, sim(), {
			resource: 'message',
			operation: 'like',
			fan: locator(FAN),
			messageId: String(message.id),
		});
		expect(json(result)).toEqual([{ fanId: Number(FAN), messageId: message.id, liked: true }]);
		expect(message.isLiked).toBe(true);
	});

	test('OnlyFansAPI.com Top Spenders: one request, sorted by spend', async () => {
		const result = await run(ONLYFANSAPI, sim(), {
			resource: 'fan',
			operation: 'getMany',
			type: 'top',
			limit: 5,
		});
		const top = sim()
			.state.fans.slice()
			.sort((a, b) => b.spending.total - a.spending.total || a.id - b.id)
			.slice(0, 5)
			.map((fan) => fan.id);
		expect(json(result).map((fan) => fan.id)).toEqual(top);
		const calls = ONLYFANSAPI.calls(sim());
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toEqual({ by: 'total' });
	});

	test('OnlyFansAPI.com mass-message chart takes Y-m-d H:i:s dates', async () => {
		const result = await run(ONLYFANSAPI, sim(), {
			resource: 'massMessage',
			operation: 'getChart',
			startDate: '2025-05-01T00:00:00Z',
			endDate: '2025-06-01T00:00:00Z',
		});
		expect(result.error).toBeUndefined();
		expect(json(result)[0]).toHaveProperty('group_messages');
		const [call] = ONLYFANSAPI.calls(sim());
		expect(call.query).toEqual({
			withTotal: '1',
			startDate: '2025-05-01 00:00:00',
			endDate: '2025-06-01 00:00:00',
		});
	});
});
