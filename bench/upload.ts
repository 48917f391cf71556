/**
 * npm run bench:upload (also run by npm run bench)
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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { binaryItem, useBinaryDataMode } from '../test/harness/binaryData';
import { runNode } from '../test/harness/runWorkflow';
import { PARTS_IN_FLIGHT } from '../nodes/shared/actions/media/uploadFlow';
import {
	MiB,
	agent,
	generatedFile,
	median,
	plainStreamUpload,
	resetSim,
	round,
	simState,
	startSimulatorProcess,
} from './plainUpload';
import { crc32Digest } from '../test/simulator';

const SIZE = Number(process.env.BENCH_SIZE_MIB ?? 1024) * MiB;
const PART = Number(process.env.BENCH_PART_MIB ?? 5) * MiB;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/**
 * Samples process RSS while `work` runs; returns the peak growth over the RSS just before it.
 * No garbage collection is forced before a run: V8 answers a forced one by shrinking its heap,
 * and the 1 GiB run that followed spent its time growing it back (2.3-2.8 s for the node,
 * 4.3-5.5 s for the plain PUT, against 1.1-1.8 s and 1.1-2.7 s without it), a state n8n never runs in.
 */
async function measure<T>(
	work: () => Promise<T>,
): Promise<{ result: T; seconds: number; baseRss: number; peakGrowth: number }> {
	await new Promise((done) => setTimeout(done, 200));
	const baseRss = process.memoryUsage.rss();
	let peak = baseRss;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, 5);
	const started = process.hrtime.bigint();
	try {
		const result = await work();
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		peak = Math.max(peak, process.memoryUsage.rss());
		return { result, seconds, baseRss, peakGrowth: peak - baseRss };
	} finally {
		clearInterval(sampler);
	}
}

const mib = (bytes: number) => (bytes / MiB).toFixed(1);

async function main(): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'ofauth-bench-'));
	const sim = await startSimulatorProcess(PART);
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
		const warm = await binaryItem(generatedFile(2 * PART + 1, crc32Digest()), {
			fileName: 'warm.mp4',
			mimeType: 'video/mp4',
		});
		const warmRun = await runNode(parameters, { credentials, items: [warm] });
		if (warmRun.error) throw warmRun.error;
		await resetSim(sim);

		console.log(
			`Generating ${mib(SIZE)} MiB into n8n's filesystem binary data store (${binary.storagePath}) ...`,
		);
		const source = crc32Digest();
		const item = await binaryItem(generatedFile(SIZE, source), {
			fileName: 'bench.mp4',
			mimeType: 'video/mp4',
		});
		const expectedCrc32 = source.digest();
		const filePath = binary.service.getPath(item.binary!.data.id!);

		const nodeRuns: Array<Awaited<ReturnType<typeof measure>>> = [];
		const plainRuns: Array<Awaited<ReturnType<typeof measure>>> = [];
		let allMatch = true;
		for (let run = 0; run < RUNS; run++) {
			// interleaved: the node, then the plain PUT, so both meet the same machine state
			const node = await measure(
				async () => await runNode(parameters, { credentials, items: [item] }),
			);
			const nodeResult = node.result as Awaited<ReturnType<typeof runNode>>;
			if (nodeResult.error) throw nodeResult.error;
			const nodeState = (await simState(sim)).uploads[0];
			await resetSim(sim);
			const plain = await measure(async () => await plainStreamUpload(sim, filePath, SIZE));
			const plainState = (await simState(sim)).uploads[0];
			await resetSim(sim);
			for (const state of [nodeState, plainState]) {
				allMatch &&=
					state.crc32 === expectedCrc32 && state.status === 'completed' && !state.hasBytes;
			}
			nodeRuns.push(node);
			plainRuns.push(plain);
			console.log(
				`run ${run + 1}: node ${node.seconds.toFixed(2)} s (+${mib(node.peakGrowth)} MiB), plain ${plain.seconds.toFixed(2)} s (+${mib(plain.peakGrowth)} MiB)`,
			);
		}
		const ratios = nodeRuns.map((node, run) => plainRuns[run].seconds / node.seconds);
		const memoryBound = (PARTS_IN_FLIGHT + 1) * PART;
		// RSS growth also holds buffers garbage collection has not reclaimed yet (n8n's 1 MiB read chunks),
		// which the plain PUT shows too: the node's own share is its growth over the plain PUT's
		const growth = (runs: typeof nodeRuns) => runs.map((run) => run.peakGrowth);
		const nodeGrowth = median(growth(nodeRuns));
		const plainGrowth = median(growth(plainRuns));
		const summary = {
			file: `${mib(SIZE)} MiB, parts of ${mib(PART)} MiB, ${RUNS} interleaved runs`,
			'node median s': round(median(nodeRuns.map((run) => run.seconds))),
			'plain PUT median s': round(median(plainRuns.map((run) => run.seconds))),
			'node / plain PUT throughput, median': round(median(ratios)),
			'... min-max': `${round(Math.min(...ratios))}-${round(Math.max(...ratios))}`,
			'node peak RSS growth MiB, median (max)': `${mib(nodeGrowth)} (${mib(Math.max(...growth(nodeRuns)))})`,
			'plain PUT peak RSS growth MiB, median (max)': `${mib(plainGrowth)} (${mib(Math.max(...growth(plainRuns)))})`,
			'node growth over the plain PUT MiB, median': Number(mib(nodeGrowth - plainGrowth)),
			'bound (parts in flight + 1) x part MiB': Number(mib(memoryBound)),
			'crc32 of every run matches': allMatch ? 'yes' : 'NO',
		};
		console.log('');
		console.table(summary);
		const throughputMet = median(ratios) >= 1.0;
		const memoryMet = nodeGrowth - plainGrowth <= memoryBound;
		console.log(
			`target: throughput ratio >= 1.0: ${throughputMet ? 'met' : 'NOT met'}; median growth over the plain PUT <= ${mib(memoryBound)} MiB: ${memoryMet ? 'met' : 'NOT met'}`,
		);
		if (!allMatch) process.exitCode = 1;
		writeFileSync(
			join(resolve(__dirname, '../..'), 'bench', 'upload-results.json'),
			`${JSON.stringify({ mode: 'filesystem', summary, throughputMet, memoryMet }, null, 2)}\n`,
		);
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
