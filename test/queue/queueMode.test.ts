/**
 * The package in n8n's queue mode (npm run test:queue): a main process, two workers and two
 * webhook processors of the cached real n8n 2.41.1, with Redis, Postgres and `database` binary
 * data, all on loopback (see queueCluster.ts). Sends and uploads run on workers; signed webhook
 * deliveries reach either webhook processor (with OnlyFansAPI.com, from the moment the main process
 * registers the webhook); the poll trigger runs in the main process.
 *
 * Figures (executions per event, worker memory during an upload) are printed, never asserted
 * as timings.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
	ACTIVE_CONNECTION_ID,
	FIRST_FAN_ID,
	signOfAuthSignature,
	signOnlyFansApi,
	signSvix,
	startSimulator,
	type OfAuthSimulator,
} from '../simulator';
import { accountIdOf } from '../simulator/onlyFansApi';
import {
	ONLYFANSAPI_PACKAGE_NAME,
	PACKAGE_NAME,
	simulatorCredential,
	simulatorOnlyFansApiCredential,
	type WorkflowJson,
} from '../e2e/realN8n';
import { processMemory, QueueCluster } from './queueCluster';

jest.setTimeout(600_000);

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const CRED = { id: 'queueOfAuthCred01', name: 'OFAuth account' };
const OFAUTH = `${PACKAGE_NAME}.ofAuth`;

const SENDS = { id: 'queueSends', path: 'queue-sends' };
const GUARDED = { id: 'queueGuardedSend', path: 'queue-guarded-send' };
const UPLOAD = { id: 'queueUpload', path: 'queue-upload' };
const WRITE_FILE = { id: 'queueWriteFile', path: 'queue-write-file' };
const TRIGGER = { id: 'queueTrigger', webhookId: '6d0c1f4e-2b8a-4f3e-9c71-3a5e8d2b4f01' };
const POLL = { id: 'queuePoll' };
const OFAPI_CRED = { id: 'queueOfapiCred01', name: 'OnlyFansAPI.com account' };
/** Published by the test (not at start), so that its registration happens while webhook processors run. */
const OFAPI_TRIGGER = {
	id: 'queueOfapiTrigger',
	webhookId: '0b7e52c4-93d1-4a6f-8e25-c4f1a9d3e6b2',
};

const node = (
	name: string,
	type: string,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
) => ({
	id: name,
	name,
	type,
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters,
	...extra,
});

const chain = (...names: string[]) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);

const withOfAuth = { credentials: { ofAuthApi: CRED } };

/** A production webhook (POST) on a webhook processor. */
const webhookNode = (webhookPath: string) =>
	node(
		'Webhook',
		'n8n-nodes-base.webhook',
		{ httpMethod: 'POST', path: webhookPath, options: { binaryPropertyName: 'data' } },
		{ typeVersion: 2, webhookId: `${webhookPath}-0000-4000-8000-000000000000`.slice(0, 36) },
	);

