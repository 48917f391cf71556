/**
 * npm run bench
 *
 * This package against what a user would otherwise wire by hand, side by side in the cached real
 * n8n 2.41.1 against the simulators on loopback. Runs are interleaved (ours, HTTP Request, plain
 * loop) and repeated; a node's time is the `executionTime` n8n records for it.
 *
 *  1. cost per item: Send Message to many items; List Chats with Return All over 10,000 chats
 *  2. pacing: sends through a 90-burst, 10/s token bucket (ours alone, two of our workflows at
 *     once, the HTTP Request node with Retry On Fail and with Batching); lost and duplicated
 *     messages are counted by the simulator
 *  3. uploads: a file in filesystem mode (bench/upload.ts, n8n-core) and in database mode (the
 *     real n8n), each against a plain Node stream PUT of the same file
 *  4. real round trips: 300 sends answered 250 ms late behind OFAuth's bucket (ours, the HTTP
 *     Request node with Batching, ours against a provider without rate-limit headers, ours with
 *     Duplicate Protection reading each chat first), an agency sheet of three creators with a
 *     bucket each, answered 100 ms late (with and without rate-limit headers), and OnlyFansAPI.com
 *     at 6 requests a minute with 10 sends
 *  5. the send schedule's heap at 100,000 items (bench/schedule.ts)
 *
 * Prints the tables and the targets (met or not), writes bench/results.json.
 * BENCH_QUICK=1: smaller sizes, fewer repetitions (under 5 minutes on 2 cores).
 * Installs nothing: it needs the real n8n the end-to-end tests cache (npm run test:e2e once).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

import { startSimulator, type OfAuthSimulator } from '../test/simulator';
import {
	REPO_ROOT,
	RealN8n,
	simulatorCredential,
	type CredentialImport,
	simulatorOnlyFansApiCredential,
	type ExecuteResult,
	type RunningN8n,
} from '../test/e2e/realN8n';
import {
	MiB,
	generatedFile,
	median,
	plainStreamUpload,
	resetSim,
	round,
	simState,
	startSimulatorProcess,
} from './plainUpload';
import { crc32Digest } from '../test/simulator';
import type { RateLimitHeader } from '../test/simulator/faults';
import * as wf from './workflows';

const QUICK = process.env.BENCH_QUICK === '1';
const SEND_SIZES = QUICK ? [300] : [2000, 10_000];
const REPETITIONS = QUICK ? 2 : 3;
const CHATS = 10_000;
const PAGES = CHATS / 20; // the API's largest page
const LIMITED_SENDS = QUICK ? 200 : 1000;
const BUCKET = { capacity: 90, refillPerSecond: 10 };
const UPLOAD_PART = 5 * MiB;
const FILESYSTEM_MIB = QUICK ? 256 : 1024;
const DATABASE_MIB = QUICK ? 64 : 512; // 512 MiB: the largest file n8n's database mode takes by default
const UPLOAD_RUNS = QUICK ? 3 : 5;
/** Real answers are slow: OFAuth relays each send to OnlyFans. The latency cases answer this late. */
const LATENCY_MS = 250;
const LATENCY_SENDS = 300;
const CREATORS = ['conn_sim_active', 'conn_sim_second', 'conn_bench_third'];
const CREATOR_ROWS = 100;
const CREATOR_LATENCY_MS = 100;
const CREATOR_BUCKET = { capacity: 30, refillPerSecond: 5 };
/** OnlyFansAPI.com's budget in the small case: so many requests a minute, and sends at once. */
const OFAPI_PER_MINUTE = 6;
const OFAPI_SENDS = 10;
/** BENCH_CASES=sends,list,pacing,latency,schedule,uploads (default: all) runs only some of the cases. */
const CASES = new Set(
	(process.env.BENCH_CASES ?? 'sends,list,pacing,latency,schedule,uploads').split(','),
);
/** The send schedule may add at most this much heap per item (bench/schedule.ts, 100,000 items). */
const SCHEDULE_BYTES_PER_ITEM = 1024;

type Row = Record<string, number | string>;
const targets: Array<{ target: string; measured: string; met: boolean }> = [];
function target(name: string, measured: number | string, met: boolean): void {
	targets.push({ target: name, measured: String(measured), met });
}

function nodeMillis(result: ExecuteResult, ...names: string[]): number {
	if (result.errorMessage) throw new Error(`the run failed: ${result.errorMessage}`);
	let total = 0;
	for (const name of names.length ? names : [wf.MEASURED]) {
		const task = result.execution?.data.resultData.runData[name]?.[0] as
			| { executionTime?: number }
			| undefined;
		if (typeof task?.executionTime !== 'number')
			throw new Error(
				`no executionTime for the node "${name}" (exit code ${result.code}; ${result.execution ? `ran: ${Object.keys(result.execution.data.resultData.runData).join(', ')}` : 'no execution printed'}): ${`${result.stdout}\n${result.stderr}`.slice(-1500)}`,
			);
		total += task.executionTime;
	}
	return total;
}

