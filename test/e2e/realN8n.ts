/**
 * A real n8n (2.41.1 on Node 24, cached by scripts/real-n8n-env.sh) with this package installed
 * from its `npm pack` tarball exactly as a user installs a community package.
 *
 *   const n8n = await RealN8n.create('package');      // fresh N8N_USER_FOLDER + tarball installed
 *   await n8n.importCredentials([simulatorCredential(sim)]);
 *   await n8n.importWorkflows([workflow]);
 *   const run = await n8n.execute(workflow.id);      // `n8n execute --id --rawOutput`
 *   const server = await n8n.start();                // `n8n start` for webhooks and the REST API
 *   await n8n.dispose();
 *
 * Every n8n command runs with Node 24 and a clean environment (nothing inherited from jest or the
 * developer's shell except PATH/HOME/locale), a fixed encryption key, sqlite and no telemetry.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { accountIdOf } from '../simulator/onlyFansApi';

/** the repository root (also when this file runs compiled from build/test/e2e, as the demo does) */
function findRepoRoot(): string {
	for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const file = path.join(dir, 'package.json');
		if (
			existsSync(file) &&
			JSON.parse(readFileSync(file, 'utf8')).name === 'n8n-nodes-ofauth-messaging-source'
		)
			return dir;
	}
	throw new Error(`no n8n-nodes-ofauth-messaging-source package.json above ${__dirname}`);
}

export const REPO_ROOT = findRepoRoot();

/** The two packages built from this source (scripts/packages.js): their names and where the build leaves them. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const packages = require(path.join(REPO_ROOT, 'scripts', 'packages.js')) as {
	SERVICES: Record<'ofauth' | 'onlyfansapi', { name: string }>;
	BUILT_PACKAGES: string;
};
export const PACKAGE_NAME: string = packages.SERVICES.ofauth.name;
export const BUILT_PACKAGES: string = packages.BUILT_PACKAGES;
export const ONLYFANSAPI_PACKAGE_NAME: string = packages.SERVICES.onlyfansapi.name;

/** The OnlyFansAPI.com package's node that matches a node type of the OFAuth package (ofAuth -> onlyFansApi). */
export function onlyFansApiTypeOf(ofAuthType: string): string {
	const name = ofAuthType.slice(ofAuthType.lastIndexOf('.') + 1);
	const counterpart: Record<string, string> = {
		ofAuth: 'onlyFansApi',
		ofAuthTool: 'onlyFansApiTool',
		ofAuthTrigger: 'onlyFansApiTrigger',
		ofAuthPollTrigger: 'onlyFansApiPollTrigger',
	};
	if (!counterpart[name]) throw new Error(`${ofAuthType} has no OnlyFansAPI.com counterpart`);
	return `${ONLYFANSAPI_PACKAGE_NAME}.${counterpart[name]}`;
}

/** The credential the example workflows reference (by this id and name). The demo imports it with this id. */
export const EXAMPLE_CREDENTIAL = {
	id: 'ofauthAccount001',
	name: 'OFAuth account',
	type: 'ofAuthApi',
} as const;

/** The credential the OnlyFansAPI.com example workflows reference. The demo imports it with this id. */
export const EXAMPLE_ONLYFANSAPI_CREDENTIAL = {
	id: 'onlyfansapiAccount1',
	name: 'OnlyFansAPI.com account',
	type: 'onlyFansApiMessagingApi',
} as const;

export const N8N_ENCRYPTION_KEY = 'ofauth-e2e-fixed-encryption-key-0001';

export interface Runtime {
	nodeBin: string;
	n8nBin: string;
	n8nDir: string;
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** An n8n workflow as exported/imported (only the fields the runner touches are typed). */
export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id?: string; name: string }>;
		webhookId?: string;
		[key: string]: unknown;
	}>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/**
 * The start of a workflow that feeds a node a sheet: a manual trigger "Start" and a Code node
 * "Rows" that outputs `rows`, connected; the caller connects "Rows" to its node.
 */