function workflows(fileFolder: string): WorkflowJson[] {
	const send = (fan: string, text: string) =>
		node(
			'Send',
			OFAUTH,
			{
				resource: 'message',
				operation: 'send',
				fan: { __rl: true, mode: 'id', value: fan },
				text,
				options: {},
			},
			{ ...withOfAuth, typeVersion: 1.1 },
		);
	return [
		{
			// Webhook {fans: [...]} -> one item per fan -> Send
			id: SENDS.id,
			name: SENDS.id,
			nodes: [
				webhookNode(SENDS.path),
				node('Split', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'body.fans', options: {} }),
				send('={{ $json["body.fans"] }}', '=Queue hello {{ $json["body.fans"] }}'),
			],
			connections: chain('Webhook', 'Split', 'Send'),
			settings: { executionOrder: 'v1' },
		},
		{
			// Webhook {fan, text} -> Send with Duplicate Protection (60 minutes)
			id: GUARDED.id,
			name: GUARDED.id,
			nodes: [
				webhookNode(GUARDED.path),
				node(
					'Send',
					OFAUTH,
					{
						resource: 'message',
						operation: 'send',
						fan: { __rl: true, mode: 'id', value: '={{ $json.body.fan }}' },
						text: '={{ $json.body.text }}',
						options: {},
						guards: { duplicateWindowMinutes: 60 },
					},
					{ ...withOfAuth, typeVersion: 1.2 },
				),
			],
			connections: chain('Webhook', 'Send'),
			settings: { executionOrder: 'v1' },
		},
		{
			// Webhook (the file as the body, kept as database binary data) -> Upload Media
			id: UPLOAD.id,
			name: UPLOAD.id,
			nodes: [
				webhookNode(UPLOAD.path),
				node(
					'Upload',
					OFAUTH,
					{ resource: 'media', operation: 'upload', binaryPropertyName: 'data', options: {} },
					{ ...withOfAuth, typeVersion: 1.1 },
				),
			],
			connections: chain('Webhook', 'Upload'),
			settings: { executionOrder: 'v1' },
		},
		{
			// the baseline: n8n itself reading the same database binary data (written to disk)
			id: WRITE_FILE.id,
			name: WRITE_FILE.id,
			nodes: [
				webhookNode(WRITE_FILE.path),
				node('Write', 'n8n-nodes-base.readWriteFile', {
					operation: 'write',
					fileName: path.join(fileFolder, 'written.bin'),
					dataPropertyName: 'data',
					options: {},
				}),
			],
			connections: chain('Webhook', 'Write'),
			settings: { executionOrder: 'v1' },
		},
		{
			// a fan writes -> a welcome message to that fan (a duplicate run would send a second one)
			id: TRIGGER.id,
			name: TRIGGER.id,
			nodes: [
				node(
					'OFAuth Trigger',
					`${PACKAGE_NAME}.ofAuthTrigger`,
					{},
					{
						...withOfAuth,
						webhookId: TRIGGER.webhookId,
					},
				),
				send('={{ $json.data.eventBody.fromUser.id }}', 'Welcome from the queue'),
			],
			connections: chain('OFAuth Trigger', 'Send'),
			settings: { executionOrder: 'v1' },
		},
		{
			// OnlyFansAPI.com: a fan writes -> nothing more (each execution is one event let through)
			id: OFAPI_TRIGGER.id,
			name: OFAPI_TRIGGER.id,
			nodes: [
				node(
					'OFAuth Trigger',
					`${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApiTrigger`,
					{ events: ['messages.received'] },
					{
						credentials: { onlyFansApiMessagingApi: OFAPI_CRED },
						webhookId: OFAPI_TRIGGER.webhookId,
					},
				),
				node('Done', 'n8n-nodes-base.noOp', {}),
			],
			connections: chain('OFAuth Trigger', 'Done'),
			settings: { executionOrder: 'v1' },
		},
		{
			// every minute: new subscribers -> a welcome message each
			id: POLL.id,
			name: POLL.id,
			nodes: [
				node(
					'New subscriber',
					`${PACKAGE_NAME}.ofAuthPollTrigger`,
					{ pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newSubscriber' },
					withOfAuth,
				),
				send('={{ $json.id }}', 'Welcome, new subscriber'),
			],
			connections: chain('New subscriber', 'Send'),
			settings: { executionOrder: 'v1' },
		},
	];
}

async function post(url: string, body: string | Buffer, headers: Record<string, string>) {
	const res = await fetch(url, { method: 'POST', headers, body });
	return { status: res.status, body: await res.text() };
}

async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined> | T | undefined,
	timeoutMs = 60_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

let sim: OfAuthSimulator;
let cluster: QueueCluster;
let fileFolder: string;
const startedAt = Date.now();

/** Waits until `count` executions of the workflow finished, then returns them all (the main process's REST API). */
const executionsAfter = (workflowId: string, count: number, timeoutMs = 120_000) =>
	cluster.main.waitForExecutions(workflowId, count, timeoutMs);

