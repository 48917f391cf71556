/**
 * Issue 22's edges in a real n8n 2.41.1 (package from its tarball, `n8n execute`), each with On Error
 * "Continue (using error output)", where n8n itself decides which output an item leaves by:
 * - List Chats answered 200 with an HTML maintenance page: the item leaves by the error output with
 *   the reason, and the success output is empty (not an empty inbox);
 * - a 429 asking to wait an hour: every row leaves by the error output at once, one request made;
 * - an operation OnlyFansAPI.com does not offer: every item leaves by the error output.
 */
import { startSimulator, type OfAuthSimulator } from '../simulator';
import {
	ONLYFANSAPI_PACKAGE_NAME,
	PACKAGE_NAME,
	RealN8n,
	sheetStart,
	simulatorCredential,
	simulatorOnlyFansApiCredential,
	type WorkflowJson,
} from './realN8n';

const OFAUTH_CRED = { id: 'e2eEdgesOfAuth01', name: 'OFAuth account' };
const ONLYFANSAPI_CRED = { id: 'e2eEdgesOfApi001', name: 'OnlyFansAPI.com account' };

/** Start → Rows (a Code node) → the OFAuth node, its two outputs to "Succeeded" and "Failed". */
function workflow(
	id: string,
	rows: Array<Record<string, unknown>>,
	parameters: Record<string, unknown>,
	credentials: Record<string, { id: string; name: string }>,
): WorkflowJson {
	const noOp = (name: string, y: number) => ({
		id: name,
		name,
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [660, y],
		parameters: {},
	});
	const start = sheetStart(rows);
	return {
		id,
		name: id,
		nodes: [
			...start.nodes,
			{
				id: 'n3',
				name: 'OFAuth',
				type: credentials.onlyFansApiMessagingApi
					? `${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApi`
					: `${PACKAGE_NAME}.ofAuth`,
				typeVersion: 1,
				position: [440, 0],
				parameters,
				credentials,
				onError: 'continueErrorOutput',
			},
			noOp('Succeeded', -100),
			noOp('Failed', 100),
		],
		connections: {
			...start.connections,
			Rows: { main: [[{ node: 'OFAuth', type: 'main', index: 0 }]] },
			OFAuth: {
				main: [
					[{ node: 'Succeeded', type: 'main', index: 0 }],
					[{ node: 'Failed', type: 'main', index: 0 }],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

const connection = { __rl: true, mode: 'list', value: '' };
const WORKFLOWS = {
	listChats: workflow(
		'e2eEdgesListChats',
		[{ row: 1 }],
		{ resource: 'chat', operation: 'getMany', connection, limit: 5, options: {} },
		{ ofAuthApi: OFAUTH_CRED },
	),
	longWait: workflow(
		'e2eEdgesLongWait',
		[
			{ row: 1, fan: 100111 },
			{ row: 2, fan: 100112 },
			{ row: 3, fan: 100113 },
		],
		{
			resource: 'message',
			operation: 'send',
			connection,
			fan: { __rl: true, mode: 'id', value: '={{ $json.fan }}' },
			text: '=Row {{ $json.row }}',
			options: {},
		},
		{ ofAuthApi: OFAUTH_CRED },
	),
	unavailable: workflow(
		'e2eEdgesUnavailable',
		[{ row: 1 }, { row: 2 }],
		{
			resource: 'fan',
			operation: 'giveDiscount',
			connection,
			fan: { __rl: true, mode: 'id', value: '100001' },
			discountPercent: 10,
			discountMonths: 1,
		},
		{ onlyFansApiMessagingApi: ONLYFANSAPI_CRED },
	),
};

let n8n: RealN8n;
let sim: OfAuthSimulator;

beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	n8n = await RealN8n.create('edges');
	await n8n.importCredentials([
		simulatorCredential(sim, OFAUTH_CRED.id, OFAUTH_CRED.name),
		simulatorOnlyFansApiCredential(sim, ONLYFANSAPI_CRED.id, ONLYFANSAPI_CRED.name),
	]);
	await n8n.importWorkflows(Object.values(WORKFLOWS));
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await sim?.close();
}, 60_000);

beforeEach(() => {
	sim.clearRequests();
	sim.faults.clear();
});

test('List Chats answered 200 with an HTML maintenance page: the item leaves by the error output, nothing by the success output', async () => {
	sim.faults.failNext(1, 200, {
		body: '<!DOCTYPE html><html><head><title>We will be right back</title></head><body>Maintenance</body></html>',
		headers: { 'content-type': 'text/html' },
		match: (request) => request.method === 'GET',
	});
	const result = await n8n.execute(WORKFLOWS.listChats.id!);
	expect(result.errorMessage).toBeUndefined();
	expect(result.output('OFAuth', 0)).toEqual([]);
	const failed = result.output('Failed').map((item) => item.json);
	console.log(`[edges] List chats, HTML page: ${JSON.stringify(failed)}`);
	expect(failed).toMatchObject([
		{
			row: 1,
			error:
				'List chats: OFAuth answered HTTP 200 (text/html) with an HTML page ("We will be right back"): "<!DOCTYPE html><html><head><title>We will be right back</title></head><body>Main…"',
			details: { httpCode: '200', itemIndex: 0 },
		},
	]);
}, 120_000);

test('a 429 asking to wait an hour: every row leaves by the error output at once, with one request made', async () => {
	sim.faults.failNext(1, 429, {
		headers: { 'Retry-After': '3600' },
		match: (request) => request.method === 'POST',
	});
	const started = Date.now();
	const result = await n8n.execute(WORKFLOWS.longWait.id!);
	const seconds = (Date.now() - started) / 1000;
	expect(result.errorMessage).toBeUndefined();
	expect(result.output('OFAuth', 0)).toEqual([]);
	const failed = result.output('Failed').map((item) => item.json);
	console.log(`[edges] long wait (${seconds.toFixed(1)} s): ${JSON.stringify(failed)}`);
	expect(failed.map((json) => json.row)).toEqual([1, 2, 3]);
	for (const json of failed)
		expect(json.error).toMatch(
			/^OFAuth asked to wait (1 h|59 min) \(until \d\d:\d\d UTC\); nothing was sent for this item$/,
		);
	expect(sim.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	expect([100111, 100112, 100113].map((fan) => sim.messagesSentTo(fan))).toEqual([0, 0, 0]);
	expect(seconds).toBeLessThan(60); // not five retries a minute apart
}, 180_000);

test('an operation OnlyFansAPI.com does not offer: every item leaves by the error output with the reason', async () => {
	const result = await n8n.execute(WORKFLOWS.unavailable.id!);
	expect(result.errorMessage).toBeUndefined();
	expect(result.output('OFAuth', 0)).toEqual([]);
	const failed = result.output('Failed').map((item) => item.json);
	console.log(`[edges] unavailable operation: ${JSON.stringify(failed)}`);
	expect(failed).toMatchObject([
		{ row: 1, error: 'Give a fan a discount is not available with OnlyFansAPI.com' },
		{ row: 2, error: 'Give a fan a discount is not available with OnlyFansAPI.com' },
	]);
	expect(sim.requests.filter((request) => request.path.startsWith('/api/'))).toEqual([]);
}, 120_000);
