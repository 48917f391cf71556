/**
 * `npm start`: a real n8n 2.41.1 with both packages installed from their tarballs side by side, the
 * simulator of both services behind an "OFAuth account" and an "OnlyFansAPI.com account" credential,
 * the example workflows of both imported and an owner account set up. Prints the editor URL and the
 * login; Ctrl-C stops everything.
 *
 *   npm start                                  # against the simulator (no account of either service needed)
 *   OFAUTH_API_KEY=sk_... OFAUTH_CONNECTION_ID=conn_... npm start   # the OFAuth nodes against the real OFAuth
 *   ONLYFANSAPI_API_KEY=... ONLYFANSAPI_ACCOUNT_ID=acct_... npm start   # the OnlyFansAPI.com nodes against the real API
 *   N8N_PORT=5679 npm start                    # another editor port (default 5678, else a free one)
 *   OFAUTH_DEMO_FRESH=1 npm start              # forget the previous demo's workflows and executions
 *   OFAUTH_DEMO_FOLDER=<dir> npm start         # keep this n8n's data elsewhere (the screenshots script does)
 *
 * The demo's n8n user folder is .tmp/demo (kept between runs; n8n itself is cached in
 * ~/.cache/ofauth-e2e, installed on first use).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { startSimulator, type OfAuthSimulator } from '../test/simulator';
import {
	EXAMPLE_CREDENTIAL,
	EXAMPLE_ONLYFANSAPI_CREDENTIAL,
	ONLYFANSAPI_PACKAGE_NAME,
	PACKAGE_NAME,
	REPO_ROOT,
	RealN8n,
	freePort,
	simulatorOnlyFansApiCredential,
	type CredentialImport,
	type RunningN8n,
	type WorkflowJson,
} from '../test/e2e/realN8n';
import { DEMO_LOGIN } from './demoLogin';

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const srv = createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

interface ExampleFile {
	file: string;
	workflow: WorkflowJson;
}

function exampleFiles(): ExampleFile[] {
	const dir = path.join(REPO_ROOT, 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as WorkflowJson,
		}));
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** What a user edits in a workflow: its nodes and connections (n8n's own bookkeeping left out). */
function contentHash(workflow: Pick<WorkflowJson, 'nodes' | 'connections'>): string {
	const nodes = [...workflow.nodes]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map(({ name, type, typeVersion, position, parameters, credentials }) => ({
			name,
			type,
			typeVersion,
			position,
			parameters,
			credentials,
		}));
	return sha256({ nodes, connections: workflow.connections });
}

/** Per example file: the workflow it became and its content as n8n stored it then. */
type ImportRecord = Record<string, { workflowId: string; storedHash: string; fileHash: string }>;

/**
 * Imports each example over the editor's REST API unless the user has it already: an example is
 * created when it is missing (never imported, or deleted), updated when its file changed and the
 * user has not edited the copy, and otherwise left alone, so a restart never overwrites edits.
 */
async function importExamples(
	server: RunningN8n,
	recordFile: string,
): Promise<Array<{ name: string; what: string }>> {
	const record: ImportRecord = existsSync(recordFile)
		? (JSON.parse(readFileSync(recordFile, 'utf8')) as ImportRecord)
		: {};
	const report: Array<{ name: string; what: string }> = [];
	type Stored = { data: WorkflowJson & { id: string; versionId: string } };
	for (const [index, { file, workflow }] of exampleFiles().entries()) {
		const fileHash = sha256(workflow);
		// demo folders from before this record kept the examples under fixed ids: adopt those as they are
		const legacyId = `ofauthExample${String(index + 1).padStart(2, '0')}`;
		const legacy = record[file]
			? undefined
			: await server.rest<Stored>('GET', `/rest/workflows/${legacyId}`);
		if (legacy?.status === 200)
			record[file] = { workflowId: legacyId, storedHash: contentHash(legacy.body.data), fileHash };
		const known = record[file];
		const current = known
			? await server.rest<Stored>('GET', `/rest/workflows/${known.workflowId}`)
			: undefined;
		let stored: Stored['data'] | undefined;
		let what: string;
		if (!known || current?.status !== 200) {
			const body: Partial<WorkflowJson> & { id?: string } = { ...workflow };
			delete body.id; // n8n gives the copy its own id
			const created = await server.rest<Stored>('POST', '/rest/workflows', {
				...body,
				active: false,
			});
			if (created.status !== 200)
				throw new Error(`importing ${file}: ${created.status} ${JSON.stringify(created.body)}`);
			stored = created.body.data;
			what = 'imported';
		} else if (contentHash(current.body.data) !== known.storedHash) {
			what = 'kept (edited in n8n)';
		} else if (known.fileHash !== fileHash) {
			const updated = await server.rest<Stored>('PATCH', `/rest/workflows/${known.workflowId}`, {
				nodes: workflow.nodes,
				connections: workflow.connections,
				versionId: current.body.data.versionId,
			});
			if (updated.status !== 200)
				throw new Error(`updating ${file}: ${updated.status} ${JSON.stringify(updated.body)}`);
			stored = updated.body.data;
			what = 'updated (the example changed)';
		} else {
			what = 'unchanged';
		}
		if (stored) record[file] = { workflowId: stored.id, storedHash: contentHash(stored), fileHash };
		report.push({ name: workflow.name, what });
	}
	writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
	return report;
}

