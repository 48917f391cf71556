/**
 * What the upload benchmarks share: the simulator in its own process (keeping no bytes), a
 * generated file, and the same upload done with nothing but Node (fs stream piped into
 * http.request, one part after the other): the "plain stream PUT" the node is compared with.
 *
 * The simulator fingerprints what it receives with crc32, not sha256: it shares the 2 cores
 * with the client being measured, and hashing 1 GiB with sha256 made it the slowest part of
 * the pipe (busy 100 % of the node's runs), so both clients measured the simulator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';

export const MiB = 1024 * 1024;

export interface Simulator {
	baseUrl: string;
	apiKey: string;
	connectionId: string;
	controlUrl: string;
	child: ChildProcess;
}

export async function startSimulatorProcess(partSize: number): Promise<Simulator> {
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
			String(partSize),
			'--single-max',
			String(partSize),
			'--upload-digest',
			'crc32',
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
export function generatedFile(
	size: number,
	fingerprint: { update(chunk: Buffer): unknown },
): Readable {
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
			fingerprint.update(chunk);
			produced += length;
			this.push(chunk);
		},
	});
}

export async function simState(sim: Simulator): Promise<{
	uploads: Array<{
		mediaUploadId: string;
		crc32?: string;
		status: string;
		hasBytes: boolean;
		totalParts: number;
	}>;
}> {
	const response = await fetch(`${sim.controlUrl}/state`);
	return (await response.json()) as never;
}

export async function resetSim(sim: Simulator): Promise<void> {
	await fetch(`${sim.controlUrl}/reset`, { method: 'POST' });
}

export const agent = new Agent({ keepAlive: true, maxSockets: 1 });

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
export async function plainStreamUpload(
	sim: Simulator,
	path: string,
	size: number,
): Promise<string> {
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

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
export const round = (value: number) => Math.round(value * 100) / 100;
