/**
 * How failed items leave the OFAuth node in a real n8n 2.41.1 (package installed from its tarball,
 * `n8n execute`), for a sheet of rows that mixes good and bad ones:
 * - On Error "Continue (using error output)": bad rows leave by the error output, good rows by the
 *   success output, and each good row is sent exactly once;
 * - "Continue (using regular output)": every row leaves by the one output, bad ones as error items;
 * - default (stop): one invalid row stops the run before anything is sent.
 */
import { FIRST_VAULT_MEDIA_ID, startSimulator, type OfAuthSimulator } from '../simulator';
import {
	PACKAGE_NAME,
	RealN8n,
	sheetStart,
	simulatorCredential,
	type WorkflowJson,
} from './realN8n';

const CRED = { id: 'e2eItemFailCred01', name: 'OFAuth account' };

/** fan, price and what should happen to the row */
const ROWS = [
	{ row: 1, fan: 100101, price: 9.99 }, // sent
	{ row: 2, fan: 100102, price: 500 }, // invalid price
	{ row: 3, fan: '12a', price: 5 }, // invalid fan
	{ row: 4, fan: 999999, price: 5 }, // valid, but OFAuth answers 404 (no such fan)
	{ row: 5, fan: 100103, price: 20 }, // sent
];

type OnError = 'continueErrorOutput' | 'continueRegularOutput' | 'stopWorkflow';

function rowsWorkflow(id: string, onError: OnError): WorkflowJson {
	const sendPpv = {
		id: 'n3',
		name: 'Send PPV',
		type: `${PACKAGE_NAME}.ofAuth`,
		typeVersion: 1,
		position: [440, 0],
		parameters: {
			resource: 'message',
			operation: 'sendPpv',
			connection: { __rl: true, mode: 'list', value: '' },
			fan: { __rl: true, mode: 'id', value: '={{ $json.fan }}' },
			price: '={{ $json.price }}',
			media: { items: [{ item: { __rl: true, mode: 'id', value: String(FIRST_VAULT_MEDIA_ID) } }] },
			text: '=Row {{ $json.row }}',
			options: {},
		},
		credentials: { ofAuthApi: CRED },
		...(onError === 'stopWorkflow' ? {} : { onError }),
	};
	const sent = {
		id: 'n4',
		name: 'Sent',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [660, -100],
		parameters: {},
	};
	const failed = {
		id: 'n5',
		name: 'Failed',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [660, 100],
		parameters: {},
	};
	const start = sheetStart(ROWS);
	return {
		id,
		name: id,
		nodes: [...start.nodes, sendPpv, sent, ...(onError === 'continueErrorOutput' ? [failed] : [])],
		connections: {
			...start.connections,
			Rows: { main: [[{ node: 'Send PPV', type: 'main', index: 0 }]] },
			'Send PPV': {
				main:
					onError === 'continueErrorOutput'
						? [
								[{ node: 'Sent', type: 'main', index: 0 }],
								[{ node: 'Failed', type: 'main', index: 0 }],
							]
						: [[{ node: 'Sent', type: 'main', index: 0 }]],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

let n8n: RealN8n;
let sim: OfAuthSimulator;
const WORKFLOWS: Record<OnError, string> = {
	continueErrorOutput: 'e2eRowsErrorOutput',
	continueRegularOutput: 'e2eRowsRegularOutput',
	stopWorkflow: 'e2eRowsStop',
};

beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	n8n = await RealN8n.create('itemfail');
	await n8n.importCredentials([simulatorCredential(sim, CRED.id, CRED.name)]);
	await n8n.importWorkflows(
		(Object.keys(WORKFLOWS) as OnError[]).map((onError) =>
			rowsWorkflow(WORKFLOWS[onError], onError),
		),
	);
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await sim?.close();
}, 60_000);

beforeEach(() => sim.clearRequests());

const sentFans = () =>
	sim.requests
		.filter((request) => request.method === 'POST')
		.map((request) => request.path.split('/')[4]);
/** the row an item came from: a sent message's text says it ("Row 1"), an error item keeps the row's fields */
const rowsOf = (items: Array<{ json: Record<string, unknown> }>) =>
	items.map((item) => item.json.row ?? Number(/^Row (\d+)$/.exec(String(item.json.text))?.[1]));

test('Continue (using error output): bad rows leave by the error output with the row and the reason, good rows are sent once', async () => {
	const result = await n8n.execute(WORKFLOWS.continueErrorOutput);
	expect(result.errorMessage).toBeUndefined();
	expect(rowsOf(result.output('Send PPV', 0))).toEqual([1, 5]);
	expect(rowsOf(result.output('Send PPV', 1))).toEqual([2, 3, 4]);
	expect(rowsOf(result.output('Sent'))).toEqual([1, 5]);
	expect(rowsOf(result.output('Failed'))).toEqual([2, 3, 4]);

	const [badPrice, badFan, apiRefused] = result.output('Failed').map((item) => item.json);
	expect(badPrice).toMatchObject({
		row: 2,
		fan: 100102,
		error: expect.stringMatching(/^Invalid "Price \(USD\)" on item 1: must be from 3 to 200 USD/),
		details: {
			field: 'Price (USD)',
			itemIndex: 1,
			description: expect.stringMatching(/^Fix "Price \(USD\)" for item 1/),
		},
	});
	expect(badFan).toMatchObject({ row: 3, details: { field: 'Fan', itemIndex: 2 } });
	expect(apiRefused).toMatchObject({
		row: 4,
		error: expect.stringMatching(/^Not found/),
		details: { httpCode: '404', itemIndex: 3 },
	});

	// each good row exactly once; the row OFAuth refused was tried once (a 404 is not retried)
	expect(sentFans()).toEqual(['100101', '999999', '100103']);
	expect([100101, 100102, 100103].map((fan) => sim.messagesSentTo(fan))).toEqual([1, 0, 1]);
}, 120_000);

test('Continue (using regular output): every row leaves by the one output in order, bad rows as error items', async () => {
	const result = await n8n.execute(WORKFLOWS.continueRegularOutput);
	expect(result.errorMessage).toBeUndefined();
	const items = result.output('Send PPV', 0).map((item) => item.json);
	expect(
		items.map((json) =>
			json.error === undefined ? 'sent' : (json.details as { itemIndex: number }).itemIndex,
		),
	).toEqual(['sent', 1, 2, 3, 'sent']);
	expect(result.output('Send PPV', 1)).toEqual([]);
	expect(sentFans()).toEqual(['100101', '999999', '100103']);
}, 120_000);

test('On Error = stop: one bad row stops the run before anything is sent, and the error lists every bad row', async () => {
	const result = await n8n.execute(WORKFLOWS.stopWorkflow);
	expect(result.code).not.toBe(0);
	const error = result.execution?.data.resultData.error;
	expect(error?.message).toMatch(
		/^2 of 5 items are invalid, so nothing was sent: Invalid "Price \(USD\)" on item 1: .*; Invalid "Fan" on item 2: /,
	);
	expect(error?.description).toContain(
		'Checked 5 items before sending; nothing was sent to any fan.',
	);
	expect(sim.requests.filter((request) => request.method === 'POST')).toEqual([]);
}, 120_000);