/** A port the simulator keeps from one start to the next, so the saved credential stays valid. */
async function simulatorPort(): Promise<number> {
	if (process.env.OFAUTH_SIM_PORT) return Number(process.env.OFAUTH_SIM_PORT);
	return (await portIsFree(STABLE_SIM_PORT)) ? STABLE_SIM_PORT : 0;
}
const STABLE_SIM_PORT = 5699;

async function main(): Promise<void> {
	const started = Date.now();
	const userFolder = process.env.OFAUTH_DEMO_FOLDER ?? path.join(REPO_ROOT, '.tmp', 'demo');
	if (process.env.OFAUTH_DEMO_FRESH) rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });

	const realApi = Boolean(process.env.OFAUTH_API_KEY);
	const realOnlyFansApi = Boolean(process.env.ONLYFANSAPI_API_KEY);
	let sim: OfAuthSimulator | undefined;
	let credential: CredentialImport;
	// the simulator serves both APIs (OnlyFansAPI.com below /api): started unless both real APIs are used
	if (!realApi || !realOnlyFansApi) {
		sim = await startSimulator({ seed: 1, port: await simulatorPort() });
	}
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
		credential = {
			...EXAMPLE_CREDENTIAL,
			data: {
				apiKey: sim!.apiKey,
				baseUrl: 'custom',
				customBaseUrl: sim!.baseUrl,
				defaultConnectionId: sim!.connectionId,
			},
		};
	}
	const onlyFansApiCredential: CredentialImport = realOnlyFansApi
		? {
				...EXAMPLE_ONLYFANSAPI_CREDENTIAL,
				data: {
					apiKey: process.env.ONLYFANSAPI_API_KEY,
					baseUrl: 'https://app.onlyfansapi.com/api',
					customBaseUrl: '',
					defaultConnectionId: process.env.ONLYFANSAPI_ACCOUNT_ID ?? '',
				},
			}
		: simulatorOnlyFansApiCredential(
				sim!,
				EXAMPLE_ONLYFANSAPI_CREDENTIAL.id,
				EXAMPLE_ONLYFANSAPI_CREDENTIAL.name,
			);

	const n8n = await RealN8n.create('demo', { userFolder });
	console.log(
		n8n.packageInstalled
			? '[demo] installed this build of the package into n8n'
			: '[demo] the package in n8n is already this build',
	);
	// the credential is imported again only when it changed (e.g. OFAUTH_API_KEY, another port)
	const credentialStamp = path.join(userFolder, '.demo-credential-sha256');
	if (
		!existsSync(credentialStamp) ||
		readFileSync(credentialStamp, 'utf8') !== sha256([credential, onlyFansApiCredential])
	) {
		await n8n.importCredentials([credential, onlyFansApiCredential]);
		writeFileSync(credentialStamp, sha256([credential, onlyFansApiCredential]));
	}

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
	const examples = await importExamples(server, path.join(userFolder, '.demo-examples.json'));
	// what the editor will be served: the package's node types must be among them
	const types = await server.rest<Array<{ name: string; displayName: string }>>(
		'GET',
		'/types/nodes.json',
	);
	const ours = types.body.filter(
		(t) =>
			t.name.startsWith(`${PACKAGE_NAME}.`) || t.name.startsWith(`${ONLYFANSAPI_PACKAGE_NAME}.`),
	);
	for (const actionNode of [`${PACKAGE_NAME}.ofAuth`, `${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApi`]) {
		if (!ours.some((t) => t.name === actionNode)) {
			console.error(`[demo] n8n did not load ${actionNode}; its log:\n`, server.log().slice(-4000));
			await stop(1);
		}
	}

	const line = '-'.repeat(72);
	console.log(line);
	console.log(
		`n8n ${path.basename(n8n.runtime.n8nDir)} with ${PACKAGE_NAME} and ${ONLYFANSAPI_PACKAGE_NAME} is running (ready in ${Math.round((Date.now() - started) / 1000)} s)`,
	);
	console.log(`  Editor:   ${server.baseUrl}   (from another machine: forward port ${port})`);
	console.log(`  Login:    ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
	console.log(`  Nodes:    ${ours.map((t) => t.displayName).join(', ')}`);
	console.log(
		`  Credential "${EXAMPLE_CREDENTIAL.name}" -> ${realApi ? 'the real OFAuth API' : `the simulator at ${sim!.baseUrl}`}`,
	);
	console.log(
		`  Credential "${EXAMPLE_ONLYFANSAPI_CREDENTIAL.name}" -> ${realOnlyFansApi ? 'the real OnlyFansAPI.com API' : `the simulator at ${sim!.baseUrl}/api`}`,
	);
	console.log('  Workflows:');
	for (const example of examples) console.log(`    ${example.name}: ${example.what}`);
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
