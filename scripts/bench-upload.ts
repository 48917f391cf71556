/**
 * npm run bench:upload
 *
 * Uploads a generated 1 GiB file through the OFAuth node (Media > Upload) the way n8n runs it:
 * n8n-core's WorkflowExecute, binary data in filesystem mode (what self-hosters use for large
 * files), against the OFAuth simulator running in its own process without keeping the bytes.
 * Then sends the same file with a plain Node stream PUT (fs.createReadStream piped into
 * http.request, part by part) to the same server. Prints peak RSS growth and throughput of both.
 *
 * Options (env): BENCH_SIZE_MIB (default 1024), BENCH_PART_MIB (default 5).
 * Everything is written to a temp folder that is deleted at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

import { binaryItem, useBinaryDataMode } from '../test/harness/binaryData';
import { runNode } from '../test/harness/runWorkflow';

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_SIZE_MIB ?? 1024) * MiB;
const PART = Number(process.env.BENCH_PART_MIB ?? 5) * MiB;

interface Simulator {
	baseUrl: string;
	apiKey: string;
	connectionId: string;
	controlUrl: string;
	child: ChildProcess;
}

async function startSimulatorProcess(): Promise<Simulator> {
	const cli = resolve(__dirname, '../test/simulator/cli.js');
	const child = spawn(
		process.execPath,
		[
			cli,
			'--port',
			'0',
			'--fans',
			'5',
			'--vault-media',
			'3',
			'--part-size',
			String(PART),
			'--single-max',
			String(PART),
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const line = await new Promise<string>((ok, fail) => {
		let text = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			text += chunk.toString('utf8');
			const end = text.indexOf('\n');
			if (end >= 0) ok(text.slice(0, end));
		});
		child.once('exit', (code) => fail(new Error(`simulator exited with ${code}`)));
	});
	return { ...(JSON.parse(line) as Omit<Simulator, 'child'>), child };
}

/** Deterministic pseudo-random bytes, generated block by block (never the whole file in memory). */
function generatedFile(size: number, hash: ReturnType<typeof createHash>): Readable {
	let produced = 0;
	const block = Buffer.allocUnsafe(4 * MiB);
	return new Readable({
		read() {
			if (produced >= size) {
				this.push(null);
				return;
			}
			const length = Math.min(block.length, size - produced);
			const chunk = Buffer.from(randomFillSync(block, 0, length).subarray(0, length));
			hash.update(chunk);
			produced += length;
			this.push(chunk);
		},
	});
}

/** Samples process RSS while `work` runs; returns the peak growth over the RSS just before it. */
async function measure<T>(
	work: () => Promise<T>,
): Promise<{ result: T; seconds: number; baseRss: number; peakGrowth: number }> {
	(globalThis as { gc?: () => void }).gc?.();
	await new Promise((done) => setTimeout(done, 200));
	(globalThis as { gc?: () => void }).gc?.();
	const baseRss = process.memoryUsage().rss;
	let peak = baseRss;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 5);
	const started = process.hrtime.bigint();
	try {
		const result = await work();
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		peak = Math.max(peak, process.memoryUsage().rss);
		return { result, seconds, baseRss, peakGrowth: peak - baseRss };
	} finally {
		clearInterval(sampler);
	}
}

async function simState(sim: Simulator): Promise<{
	uploads: Array<{
		mediaUploadId: string;
		sha256: string | null;
		status: string;
		hasBytes: boolean;
		totalParts: number;
	}>;
}> {
	const response = await fetch(`${sim.controlUrl}/state`);
	return (await response.json()) as never;
}

async function resetSim(sim: Simulator): Promise<void> {
	await fetch(`${sim.controlUrl}/reset`, { method: 'POST' });
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function call(
	sim: Simulator,
	method: string,
	path: string,
	body?: Buffer | Readable,
	headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
	return new Promise((ok, fail) => {
		const req = request(
			`${sim.baseUrl}${path}`,
			{
				method,
				agent,
				headers: { apiKey: sim.apiKey, 'x-connection-id': sim.connectionId, ...headers },
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					ok({
						status: res.statusCode ?? 0,
						json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
					});
				});
			},
		);
		req.on('error', fail);
		if (body instanceof Readable) body.pipe(req);
		else req.end(body);
	});
}

