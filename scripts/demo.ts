/**
 * `npm start`: a real n8n 2.41.1 with this package installed from its tarball, the OFAuth
 * simulator behind an "OFAuth account" credential, the example workflows imported and an owner
 * account set up. Prints the editor URL and the login; Ctrl-C stops everything.
 *
 *   npm start                                  # against the simulator (no OFAuth account needed)
 *   OFAUTH_API_KEY=sk_... OFAUTH_CONNECTION_ID=conn_... npm start   # against the real OFAuth
 *   N8N_PORT=5679 npm start                    # another editor port (default 5678, else a free one)
 *   OFAUTH_DEMO_FRESH=1 npm start              # forget the previous demo's workflows and executions
 *
 * The demo's n8n user folder is .tmp/demo (kept between runs; n8n itself is cached in
 * ~/.cache/ofauth-e2e, installed on first use).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { startSimulator, type OfAuthSimulator } from '../test/simulator';
import {
	EXAMPLE_CREDENTIAL,
	REPO_ROOT,
	RealN8n,
	freePort,
	type CredentialImport,
	type RunningN8n,
	type WorkflowJson,
} from '../test/e2e/realN8n';

export const DEMO_LOGIN = {
	email: 'demo@ofauth.test',
	password: 'OfAuth-demo-1',
	firstName: 'OFAuth',
	lastName: 'Demo',
};

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const srv = createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

function exampleWorkflows(): WorkflowJson[] {
	const dir = path.join(REPO_ROOT, 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file, i) => {
			const workflow = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as WorkflowJson;
			// stable ids, so a re-run updates the same workflows instead of adding copies
			return { ...workflow, id: `ofauthExample${String(i + 1).padStart(2, '0')}`, active: false };
		});
}

async function main(): Promise<void> {
	const started = Date.now();
	const userFolder = path.join(REPO_ROOT, '.tmp', 'demo');
	if (process.env.OFAUTH_DEMO_FRESH) rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });

	const realApi = Boolean(process.env.OFAUTH_API_KEY);
	let sim: OfAuthSimulator | undefined;
	let credential: CredentialImport;
	if (realApi) {
		credential = {
			...EXAMPLE_CREDENTIAL,
			data: {
				apiKey: process.env.OFAUTH_API_KEY,
				baseUrl: process.env.OFAUTH_BASE_URL ? 'custom' : 'https://api.ofauth.com',
				customBaseUrl: process.env.OFAUTH_BASE_URL ?? '',
				defaultConnectionId: process.env.OFAUTH_CONNECTION_ID ?? '',
			},
		};
	} else {
		const simPort = Number(process.env.OFAUTH_SIM_PORT ?? 0);
		sim = await startSimulator({ seed: 1, port: simPort });
		credential = {
			...EXAMPLE_CREDENTIAL,
			data: {
				apiKey: sim.apiKey,
				baseUrl: 'custom',
				customBaseUrl: sim.baseUrl,
				defaultConnectionId: sim.connectionId,
			},
		};
	}

	console.log(
		'[demo] installing the package tarball into a real n8n (first run installs n8n: 4-6 minutes)...',
	);
	const n8n = await RealN8n.create('demo', { userFolder });
	const workflows = exampleWorkflows();
	await n8n.importCredentials([credential]);
	await n8n.importWorkflows(workflows);

	const wanted = Number(process.env.N8N_PORT ?? 5678);
	const port = (await portIsFree(wanted)) ? wanted : await freePort();
	const running: { server?: RunningN8n } = {};
	const stop = async (code: number) => {
		console.log('\n[demo] stopping n8n and the simulator...');
		await running.server?.stop();
		await sim?.close();
		process.exit(code);
	};
	process.once('SIGINT', () => void stop(0));
	process.once('SIGTERM', () => void stop(0));

	const server = await n8n.start({ port });
	running.server = server;
	await server.login(DEMO_LOGIN);
	// what the editor will be served: the package's node types must be among them
	const types = await server.rest<Array<{ name: string; displayName: string }>>(
		'GET',
		'/types/nodes.json',
	);
	const ours = types.body.filter((t) => t.name.startsWith('n8n-nodes-ofauth-messaging.'));
	if (!ours.some((t) => t.name === 'n8n-nodes-ofauth-messaging.ofAuth')) {
		console.error('[demo] n8n did not load the OFAuth node; its log:\n', server.log().slice(-4000));
		await stop(1);
	}

	const line = '-'.repeat(72);
	console.log(line);
	console.log(
		`n8n ${path.basename(n8n.runtime.n8nDir)} with n8n-nodes-ofauth-messaging is running (ready in ${Math.round((Date.now() - started) / 1000)} s)`,
	);
	console.log(`  Editor:   ${server.baseUrl}   (from another machine: forward port ${port})`);
	console.log(`  Login:    ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
	console.log(`  Nodes:    ${ours.map((t) => t.displayName).join(', ')}`);
	console.log(
		`  Credential "${EXAMPLE_CREDENTIAL.name}" -> ${realApi ? 'the real OFAuth API' : `the simulator at ${sim!.baseUrl}`}`,
	);
	console.log(`  Workflows: ${workflows.map((w) => w.name).join(' | ')}`);
	if (sim) {
		console.log(
			`  Simulator control: ${sim.controlUrl}/requests (what the nodes sent), ${sim.controlUrl}/state`,
		);
		console.log(
			`    a fan writes:  curl -X POST ${sim.controlUrl}/events -d '{"kind":"message","userId":100001,"text":"hi"}'`,
		);
	}
	console.log(`  n8n data: ${userFolder}  (OFAUTH_DEMO_FRESH=1 npm start starts over)`);
	console.log('Ctrl-C stops n8n and the simulator.');
	console.log(line);
}

main().catch((error) => {
	console.error('[demo] failed:', error);
	process.exit(1);
});
