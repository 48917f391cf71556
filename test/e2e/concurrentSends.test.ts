/**
 * Concurrent sends in a real n8n 2.41.1 (package from its tarball, `n8n execute`): a sheet of 40 rows
 * where 8 fans get 5 messages each, interleaved, against answers 150 ms late. Sends to different fans
 * overlap; each fan's messages arrive one after the other in the sheet's order; the node's output
 * keeps the input order, paired to its row.
 */
import { startSimulator, type OfAuthSimulator } from '../simulator';
import {
	PACKAGE_NAME,
	RealN8n,
	sheetStart,
	simulatorCredential,
	type WorkflowJson,
} from './realN8n';

const CRED = { id: 'e2eConcurrentCred1', name: 'OFAuth account' };
const WORKFLOW_ID = 'e2eConcurrentSends';
const FANS = 8;
const PER_FAN = 5;
const LATENCY_MS = 150;
const ROWS = Array.from({ length: FANS * PER_FAN }, (_, index) => ({
	row: index + 1,
	fan: 100201 + (index % FANS),
	text: `row ${index + 1}`,
}));

let sim: OfAuthSimulator;
let n8n: RealN8n;

function sheetToSend(): WorkflowJson {
	const start = sheetStart(ROWS);
	return {
		id: WORKFLOW_ID,
		name: WORKFLOW_ID,
		nodes: [
			...start.nodes,
			{
				id: 'send',
				name: 'Send',
				type: `${PACKAGE_NAME}.ofAuth`,
				typeVersion: 1.2,
				position: [440, 0],
				parameters: {
					resource: 'message',
					operation: 'send',
					connection: { __rl: true, mode: 'list', value: '' },
					fan: { __rl: true, mode: 'id', value: '={{ $json.fan }}' },
					text: '={{ $json.text }}',
					simplify: false,
					options: {},
				},
				credentials: { ofAuthApi: CRED },
			},
		],
		connections: {
			...start.connections,
			Rows: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
	};
}

beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	n8n = await RealN8n.create('concurrent');
	await n8n.importCredentials([simulatorCredential(sim, CRED.id, CRED.name)]);
	await n8n.importWorkflows([sheetToSend()]);
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await sim?.close();
}, 60_000);

test('each fan gets its messages in the sheet order, sends to different fans overlap, the output keeps the input order', async () => {
	sim.faults.setLatency(LATENCY_MS);
	const result = await n8n.execute(WORKFLOW_ID);
	sim.faults.clear();
	expect(result.errorMessage).toBeUndefined();

	// what each fan received, in the order the simulator stored it
	for (let fan = 0; fan < FANS; fan++) {
		const fanId = 100201 + fan;
		const chat = sim.state.chats.find((entry) => entry.withUserId === fanId)!;
		const received = chat.messages
			.filter((message) => message.text.startsWith('row '))
			.map((message) => message.text);
		const expected = ROWS.filter((row) => row.fan === fanId).map((row) => row.text);
		expect(received).toEqual(expected);
	}
	// overlap: some send reached the API before the answer to an earlier one could have come back
	const posts = sim.requests.filter((request) => request.method === 'POST');
	expect(posts).toHaveLength(ROWS.length);
	const overlapping = posts.filter(
		(post, index) => index > 0 && post.receivedAt - posts[index - 1].receivedAt < LATENCY_MS / 2,
	);
	expect(overlapping.length).toBeGreaterThan(ROWS.length / 2);
	// the output: one item per row, in the input order, each paired to its row
	const output = result.output('Send');
	expect(output.map((item) => item.json.text)).toEqual(ROWS.map((row) => row.text));
	expect(output.map((item) => item.pairedItem)).toEqual(ROWS.map((_, item) => ({ item })));
});
