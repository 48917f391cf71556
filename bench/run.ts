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
		await n8n.importWorkflows(
			SIZES.flatMap((count) => [
				sendWorkflow(`benchOurs${count}`, count, ours()),
				sendWorkflow(`benchHttp${count}`, count, httpRequest(sim)),
			]),
		);
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
		console.table(table);
		const file = path.join(REPO_ROOT, 'bench', 'results.json');
		writeFileSync(file, `${JSON.stringify({ quick: QUICK, repetitions: REPETITIONS, table }, null, 2)}\n`);
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
