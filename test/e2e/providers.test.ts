/**
 * OnlyFansAPI.com in a real n8n 2.41.1 (package installed from its tarball), against the simulator's
 * OnlyFansAPI.com mode:
 * - examples/ppv-on-either-provider.json switched to OnlyFansAPI.com by its Authentication field and
 *   credential alone sends the same PPVs, in OnlyFansAPI.com's words;
 * - the OFAuth Trigger with OnlyFansAPI.com registers its webhook when the workflow is published, a
 *   signed delivery starts one run, a redelivery starts nothing, unpublishing removes the webhook.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { startSimulator, type OfAuthSimulator } from '../simulator';
import { accountIdOf } from '../simulator/onlyFansApi';
import {
	PACKAGE_NAME,
	REPO_ROOT,
	RealN8n,
	type CredentialImport,
	type RunningN8n,
	type WorkflowJson,
} from './realN8n';

const CRED = { id: 'e2eOnlyFansApi01', name: 'OnlyFansAPI.com account' };

function onlyFansApiCredential(sim: OfAuthSimulator): CredentialImport {
	return {
		...CRED,
		type: 'onlyFansApi',
		data: {
			apiKey: sim.apiKey,
			baseUrl: 'custom',
			customBaseUrl: `${sim.baseUrl}/api`,
			defaultConnectionId: accountIdOf(sim.connectionId),
		},
	};
}

/** The example with every node of this package set to OnlyFansAPI.com and its credential: nothing else changes. */
function onOnlyFansApi(workflow: WorkflowJson, id: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (!node.type.startsWith(`${PACKAGE_NAME}.`)) continue;
		node.parameters.authentication = 'onlyFansApi';
		node.credentials = { onlyFansApi: CRED };
	}
	return { ...copy, id, active: false };
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
				type: `${PACKAGE_NAME}.ofAuthTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER.webhookId,
				parameters: { authentication: 'onlyFansApi', onlyFansApiEvents: ['messages.received'] },
				credentials: { onlyFansApi: CRED },
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

beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	n8n = await RealN8n.create('providers');
	await n8n.importCredentials([onlyFansApiCredential(sim)]);
	const example = JSON.parse(
		readFileSync(path.join(REPO_ROOT, 'examples', 'ppv-on-either-provider.json'), 'utf8'),
	) as WorkflowJson;
	await n8n.importWorkflows([onOnlyFansApi(example, 'e2eOfapiExample'), triggerWorkflow()]);
	server = await n8n.start();
	await server.login();
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await sim?.close();
}, 60_000);

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
	await server.activate(TRIGGER.id);
	// n8n may finish the activation (the trigger's create call) just after the REST call returns
	const webhook = await until(() => sim.onlyFansApiWebhooks()[0]);
	expect(webhook).toMatchObject({
		url: server.webhookUrl(`${TRIGGER.webhookId}/webhook`),
		events: ['messages.received'],
		account_scope: 'global',
	});
	expect(webhook.signing_secret).toMatch(/^[0-9a-f]{64}$/);

	const account = accountIdOf(sim.connectionId);
	const event = {
		event: 'messages.received',
		accountId: account,
		payload: { id: 77, text: 'hi from a fan' },
		idempotencyKey: 'evt_e2e_1',
	};
	const first = await sim.deliverOnlyFansApiEvent(event);
	expect(first.map((answer) => [answer.status, JSON.parse(answer.body)])).toEqual([
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

	const deactivated = await server.rest('POST', `/rest/workflows/${TRIGGER.id}/deactivate`, {});
	expect(deactivated.status).toBe(200);
	expect(await until(() => (sim.onlyFansApiWebhooks().length === 0 ? 'removed' : undefined))).toBe(
		'removed',
	);
}, 180_000);
