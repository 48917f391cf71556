/**
 * The packed package inside a real n8n 2.41.1 (Node 24), installed from its tarball into
 * ~/.n8n/nodes as a user installs it: n8n loads every node and the credential, n8n's own
 * credential test and resource-locator search work against the simulator, and zod (which the
 * package does not ship) resolves to n8n's copy and validates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { FIRST_FAN_ID, startSimulator, type OfAuthSimulator } from '../simulator';
import {
	BUILT_PACKAGES,
	ONLYFANSAPI_PACKAGE_NAME,
	PACKAGE_NAME,
	RealN8n,
	simulatorCredential,
	type RunningN8n,
	type WorkflowJson,
} from './realN8n';

const CRED = { id: 'e2ePkgCred01', name: 'OFAuth account' };
const BAD_KEY_CRED = { id: 'e2ePkgCredBadKey', name: 'OFAuth wrong key' };
const OFAUTH = `${PACKAGE_NAME}.ofAuth`;

/** node type names as n8n will register them: `<package>.<description.name>` of each file a package's package.json lists */
async function packageNodeTypes(key: 'ofauth' | 'onlyfansapi'): Promise<string[]> {
	const tree = path.join(BUILT_PACKAGES, key);
	const pkg = JSON.parse(readFileSync(path.join(tree, 'package.json'), 'utf8'));
	const names: string[] = [];
	for (const file of pkg.n8n.nodes as string[]) {
		const mod = (await import(path.join(tree, file))) as Record<
			string,
			new () => { description: { name: string } }
		>;
		const NodeClass = Object.values(mod).find((v) => typeof v === 'function');
		if (!NodeClass) throw new Error(`${file} exports no node class`);
		names.push(`${pkg.name as string}.${new NodeClass().description.name}`);
	}
	return names;
}

