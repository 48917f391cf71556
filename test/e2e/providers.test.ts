/**
 * OnlyFansAPI.com in a real n8n 2.41.1 (package installed from its tarball), against the simulator's
 * OnlyFansAPI.com mode:
 * - examples/ppv-on-either-provider.json switched to OnlyFansAPI.com by its Authentication field and
 *   credential alone sends the same PPVs, in OnlyFansAPI.com's words;
 * - the OFAuth Trigger with OnlyFansAPI.com registers its webhook when the workflow is published, a
 *   signed delivery starts one run, a redelivery starts nothing, unpublishing removes the webhook.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { startSimulator, type OfAuthSimulator } from '../simulator';
import { accountIdOf } from '../simulator/onlyFansApi';
import {
	ONLYFANSAPI_PACKAGE_NAME,
	onlyFansApiTypeOf,
	PACKAGE_NAME,
	REPO_ROOT,
	RealN8n,
	simulatorOnlyFansApiCredential,
	type RunningN8n,
	type WorkflowJson,
} from './realN8n';

const CRED = { id: 'e2eOnlyFansApi01', name: 'OnlyFansAPI.com account' };

/**
 * The example moved to OnlyFansAPI.com: each node of the OFAuth package becomes the same node of the
 * OnlyFansAPI.com package with its credential; nothing else changes.
 */
function onOnlyFansApi(workflow: WorkflowJson, id: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (!node.type.startsWith(`${PACKAGE_NAME}.`)) continue;
		node.type = onlyFansApiTypeOf(node.type);
		node.credentials = { onlyFansApiMessagingApi: CRED };
	}
	return { ...copy, id, active: false };
}

