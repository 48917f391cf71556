/**
 * Run the simulator standalone:
 *   npx ts-node test/simulator/cli.ts --port 4010 --seed 1
 *   node build/test/simulator/cli.js --port 0
 * Prints one JSON line {"baseUrl","apiKey","connectionId","controlUrl"} to stdout,
 * then serves until SIGINT/SIGTERM.
 * Options: --port N, --seed N, --api-key K, --fans N, --vault-media N,
 *          --part-size BYTES, --single-max BYTES, --plan-style body|headers,
 *          --ready-after-polls N, --keep-bytes, --upload-digest sha256|crc32,
 *          --permissions a,b,c
 */
import { startSimulator } from './index';
import type { SimulatorOptions } from './types';

function parseArgs(argv: string[]): SimulatorOptions {
	const get = (name: string): string | undefined => {
		const i = argv.indexOf(`--${name}`);
		if (i >= 0) return argv[i + 1];
		const eq = argv.find((a) => a.startsWith(`--${name}=`));
		return eq ? eq.slice(name.length + 3) : undefined;
	};
	const num = (name: string): number | undefined =>
		get(name) === undefined ? undefined : Number(get(name));
	const planStyle = get('plan-style');
	const digest = get('upload-digest');
	return {
		port: num('port') ?? 0,
		seed: num('seed'),
		apiKey: get('api-key'),
		fans: num('fans'),
		vaultMedia: num('vault-media'),
		permissions: get('permissions')?.split(',').filter(Boolean),
		upload: {
			partSize: num('part-size'),
			singleMaxBytes: num('single-max'),
			planStyle: planStyle === 'headers' || planStyle === 'body' ? planStyle : undefined,
			readyAfterPolls: num('ready-after-polls'),
			keepBytes: argv.includes('--keep-bytes') || undefined,
			digest: digest === 'crc32' || digest === 'sha256' ? digest : undefined,
		},
	};
}

async function main(): Promise<void> {
	const sim = await startSimulator(parseArgs(process.argv.slice(2)));
	process.stdout.write(
		`${JSON.stringify({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, connectionId: sim.connectionId, controlUrl: sim.controlUrl })}\n`,
	);
	const stop = () => {
		sim.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err) => {
	process.stderr.write(`${err?.stack ?? err}\n`);
	process.exit(1);
});
