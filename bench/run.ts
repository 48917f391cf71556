/**
 * npm run bench
 *
 * Cost per item of sending, measured side by side in the cached real n8n 2.41.1 against the
 * simulator on loopback: this package's Send Message, n8n's HTTP Request node doing the same POST
 * with a header credential, and a plain Node loop of fetch calls. Runs are interleaved (ours, HTTP
 * Request, plain) and repeated; a node's time is the `executionTime` n8n records for it. Prints one
 * table (min and median ms per item, ratios) and writes bench/results.json.
 *
 * BENCH_QUICK=1: 300 items, 2 repetitions. Otherwise 2,000 and 10,000 items, 3 repetitions.
 * Installs nothing: it needs the real n8n the end-to-end tests cache (npm run test:e2e once).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { startSimulator, type OfAuthSimulator } from '../test/simulator';
import {
	PACKAGE_NAME,
	REPO_ROOT,
	RealN8n,
	simulatorCredential,
	type CredentialImport,
	type ExecuteResult,
	type WorkflowJson,
} from '../test/e2e/realN8n';

const QUICK = process.env.BENCH_QUICK === '1';
const SIZES = QUICK ? [300] : [2000, 10_000];
/** The rate-limited run: this many sends through a 90-token bucket refilled at 10 per second. */
const LIMITED_SENDS = QUICK ? 200 : 1000;
const BUCKET = { capacity: 90, refillPerSecond: 10 };
const REPETITIONS = QUICK ? 2 : 3;
const FANS = 250; // the seeded fans 100001..100250 take turns

const OFAUTH_CRED = { id: 'benchOfAuth00001', name: 'OFAuth bench' };
const HEADER_CRED = { id: 'benchHeader00001', name: 'OFAuth key as a header' };

function rows(count: number): string {
	return `return Array.from({ length: ${count} }, (_, i) => ({ json: { fanId: 100001 + (i % ${FANS}), text: 'bench ' + i } }));`;
}

