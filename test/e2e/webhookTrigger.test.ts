/**
 * The OFAuth Trigger in a real n8n 2.41.1 (package installed from its tarball), published with
 * `n8n publish:workflow` and served by `n8n start`. The simulator delivers events to the
 * production URL the way OFAuth does; n8n's REST API says how many executions each started.
 *
 * Rejected deliveries are answered before n8n creates any execution, so after each refused
 * request a later valid "sentinel" event and an exact execution count prove nothing else ran.
 */
import { randomBytes } from 'node:crypto';

import {
	ACTIVE_CONNECTION_ID,
	signOfAuthSignature,
	signSvix,
	startSimulator,
	type OfAuthSimulator,
} from '../simulator';
import {
	PACKAGE_NAME,
	RealN8n,
	simulatorCredential,
	type RunningN8n,
	type WorkflowJson,
} from './realN8n';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const CRED = { id: 'e2eWebhookCred01', name: 'OFAuth account' };
const ALL_EVENTS = { id: 'e2eWebhookAll', webhookId: '0e6f3a52-5d7b-4c8e-9a41-7b2d6c1e0f01' };
const EXPIRED_ONLY = { id: 'e2eWebhookExpired', webhookId: '0e6f3a52-5d7b-4c8e-9a41-7b2d6c1e0f02' };

const now = () => Math.floor(Date.now() / 1000);

