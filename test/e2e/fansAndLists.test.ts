/**
 * Fans, user lists, chat actions and the PPV follow-up in a real n8n 2.41.1 (both packages installed
 * from their tarballs): one workflow per service with one node per new operation, each run once,
 * against its own simulator. What each simulator received is asserted call by call, and printed.
 */
import { startSimulator, type OfAuthSimulator } from '../simulator';
import { accountIdOf } from '../simulator/onlyFansApi';
import {
	ONLYFANSAPI_PACKAGE_NAME,
	PACKAGE_NAME,
	RealN8n,
	simulatorCredential,
	simulatorOnlyFansApiCredential,
	type WorkflowJson,
} from './realN8n';

const FAN = '100021';
const CREDENTIALS = {
	ofauth: { id: 'e2eFansOfAuth01', name: 'OFAuth fans' },
	onlyfansapi: { id: 'e2eFansOfapi01', name: 'OnlyFansAPI.com fans' },
};

type Step = [string, Record<string, unknown>];

const fan = { __rl: true, mode: 'id', value: FAN };
const createdList = { __rl: true, mode: 'id', value: "={{ $('Create List').item.json.id }}" };

/** Every new operation both services have, in an order where each can use what the last made. */
function sharedSteps(massMessageId: number): Step[] {
	return [
		[
			'Get Many Fans',
			{
				resource: 'fan',
				operation: 'getMany',
				type: 'expired',
				limit: 3,
				filters: { minTotalSpent: 10 },
			},
		],
		['Get Fan', { resource: 'fan', operation: 'get', fan }],
		['Set Note', { resource: 'fan', operation: 'setNote', fan, note: 'Bought the beach set' }],
		[
			'Set Display Name',
			{ resource: 'fan', operation: 'setDisplayName', fan, displayName: 'Beach Mike' },
		],
		['Create List', { resource: 'userList', operation: 'create', name: 'Spent over $100' }],
		[
			'Rename List',
			{ resource: 'userList', operation: 'rename', userList: createdList, name: 'Whales 2026' },
		],
		[
			'Add Fans',
			{
				resource: 'userList',
				operation: 'addFans',
				userList: createdList,
				fanIds: `${FAN}, 100022`,
			},
		],
		[
			'Get Members',
			{ resource: 'userList', operation: 'getMembers', userList: createdList, returnAll: true },
		],
		[
			'Remove Fans',
			{ resource: 'userList', operation: 'removeFans', userList: createdList, fanIds: '100022' },
		],
		['Delete List', { resource: 'userList', operation: 'delete', userList: createdList }],
		[
			'Unbought PPVs',
			{
				resource: 'message',
				operation: 'getMany',
				fan,
				returnAll: true,
				simplify: true,
				options: { onlyUnboughtPpvs: true },
			},
		],
		[
			'Get Buyers',
			{
				resource: 'massMessage',
				operation: 'getBuyers',
				massMessageId: String(massMessageId),
				limit: 3,
			},
		],
		[
			'Get Chart',
			{
				resource: 'massMessage',
				operation: 'getChart',
				startDate: '2025-05-01T00:00:00Z',
				endDate: '2025-06-01T00:00:00Z',
			},
		],
	];
}

function workflow(
	id: string,
	type: string,
	credentials: Record<string, { id: string; name: string }>,
	steps: Step[],
): WorkflowJson {
	const nodes: WorkflowJson['nodes'] = [
		{
			id: 'n0',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...steps.map(([name, parameters], index) => ({
			id: `n${index + 1}`,
			name,
			type,
			typeVersion: 1.3,
			position: [(index + 1) * 200, 0] as [number, number],
			executeOnce: true,
			alwaysOutputData: true,
			parameters,
			credentials,
		})),
	];
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[node.name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	});
	return { id, name: id, nodes, connections, settings: { executionOrder: 'v1' } };
}

let n8n: RealN8n;
const sims: Record<'ofauth' | 'onlyfansapi', OfAuthSimulator> = {} as never;
let massMessageId = 0;
let likedMessageId = 0;
let unboughtId = 0;