/** The finished executions of a workflow so far. */
const finishedExecutions = (workflowId: string) => executionsAfter(workflowId, 0);

/** The error of a failed execution, for the assertion message. */
async function failureOf(execution: { id: string; status: string }): Promise<string | undefined> {
	if (execution.status === 'success') return undefined;
	return (await cluster.main.getExecution(execution.id)).errorMessage ?? execution.status;
}

const webhookUrl = (processor: number, webhookPath: string) =>
	cluster.webhookProcessors[processor].webhookUrl(webhookPath);

beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	fileFolder = mkdtempSync(path.join(tmpdir(), 'ofauth-queue-files-'));
	// the Write File node of the memory baseline may write there only
	cluster = await QueueCluster.create({ N8N_RESTRICT_FILE_ACCESS_TO: fileFolder });
	const credential = simulatorCredential(sim, CRED.id, CRED.name);
	await cluster.n8n.importCredentials([
		{ ...credential, data: { ...credential.data, webhookSigningSecret: SECRET } },
		simulatorOnlyFansApiCredential(sim, OFAPI_CRED.id, OFAPI_CRED.name),
	]);
	await cluster.n8n.importWorkflows(workflows(fileFolder));
	for (const { id } of [SENDS, GUARDED, UPLOAD, WRITE_FILE, TRIGGER, POLL])
		await cluster.n8n.publish(id);
	await cluster.start({ workers: 2, webhookProcessors: 2 });
	process.stdout.write(
		`[queue] Redis, Postgres, main, 2 workers and 2 webhook processors up in ${Math.round((Date.now() - startedAt) / 1000)} s\n`,
	);
}, 900_000);

afterAll(async () => {
	await cluster?.stop();
	await sim?.close();
	if (fileFolder) rmSync(fileFolder, { recursive: true, force: true });
	process.stdout.write(`[queue] suite took ${Math.round((Date.now() - startedAt) / 1000)} s\n`);
});

test('N sends started on a webhook processor run on a worker, each exactly once', async () => {
	const fans = Array.from({ length: 20 }, (_, i) => FIRST_FAN_ID + i);
	sim.clearRequests();
	const res = await post(webhookUrl(0, SENDS.path), JSON.stringify({ fans }), {
		'content-type': 'application/json',
	});
	expect(res.status).toBe(200);
	const [execution] = await executionsAfter(SENDS.id, 1);
	expect(await failureOf(execution)).toBeUndefined();
	expect(fans.map((fan) => sim.messagesSentTo(fan))).toEqual(fans.map(() => 1));
	// sends to different fans overlap, so they may arrive in any order: each once
	expect(
		sim.requests
			.filter((r) => r.method === 'POST')
			.map((r) => r.path)
			.sort(),
	).toEqual(fans.map((fan) => `/v2/access/chats/${fan}/messages`).sort());
	// the webhook processors and the main process run no production executions: a worker did
	const workerLogs = cluster.workers.map((w) => w.log()).join('\n');
	expect(workerLogs).toContain(`execution ${execution.id}`);
});