function sendWorkflow(id: string, count: number, sender: WorkflowJson['nodes'][number]): WorkflowJson {
	return {
		id,
		name: id,
		nodes: [
			{ id: 'b1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'b2', name: 'Rows', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: rows(count) } },
			sender,
		],
		connections: {
			Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: sender.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const ours = (): WorkflowJson['nodes'][number] => ({
	id: 'b3',
	name: 'Send',
	type: `${PACKAGE_NAME}.ofAuth`,
	typeVersion: 1,
	position: [400, 0],
	parameters: {
		resource: 'message',
		operation: 'send',
		fan: { __rl: true, mode: 'id', value: '={{ $json.fanId }}' },
		text: '={{ $json.text }}',
		options: {},
	},
	credentials: { ofAuthApi: OFAUTH_CRED },
});

const httpRequest = (sim: OfAuthSimulator): WorkflowJson['nodes'][number] => ({
	id: 'b3',
	name: 'Send',
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	position: [400, 0],
	parameters: {
		method: 'POST',
		url: `=${sim.baseUrl}/v2/access/chats/{{ $json.fanId }}/messages`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'x-connection-id', value: sim.connectionId }] },
		sendBody: true,
		bodyParameters: { parameters: [{ name: 'text', value: '={{ $json.text }}' }] },
		options: {},
	},
	credentials: { httpHeaderAuth: HEADER_CRED },
});

/** The HTTP Request node as a user would wire it against a rate limit: Retry On Fail (5 tries, 1 s apart). */
const httpRequestRetrying = (sim: OfAuthSimulator): WorkflowJson['nodes'][number] => ({
	...httpRequest(sim),
	retryOnFail: true,
	maxTries: 5,
	waitBetweenTries: 1000,
});

/** Messages per fan the simulator took in a rate-limited run: lost (0) and duplicated (more than 1). */
function delivery(sim: OfAuthSimulator, sends: number): { lost: number; duplicated: number; limited: number; requests: number } {
	const expected = new Map<number, number>();
	for (let i = 0; i < sends; i++) expected.set(100001 + (i % FANS), (expected.get(100001 + (i % FANS)) ?? 0) + 1);
	let lost = 0;
	let duplicated = 0;
	for (const [fan, want] of expected) {
		const got = sim.messagesSentTo(fan);
		if (got < want) lost += want - got;
		if (got > want) duplicated += got - want;
	}
	const posts = sim.requests.filter((request) => request.method === 'POST');
	return { lost, duplicated, limited: posts.filter((request) => request.status === 429).length, requests: posts.length };
}

function nodeMillis(result: ExecuteResult): number {
	if (result.errorMessage) throw new Error(`the run failed: ${result.errorMessage}`);
	const task = result.execution?.data.resultData.runData.Send?.[0] as { executionTime?: number } | undefined;
	if (typeof task?.executionTime !== 'number') throw new Error('no executionTime for the Send node');
	return task.executionTime;
}

async function plainLoop(sim: OfAuthSimulator, count: number): Promise<number> {
	const started = performance.now();
	for (let i = 0; i < count; i++) {
		const response = await fetch(`${sim.baseUrl}/v2/access/chats/${100001 + (i % FANS)}/messages`, {
			method: 'POST',
			headers: { apiKey: sim.apiKey, 'x-connection-id': sim.connectionId, 'content-type': 'application/json' },
			body: JSON.stringify({ text: `bench ${i}` }),
		});
		await response.arrayBuffer();
	}
	return performance.now() - started;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
const round = (value: number) => Math.round(value * 100) / 100;

async function main(): Promise<void> {
	const sim = await startSimulator({ seed: 1 });
	const n8n = await RealN8n.create('bench');
	try {
		const header: CredentialImport = { ...HEADER_CRED, type: 'httpHeaderAuth', data: { name: 'apiKey', value: sim.apiKey } };
		await n8n.importCredentials([simulatorCredential(sim, OFAUTH_CRED.id, OFAUTH_CRED.name), header]);
		await n8n.importWorkflows([
			...SIZES.flatMap((count) => [
				sendWorkflow(`benchOurs${count}`, count, ours()),
				sendWorkflow(`benchHttp${count}`, count, httpRequest(sim)),
			]),
			sendWorkflow('benchOursLimited', LIMITED_SENDS, ours()),
			sendWorkflow('benchHttpLimited', LIMITED_SENDS, httpRequestRetrying(sim)),
		]);
		const table: Array<Record<string, number | string>> = [];
		for (const count of SIZES) {
			const perItem: Record<'ours' | 'httpRequest' | 'plainLoop', number[]> = { ours: [], httpRequest: [], plainLoop: [] };
			for (let repetition = 0; repetition < REPETITIONS; repetition++) {
				perItem.ours.push(nodeMillis(await n8n.execute(`benchOurs${count}`, { timeoutMs: 900_000 })) / count);
				perItem.httpRequest.push(nodeMillis(await n8n.execute(`benchHttp${count}`, { timeoutMs: 900_000 })) / count);
				perItem.plainLoop.push((await plainLoop(sim, count)) / count);
				sim.reset();
			}
			table.push({
				case: `send to ${count} items, ms per item`,
				'ours min': round(Math.min(...perItem.ours)),
				'ours median': round(median(perItem.ours)),
				'HTTP Request min': round(Math.min(...perItem.httpRequest)),
				'HTTP Request median': round(median(perItem.httpRequest)),
				'plain loop median': round(median(perItem.plainLoop)),
				'ours / HTTP Request': round(median(perItem.ours) / median(perItem.httpRequest)),
				'ours / plain loop': round(median(perItem.ours) / median(perItem.plainLoop)),
			});
		}
		// the rate-limited run: the bucket above, fresh for each contender
		const limited: Array<Record<string, number | string>> = [];
		for (const [label, id] of [
			['ours', 'benchOursLimited'],
			['HTTP Request, Retry On Fail', 'benchHttpLimited'],
		] as const) {
			sim.reset();
			sim.faults.rateLimit({ ...BUCKET, headers: ['retry-after', 'x-ratelimit'] });
			const result = await n8n.execute(id, { timeoutMs: 900_000 });
			const task = result.execution?.data.resultData.runData.Send?.[0] as { executionTime?: number } | undefined;
			const seconds = (task?.executionTime ?? 0) / 1000; // the Send node's own time, without n8n's start-up
			const counts = delivery(sim, LIMITED_SENDS);
			const delivered = LIMITED_SENDS - counts.lost;
			// the rate the bucket allows over the run: the burst plus the refill for the time taken
			const allowed = Math.min(LIMITED_SENDS, BUCKET.capacity + BUCKET.refillPerSecond * seconds);
			limited.push({
				case: `${LIMITED_SENDS} sends, ${BUCKET.capacity}-burst ${BUCKET.refillPerSecond}/s bucket: ${label}`,
				'run failed': result.errorMessage ? 'yes' : 'no',
				'% of requests answered 429': round((100 * counts.limited) / Math.max(1, counts.requests)),
				'% of the allowed rate': round((100 * delivered) / allowed),
				lost: counts.lost,
				duplicated: counts.duplicated,
			});
		}
		sim.faults.disableRateLimit();
		console.table(table);
		console.table(limited);
		const file = path.join(REPO_ROOT, 'bench', 'results.json');
		writeFileSync(file, `${JSON.stringify({ quick: QUICK, repetitions: REPETITIONS, table, limited }, null, 2)}\n`);
		console.log(`written: ${path.relative(REPO_ROOT, file)}`);
	} finally {
		await n8n.dispose();
		await sim.close();
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exitCode = 1;
});