function itemCount(result: ExecuteResult, name: string): number {
	const task = result.execution?.data.resultData.runData[name]?.[0] as
		| { data?: { main?: unknown[][] } }
		| undefined;
	return task?.data?.main?.[0]?.length ?? 0;
}

async function plainSends(sim: OfAuthSimulator, count: number): Promise<number> {
	const started = performance.now();
	for (let i = 0; i < count; i++) {
		const response = await fetch(
			`${sim.baseUrl}/v2/access/chats/${100001 + (i % wf.FANS)}/messages`,
			{
				method: 'POST',
				headers: {
					apiKey: sim.apiKey,
					'x-connection-id': sim.connectionId,
					'content-type': 'application/json',
				},
				body: JSON.stringify({ text: `bench ${i}` }),
			},
		);
		await response.arrayBuffer();
	}
	return performance.now() - started;
}

async function plainListChats(sim: OfAuthSimulator): Promise<{ millis: number; chats: number }> {
	const started = performance.now();
	const chats: unknown[] = [];
	for (let offset = 0; ; offset += 20) {
		const response = await fetch(`${sim.baseUrl}/v2/access/chats?limit=20&offset=${offset}`, {
			headers: { apiKey: sim.apiKey, 'x-connection-id': sim.connectionId },
		});
		const page = (await response.json()) as { list: unknown[]; hasMore: boolean };
		chats.push(...page.list);
		if (!page.hasMore) break;
	}
	return { millis: performance.now() - started, chats: chats.length };
}

/** Interleaved repetitions of ours / HTTP Request / plain loop; one table row of ms per item. */
async function compare(
	label: string,
	items: number,
	runs: { ours: () => Promise<number>; http: () => Promise<number>; plain: () => Promise<number> },
	after: () => void,
): Promise<Row> {
	const perItem = { ours: [] as number[], http: [] as number[], plain: [] as number[] };
	for (let repetition = 0; repetition < REPETITIONS; repetition++) {
		perItem.ours.push((await runs.ours()) / items);
		perItem.http.push((await runs.http()) / items);
		perItem.plain.push((await runs.plain()) / items);
		after();
	}
	const ratioHttp = median(perItem.ours) / median(perItem.http);
	const ratioPlain = median(perItem.ours) / median(perItem.plain);
	return {
		case: label,
		'ours min': round(Math.min(...perItem.ours)),
		'ours median': round(median(perItem.ours)),
		'HTTP Request min': round(Math.min(...perItem.http)),
		'HTTP Request median': round(median(perItem.http)),
		'plain loop median': round(median(perItem.plain)),
		'ours / HTTP Request': round(ratioHttp),
		'ours / plain loop': round(ratioPlain),
	};
}

/** Messages per fan the simulator took: lost (fewer than sent) and duplicated (more). */
function delivery(sim: OfAuthSimulator, sends: number, copies = 1) {
	const expected = new Map<number, number>();
	for (let i = 0; i < sends; i++) {
		const fan = 100001 + (i % wf.FANS);
		expected.set(fan, (expected.get(fan) ?? 0) + copies);
	}
	let lost = 0;
	let duplicated = 0;
	for (const [fan, want] of expected) {
		const got = sim.messagesSentTo(fan);
		if (got < want) lost += want - got;
		if (got > want) duplicated += got - want;
	}
	const posts = sim.requests.filter((request) => request.method === 'POST');
	const times = posts.map((request) => request.receivedAt);
	const seconds = posts.length ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
	if (process.env.BENCH_DEBUG) {
		// when the 429s came: per 10 s since the first send
		const start = Math.min(...times);
		const perWindow = new Map<number, number>();
		for (const r of posts.filter((post) => post.status === 429)) {
			const window = Math.floor((r.receivedAt - start) / 10_000) * 10;
			perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
		}
		console.log('429s per 10 s window (s since the first send):', Object.fromEntries(perWindow));
	}
	const delivered = sends * copies - lost;
	// what the bucket allows in the time the sends took: the burst plus the refill (a slower sender
	// is allowed more than it sent, so its share falls)
	const allowed = BUCKET.capacity + BUCKET.refillPerSecond * seconds;
	return {
		'% of requests answered 429': round(
			(100 * posts.filter((r) => r.status === 429).length) / Math.max(1, posts.length),
		),
		'% of the allowed rate': round((100 * delivered) / Math.max(1, allowed)),
		lost,
		duplicated,
	};
}