test('Duplicate Protection holds across executions on different processes: the same message sent through both webhook processors goes out once', async () => {
	const fan = FIRST_FAN_ID + 40;
	const body = JSON.stringify({ fan, text: 'Queue duplicate check' });
	sim.clearRequests();
	const first = await post(webhookUrl(0, GUARDED.path), body, {
		'content-type': 'application/json',
	});
	expect(first.status).toBe(200);
	await executionsAfter(GUARDED.id, 1);
	const second = await post(webhookUrl(1, GUARDED.path), body, {
		'content-type': 'application/json',
	});
	expect(second.status).toBe(200);
	const executions = await executionsAfter(GUARDED.id, 2);
	for (const execution of executions) expect(await failureOf(execution)).toBeUndefined();
	expect(sim.messagesSentTo(fan)).toBe(1);
	expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	const newest = executions.reduce((a, b) => (Number(a.id) > Number(b.id) ? a : b));
	const [skipped] = (await cluster.main.getExecution(newest.id)).output('Send');
	expect(skipped.json).toMatchObject({
		skipped: true,
		sent: false,
		guard: 'Duplicate Protection (Minutes)',
		reason: expect.stringMatching(
			new RegExp(`^the same message went to fan ${fan} \\d+ minutes? ago`),
		),
	});
	const ranOn = executions.map((execution) =>
		cluster.workers.findIndex((worker) => worker.log().includes(`execution ${execution.id}`)),
	);
	process.stdout.write(
		`[queue] Duplicate Protection: executions ${executions.map((e) => e.id).join(', ')} ran on workers ${ranOn.join(', ')}; the second answered ${JSON.stringify(skipped.json)}\n`,
	);
});

/** Peak resident memory growth (MiB) of each worker while `run` runs. */
async function workerPeakGrowthMiB(run: () => Promise<void>): Promise<number[]> {
	const pids = cluster.workers.map((w) => w.pid!);
	const before = pids.map((pid) => {
		processMemory.resetPeak(pid);
		return processMemory.read(pid).rssKiB;
	});
	await run();
	return pids.map(
		(pid, i) => Math.round((processMemory.read(pid).peakKiB - before[i]) / 102.4) / 10,
	);
}

test('an upload from database binary data sends the exact bytes (and what it costs a worker)', async () => {
	const sizeMiB = 100;
	const file = randomBytes(sizeMiB * 1024 * 1024);
	const sha256 = createHash('sha256').update(file).digest('hex');
	const headers = {
		'content-type': 'video/mp4',
		'content-disposition': 'attachment; filename="clip.mp4"',
	};

	// n8n alone reading the stored file (Read/Write Files from Disk), then the Upload node,
	// alternately, ROUNDS times each; the peak of the worker that ran it counts
	const ROUNDS = 2;
	const baseline: number[] = [];
	const upload: number[] = [];
	for (let round = 1; round <= ROUNDS; round++) {
		const byWriteFile = await workerPeakGrowthMiB(async () => {
			expect((await post(webhookUrl(0, WRITE_FILE.path), file, headers)).status).toBe(200);
			const runs = await executionsAfter(WRITE_FILE.id, round);
			for (const run of runs) expect(await failureOf(run)).toBeUndefined();
		});
		const byUpload = await workerPeakGrowthMiB(async () => {
			expect((await post(webhookUrl(1, UPLOAD.path), file, headers)).status).toBe(200);
			const runs = await executionsAfter(UPLOAD.id, round, 300_000);
			for (const run of runs) expect(await failureOf(run)).toBeUndefined();
		});
		baseline.push(Math.max(...byWriteFile));
		upload.push(Math.max(...byUpload));
	}

	expect(sim.state.uploads.map((u) => ({ status: u.status, sha256: u.sha256 }))).toEqual(
		Array.from({ length: ROUNDS }, () => ({ status: 'completed', sha256 })),
	);
	process.stdout.write(
		[
			`[queue] ${sizeMiB} MiB file in database binary data mode, peak RSS growth of the worker that ran it (MiB, ${ROUNDS} runs each):`,
			`[queue]   n8n reading it (Write File node): ${baseline.join(', ')}`,
			`[queue]   OFAuth Upload:                    ${upload.join(', ')}`,
			`[queue]   the Upload node over n8n reading the file (difference of the lower runs): ${Math.round((Math.min(...upload) - Math.min(...baseline)) * 10) / 10} MiB`,
			'',
		].join('\n'),
	);
});

function chatMessage(eventId: string) {
	return {
		id: eventId,
		type: 'realtime.chat_message.received',
		timestamp: new Date().toISOString(),
		data: {
			connection: { id: ACTIVE_CONNECTION_ID, clientReferenceId: 'client_ref_1' },
			environment: 'live',
			eventBody: { id: Date.now(), text: 'hi', fromUser: { id: FIRST_FAN_ID + 30 }, media: [] },
		},
	};
}