export function sheetStart(rows: Array<Record<string, unknown>>): {
	nodes: WorkflowJson['nodes'];
	connections: Record<string, unknown>;
} {
	return {
		nodes: [
			{
				id: 'n1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'n2',
				name: 'Rows',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(rows.map((json) => ({ json })))};` },
			},
		],
		connections: { Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] } },
	};
}

export interface NodeItem {
	json: Record<string, unknown>;
	binary?: Record<string, unknown>;
	pairedItem?: unknown;
	error?: unknown;
}

interface TaskData {
	executionStatus?: string;
	error?: { message?: string; description?: string; name?: string };
	data?: { main?: Array<NodeItem[] | null> };
}

export interface Execution {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, TaskData[]>;
			error?: { message?: string; description?: string; name?: string; node?: { name?: string } };
			lastNodeExecuted?: string;
		};
	};
}

export interface ExecuteResult extends CliResult {
	/** the execution JSON n8n printed (on success and on a node error), undefined when none was printed */
	execution?: Execution;
	/** resultData.error.message (undefined when the run succeeded) */
	errorMessage?: string;
	/** items of a main output of a node's last run (0 by default; 1 is the error output under "Continue (using error output)") */
	output(nodeName: string, outputIndex?: number): NodeItem[];
}

// ---------------------------------------------------------------------------------------------
// Runtime: Node 24 + n8n 2.41.1, installed once into the cache (scripts/real-n8n-env.sh holds the install lock)

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function runBash(script: string, inheritStderr: boolean): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn('bash', ['-c', script], {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'pipe', inheritStderr ? 'inherit' : 'pipe'],
		});
		let out = '';
		let err = '';
		child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolve(out)
				: reject(new Error(`bash exited with ${code}: ${err.slice(-2000)}`)),
		);
	});
}

let runtimePromise: Promise<Runtime> | undefined;

/**
 * Sources an installer script of scripts/ (it installs when its cache is empty, progress on stderr,
 * holding its install lock, and prints nothing else) and reads the runtime it describes.
 */
async function runtimeFrom(
	installer: string,
	variables: { nodeBin: string; n8nBin: string; n8nDir: string },
): Promise<Runtime> {
	const script = `source scripts/${installer} >&2 && printf '%s\\n%s\\n%s\\n' "$${variables.nodeBin}" "$${variables.n8nBin}" "$${variables.n8nDir}"`;
	const [nodeBin, n8nBin, n8nDir] = (await runBash(script, true)).trim().split('\n');
	if (!existsSync(nodeBin) || !existsSync(n8nBin))
		throw new Error(`n8n not found after ${installer}: ${nodeBin} ${n8nBin}`);
	return { nodeBin, n8nBin, n8nDir };
}

/**
 * n8n 1.123.81 on this machine's Node 20 (the compatibility suite), installing it on first use
 * (3-8 minutes once, then cached next to the 2.x install).
 */
export async function ensureCompatRuntime(): Promise<Runtime> {
	return await runtimeFrom('n8n-compat-env.sh', {
		nodeBin: 'COMPAT_NODE_BIN',
		n8nBin: 'COMPAT_N8N_BIN',
		n8nDir: 'COMPAT_N8N_DIR',
	});
}

/** Node 24 + n8n, installing them on first use (4-6 minutes once, then cached). */
export function ensureRuntime(): Promise<Runtime> {
	runtimePromise ??= runtimeFrom('real-n8n-env.sh', {
		nodeBin: 'NODE24_BIN',
		n8nBin: 'N8N_BIN',
		n8nDir: 'N8N_DIR',
	});
	return runtimePromise;
}

// ---------------------------------------------------------------------------------------------
// The package tarball

function npm(args: string[], cwd: string, timeoutMs = 120_000): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			'npm',
			args,
			{ cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) =>
				error
					? reject(new Error(`npm ${args.join(' ')} failed in ${cwd}: ${error.message}\n${stderr}`))
					: resolve(stdout),
		);
	});
}

/** Every dist file each package's "n8n" section names must exist, or n8n refuses the whole package. */
export function assertBuilt(): void {
	for (const key of Object.keys(packages.SERVICES)) {
		const tree = path.join(packages.BUILT_PACKAGES, key);
		const manifest = path.join(tree, 'package.json');
		const pkg = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : {};
		const files: string[] = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
		const missing = files.filter((f) => !existsSync(path.join(tree, f)));
		if (!files.length || missing.length) {
			throw new Error(
				`build/packages/${key} lacks ${missing.join(', ') || 'its package'}. ` +
					'Run `npm run build` (npm test does); n8n refuses to load a package with a missing node file.',
			);
		}
	}
}

/**
 * The tarballs of both packages as `npm run build` packed them (build/packages/*.tgz).
 * OFAUTH_E2E_TARBALL=<a.tgz>[,<b.tgz>] tests those tarballs instead (e.g. the ones about to be published).
 */
export function packPackage(): Promise<string[]> {
	if (process.env.OFAUTH_E2E_TARBALL) {
		return Promise.resolve(
			process.env.OFAUTH_E2E_TARBALL.split(',').map((file) => path.resolve(file.trim())),
		);
	}
	assertBuilt();
	const tarballs = readdirSync(packages.BUILT_PACKAGES)
		.filter((name) => name.endsWith('.tgz'))
		.map((name) => path.join(packages.BUILT_PACKAGES, name));
	return Promise.resolve(tarballs);
}

/**
 * Install packed tarballs side by side into `<userFolder>/.n8n/nodes` the way n8n's community-package
 * install does. `unlessInstalled`: skip it when these very tarballs (same SHA-256) are already
 * installed there (a kept folder, e.g. the demo's). Returns whether it installed.
 */
export async function installTarball(
	userFolder: string,
	tarballs: string[],
	options: { unlessInstalled?: boolean } = {},
): Promise<boolean> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const stamp = path.join(nodesDir, '.installed-tarball-sha256');
	const hash = createHash('sha256');
	for (const tarball of tarballs) hash.update(readFileSync(tarball));
	const sha256 = hash.digest('hex');
	if (
		options.unlessInstalled &&
		existsSync(path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json')) &&
		existsSync(stamp) &&
		readFileSync(stamp, 'utf8') === sha256
	)
		return false;
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(path.join(nodesDir, 'package.json'), '{"private":true}\n');
	await npm(
		[
			'install',
			'--omit=dev',
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			...tarballs,
		],
		nodesDir,
	);
	writeFileSync(stamp, sha256);
	return true;
}

// ---------------------------------------------------------------------------------------------
// Ports and processes

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

const liveGroups = new Set<number>();
process.once('exit', () => {
	for (const pid of liveGroups) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// gone
		}
	}
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already exited
	}
}

/** Parse the execution JSON that `n8n execute` prints after its log lines (2-space indented, top level at column 0). */
export function parseExecutionJson(stdout: string): Execution | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((l) => l === '{');
	if (start < 0) return undefined;
	for (let end = start + 1; end < lines.length; end++) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n')) as Execution;
		} catch {
			// keep looking for the closing brace of the top-level object
		}
	}
	return undefined;
}

function makeExecuteResult(cli: CliResult): ExecuteResult {
	const execution = parseExecutionJson(cli.stdout);
	const error = execution?.data?.resultData?.error;
	return {
		...cli,
		execution,
		errorMessage: error?.message,
		output(nodeName: string, outputIndex = 0): NodeItem[] {
			const runs = execution?.data?.resultData?.runData?.[nodeName];
			if (!runs?.length) {
				throw new Error(
					`node "${nodeName}" did not run; ran: ${Object.keys(execution?.data?.resultData?.runData ?? {}).join(', ')}` +
						(error ? `; error: ${error.message}` : ''),
				);
			}
			return runs[runs.length - 1].data?.main?.[outputIndex] ?? [];
		},
	};
}

// ---------------------------------------------------------------------------------------------
// A running `n8n start` (or a queue-mode worker or webhook processor)

export type N8nProcessKind = 'start' | 'worker' | 'webhook';

/** What each kind of n8n process logs once it serves. */
const READY_LINES: Record<N8nProcessKind, string> = {
	start: 'Editor is now accessible via',
	worker: 'n8n worker is now ready',
	webhook: 'Webhook listener waiting for requests',
};

export class RunningN8n {
	private cookie = '';

	constructor(
		readonly baseUrl: string,
		readonly port: number,
		private readonly child: ChildProcess,
		private readonly getLog: () => string,
		private readonly n8nDir: string,
	) {}

	log(): string {
		return this.getLog();
	}

	/** The n8n process (its task runner is a child of it). */
	get pid(): number | undefined {
		return this.child.pid;
	}

	webhookUrl(pathSegment: string): string {
		return `${this.baseUrl}/webhook/${pathSegment}`;
	}

	/** `POST /rest/owner/setup` (first run only) then `POST /rest/login`; later REST calls carry the auth cookie. */
	async login(
		user: { email: string; password: string; firstName?: string; lastName?: string } = E2E_OWNER,
	): Promise<void> {
		const setup = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ firstName: 'E2E', lastName: 'Owner', ...user }),
		});
		await setup.text();
		const res = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: user.email, password: user.password }),
		});
		const body = await res.text();
		if (res.status !== 200) throw new Error(`login failed: ${res.status} ${body}`);
		this.cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? ''])
			.map((c) => c.split(';')[0])
			.join('; ');
	}

	async rest<T = unknown>(
		method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
		urlPath: string,
		body?: unknown,
	): Promise<{ status: number; body: T }> {
		const res = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: {
				cookie: this.cookie,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: res.status, body: parsed as T };
	}

	/** Waits until n8n reports `count` finished executions of a workflow (via the REST API; needs login()). */
	async waitForExecutions(
		workflowId: string,
		count = 1,
		timeoutMs = 30_000,
	): Promise<Array<{ id: string; status: string }>> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const res = await this.rest<{
				data: { results: Array<{ id: string; status: string; finished: boolean }> };
			}>('GET', `/rest/executions?filter=${filter}`);
			const done = (res.body?.data?.results ?? []).filter(
				(e) => e.status !== 'running' && e.status !== 'new',
			);
			if (done.length >= count) return done;
			if (Date.now() > deadline)
				throw new Error(`no finished execution of ${workflowId} after ${timeoutMs} ms`);
			await sleep(250);
		}
	}

	/** The full execution (run data of every node) as the editor loads it. */
	async getExecution(executionId: string): Promise<ExecuteResult> {
		const res = await this.rest<{ data: { data: string; status: string; finished: boolean } }>(
			'GET',
			`/rest/executions/${executionId}`,
		);
		// the REST API returns the run data "flatted" (https://github.com/WebReflection/flatted); n8n ships it
		const { parse } = (await import(path.join(this.n8nDir, 'node_modules', 'flatted'))) as {
			parse: (s: string) => unknown;
		};
		const data = parse(res.body.data.data) as Execution['data'];
		const execution: Execution = {
			status: res.body.data.status,
			finished: res.body.data.finished,
			data,
		};
		return makeExecuteResult({
			code: 0,
			stdout: `${JSON.stringify(execution, null, 2)}\n`,
			stderr: '',
		});
	}

	/** Publish a workflow the way the editor's Publish button does (POST /rest/workflows/:id/activate; needs login()). */
	async activate(workflowId: string): Promise<void> {
		const current = await this.rest<{ data: { versionId: string } }>(
			'GET',
			`/rest/workflows/${workflowId}`,
		);
		if (current.status !== 200)
			throw new Error(
				`workflow ${workflowId}: ${current.status} ${JSON.stringify(current.body).slice(0, 500)}`,
			);
		const res = await this.rest('POST', `/rest/workflows/${workflowId}/activate`, {
			versionId: current.body.data.versionId,
		});
		if (res.status !== 200)
			throw new Error(
				`activating ${workflowId} failed: ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}`,
			);
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		killGroup(this.child, 'SIGTERM');
		const timer = setTimeout(() => killGroup(this.child, 'SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
		killGroup(this.child, 'SIGKILL'); // the task runner, if it outlived its parent
		if (this.child.pid) liveGroups.delete(this.child.pid);
	}
}

export const E2E_OWNER = {
	email: 'owner@e2e.test',
	password: 'E2e-owner-pass-1',
	firstName: 'E2E',
	lastName: 'Owner',
};

// ---------------------------------------------------------------------------------------------
// One n8n user folder with the package installed

export class RealN8n {
	private running: RunningN8n[] = [];

	private constructor(
		readonly runtime: Runtime,
		readonly userFolder: string,
		private readonly folderEnv: Record<string, string> = {},
	) {}

	/** Fresh N8N_USER_FOLDER with the packed package installed into .n8n/nodes. */
	/**
	 * Fresh N8N_USER_FOLDER with the packed package installed into .n8n/nodes.
	 * `runtime`: another n8n than the cached 2.x (the compatibility suite's 1.x);
	 * `env`: settings every command of this folder gets (e.g. queue mode's database and Redis).
	 */
	static async create(
		label = 'suite',
		options: { userFolder?: string; runtime?: Runtime; env?: Record<string, string> } = {},
	): Promise<RealN8n> {
		const [runtime, tarballs] = await Promise.all([
			options.runtime ?? ensureRuntime(),
			packPackage(),
		]);
		const fresh = !options.userFolder;
		const userFolder =
			options.userFolder ?? mkdtempSync(path.join(tmpdir(), `ofauth-e2e-${label}-`));
		const n8n = new RealN8n(runtime, userFolder, options.env ?? {});
		const usesSqlite = (options.env?.DB_TYPE ?? 'sqlite') === 'sqlite';
		const [installed] = await Promise.all([
			installTarball(userFolder, tarballs, { unlessInstalled: !fresh }),
			fresh && usesSqlite ? n8n.seedMigratedDatabase() : Promise.resolve(),
		]);
		n8n.packageInstalled = installed;
		return n8n;
	}

	/** Whether create() installed the tarball (false: a kept folder already had this very tarball). */
	packageInstalled = true;

	/**
	 * Speed only: n8n's first command in an empty folder spends seconds on ~200 database
	 * migrations. A database migrated once (by an n8n with no community package, so it holds
	 * nothing of ours) is kept next to the cached n8n and copied into each fresh folder.
	 */
	private async seedMigratedDatabase(): Promise<void> {
		const templateDir = path.join(this.runtime.n8nDir, '.e2e-db-template');
		const files = ['database.sqlite', 'database.sqlite-wal', 'database.sqlite-shm'];
		if (!existsSync(path.join(templateDir, 'database.sqlite'))) {
			const scratch = mkdtempSync(path.join(tmpdir(), 'ofauth-e2e-dbtemplate-'));
			try {
				const maker = new RealN8n(this.runtime, scratch);
				const res = await maker.cli([
					'export:nodes',
					`--output=${path.join(scratch, 'nodes.json')}`,
				]);
				if (res.code !== 0) return; // no template: the folder migrates its own database
				const staged = `${templateDir}.${process.pid}`;
				mkdirSync(staged, { recursive: true });
				for (const f of files) {
					const from = path.join(scratch, '.n8n', f);
					if (existsSync(from)) copyFileSync(from, path.join(staged, f));
				}
				try {
					renameSync(staged, templateDir); // atomic: concurrent makers cannot leave half a template
				} catch {
					rmSync(staged, { recursive: true, force: true }); // another worker won the race
				}
			} finally {
				rmSync(scratch, { recursive: true, force: true });
			}
		}
		const target = path.join(this.userFolder, '.n8n');
		mkdirSync(target, { recursive: true });
		for (const f of files) {
			const from = path.join(templateDir, f);
			if (existsSync(from)) copyFileSync(from, path.join(target, f));
		}
	}

	/** The environment every n8n command of this folder runs with. */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		const keep = ['HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'USER'];
		const env: NodeJS.ProcessEnv = {};
		for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
		return {
			...env,
			PATH: `${path.dirname(this.runtime.nodeBin)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY,
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
			N8N_RUNNERS_ENABLED: 'true',
			...this.folderEnv,
			...extra,
		};
	}

	/** Run one `n8n <args>` to completion with Node 24. */
	async cli(
		args: string[],
		options: { timeoutMs?: number; env?: Record<string, string> } = {},
	): Promise<CliResult> {
		const brokerPort = await freePort();
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...options.env });
		return await new Promise<CliResult>((resolve, reject) => {
			const child = spawn(this.runtime.nodeBin, [this.runtime.n8nBin, ...args], {
				cwd: this.userFolder,
				env,
				detached: true,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			if (child.pid) liveGroups.add(child.pid);
			let stdout = '';
			let stderr = '';
			child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
			child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
			const timer = setTimeout(() => {
				killGroup(child, 'SIGKILL');
				reject(
					new Error(
						`n8n ${args.join(' ')} timed out\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`,
					),
				);
			}, options.timeoutMs ?? 120_000);
			child.on('error', reject);
			child.on('close', (code) => {
				clearTimeout(timer);
				killGroup(child, 'SIGKILL'); // task runners left behind
				if (child.pid) liveGroups.delete(child.pid);
				resolve({ code, stdout, stderr });
			});
		});
	}

	private async cliOk(args: string[]): Promise<CliResult> {
		const res = await this.cli(args);
		if (res.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${res.code}\n${res.stdout.slice(-4000)}\n${res.stderr.slice(-4000)}`,
			);
		}
		return res;
	}

	private writeTemp(name: string, data: unknown): string {
		const dir = path.join(this.userFolder, 'e2e-input');
		mkdirSync(dir, { recursive: true });
		const file = path.join(dir, name);
		writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/** `n8n import:credentials` (plain `data` is encrypted on import); ids are kept. */
	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		if (!credentials.length) return;
		const file = this.writeTemp('credentials.json', credentials);
		try {
			await this.cliOk(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true }); // plain API keys do not stay on disk
		}
	}

	/** `n8n import:workflow` of all workflows in one call; each needs an id (at most 21 characters). */
	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		if (!workflows.length) return;
		for (const wf of workflows) {
			if (!wf.id || wf.id.length > 21)
				throw new Error(`workflow "${wf.name}" needs an id of 1-21 characters`);
		}
		const list = workflows.map((wf) => ({ active: false, settings: {}, ...wf }));
		await this.cliOk(['import:workflow', `--input=${this.writeTemp('workflows.json', list)}`]);
	}

	/** `n8n publish:workflow --id` (2.x): the workflow runs on its trigger once `n8n start` is up. */
	async publish(workflowId: string): Promise<void> {
		await this.cliOk(['publish:workflow', `--id=${workflowId}`]);
	}

	/** `n8n execute --id=<id> --rawOutput`: exit code 0 on success, 1 on a node error; JSON after the log lines. */
	async execute(
		workflowId: string,
		options: { timeoutMs?: number; env?: Record<string, string> } = {},
	): Promise<ExecuteResult> {
		// n8n 2.41's `execute` sometimes loses a run that fails without any I/O ("No active execution
		// found") and prints no execution; such a run did nothing, so it is run again (twice at most)
		for (let attempt = 0; ; attempt++) {
			const result = makeExecuteResult(
				await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], options),
			);
			const lost =
				!result.execution &&
				/No active execution found/i.test(`${result.stdout}\n${result.stderr}`);
			// the CLI is sometimes ended by a signal while it shuts down, after printing the whole run:
			// then the printed run decides the exit code n8n would have given (0, or 1 for a failed run)
			if (result.code === null && result.execution) result.code = result.errorMessage ? 1 : 0;
			if (!lost || attempt >= 2) return result;
		}
	}

	/** `n8n export:nodes`: every node type this n8n loaded (community packages included). */
	async exportNodeTypes(): Promise<
		Array<{ name: string; displayName: string; credentials?: Array<{ name: string }> }>
	> {
		const file = path.join(this.userFolder, 'e2e-input', 'nodes.json');
		mkdirSync(path.dirname(file), { recursive: true });
		const res = await this.cliOk(['export:nodes', `--output=${file}`]);
		if (!existsSync(file))
			throw new Error(`export:nodes wrote nothing\n${res.stdout}\n${res.stderr}`);
		return JSON.parse(readFileSync(file, 'utf8'));
	}

	/** `n8n start` on free ports; resolves once "Editor is now accessible via" is logged. */
	async start(
		options: { timeoutMs?: number; env?: Record<string, string>; port?: number } = {},
	): Promise<RunningN8n> {
		return await this.launch('start', options);
	}

	/**
	 * Any long-running n8n process (`start`, or queue mode's `worker` and `webhook`) on free ports;
	 * resolves once it logs that it is ready. `port` is its HTTP port (a worker's health check).
	 */
	async launch(
		command: N8nProcessKind,
		options: { timeoutMs?: number; env?: Record<string, string>; port?: number } = {},
	): Promise<RunningN8n> {
		const port = options.port ?? (await freePort());
		const brokerPort = await freePort();
		const baseUrl = `http://127.0.0.1:${port}`;
		const env = this.env({
			N8N_PORT: String(port),
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `${baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${baseUrl}/`,
			...options.env,
		});
		const child = spawn(this.runtime.nodeBin, [this.runtime.n8nBin, command], {
			cwd: this.userFolder,
			env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		if (child.pid) liveGroups.add(child.pid);
		let log = '';
		const server = new RunningN8n(baseUrl, port, child, () => log, this.runtime.n8nDir);
		this.running.push(server);
		const timeoutMs = options.timeoutMs ?? 90_000;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() =>
					reject(new Error(`n8n ${command} not ready after ${timeoutMs} ms\n${log.slice(-5000)}`)),
				timeoutMs,
			);
			const onData = (d: Buffer) => {
				log += d.toString();
				if (log.includes(READY_LINES[command])) {
					clearTimeout(timer);
					resolve();
				}
			};
			child.stdout!.on('data', onData);
			child.stderr!.on('data', onData);
			child.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`n8n ${command} exited with ${code}\n${log.slice(-5000)}`));
			});
		});
		return server;
	}

	/** Stop every started n8n and delete the user folder. */
	async dispose(options: { keepFolder?: boolean } = {}): Promise<void> {
		await Promise.all(this.running.map((r) => r.stop()));
		this.running = [];
		if (!options.keepFolder && !process.env.OFAUTH_E2E_KEEP)
			rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** The credential data that points the OFAuth credential at a simulator. */
export function simulatorCredential(
	sim: { baseUrl: string; apiKey: string; connectionId: string },
	id: string = EXAMPLE_CREDENTIAL.id,
	name: string = EXAMPLE_CREDENTIAL.name,
): CredentialImport {
	return {
		id,
		name,
		type: 'ofAuthApi',
		data: {
			apiKey: sim.apiKey,
			baseUrl: 'custom',
			customBaseUrl: sim.baseUrl,
			defaultConnectionId: sim.connectionId,
		},
	};
}

/** The credential data that points the OnlyFansAPI.com credential at a simulator's /api. */
export function simulatorOnlyFansApiCredential(
	sim: { baseUrl: string; apiKey: string; connectionId: string },
	id: string,
	name: string,
): CredentialImport {
	return {
		id,
		name,
		type: 'onlyFansApiMessagingApi',
		data: {
			apiKey: sim.apiKey,
			baseUrl: 'custom',
			customBaseUrl: `${sim.baseUrl}/api`,
			defaultConnectionId: accountIdOf(sim.connectionId),
		},
	};
}

/** Point every ofAuthApi credential reference of a workflow at `credential` (by id and name). */
export function useCredential(
	workflow: WorkflowJson,
	credential: { id: string; name: string },
	onlyFansApiCredential?: { id: string; name: string },
): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (node.credentials?.ofAuthApi)
			node.credentials.ofAuthApi = { id: credential.id, name: credential.name };
		if (node.credentials?.onlyFansApiMessagingApi && onlyFansApiCredential)
			node.credentials.onlyFansApiMessagingApi = {
				id: onlyFansApiCredential.id,
				name: onlyFansApiCredential.name,
			};
	}
	return copy;
}