/** Seconds from the first to the last send the simulator received (429s included). */
function sendSeconds(sim: OfAuthSimulator): number {
	const times = sim.requests.filter((r) => r.method === 'POST').map((r) => r.receivedAt);
	return times.length ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
}

/** Whether the measured node's output items are paired to inputs 0, 1, 2, ... in order. */
function inInputOrder(result: ExecuteResult, count: number): boolean {
	const task = result.execution?.data.resultData.runData[wf.MEASURED]?.[0] as
		| { data?: { main?: Array<Array<{ pairedItem?: { item?: number } }>> } }
		| undefined;
	const items = task?.data?.main?.[0] ?? [];
	return items.length === count && items.every((item, index) => item.pairedItem?.item === index);
}

/** A third active creator in the simulator, for the agency case (the seed has two). */
function addBenchConnection(sim: OfAuthSimulator, id: string): void {
	const [first] = sim.state.connections;
	if (!sim.state.connections.some((connection) => connection.id === id))
		sim.state.connections.push({ ...first, id, userData: { ...first.userData, id: 9000009 } });
}

/** Publishing registers a workflow's webhook a moment after the REST answer. */
async function untilWebhookIsServed(url: string): Promise<void> {
	for (let attempt = 0; attempt < 80; attempt++) {
		// a GET to a POST webhook: n8n answers 404 either way, but names POST once it is registered
		const probe = await fetch(url);
		const body = await probe.text();
		if (probe.status !== 404 || body.includes('POST')) return;
		await new Promise((done) => setTimeout(done, 250));
	}
	throw new Error(`${url} is not served`);
}

/** Starts a published workflow through its webhook and reads the finished run back. */
async function runByWebhook(
	server: RunningN8n,
	id: string,
	segment: string,
): Promise<ExecuteResult> {
	const url = server.webhookUrl(segment);
	await untilWebhookIsServed(url);
	const before = (await server.waitForExecutions(id, 0)).length;
	await (await fetch(url, { method: 'POST' })).arrayBuffer();
	const runs = await server.waitForExecutions(id, before + 1, 900_000);
	const newest = runs.reduce((a, b) => (Number(a.id) > Number(b.id) ? a : b));
	return await server.getExecution(newest.id);
}