/** The same event signed again at delivery time (OFAuth signs each attempt afresh). */
function signedDelivery(
	scheme: 'svix' | 'ofauth',
	raw: string,
	svixId: string,
): Record<string, string> {
	const timestamp = Math.floor(Date.now() / 1000);
	return scheme === 'svix'
		? {
				'content-type': 'application/json',
				'svix-id': svixId,
				'svix-timestamp': String(timestamp),
				'svix-signature': signSvix(SECRET, svixId, timestamp, raw),
			}
		: {
				'content-type': 'application/json',
				'OFAuth-Signature': signOfAuthSignature(SECRET, timestamp, raw),
			};
}

test.each(['svix', 'ofauth'] as const)(
	'%s: an event delivered to one webhook processor, redelivered to the other and again after restarting the first, starts exactly one execution',
	async (scheme) => {
		const fan = FIRST_FAN_ID + 30;
		const url = (processor: number) => webhookUrl(processor, `${TRIGGER.webhookId}/webhook`);
		const delivery = (eventId: string) => {
			const raw = JSON.stringify(chatMessage(`${eventId}_${scheme}`));
			return async (processor: number) => {
				const headers = signedDelivery(scheme, raw, `msg_${eventId}_${scheme}`);
				const res = await post(url(processor), raw, headers);
				return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown> };
			};
		};
		// An earlier event first: n8n keeps a webhook's static data apart from the run's only
		// while the workflow has none yet, so every case below is the usual one.
		const executionsSoFar = (await finishedExecutions(TRIGGER.id)).length;
		expect((await delivery('evt_earlier')(1)).status).toBe(200);
		await executionsAfter(TRIGGER.id, executionsSoFar + 1);

		const executionsBefore = (await finishedExecutions(TRIGGER.id)).length;
		const messagesBefore = sim.messagesSentTo(fan);
		const deliver = delivery('evt_queue');

		const first = await deliver(0);
		await executionsAfter(TRIGGER.id, executionsBefore + 1);
		const toTheOther = await deliver(1);
		await cluster.restartWebhookProcessor(0);
		const afterRestart = await deliver(0);
		// a repeat that started a run would have queued it before its answer; give a worker time anyway
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const executions = (await finishedExecutions(TRIGGER.id)).length - executionsBefore;
		const welcomes = sim.messagesSentTo(fan) - messagesBefore;
		process.stdout.write(
			`[queue] ${scheme}: 3 deliveries of one event (processor 1, processor 2, processor 1 after its restart): ${executions} execution(s), ${welcomes} message(s) sent; answers ${JSON.stringify([first.body, toTheOther.body, afterRestart.body])}\n`,
		);

		const repeat = {
			status: 200,
			body: { received: true, started: false, reason: 'event already received (redelivery)' },
		};
		expect({ first, toTheOther, afterRestart, executions, welcomes }).toEqual({
			first: { status: 200, body: { received: true } },
			toTheOther: repeat,
			afterRestart: repeat,
			executions: 1,
			welcomes: 1,
		});
	},
);