beforeAll(async () => {
	sims.ofauth = await startSimulator({ seed: 1 });
	sims.onlyfansapi = await startSimulator({ seed: 1 });
	massMessageId = sims.ofauth.state.massMessages.find((entry) => entry.buyers.length > 3)!.id;
	for (const sim of Object.values(sims)) {
		// yesterday's PPV, not bought (the chat's newest message), and an older one that was
		sim.simulate.ppvSent(Number(FAN), { hoursAgo: 30, bought: true });
		unboughtId = sim.simulate.ppvSent(Number(FAN), { hoursAgo: 26 }).id;
		const chat = sim.state.chats.find((entry) => String(entry.withUserId) === FAN)!;
		likedMessageId = chat.messages.find((m) => m.fromUser.id === Number(FAN))!.id;
	}
	n8n = await RealN8n.create('fans');
	await n8n.importCredentials([
		simulatorCredential(sims.ofauth, CREDENTIALS.ofauth.id, CREDENTIALS.ofauth.name),
		simulatorOnlyFansApiCredential(
			sims.onlyfansapi,
			CREDENTIALS.onlyfansapi.id,
			CREDENTIALS.onlyfansapi.name,
		),
	]);
	const ofAuthSteps: Step[] = [
		...sharedSteps(massMessageId),
		[
			'Give Discount',
			{
				resource: 'fan',
				operation: 'giveDiscount',
				fan,
				discountPercent: 20,
				discountMonths: 2,
				guards: { maxDiscountPercent: 25 },
			},
		],
	];
	const onlyFansApiSteps: Step[] = [
		...sharedSteps(massMessageId),
		['Mark Read', { resource: 'chat', operation: 'markAsRead', fan }],
		['Mark Unread', { resource: 'chat', operation: 'markAsUnread', fan }],
		['Show Typing', { resource: 'chat', operation: 'showTyping', fan }],
		['Like', { resource: 'message', operation: 'like', fan, messageId: String(likedMessageId) }],
		['Hide', { resource: 'chat', operation: 'hide', fan }],
		['Top Spenders', { resource: 'fan', operation: 'getMany', type: 'top', limit: 3 }],
	];
	await n8n.importWorkflows([
		workflow(
			'e2eFansOfAuth',
			`${PACKAGE_NAME}.ofAuth`,
			{ ofAuthApi: CREDENTIALS.ofauth },
			ofAuthSteps,
		),
		workflow(
			'e2eFansOfapi',
			`${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApi`,
			{ onlyFansApiMessagingApi: CREDENTIALS.onlyfansapi },
			onlyFansApiSteps,
		),
	]);
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await Promise.all(Object.values(sims).map((sim) => sim?.close()));
}, 60_000);

/** One recorded request as a line: method, path (account as {account}), sorted query, body. */
function line(sim: OfAuthSimulator, request: OfAuthSimulator['requests'][number]): string {
	const query = Object.entries(request.query)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, value]) => `${key}=${value}`)
		.join('&');
	const body = request.body === undefined ? '' : ` ${JSON.stringify(request.body)}`;
	return `${request.method} ${request.path.replace(accountIdOf(sim.connectionId), '{account}')}${query ? `?${query}` : ''}${body}`;
}