const manualTrigger = {
	id: 'n1',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function ofauthNode(parameters: Record<string, unknown>, position = [440, 0]) {
	return {
		id: 'n9',
		name: 'OFAuth',
		type: OFAUTH,
		typeVersion: 1,
		position,
		parameters,
		credentials: { ofAuthApi: CRED },
	};
}

/** Start -> OFAuth */
function manualWorkflow(id: string, ofauthParameters: Record<string, unknown>): WorkflowJson {
	return {
		id,
		name: id,
		nodes: [manualTrigger, ofauthNode(ofauthParameters)],
		connections: { Start: { main: [[{ node: 'OFAuth', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Start -> Edit Fields (one item with `rows`) -> Split Out (one item per row) -> OFAuth */
function rowsWorkflow(
	id: string,
	rows: Array<Record<string, unknown>>,
	ofauthParameters: Record<string, unknown>,
): WorkflowJson {
	return {
		id,
		name: id,
		nodes: [
			manualTrigger,
			{
				id: 'n2',
				name: 'Rows',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [150, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} },
			},
			{
				id: 'n3',
				name: 'One item per row',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [300, 0],
				parameters: { fieldToSplitOut: 'rows', options: {} },
			},
			ofauthNode(ofauthParameters),
		],
		connections: {
			Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: 'One item per row', type: 'main', index: 0 }]] },
			'One item per row': { main: [[{ node: 'OFAuth', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const sendTo = (fan: string, text: string) => ({
	resource: 'message',
	operation: 'send',
	fan: { __rl: true, mode: 'id', value: fan },
	text,
});

let sim: OfAuthSimulator;
let n8n: RealN8n;

beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	n8n = await RealN8n.create('package');
	await n8n.importCredentials([
		simulatorCredential(sim, CRED.id, CRED.name),
		{
			...simulatorCredential(sim, BAD_KEY_CRED.id, BAD_KEY_CRED.name),
			data: { ...simulatorCredential(sim).data, apiKey: 'sk_test_wrong_key' },
		},
	]);
	await n8n.importWorkflows([
		// item 0 is valid, item 1 is not: every item is checked before the first send, so the run
		// stops with nothing sent
		rowsWorkflow(
			'e2ePkgBadFan',
			[
				{ fan: String(FIRST_FAN_ID), text: 'Row one' },
				{ fan: 'not-a-fan-id', text: 'Row two' },
			],
			sendTo('={{ $json.fan }}', '={{ $json.text }}'),
		),
		manualWorkflow('e2ePkgSend', sendTo(String(FIRST_FAN_ID), 'Hello from a real n8n')),
	]);
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await sim?.close();
}, 60_000);

beforeEach(() => sim.reset());

test('n8n loads every node of both tarballs side by side, each with its one credential', async () => {
	const types = await n8n.exportNodeTypes();
	const packages = [
		{ key: 'ofauth', name: PACKAGE_NAME, action: 'ofAuth', credential: 'ofAuthApi' },
		{
			key: 'onlyfansapi',
			name: ONLYFANSAPI_PACKAGE_NAME,
			action: 'onlyFansApi',
			credential: 'onlyFansApiMessagingApi',
		},
	] as const;
	for (const pkg of packages) {
		const ours = types.filter((t) => t.name.startsWith(`${pkg.name}.`));
		const expected = await packageNodeTypes(pkg.key);
		// usableAsTool adds the AI-agent tool variant of the action node
		expect(ours.map((t) => t.name).sort()).toEqual(
			[...expected, `${pkg.name}.${pkg.action}Tool`].sort(),
		);
		for (const type of ours) expect(type.credentials?.map((c) => c.name)).toEqual([pkg.credential]);
	}
	expect(await packageNodeTypes('ofauth')).toEqual([
		OFAUTH,
		`${PACKAGE_NAME}.ofAuthTrigger`,
		`${PACKAGE_NAME}.ofAuthPollTrigger`,
	]);
	expect(await packageNodeTypes('onlyfansapi')).toEqual([
		`${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApi`,
		`${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApiTrigger`,
		`${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApiPollTrigger`,
	]);
}, 120_000);

test("zod resolves inside n8n: an invalid item fails with the node's own message and is never sent", async () => {
	const run = await n8n.execute('e2ePkgBadFan');
	// exit code 1 (RealN8n.execute gives a CLI ended by a signal after printing the run its real code)
	expect(run.code).not.toBe(0);
	expect(run.errorMessage).toMatch(/^Invalid "Fan" on item 1: /);
	expect(run.execution?.data.resultData.error?.name).toBe('NodeOperationError');
	expect(run.execution?.data.resultData.lastNodeExecuted).toBe('OFAuth');
	// every row is checked before the first send: the valid row 0 is not sent either
	expect(run.errorMessage).toMatch(/\(checked 2 items: nothing was sent\)$/);
	expect(sim.requests).toEqual([]);
}, 120_000);

test('the same node with valid input sends the message through the credential', async () => {
	const run = await n8n.execute('e2ePkgSend');
	expect({ code: run.code, error: run.errorMessage }).toEqual({ code: 0, error: undefined });
	expect(sim.requests.map((r) => ({ method: r.method, path: r.path }))).toEqual([
		{ method: 'POST', path: `/v2/access/chats/${FIRST_FAN_ID}/messages` },
	]);
	expect(sim.requests[0].body).toMatchObject({ text: 'Hello from a real n8n' });
	expect(sim.requests[0].headers).toMatchObject({
		apikey: sim.apiKey,
		'x-connection-id': sim.connectionId,
	});
	const [item] = run.output('OFAuth');
	expect(item.json).toMatchObject({ text: 'Hello from a real n8n' });
	expect(typeof item.json.id).toBe('number');
	expect(item.pairedItem).toEqual({ item: 0 });
	expect(sim.messagesSentTo(FIRST_FAN_ID)).toBe(1);
	// the API key never shows up in what n8n printed
	expect(`${run.stdout}${run.stderr}`).not.toContain(sim.apiKey);
}, 120_000);

describe('in the editor backend (n8n start)', () => {
	let server: RunningN8n;

	beforeAll(async () => {
		server = await n8n.start();
		await server.login();
	}, 180_000);

	/** what the editor does on "Test": load the credential (secrets redacted) and post it to /rest/credentials/test */
	async function testCredential(id: string): Promise<{ status: string; message: string }> {
		const stored = await server.rest<{
			data: { id: string; name: string; type: string; data: Record<string, unknown> };
		}>('GET', `/rest/credentials/${id}?includeData=true`);
		expect(stored.status).toBe(200);
		const { name, type, data } = stored.body.data;
		const res = await server.rest<{ data: { status: string; message: string } }>(
			'POST',
			'/rest/credentials/test',
			{
				credentials: { id, name, type, data },
			},
		);
		expect(res.status).toBe(200);
		return res.body.data;
	}

	test('the editor is served the node and credential types', async () => {
		const nodes = await server.rest<Array<{ name: string }>>('GET', '/types/nodes.json');
		expect(nodes.body.map((n) => n.name)).toEqual(
			expect.arrayContaining([
				...(await packageNodeTypes('ofauth')),
				...(await packageNodeTypes('onlyfansapi')),
			]),
		);
		const credentials = await server.rest<Array<{ name: string; displayName: string }>>(
			'GET',
			'/types/credentials.json',
		);
		expect(credentials.body.find((c) => c.name === 'ofAuthApi')?.displayName).toBe('OFAuth API');
	}, 60_000);

	test("n8n's credential test calls GET /v2/account/whoami with the API key and succeeds", async () => {
		expect(await testCredential(CRED.id)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(sim.requests.map((r) => `${r.method} ${r.path} ${String(r.headers.apikey)}`)).toEqual([
			`GET /v2/account/whoami ${sim.apiKey}`,
		]);
	}, 60_000);

	test("n8n's credential test reports a wrong API key", async () => {
		const result = await testCredential(BAD_KEY_CRED.id);
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'OFAuth rejected the API key: copy it again from the OFAuth dashboard (Developers > API keys) into API Key, without spaces. Keys starting with sk_sandbox_ use the sandbox.',
		);
		expect(result.message).not.toContain('sk_test_wrong_key');
		// n8n may try more than once; every attempt is the whoami call, refused
		expect(sim.requests.length).toBeGreaterThan(0);
		expect(new Set(sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`))).toEqual(
			new Set(['GET /v2/account/whoami 401']),
		);
	}, 60_000);

	test("the Connection picker (listSearch) lists the simulator's connections", async () => {
		const res = await server.rest<{ data: { results: Array<{ name: string; value: string }> } }>(
			'POST',
			'/rest/dynamic-node-parameters/resource-locator-results',
			{
				path: 'parameters.connection',
				methodName: 'searchConnections',
				nodeTypeAndVersion: { name: OFAUTH, version: 1 },
				// as the editor sends them: every top-level parameter with its value or default
				currentNodeParameters: {
					resource: 'chat',
					operation: 'getMany',
				},
				credentials: { ofAuthApi: CRED },
			},
		);
		expect(res.status).toBe(200);
		expect(res.body.data.results.map((r) => r.value)).toContain(sim.connectionId);
		expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/account/connections',
		]);
	}, 60_000);
});