test('OnlyFansAPI.com: an event at the moment of registration is verified by a webhook processor, its redelivery to the other starts nothing, the next event starts one run, unpublishing removes the webhook', async () => {
	const url = (processor: number) => webhookUrl(processor, `${OFAPI_TRIGGER.webhookId}/webhook`);
	const deliver = async (processor: number, eventId: string) => {
		const raw = JSON.stringify({
			event: 'messages.received',
			account_id: accountIdOf(sim.connectionId),
			payload: { id: eventId, text: 'hi' },
		});
		const secret = sim.onlyFansApiWebhooks()[0]?.signing_secret ?? '';
		const res = await post(url(processor), raw, {
			'content-type': 'application/json',
			signature: signOnlyFansApi(secret, raw),
			'x-ofapi-idempotency-key': `evt_${eventId}`,
		});
		return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown> };
	};
	const savedStaticData = async () => {
		const saved = await cluster.main.rest<{ data: { staticData?: Record<string, object> } }>(
			'GET',
			`/rest/workflows/${OFAPI_TRIGGER.id}`,
		);
		return Object.keys(saved.body.data.staticData?.['node:OFAuth Trigger'] ?? {});
	};
	// While the main process waits for the registration's answer, processor 1 takes the event and saves
	// its id to Postgres; only then does the answer come, and the main process finishes publishing.
	// A publish that wrote the static data would now save its copy over that id.
	let early: Awaited<ReturnType<typeof deliver>> | undefined;
	sim.faults.holdNextAnswer(
		async () => {
			early = await deliver(0, 'queue_ofapi_1');
			await waitFor('the event id saved by processor 1', async () =>
				(await savedStaticData()).includes('recentEventIds') ? true : undefined,
			);
		},
		(request) => request.method === 'POST' && request.path === '/api/webhooks',
	);
	await cluster.main.activate(OFAPI_TRIGGER.id);
	const first = await waitFor('the delivery during registration', () => early);
	await executionsAfter(OFAPI_TRIGGER.id, 1);
	const toTheOther = await deliver(1, 'queue_ofapi_1');
	const kept = await savedStaticData();
	const next = await deliver(1, 'queue_ofapi_2');
	await executionsAfter(OFAPI_TRIGGER.id, 2);
	await new Promise((resolve) => setTimeout(resolve, 5000));
	const executions = (await finishedExecutions(OFAPI_TRIGGER.id)).length;
	process.stdout.write(
		`[queue] OnlyFansAPI.com: one event during registration (processor 1), again to processor 2, a new one to processor 2: ${executions} execution(s); answers ${JSON.stringify([first.body, toTheOther.body, next.body])}; the trigger's static data in Postgres then held: ${kept.join(', ')}\n`,
	);
	expect({ first, toTheOther, next, executions }).toEqual({
		first: { status: 200, body: { received: true } },
		toTheOther: {
			status: 200,
			body: { received: true, started: false, reason: 'event already received (redelivery)' },
		},
		next: { status: 200, body: { received: true } },
		executions: 2,
	});
	expect(kept).toEqual(['recentEventIds']);

	const unpublished = await cluster.main.rest(
		'POST',
		`/rest/workflows/${OFAPI_TRIGGER.id}/deactivate`,
		{},
	);
	expect(unpublished.status).toBe(200);
	await waitFor('the webhook removed', () =>
		sim.onlyFansApiWebhooks().length === 0 ? true : undefined,
	);
});

test('the poll trigger emits each new subscriber once, across restarts of the main process', async () => {
	const polls = () =>
		sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v2/access/subscribers'))
			.length;
	// the first poll (when the main process published the workflow) only noted who was subscribed
	await waitFor('the first poll', () => (polls() > 0 ? true : undefined), 120_000);
	const first = sim.simulate.newSubscriber('Queue Fan One');
	await cluster.restartMain(); // a restarted main polls at once, then every minute
	await waitFor(
		'the welcome of the first',
		() => (sim.messagesSentTo(first.id) > 0 ? true : undefined),
		120_000,
	);
	const second = sim.simulate.newSubscriber('Queue Fan Two');
	await cluster.restartMain();
	await waitFor(
		'the welcome of the second',
		() => (sim.messagesSentTo(second.id) > 0 ? true : undefined),
		120_000,
	);
	const pollsSoFar = polls();
	await waitFor('one more poll', () => (polls() > pollsSoFar ? true : undefined), 90_000);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect([sim.messagesSentTo(first.id), sim.messagesSentTo(second.id)]).toEqual([1, 1]);
	const runs = await finishedExecutions(POLL.id);
	expect(runs.map((r) => r.status)).toEqual(['success', 'success']);
});