/** One node per operation, each run once (executeOnce), all with OnlyFansAPI.com: the whole operation list in a real n8n. */
function everyOperationWorkflow(fileUrl: string): WorkflowJson {
	const steps: Array<[string, Record<string, unknown>]> = [
		[
			'Send',
			{
				resource: 'message',
				operation: 'send',
				fan: { __rl: true, mode: 'id', value: '100021' },
				text: 'hello there',
			},
		],
		[
			'Unsend',
			{
				resource: 'message',
				operation: 'unsend',
				fan: { __rl: true, mode: 'id', value: '100021' },
				messageId: "={{ $('Send').item.json.id }}",
			},
		],
		[
			'Get Messages',
			{
				resource: 'message',
				operation: 'getMany',
				fan: { __rl: true, mode: 'id', value: '100021' },
				limit: 3,
			},
		],
		['List Chats', { resource: 'chat', operation: 'getMany', limit: 3 }],
		[
			'Get Chat Media',
			{
				resource: 'chat',
				operation: 'getMedia',
				fan: { __rl: true, mode: 'id', value: '100021' },
				limit: 2,
			},
		],
		['Upload', { resource: 'media', operation: 'upload', source: 'url', url: fileUrl }],
		[
			'Send PPV',
			{
				resource: 'message',
				operation: 'sendPpv',
				fan: { __rl: true, mode: 'id', value: '100022' },
				price: 10,
				text: 'for you',
				options: { mediaList: "={{ $('Upload').item.json.mediaUploadId }}" },
			},
		],
		[
			'Create Mass Message',
			{
				resource: 'massMessage',
				operation: 'create',
				text: 'hi all',
				userIds: '100023, 100024',
				userLists: ['fans'],
			},
		],
		[
			'Get Mass Message',
			{
				resource: 'massMessage',
				operation: 'get',
				massMessageId: "={{ $('Create Mass Message').item.json.id }}",
			},
		],
		[
			'Update Mass Message',
			{
				resource: 'massMessage',
				operation: 'update',
				massMessageId: "={{ $('Create Mass Message').item.json.id }}",
				text: 'hi all, again',
				userIds: '100023',
			},
		],
		[
			'Delete Mass Message',
			{
				resource: 'massMessage',
				operation: 'delete',
				massMessageId: "={{ $('Create Mass Message').item.json.id }}",
			},
		],
		['Sent Statistics', { resource: 'massMessage', operation: 'getSentStats', limit: 2 }],
		['Vault Media', { resource: 'vault', operation: 'getManyMedia', limit: 2 }],
		['Vault Lists', { resource: 'vault', operation: 'getManyLists', limit: 2 }],
	];
	const nodes: WorkflowJson['nodes'] = [
		{
			id: 'e0',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...steps.map(([name, parameters], index) => ({
			id: `e${index + 1}`,
			name,
			type: `${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApi`,
			typeVersion: 1,
			position: [(index + 1) * 200, 0] as [number, number],
			executeOnce: true,
			alwaysOutputData: true, // a read that finds nothing still hands the run on
			parameters,
			credentials: { onlyFansApiMessagingApi: CRED },
		})),
	];
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[node.name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	});
	return {
		id: 'e2eOfapiEveryOp',
		name: 'every operation on OnlyFansAPI.com',
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

const TRIGGER = { id: 'e2eOfapiTrigger', webhookId: '3c9b1f7e-6a2d-4e8f-9b1c-0d2e3f4a5b01' };

function triggerWorkflow(): WorkflowJson {
	return {
		id: TRIGGER.id,
		name: TRIGGER.id,
		nodes: [
			{
				id: 't1',
				name: 'OFAuth Trigger',
				type: `${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApiTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER.webhookId,
				parameters: { events: ['messages.received'] },
				credentials: { onlyFansApiMessagingApi: CRED },
			},
			{
				id: 't2',
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { 'OFAuth Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Polls `probe` every 100 ms until it returns something, for at most 15 s. */
async function until<T>(probe: () => T | undefined): Promise<T> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('timed out waiting for the simulator');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

let sim: OfAuthSimulator;
let n8n: RealN8n;
let server: RunningN8n;
let files: Server;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	n8n = await RealN8n.create('providers');
	await n8n.importCredentials([simulatorOnlyFansApiCredential(sim, CRED.id, CRED.name)]);
	files = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PNG.length) });
		res.end(PNG);
	});
	await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
	const fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/photo.png`;
	const examples = [
		'welcome-fans-from-sheet',
		'chat-history-and-media',
		'list-unread-chats',
		'sort-fans-into-list-and-mass-message',
		'ppv-follow-up-non-buyers',
	].map((name, index) => onOnlyFansApi(readExample(name), `e2eOfapiEx${index}`));
	await n8n.importWorkflows([
		onOnlyFansApi(readExample('ppv-on-either-provider'), 'e2eOfapiExample'),
		...examples,
		everyOperationWorkflow(fileUrl),
		triggerWorkflow(),
	]);
	server = await n8n.start();
	await server.login();
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await sim?.close();
	await new Promise((resolve) => files?.close(resolve));
}, 60_000);

function readExample(name: string): WorkflowJson {
	return JSON.parse(
		readFileSync(path.join(REPO_ROOT, 'examples', `${name}.json`), 'utf8'),
	) as WorkflowJson;
}

test('every operation runs on OnlyFansAPI.com in a real n8n, each node once, every call to the provider', async () => {
	sim.clearRequests();
	const run = await n8n.execute('e2eOfapiEveryOp', { timeoutMs: 120_000 });
	expect(run.errorMessage).toBeUndefined();
	const account = accountIdOf(sim.connectionId);
	const calls = sim.requests.map(
		(request) => `${request.method} ${request.path.replace(account, '{account}')}`,
	);
	expect(calls.every((call) => call.includes(' /api/{account}/'))).toBe(true);
	expect(calls).toEqual(
		expect.arrayContaining([
			'POST /api/{account}/chats/100021/messages',
			expect.stringMatching(/^DELETE \/api\/\{account\}\/chats\/100021\/messages\/\d+$/),
			'GET /api/{account}/chats/100021/messages',
			'GET /api/{account}/chats',
			'GET /api/{account}/chats/100021/media',
			'POST /api/{account}/media/upload',
			'POST /api/{account}/chats/100022/messages',
			'GET /api/{account}/user-lists',
			'POST /api/{account}/mass-messaging',
			expect.stringMatching(/^GET \/api\/\{account\}\/mass-messaging\/\d+$/),
			expect.stringMatching(/^PUT \/api\/\{account\}\/mass-messaging\/\d+$/),
			expect.stringMatching(/^DELETE \/api\/\{account\}\/mass-messaging\/\d+$/),
			'GET /api/{account}/mass-messaging/overview',
			'GET /api/{account}/media/vault',
			'GET /api/{account}/media/vault/lists',
		]),
	);
	const [upload] = sim.onlyFansApiUploads();
	expect(upload).toMatchObject({ size: PNG.length, used: true });
	expect(run.output('Send PPV')[0].json).toMatchObject({ price: 10 });
}, 180_000);

test.each([
	['welcome-fans-from-sheet', 'e2eOfapiEx0'],
	['chat-history-and-media', 'e2eOfapiEx1'],
	['list-unread-chats', 'e2eOfapiEx2'],
	['sort-fans-into-list-and-mass-message', 'e2eOfapiEx3'],
	['ppv-follow-up-non-buyers', 'e2eOfapiEx4'],
])(
	'examples/%s.json switched to OnlyFansAPI.com runs and calls only OnlyFansAPI.com',
	async (_name, id) => {
		sim.clearRequests();
		const run = await n8n.execute(id);
		expect(run.errorMessage).toBeUndefined();
		expect(sim.requests.length).toBeGreaterThan(0);
		expect(sim.requests.every((request) => request.path.startsWith('/api/'))).toBe(true);
	},
	120_000,
);

test('examples/ppv-on-either-provider.json on OnlyFansAPI.com: the same PPVs, in its own words, once each', async () => {
	sim.clearRequests();
	const run = await n8n.execute('e2eOfapiExample');
	expect(run.errorMessage).toBeUndefined();
	const posts = sim.requests.filter((request) => request.method === 'POST');
	const account = accountIdOf(sim.connectionId);
	expect(posts.map((request) => [request.path, request.body])).toEqual([
		[
			`/api/${account}/chats/100011/messages`,
			{
				text: 'Hi Alex, a new set just for you',
				mediaFiles: ['5000001', '5000002'],
				price: 12,
				previews: ['5000001'],
			},
		],
		[
			`/api/${account}/chats/100012/messages`,
			{
				text: 'Hi Jordan, a new set just for you',
				mediaFiles: ['5000003'],
				price: 20,
				previews: ['5000003'],
			},
		],
	]);
	expect(posts.every((request) => request.headers.authorization === `Bearer ${sim.apiKey}`)).toBe(
		true,
	);
	expect([100011, 100012].map((fan) => sim.messagesSentTo(fan))).toEqual([1, 1]);
}, 120_000);

test('the trigger registers itself on publish, runs once per signed event, and removes itself on unpublish', async () => {
	expect(sim.onlyFansApiWebhooks()).toEqual([]);
	const account = accountIdOf(sim.connectionId);
	const event = {
		event: 'messages.received',
		accountId: account,
		payload: { id: 77, text: 'hi from a fan' },
		idempotencyKey: 'evt_e2e_1',
	};
	// The earliest an event can come: while n8n still waits for the answer to the registration, so
	// before n8n has saved the node's static data (the signing secret's copy) to its database.
	let first: Array<{ status: number; body: string }> | undefined;
	sim.faults.holdNextAnswer(
		async () => {
			first = await sim.deliverOnlyFansApiEvent(event);
		},
		(request) => request.method === 'POST' && request.path === '/api/webhooks',
	);
	await server.activate(TRIGGER.id);
	// n8n may finish the activation (the trigger's create call) just after the REST call returns
	const webhook = await until(() => sim.onlyFansApiWebhooks()[0]);
	expect(webhook).toMatchObject({
		url: server.webhookUrl(`${TRIGGER.webhookId}/webhook`),
		events: ['messages.received'],
		account_scope: 'global',
	});
	expect(webhook.signing_secret).toMatch(/^[0-9a-f]{64}$/);

	const delivered = await until(() => first);
	expect(delivered.map((answer) => [answer.status, JSON.parse(answer.body)])).toEqual([
		[200, { received: true }],
	]);
	await server.waitForExecutions(TRIGGER.id, 1);
	const again = await sim.deliverOnlyFansApiEvent(event); // a redelivery: same signed body, same key
	expect(JSON.parse(again[0].body)).toMatchObject({ started: false });
	await new Promise((resolve) => setTimeout(resolve, 1000));
	const executions = await server.waitForExecutions(TRIGGER.id, 1);
	expect(executions).toHaveLength(1);
	const run = await server.getExecution(executions[0].id);
	expect(run.output('OFAuth Trigger').map((item) => item.json)).toEqual([
		{ event: 'messages.received', account_id: account, payload: { id: 77, text: 'hi from a fan' } },
	]);

	const unsigned = await fetch(server.webhookUrl(`${TRIGGER.webhookId}/webhook`), {
		method: 'POST',
		headers: { 'content-type': 'application/json', signature: '0'.repeat(64) },
		body: JSON.stringify({ event: 'messages.received', account_id: account, payload: { id: 78 } }),
	});
	expect(unsigned.status).toBe(401);
	await new Promise((resolve) => setTimeout(resolve, 500));
	expect(await server.waitForExecutions(TRIGGER.id, 1)).toHaveLength(1);

	const deactivated = await server.rest('POST', `/rest/workflows/${TRIGGER.id}/deactivate`, {});
	expect(deactivated.status).toBe(200);
	expect(await until(() => (sim.onlyFansApiWebhooks().length === 0 ? 'removed' : undefined))).toBe(
		'removed',
	);
}, 180_000);