/** OFAuth Trigger -> No Operation */
function triggerWorkflow(
	spec: { id: string; webhookId: string },
	parameters: Record<string, unknown>,
): WorkflowJson {
	return {
		id: spec.id,
		name: spec.id,
		nodes: [
			{
				id: 'w1',
				name: 'OFAuth Trigger',
				type: `${PACKAGE_NAME}.ofAuthTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: spec.webhookId,
				parameters,
				credentials: { ofAuthApi: CRED },
			},
			{
				id: 'w2',
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

function chatMessage(text: string) {
	return {
		type: 'realtime.chat_message.received',
		timestamp: new Date().toISOString(),
		data: {
			connection: { id: ACTIVE_CONNECTION_ID, clientReferenceId: 'client_ref_1' },
			environment: 'live',
			eventBody: {
				id: Date.now(),
				text,
				fromUser: { id: 100004 },
				isTip: false,
				price: 0,
				media: [],
			},
		},
	};
}

const connectionExpired = () => ({
	type: 'connection.expired',
	timestamp: new Date().toISOString(),
	data: {
		clientReferenceId: 'user_456',
		connection: { id: ACTIVE_CONNECTION_ID, status: 'expired' },
	},
});

let sim: OfAuthSimulator;
let n8n: RealN8n;
let server: RunningN8n;

beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	n8n = await RealN8n.create('webhook');
	const credential = simulatorCredential(sim, CRED.id, CRED.name);
	await n8n.importCredentials([
		{ ...credential, data: { ...credential.data, webhookSigningSecret: SECRET } },
	]);
	await n8n.importWorkflows([
		triggerWorkflow(ALL_EVENTS, {}),
		triggerWorkflow(EXPIRED_ONLY, { events: ['connection.expired'] }),
	]);
	await n8n.publish(ALL_EVENTS.id);
	await n8n.publish(EXPIRED_ONLY.id);
	server = await n8n.start();
	await server.login();
	// n8n may finish registering published webhooks just after the editor is up: until then 404.
	// The probe is unsigned, so the trigger refuses it (401) and nothing runs.
	for (const spec of [ALL_EVENTS, EXPIRED_ONLY]) {
		for (let attempt = 0; ; attempt++) {
			const probe = await post(url(spec), '{}', { 'content-type': 'application/json' });
			if (probe.status !== 404) break;
			if (attempt >= 60)
				throw new Error(`webhook of ${spec.id} not registered: ${probe.status} ${probe.body}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await sim?.close();
}, 60_000);

const url = (spec: { webhookId: string }) => server.webhookUrl(`${spec.webhookId}/webhook`);

async function executionCount(workflowId: string): Promise<number> {
	return (await server.waitForExecutions(workflowId, 0)).length;
}

async function post(target: string, body: string, headers: Record<string, string>) {
	const res = await fetch(target, { method: 'POST', headers, body });
	return { status: res.status, body: await res.text() };
}

test('a valid event in each signature scheme starts exactly one execution that outputs the event', async () => {
	const viaOfAuth = chatMessage('signed with OFAuth-Signature');
	const first = await sim.deliverWebhook(url(ALL_EVENTS), viaOfAuth, {
		scheme: 'ofauth',
		secret: SECRET,
	});
	expect(first.status).toBe(200);
	const afterFirst = await server.waitForExecutions(ALL_EVENTS.id, 1);
	expect(afterFirst).toHaveLength(1);

	const viaSvix = chatMessage('signed Svix-style');
	const second = await sim.deliverWebhook(url(ALL_EVENTS), viaSvix, {
		scheme: 'svix',
		secret: SECRET,
		id: 'msg_e2e_svix_1',
	});
	expect(second.status).toBe(200);
	const afterSecond = await server.waitForExecutions(ALL_EVENTS.id, 2);
	expect(afterSecond).toHaveLength(2);
	expect(afterSecond.every((execution) => execution.status === 'success')).toBe(true);

	const [older, newer] = afterSecond.sort((a, b) => Number(a.id) - Number(b.id));
	expect(
		(await server.getExecution(older.id)).output('OFAuth Trigger').map((item) => item.json),
	).toEqual([viaOfAuth]);
	expect((await server.getExecution(newer.id)).output('Done').map((item) => item.json)).toEqual([
		viaSvix,
	]);
}, 120_000);

test('bad signature, missing headers, stale timestamp, tampered body, replayed id and non-JSON bodies start nothing', async () => {
	const before = await executionCount(ALL_EVENTS.id);
	const event = chatMessage('should never run');
	const raw = JSON.stringify(event);
	const wrongSecret = `whsec_${randomBytes(24).toString('base64')}`;

	const badSignature = await sim.deliverWebhook(url(ALL_EVENTS), event, {
		scheme: 'ofauth',
		secret: wrongSecret,
	});
	const badSvixSignature = await sim.deliverWebhook(url(ALL_EVENTS), event, {
		scheme: 'svix',
		secret: wrongSecret,
	});
	const missingHeaders = await post(url(ALL_EVENTS), raw, { 'content-type': 'application/json' });
	const stale = await sim.deliverWebhook(url(ALL_EVENTS), event, {
		scheme: 'svix',
		secret: SECRET,
		timestamp: now() - 600,
	});
	const tampered = await sim.deliverWebhook(url(ALL_EVENTS), event, {
		scheme: 'ofauth',
		secret: SECRET,
		tamper: true,
	});
	// the Svix delivery of the first test again, freshly signed: a redelivery
	const replayed = await sim.deliverWebhook(url(ALL_EVENTS), chatMessage('signed Svix-style'), {
		scheme: 'svix',
		secret: SECRET,
		id: 'msg_e2e_svix_1',
	});
	const text = 'not json at all';
	const nonJson = await post(url(ALL_EVENTS), text, {
		'content-type': 'text/plain',
		'OFAuth-Signature': signOfAuthSignature(SECRET, now(), text),
	});
	const brokenJson = '{"type":"rules.updated",';
	const malformedJson = await post(url(ALL_EVENTS), brokenJson, {
		'content-type': 'application/json',
		'OFAuth-Signature': signOfAuthSignature(SECRET, now(), brokenJson),
	});

	expect({
		badSignature: badSignature.status,
		badSvixSignature: badSvixSignature.status,
		missingHeaders: missingHeaders.status,
		stale: stale.status,
		tampered: tampered.status,
		replayed: replayed.status,
		nonJson: nonJson.status,
		malformedJson: malformedJson.status,
	}).toEqual({
		badSignature: 401,
		badSvixSignature: 401,
		missingHeaders: 401,
		stale: 401,
		tampered: 401,
		// a redelivery is acknowledged so OFAuth stops retrying, but runs nothing
		replayed: 200,
		// signed, but not an event: the node answers 400
		nonJson: 400,
		// n8n's own JSON parser refuses malformed JSON with 422 before any node runs
		malformedJson: 422,
	});
	expect(JSON.parse(replayed.body)).toEqual({
		received: true,
		started: false,
		reason: 'event already received (redelivery)',
	});
	expect(JSON.parse(stale.body)).toEqual({
		error: 'The signature timestamp is outside the 5-minute window',
	});

	// a valid sentinel afterwards: exactly one more execution in total
	const sentinel = chatMessage('sentinel');
	expect(
		(await sim.deliverWebhook(url(ALL_EVENTS), sentinel, { scheme: 'ofauth', secret: SECRET }))
			.status,
	).toBe(200);
	const after = await server.waitForExecutions(ALL_EVENTS.id, before + 1);
	expect(after).toHaveLength(before + 1);
	const newest = after.sort((a, b) => Number(b.id) - Number(a.id))[0];
	expect(
		(await server.getExecution(newest.id)).output('OFAuth Trigger').map((item) => item.json),
	).toEqual([sentinel]);
}, 120_000);

test('a captured delivery re-sent with made-up id headers starts nothing in either scheme; a started delivery is answered {"received":true}', async () => {
	const before = await executionCount(ALL_EVENTS.id);
	// OFAuth-Signature signs only t and the body: the id headers around it are the attacker's to choose
	const ofauthRaw = JSON.stringify(chatMessage('captured OFAuth-Signature delivery'));
	const ofauthSigned = {
		'content-type': 'application/json',
		'OFAuth-Signature': signOfAuthSignature(SECRET, now(), ofauthRaw),
	};
	const ofauthFirst = await post(url(ALL_EVENTS), ofauthRaw, {
		...ofauthSigned,
		'OFAuth-Event-Id': 'evt_e2e_original',
	});
	expect(ofauthFirst.status).toBe(200);
	expect(JSON.parse(ofauthFirst.body)).toEqual({ received: true });
	await server.waitForExecutions(ALL_EVENTS.id, before + 1);
	const ofauthForged = [];
	const forgedHeaders: Array<Record<string, string>> = [
		{ 'OFAuth-Event-Id': 'evt_e2e_forged_1' },
		{ 'webhook-id': 'evt_e2e_forged_2' },
		{ 'OFAuth-Event-Id': 'evt_e2e_forged_3', 'webhook-id': 'x' },
	];
	for (const extra of forgedHeaders) {
		ofauthForged.push(await post(url(ALL_EVENTS), ofauthRaw, { ...ofauthSigned, ...extra }));
	}

	// Svix signs its id: another svix-id breaks the signature, extra id headers change nothing
	const svixRaw = JSON.stringify(chatMessage('captured Svix delivery'));
	const timestamp = now();
	const svixSigned = {
		'content-type': 'application/json',
		'svix-id': 'msg_e2e_captured',
		'svix-timestamp': String(timestamp),
		'svix-signature': signSvix(SECRET, 'msg_e2e_captured', timestamp, svixRaw),
	};
	const svixFirst = await post(url(ALL_EVENTS), svixRaw, svixSigned);
	expect(JSON.parse(svixFirst.body)).toEqual({ received: true });
	await server.waitForExecutions(ALL_EVENTS.id, before + 2);
	const svixOtherId = await post(url(ALL_EVENTS), svixRaw, {
		...svixSigned,
		'svix-id': 'msg_e2e_forged',
	});
	const svixExtraHeaders = await post(url(ALL_EVENTS), svixRaw, {
		...svixSigned,
		'webhook-id': 'msg_e2e_forged_2',
		'OFAuth-Event-Id': 'evt_e2e_forged_4',
	});

	expect(
		ofauthForged.map((response) => [response.status, JSON.parse(response.body).started]),
	).toEqual([
		[200, false],
		[200, false],
		[200, false],
	]);
	expect([svixOtherId.status, svixExtraHeaders.status]).toEqual([401, 200]);
	expect(JSON.parse(svixExtraHeaders.body)).toMatchObject({ started: false });

	// a valid sentinel afterwards: the two originals and the sentinel are the only new executions
	expect(
		(
			await sim.deliverWebhook(url(ALL_EVENTS), chatMessage('sentinel after forged ids'), {
				scheme: 'svix',
				secret: SECRET,
			})
		).status,
	).toBe(200);
	const after = await server.waitForExecutions(ALL_EVENTS.id, before + 3);
	await new Promise((resolve) => setTimeout(resolve, 1000)); // anything a forged delivery started would show by now
	expect(await executionCount(ALL_EVENTS.id)).toBe(before + 3);
	expect(after.length).toBe(before + 3);
}, 120_000);

test('an event type that is not selected is answered 200 and starts nothing; a selected one starts a run', async () => {
	const ignored = await sim.deliverWebhook(url(EXPIRED_ONLY), chatMessage('not selected'), {
		scheme: 'svix',
		secret: SECRET,
	});
	expect(ignored.status).toBe(200);
	expect(JSON.parse(ignored.body)).toMatchObject({ started: false });
	const expired = connectionExpired();
	expect(
		(await sim.deliverWebhook(url(EXPIRED_ONLY), expired, { scheme: 'svix', secret: SECRET }))
			.status,
	).toBe(200);
	const executions = await server.waitForExecutions(EXPIRED_ONLY.id, 1);
	expect(executions).toHaveLength(1);
	expect(
		(await server.getExecution(executions[0].id)).output('OFAuth Trigger').map((item) => item.json),
	).toEqual([expired]);
}, 120_000);