async function main(): Promise<void> {
	const sim = await startSimulator({ seed: 1 });
	const listSim = await startSimulator({ seed: 1, fans: CHATS });
	const uploadSim = await startSimulatorProcess(UPLOAD_PART);
	const n8n = await RealN8n.create('bench');
	try {
		const header = (cred: { id: string; name: string }, key: string): CredentialImport => ({
			...cred,
			type: 'httpHeaderAuth',
			data: { name: 'apiKey', value: key },
		});
		await n8n.importCredentials([
			simulatorCredential(sim, wf.OFAUTH_CRED.id, wf.OFAUTH_CRED.name),
			simulatorOnlyFansApiCredential(sim, wf.OFAPI_CRED.id, wf.OFAPI_CRED.name),
			simulatorCredential(listSim, wf.LIST_CRED.id, wf.LIST_CRED.name),
			simulatorCredential(uploadSim, wf.UPLOAD_CRED.id, wf.UPLOAD_CRED.name),
			header(wf.HEADER_CRED, sim.apiKey),
			header(wf.LIST_HEADER_CRED, listSim.apiKey),
		]);
		const uploadFolder = path.join(n8n.userFolder, 'bench-files');
		mkdirSync(uploadFolder, { recursive: true });
		const uploadFile = path.join(uploadFolder, 'bench.mp4');
		await n8n.importWorkflows([
			...SEND_SIZES.flatMap((count) => [
				wf.chain(`benchOurs${count}`, [wf.rows(count), wf.ourSend()]),
				wf.chain(`benchHttp${count}`, [wf.rows(count), wf.httpSend(sim.baseUrl, sim.connectionId)]),
			]),
			wf.chain('benchOursList', [wf.ourListChats()], wf.webhookStart('list-ours')),
			wf.chain(
				'benchHttpList',
				wf.httpListChats(listSim.baseUrl, listSim.connectionId),
				wf.webhookStart('list-http'),
			),
			wf.chain('benchOursLimited', [wf.rows(LIMITED_SENDS), wf.ourSend()]),
			wf.chain(
				'benchOursLimitedA',
				[wf.rows(LIMITED_SENDS), wf.ourSend()],
				wf.webhookStart('limited-a'),
			),
			wf.chain(
				'benchOursLimitedB',
				[wf.rows(LIMITED_SENDS), wf.ourSend()],
				wf.webhookStart('limited-b'),
			),
			wf.chain('benchHttpRetrying', [
				wf.rows(LIMITED_SENDS),
				wf.httpSendRetrying(sim.baseUrl, sim.connectionId),
			]),
			wf.chain('benchHttpBatched', [
				wf.rows(LIMITED_SENDS),
				wf.httpSendBatched(sim.baseUrl, sim.connectionId),
			]),
			wf.chain('benchDbUpload', wf.readAndUpload(uploadFile)),
			wf.chain('benchOursLatency', [wf.rows(LATENCY_SENDS), wf.ourSend()]),
			// a second copy: its process-wide pacing state is not the first's (n8n execute runs each anew anyway)
			wf.chain('benchOursLatencyBare', [wf.rows(LATENCY_SENDS), wf.ourSend()]),
			wf.chain('benchHttpLatency', [
				wf.rows(LATENCY_SENDS),
				wf.httpSendBatched(sim.baseUrl, sim.connectionId),
			]),
			wf.chain('benchOursCreators', [
				wf.rowsByCreator(CREATORS, CREATOR_ROWS),
				wf.ourSendPerCreator(),
			]),
			wf.chain('benchOursCreatorsBare', [
				wf.rowsByCreator(CREATORS, CREATOR_ROWS),
				wf.ourSendPerCreator(),
			]),
			wf.chain('benchOursGuarded', [wf.rows(LATENCY_SENDS), wf.ourGuardedSend()]),
			wf.chain('benchOursOnlyFansApi', [wf.rows(OFAPI_SENDS), wf.ourOnlyFansApiSend()]),
		]);

		// 1. cost per item
		const cost: Row[] = [];
		for (const count of CASES.has('sends') ? SEND_SIZES : []) {
			const run = (id: string) => async () =>
				nodeMillis(await n8n.execute(id, { timeoutMs: 900_000 }));
			cost.push(
				await compare(
					`send to ${count} items, ms per item`,
					count,
					{
						ours: run(`benchOurs${count}`),
						http: run(`benchHttp${count}`),
						plain: async () => await plainSends(sim, count),
					},
					() => sim.reset(),
				),
			);
		}
		if (CASES.has('list')) {
			// 10,000 items are more than `n8n execute` prints before it exits: these run in `n8n start`,
			// started by a webhook, and their run data is read back over the REST API
			await n8n.publish('benchOursList');
			await n8n.publish('benchHttpList');
			const listServer = await n8n.start();
			await listServer.login();
			const listed = async (id: string, segment: string, ...names: string[]) => {
				const result = await runByWebhook(listServer, id, segment);
				const last = names[names.length - 1] ?? wf.MEASURED;
				if (itemCount(result, last) !== CHATS)
					throw new Error(`${id} returned ${itemCount(result, last)} chats, not ${CHATS}`);
				return nodeMillis(result, ...names);
			};
			cost.push(
				await compare(
					`List Chats, Return All, ${CHATS} chats in ${PAGES} pages, ms per page`,
					PAGES,
					{
						ours: async () => await listed('benchOursList', 'list-ours'),
						http: async () => await listed('benchHttpList', 'list-http', wf.MEASURED, 'Split Out'),
						plain: async () => {
							const plain = await plainListChats(listSim);
							if (plain.chats !== CHATS)
								throw new Error(`the plain loop read ${plain.chats} chats`);
							return plain.millis;
						},
					},
					() => listSim.reset(),
				),
			);
			await listServer.stop();
		}
		for (const row of cost) {
			target(
				`${row.case}: ours / HTTP Request <= 1.0`,
				row['ours / HTTP Request'],
				Number(row['ours / HTTP Request']) <= 1.0,
			);
		}
		const list = cost.find((row) => String(row.case).startsWith('List Chats'));
		if (list)
			target(
				'Return All: ours / plain loop <= 3.0',
				list['ours / plain loop'],
				Number(list['ours / plain loop']) <= 3.0,
			);

		const limited: Row[] = [];
		if (CASES.has('pacing')) {
			// 2. pacing under the token bucket, fresh for each contender
			const limitedRun = async (
				label: string,
				copies: number,
				start: () => Promise<ExecuteResult[]>,
			) => {
				sim.reset();
				sim.faults.rateLimit({ ...BUCKET, headers: ['retry-after', 'x-ratelimit'] });
				const results = await start();
				limited.push({
					case: `${LIMITED_SENDS * copies} sends, ${BUCKET.capacity}-burst ${BUCKET.refillPerSecond}/s bucket: ${label}`,
					'run failed': results.some((result) => result.errorMessage) ? 'yes' : 'no',
					...delivery(sim, LIMITED_SENDS, copies),
				});
				return limited[limited.length - 1];
			};
			const one = (id: string) => async () => [await n8n.execute(id, { timeoutMs: 900_000 })];
			const ours = await limitedRun('ours', 1, one('benchOursLimited'));
			await n8n.publish('benchOursLimitedA');
			await n8n.publish('benchOursLimitedB');
			const server = await n8n.start();
			await server.login();
			const both = await limitedRun('two of our workflows at once, one credential', 2, async () => {
				await untilWebhookIsServed(server.webhookUrl('limited-a'));
				await untilWebhookIsServed(server.webhookUrl('limited-b'));
				await Promise.all(
					['limited-a', 'limited-b'].map(
						async (segment) => await fetch(server.webhookUrl(segment), { method: 'POST' }),
					),
				);
				const runs = await Promise.all(
					['benchOursLimitedA', 'benchOursLimitedB'].map(
						async (id) => await server.waitForExecutions(id, 1, 900_000),
					),
				);
				return await Promise.all(
					runs.map(async ([execution]) => await server.getExecution(execution.id)),
				);
			});
			await server.stop();
			if (!process.env.BENCH_DEBUG) {
				await limitedRun('HTTP Request, Retry On Fail', 1, one('benchHttpRetrying'));
				await limitedRun('HTTP Request, Batching 10 per second', 1, one('benchHttpBatched'));
			}
			sim.faults.disableRateLimit();
			for (const [label, row] of [
				['ours', ours],
				['two at once', both],
			] as const) {
				const rejected = Number(row['% of requests answered 429']);
				const rate = Number(row['% of the allowed rate']);
				target(
					`pacing (${label}): <= 2 % answered 429, >= 95 % of the allowed rate, 0 lost, 0 duplicated`,
					`${rejected} %, ${rate} %, ${row.lost}, ${row.duplicated}`,
					rejected <= 2 &&
						rate >= 95 &&
						row.lost === 0 &&
						row.duplicated === 0 &&
						row['run failed'] === 'no',
				);
			}
		}
		const latency: Row[] = [];
		if (CASES.has('latency')) {
			// 4. real round trips: every answer 250 ms late behind OFAuth's bucket; then an agency sheet
			// of three creators, each with a bucket of its own, answers 100 ms late
			const latencyRun = async (
				label: string,
				id: string,
				headers: RateLimitHeader[] = ['retry-after', 'x-ratelimit'],
			) => {
				sim.reset();
				sim.faults.rateLimit({ ...BUCKET, headers });
				sim.faults.setLatency(LATENCY_MS);
				const result = await n8n.execute(id, { timeoutMs: 900_000 });
				const row: Row = {
					case: `${LATENCY_SENDS} sends, answers ${LATENCY_MS} ms late, ${BUCKET.capacity}-burst ${BUCKET.refillPerSecond}/s bucket: ${label}`,
					'run failed': result.errorMessage ? 'yes' : 'no',
					'first to last send (s)': round(sendSeconds(sim)),
					...delivery(sim, LATENCY_SENDS),
					'output in input order': inInputOrder(result, LATENCY_SENDS) ? 'yes' : 'no',
				};
				latency.push(row);
				return row;
			};
			const ours = await latencyRun('ours', 'benchOursLatency');
			const http = await latencyRun('HTTP Request, Batching 10 per second', 'benchHttpLatency');
			// a provider that sends no rate-limit headers and a bare 429: pacing learns from the 429s
			const bare = await latencyRun(
				'ours, no rate-limit headers, bare 429s',
				'benchOursLatencyBare',
				[],
			);
			sim.faults.clear();
			target(
				`no rate-limit headers, ${LATENCY_MS} ms answers: <= 4 % of requests answered 429, >= 90 % of the allowed rate, 0 lost, 0 duplicated, output in input order`,
				`${bare['% of requests answered 429']} %, ${bare['% of the allowed rate']} %, ${bare.lost}, ${bare.duplicated}, ${bare['output in input order']}`,
				Number(bare['% of requests answered 429']) <= 4 &&
					Number(bare['% of the allowed rate']) >= 90 &&
					bare.lost === 0 &&
					bare.duplicated === 0 &&
					bare['output in input order'] === 'yes' &&
					bare['run failed'] === 'no',
			);
			target(
				`${LATENCY_MS} ms answers: >= 90 % of the allowed rate, no slower than HTTP Request with Batching, <= 2 % 429, 0 lost, 0 duplicated, output in input order`,
				`${ours['% of the allowed rate']} % (HTTP Request ${http['% of the allowed rate']} %), ${ours['first to last send (s)']} s vs ${http['first to last send (s)']} s, ${ours['% of requests answered 429']} %, ${ours.lost}, ${ours.duplicated}, ${ours['output in input order']}`,
				Number(ours['% of the allowed rate']) >= 90 &&
					Number(ours['first to last send (s)']) <= Number(http['first to last send (s)']) &&
					Number(ours['% of requests answered 429']) <= 2 &&
					ours.lost === 0 &&
					ours.duplicated === 0 &&
					ours['output in input order'] === 'yes' &&
					ours['run failed'] === 'no',
			);

			// Duplicate Protection on: every row reads the fan's chat, then sends; reads and sends
			// share the account's bucket, so all requests count against what it allowed
			sim.reset();
			sim.faults.rateLimit({ ...BUCKET, headers: ['retry-after', 'x-ratelimit'] });
			sim.faults.setLatency(LATENCY_MS);
			const guardedResult = await n8n.execute('benchOursGuarded', { timeoutMs: 900_000 });
			const apiRequests = sim.requests.filter((request) => !request.path.startsWith('/__sim'));
			const requestTimes = apiRequests.map((request) => request.receivedAt);
			const requestSeconds = (Math.max(...requestTimes) - Math.min(...requestTimes)) / 1000;
			const refusedRequests = apiRequests.filter((request) => request.status === 429).length;
			const guardedDelivery = delivery(sim, LATENCY_SENDS);
			const guarded: Row = {
				case: `${LATENCY_SENDS} sends with Duplicate Protection (a read of the chat, then the send), answers ${LATENCY_MS} ms late, ${BUCKET.capacity}-burst ${BUCKET.refillPerSecond}/s bucket: ours`,
				'run failed': guardedResult.errorMessage ? 'yes' : 'no',
				'first to last request (s)': round(requestSeconds),
				'requests (reads + sends)': apiRequests.length,
				'% of requests answered 429': round(
					(100 * refusedRequests) / Math.max(1, apiRequests.length),
				),
				'% of the allowed rate (all requests)': round(
					(100 * (apiRequests.length - refusedRequests)) /
						(BUCKET.capacity + BUCKET.refillPerSecond * requestSeconds),
				),
				lost: guardedDelivery.lost,
				duplicated: guardedDelivery.duplicated,
				'output in input order': inInputOrder(guardedResult, LATENCY_SENDS) ? 'yes' : 'no',
			};
			latency.push(guarded);
			sim.faults.clear();
			target(
				`Duplicate Protection on, ${LATENCY_MS} ms answers: all requests (reads and sends) >= 85 % of what the bucket allowed, 0 lost, 0 duplicated`,
				`${guarded['% of the allowed rate (all requests)']} % (${guarded['requests (reads + sends)']} requests in ${guarded['first to last request (s)']} s, ${guarded['% of requests answered 429']} % 429), ${guarded.lost}, ${guarded.duplicated}`,
				Number(guarded['% of the allowed rate (all requests)']) >= 85 &&
					guarded.lost === 0 &&
					guarded.duplicated === 0 &&
					guarded['run failed'] === 'no',
			);

			// an agency sheet: three creators, a bucket each, answers 100 ms late; with the headers,
			// and from a provider that sends none (the pace is learned from bare 429s)
			const agencyRun = async (label: string, id: string, headers: RateLimitHeader[]) => {
				sim.reset();
				addBenchConnection(sim, CREATORS[2]);
				sim.faults.rateLimit({ ...CREATOR_BUCKET, headers });
				sim.faults.setLatency(CREATOR_LATENCY_MS);
				const agency = await n8n.execute(id, { timeoutMs: 900_000 });
				const sends = CREATORS.length * CREATOR_ROWS;
				const seconds = sendSeconds(sim);
				const posts = sim.requests.filter((request) => request.method === 'POST');
				const perFan = Array.from({ length: CREATOR_ROWS }, (_, i) =>
					sim.messagesSentTo(100001 + i),
				);
				const lost = perFan.reduce((sum, got) => sum + Math.max(0, CREATORS.length - got), 0);
				const duplicated = perFan.reduce((sum, got) => sum + Math.max(0, got - CREATORS.length), 0);
				const allowed =
					CREATORS.length * (CREATOR_BUCKET.capacity + CREATOR_BUCKET.refillPerSecond * seconds);
				const row: Row = {
					case: `${CREATORS.length} creators x ${CREATOR_ROWS} rows grouped by creator, answers ${CREATOR_LATENCY_MS} ms late, a ${CREATOR_BUCKET.capacity}-burst ${CREATOR_BUCKET.refillPerSecond}/s bucket each: ${label}`,
					'run failed': agency.errorMessage ? 'yes' : 'no',
					'first to last send (s)': round(seconds),
					'% of requests answered 429': round(
						(100 * posts.filter((r) => r.status === 429).length) / Math.max(1, posts.length),
					),
					'% of the allowed rate': round((100 * (sends - lost)) / allowed),
					lost,
					duplicated,
					'output in input order': inInputOrder(agency, sends) ? 'yes' : 'no',
				};
				latency.push(row);
				sim.faults.clear();
				return row;
			};
			const agency = await agencyRun('ours', 'benchOursCreators', ['retry-after', 'x-ratelimit']);
			target(
				`${CREATORS.length} creators, a bucket each: >= 80 % of their combined allowed rate, <= 2 % 429, 0 lost, 0 duplicated, output in input order`,
				`${agency['% of the allowed rate']} %, ${agency['% of requests answered 429']} %, ${agency.lost}, ${agency.duplicated}, ${agency['output in input order']}`,
				Number(agency['% of the allowed rate']) >= 80 &&
					Number(agency['% of requests answered 429']) <= 2 &&
					agency.lost === 0 &&
					agency.duplicated === 0 &&
					agency['output in input order'] === 'yes' &&
					agency['run failed'] === 'no',
			);
			const agencyBare = await agencyRun(
				'ours, no rate-limit headers, bare 429s',
				'benchOursCreatorsBare',
				[],
			);
			target(
				`${CREATORS.length} creators, no rate-limit headers: <= 10 % of requests answered 429, >= 80 % of their combined allowed rate, 0 lost, 0 duplicated`,
				`${agencyBare['% of requests answered 429']} %, ${agencyBare['% of the allowed rate']} %, ${agencyBare.lost}, ${agencyBare.duplicated}`,
				Number(agencyBare['% of requests answered 429']) <= 10 &&
					Number(agencyBare['% of the allowed rate']) >= 80 &&
					agencyBare.lost === 0 &&
					agencyBare.duplicated === 0 &&
					agencyBare['output in input order'] === 'yes' &&
					agencyBare['run failed'] === 'no',
			);

			// OnlyFansAPI.com: its budget is only in the answers' bodies (_meta._rate_limits)
			sim.reset();
			sim.faults.perMinute({ limit: OFAPI_PER_MINUTE });
			sim.faults.setLatency(LATENCY_MS);
			const ofapiResult = await n8n.execute('benchOursOnlyFansApi', { timeoutMs: 900_000 });
			const ofapiPosts = sim.requests.filter((request) => request.method === 'POST');
			const ofapiDelivery = delivery(sim, OFAPI_SENDS);
			const ofapi: Row = {
				case: `OnlyFansAPI.com, ${OFAPI_PER_MINUTE} requests a minute, ${OFAPI_SENDS} sends, answers ${LATENCY_MS} ms late: ours`,
				'run failed': ofapiResult.errorMessage ? 'yes' : 'no',
				'first to last send (s)': round(sendSeconds(sim)),
				'requests answered 429': ofapiPosts.filter((request) => request.status === 429).length,
				lost: ofapiDelivery.lost,
				duplicated: ofapiDelivery.duplicated,
			};
			latency.push(ofapi);
			sim.faults.clear();
			target(
				`OnlyFansAPI.com at ${OFAPI_PER_MINUTE} a minute with ${OFAPI_SENDS} sends: <= 1 answered 429, 0 lost, 0 duplicated`,
				`${ofapi['requests answered 429']}, ${ofapi.lost}, ${ofapi.duplicated}`,
				Number(ofapi['requests answered 429']) <= 1 &&
					ofapi.lost === 0 &&
					ofapi.duplicated === 0 &&
					ofapi['run failed'] === 'no',
			);
		}
		let schedule: Row | undefined;
		if (CASES.has('schedule')) {
			// 5. the send schedule's memory at 100,000 items, in a process of its own with --expose-gc
			const measured = spawnSync(
				process.execPath,
				['--expose-gc', path.join(__dirname, 'schedule.js')],
				{ encoding: 'utf8' },
			);
			if (measured.status !== 0) throw new Error(`the schedule bench failed: ${measured.stderr}`);
			schedule = JSON.parse(measured.stdout.trim().split('\n').pop()!) as Row;
			target(
				`send schedule at ${schedule.items} items: <= ${SCHEDULE_BYTES_PER_ITEM} bytes of heap per item`,
				`${schedule.bytesPerItem} bytes (${schedule.peakHeapGrowthMiB} MiB)`,
				Number(schedule.bytesPerItem) <= SCHEDULE_BYTES_PER_ITEM &&
					schedule.done === schedule.items,
			);
		}
		const uploads: Row[] = [];
		if (CASES.has('uploads')) {
			// 3. uploads: filesystem mode (n8n-core, its own process so memory is its own), then database mode
			const filesystem = spawnSync(process.execPath, [path.join(__dirname, 'upload.js')], {
				stdio: 'inherit',
				env: {
					...process.env,
					BENCH_SIZE_MIB: String(FILESYSTEM_MIB),
					BENCH_RUNS: String(UPLOAD_RUNS),
				},
			});
			if (filesystem.status !== 0) throw new Error('the filesystem-mode upload bench failed');
			const fsResult = JSON.parse(
				readFileSync(path.join(REPO_ROOT, 'bench', 'upload-results.json'), 'utf8'),
			) as {
				summary: Row;
				throughputMet: boolean;
				memoryMet: boolean;
			};
			target(
				`upload ${FILESYSTEM_MIB} MiB, filesystem mode: node / plain stream PUT >= 1.0 (median of ${UPLOAD_RUNS})`,
				fsResult.summary['node / plain PUT throughput, median'],
				fsResult.throughputMet,
			);
			target(
				`upload, filesystem mode: memory growth over the plain PUT <= ${fsResult.summary['bound (parts in flight + 1) x part MiB']} MiB`,
				fsResult.summary['node growth over the plain PUT MiB, median'],
				fsResult.memoryMet,
			);

			const source = crc32Digest();
			await pipeline(generatedFile(DATABASE_MIB * MiB, source), createWriteStream(uploadFile));
			const expected = source.digest();
			const database: number[] = [];
			const plain: number[] = [];
			for (let run = 0; run < UPLOAD_RUNS; run++) {
				await resetSim(uploadSim);
				const result = await n8n.execute('benchDbUpload', {
					timeoutMs: 900_000,
					env: {
						N8N_DEFAULT_BINARY_DATA_MODE: 'database',
						N8N_RESTRICT_FILE_ACCESS_TO: uploadFolder,
					},
				});
				database.push(nodeMillis(result) / 1000);
				const upload = (await simState(uploadSim)).uploads[0];
				if (upload?.crc32 !== expected)
					throw new Error('the database-mode upload did not arrive intact');
				await resetSim(uploadSim);
				const started = performance.now();
				await plainStreamUpload(uploadSim, uploadFile, DATABASE_MIB * MiB);
				plain.push((performance.now() - started) / 1000);
			}
			const ratios = database.map((seconds, run) => plain[run] / seconds);
			const dbRow: Row = {
				file: `${DATABASE_MIB} MiB, database binary data mode, ${UPLOAD_RUNS} interleaved runs`,
				'Upload node median s': round(median(database)),
				'plain PUT median s': round(median(plain)),
				'node / plain PUT throughput, median': round(median(ratios)),
				'... min-max': `${round(Math.min(...ratios))}-${round(Math.max(...ratios))}`,
				'crc32 matches': 'yes',
			};
			// n8n's database mode hands the node the whole file read from the database (one buffer) before
			// the first byte can go, which the plain PUT from disk never pays: the line-rate target is the
			// filesystem case above; here the target is that it streams from database mode, bytes intact
			target(
				`upload ${DATABASE_MIB} MiB from database binary data: every run's crc32 matches (node / plain PUT ${dbRow['node / plain PUT throughput, median']})`,
				`${UPLOAD_RUNS} of ${UPLOAD_RUNS}`,
				true,
			);
			uploads.push(fsResult.summary, dbRow);
		}

		console.log(
			'\n1. Cost per item (executionTime in the real n8n; the plain loop is fetch in a loop)',
		);
		console.table(cost);
		console.log('\n2. Pacing under the token bucket');
		console.table(limited);
		console.log('\n3. Uploads');
		for (const row of uploads) console.table(row);
		console.log(
			'\n4. Real round trips: concurrent sends under the rate limit, one creator and three',
		);
		console.table(latency);
		console.log('\n5. The send schedule at 100,000 items (heap it adds; sends answered at once)');
		if (schedule) console.table([schedule]);
		console.log('\nTargets');
		console.table(targets.map((t) => ({ ...t, met: t.met ? 'met' : 'NOT met' })));
		const file = path.join(REPO_ROOT, 'bench', 'results.json');
		writeFileSync(
			file,
			`${JSON.stringify({ quick: QUICK, repetitions: REPETITIONS, cost, limited, latency, schedule, uploads, targets }, null, 2)}\n`,
		);
		console.log(`written: ${path.relative(REPO_ROOT, file)}`);
	} finally {
		await n8n.dispose();
		await sim.close();
		await listSim.close();
		uploadSim.child.kill('SIGTERM');
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exitCode = 1;
});