/** The same upload flow with nothing but Node: init, each part streamed from the file, complete. */
async function plainStreamUpload(sim: Simulator, path: string, size: number): Promise<string> {
	const init = await call(
		sim,
		'POST',
		'/v2/access/uploads/init',
		Buffer.from(JSON.stringify({ filename: 'bench.mp4', size, contentType: 'video/mp4' })),
		{
			'content-type': 'application/json',
		},
	);
	const id = String(init.json.mediaUploadId);
	const partSize = Number(init.json.partSize);
	const total = Number(init.json.totalParts);
	const base = `/v2/access/uploads/${encodeURIComponent(id)}`;
	for (let n = 1; n <= total; n++) {
		const start = (n - 1) * partSize;
		const end = Math.min(size, start + partSize) - 1;
		const put = await call(
			sim,
			'PUT',
			`${base}/parts/${n}`,
			createReadStream(path, { start, end }),
			{
				'content-type': 'application/octet-stream',
				'content-length': String(end - start + 1),
			},
		);
		if (put.status !== 200) throw new Error(`plain PUT of part ${n} answered ${put.status}`);
	}
	const done = await call(
		sim,
		'POST',
		'/v2/access/uploads/complete',
		Buffer.from(JSON.stringify({ mediaUploadId: id })),
		{
			'content-type': 'application/json',
		},
	);
	if (done.status !== 200) throw new Error(`complete answered ${done.status}`);
	return id;
}

const mib = (bytes: number) => (bytes / MiB).toFixed(1);

async function main(): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'ofauth-bench-'));
	const sim = await startSimulatorProcess();
	try {
		const binary = await useBinaryDataMode('filesystem', join(folder, 'n8n-binary-data'));
		const credentials = {
			apiKey: sim.apiKey,
			baseUrl: 'custom',
			customBaseUrl: sim.baseUrl,
			defaultConnectionId: sim.connectionId,
		};
		const parameters = { resource: 'media', operation: 'upload', binaryPropertyName: 'data' };

		// warm-up: loads n8n-core's lazy modules and JITs the path with a small file
		const warm = await binaryItem(generatedFile(2 * PART + 1, createHash('sha256')), {
			fileName: 'warm.mp4',
			mimeType: 'video/mp4',
		});
		const warmRun = await runNode(parameters, { credentials, items: [warm] });
		if (warmRun.error) throw warmRun.error;
		await resetSim(sim);

		console.log(
			`Generating ${mib(SIZE)} MiB into n8n's filesystem binary data store (${binary.storagePath}) ...`,
		);
		const sourceHash = createHash('sha256');
		const item = await binaryItem(generatedFile(SIZE, sourceHash), {
			fileName: 'bench.mp4',
			mimeType: 'video/mp4',
		});
		const expectedSha = sourceHash.digest('hex');
		const filePath = binary.service.getPath(item.binary!.data.id!);

		const node = await measure(
			async () => await runNode(parameters, { credentials, items: [item] }),
		);
		if (node.result.error) throw node.result.error;
		const nodeOut = node.result.output()[0].json;
		const nodeState = (await simState(sim)).uploads[0];
		await resetSim(sim);

		const plain = await measure(async () => await plainStreamUpload(sim, filePath, SIZE));
		const plainState = (await simState(sim)).uploads[0];

		const rows = [
			['OFAuth node (n8n-core, filesystem mode)', node, nodeState, Number(nodeOut.parts)],
			['plain Node stream PUT (fs -> http)', plain, plainState, plainState.totalParts],
		] as const;
		console.log('');
		console.log(
			`file: ${mib(SIZE)} MiB, part size ${mib(PART)} MiB, simulator in its own process, keeps no bytes`,
		);
		console.log(
			'| upload | parts | time (s) | throughput (MiB/s) | RSS before (MiB) | peak RSS growth (MiB) | sha256 matches |',
		);
		console.log('|---|---|---|---|---|---|---|');
		for (const [name, run, state, parts] of rows) {
			const same = state.sha256 === expectedSha && state.status === 'completed' && !state.hasBytes;
			console.log(
				`| ${name} | ${parts} | ${run.seconds.toFixed(2)} | ${(SIZE / MiB / run.seconds).toFixed(0)} | ${mib(run.baseRss)} | ${mib(run.peakGrowth)} | ${same ? 'yes' : 'NO'} |`,
			);
			if (!same) process.exitCode = 1;
		}
		console.log(`peak RSS growth of the node = ${(node.peakGrowth / PART).toFixed(1)} part sizes`);
		binary.cleanup();
	} finally {
		agent.destroy();
		sim.child.kill('SIGTERM');
		rmSync(folder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