test('OFAuth: every new operation in a real n8n, each request as the simulator received it', async () => {
	const sim = sims.ofauth;
	sim.clearRequests();
	const run = await n8n.execute('e2eFansOfAuth', { timeoutMs: 120_000 });
	expect(run.errorMessage).toBeUndefined();
	const lines = sim.requests.map((request) => line(sim, request));
	console.log(`[fans] OFAuth requests:\n${lines.join('\n')}`);
	const listId = run.output('Create List')[0].json.id as number;
	const chatReads = lines.filter((entry) =>
		entry.startsWith(`GET /v2/access/chats/${FAN}/messages`),
	);
	expect(chatReads.length).toBeGreaterThan(0);
	expect(lines.filter((entry) => !chatReads.includes(entry))).toEqual([
		'GET /v2/access/subscribers?filter[total_spent]=10&limit=20&offset=0&type=expired',
		`GET /v2/access/users/${FAN}`,
		`PUT /v2/access/subscribers/${FAN}/note {"notice":"Bought the beach set"}`,
		`PUT /v2/access/subscribers/${FAN}/custom-name {"displayName":"Beach Mike"}`,
		'POST /v2/access/users/lists {"name":"Spent over $100"}',
		`PATCH /v2/access/users/lists/${listId} {"name":"Whales 2026"}`,
		`GET /v2/access/users/lists/${listId}/users?limit=100&offset=0`,
		`POST /v2/access/users/lists/${listId}/users/${FAN}`,
		`POST /v2/access/users/lists/${listId}/users/100022`,
		`GET /v2/access/users/lists/${listId}/users?limit=100&offset=0`,
		`GET /v2/access/users/lists/${listId}/users?limit=100&offset=0`,
		`DELETE /v2/access/users/lists/${listId}/users/100022`,
		`DELETE /v2/access/users/lists/${listId}`,
		`GET /v2/access/analytics/mass-messages/${massMessageId}/buyers?limit=3`,
		'GET /v2/access/analytics/mass-messages/chart?endDate=2025-06-01T00:00:00.000Z&startDate=2025-05-01T00:00:00.000Z',
		`PUT /v2/access/subscribers/${FAN}/discount {"discount":20,"period":2}`,
	]);
	expect(run.output('Unbought PPVs').map((item) => item.json.messageId)).toEqual([unboughtId]);
	expect(run.output('Give Discount')[0].json).toEqual({
		fanId: Number(FAN),
		discountPercent: 20,
		months: 2,
		success: true,
	});
	expect(run.output('Add Fans')[0].json).toEqual({
		listId,
		added: [Number(FAN), 100022],
		alreadyIn: [],
	});
	expect(sim.state.fans.find((entry) => String(entry.id) === FAN)).toMatchObject({
		notice: 'Bought the beach set',
		displayName: 'Beach Mike',
		discount: { percent: 20, months: 2 },
	});
}, 180_000);

test('OnlyFansAPI.com: every new operation in a real n8n, each request as the simulator received it', async () => {
	const sim = sims.onlyfansapi;
	sim.clearRequests();
	const run = await n8n.execute('e2eFansOfapi', { timeoutMs: 120_000 });
	expect(run.errorMessage).toBeUndefined();
	const lines = sim.requests.map((request) => line(sim, request));
	console.log(`[fans] OnlyFansAPI.com requests:\n${lines.join('\n')}`);
	const listId = run.output('Create List')[0].json.id as number;
	expect(lines).toEqual(
		expect.arrayContaining([
			'GET /api/{account}/fans/expired?filter[total_spent]=10&limit=20&offset=0',
			`GET /api/{account}/users/list?ids=${FAN}`,
			`PUT /api/{account}/fans/${FAN}/notes {"notes":"Bought the beach set"}`,
			`PUT /api/{account}/fans/${FAN}/custom-name {"custom_name":"Beach Mike"}`,
			'POST /api/{account}/user-lists {"name":"Spent over $100"}',
			`PUT /api/{account}/user-lists/${listId} {"name":"Whales 2026"}`,
			`POST /api/{account}/user-lists/${listId}/users {"ids":["${FAN}","100022"]}`,
			`DELETE /api/{account}/user-lists/${listId}/users/100022`,
			`DELETE /api/{account}/user-lists/${listId}`,
			`GET /api/{account}/engagement/messages/${massMessageId}/buyers?limit=3`,
			'GET /api/{account}/engagement/messages/mass-messages/chart?endDate=2025-06-01 00:00:00&startDate=2025-05-01 00:00:00&withTotal=1',
			`POST /api/{account}/chats/${FAN}/mark-as-read`,
			`POST /api/{account}/chats/${FAN}/mark-as-unread`,
			`POST /api/{account}/chats/${FAN}/typing`,
			`POST /api/{account}/chats/${FAN}/messages/${likedMessageId}/like`,
			`POST /api/{account}/chats/${FAN}/hide`,
			'GET /api/{account}/fans/top?by=total',
		]),
	);
	expect(lines.every((entry) => entry.includes(' /api/{account}/'))).toBe(true);
	expect(run.output('Unbought PPVs').map((item) => item.json.messageId)).toEqual([unboughtId]);
	expect(run.output('Top Spenders')).toHaveLength(3);
	expect(run.output('Remove Fans')[0].json).toEqual({ listId, removed: [100022], notIn: [] });
	expect(run.output('Like')[0].json).toEqual({
		fanId: Number(FAN),
		messageId: likedMessageId,
		liked: true,
	});
	const chat = sim.state.chats.find((entry) => String(entry.withUserId) === FAN)!;
	expect(chat.isHidden).toBe(true);
}, 180_000);
