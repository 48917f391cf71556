/**
 * scripts/real-n8n-env.sh (through scripts/n8n-install-lib.sh) against an empty or broken cache, with a
 * stand-in npm (test/unit/fixtures/standInN8nInstall) whose `install` lays down a small n8n tree in a
 * second: its sqlite3 and isolated-vm load only after their install script built them, and its n8n
 * imports and executes the proof workflow with them. `npm rebuild` and `npm run` are the real npm.
 */
import { execFile } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const STAND_IN = path.join(__dirname, 'fixtures', 'standInN8nInstall');
const REAL_NPM = path.join(path.dirname(process.execPath), 'npm');

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
	return new Promise((resolve) => {
		execFile(command, args, { cwd, env, timeout: 60_000 }, (error, stdout, stderr) =>
			resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
		);
	});
}

describe('scripts/real-n8n-env.sh: the real n8n is installed whole, proven and repaired', () => {
	let dir: string;
	let cache: string;
	let log: string;
	let env: NodeJS.ProcessEnv;
	const installed = () => path.join(cache, 'n8n-2.41.1');
	const logLines = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);

	/** `source scripts/real-n8n-env.sh` the way the jest suites and the demo do (no npm around it) */
	const sourceInstaller = () =>
		run(
			'bash',
			['-c', 'source scripts/real-n8n-env.sh && test -f "$N8N_BIN" && echo "ready $N8N_BIN"'],
			REPO_ROOT,
			env,
		);

	/**
	 * The same from an npm script, as `npm test` runs it: npm reads a project .npmrc with
	 * ignore-scripts=true (this repository's) and hands it down as npm_config_ignore_scripts.
	 */
	const installerFromNpmScript = () => {
		const project = path.join(dir, 'project');
		rmSync(project, { recursive: true, force: true });
		mkdirSync(project);
		writeFileSync(path.join(project, '.npmrc'), 'ignore-scripts=true\n');
		writeFileSync(
			path.join(project, 'package.json'),
			JSON.stringify({
				private: true,
				scripts: {
					'real-n8n': `cd ${REPO_ROOT} && bash -c 'echo "inherited ignore-scripts=$npm_config_ignore_scripts"; source scripts/real-n8n-env.sh && echo "ready $N8N_BIN"'`,
				},
			}),
		);
		return run(REAL_NPM, ['run', 'real-n8n', '--silent'], project, env);
	};

	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'ofauth-installer-'));
		cache = path.join(dir, 'cache');
		log = path.join(dir, 'stand-in.log');
		env = {
			...process.env,
			PATH: `${STAND_IN}:${process.env.PATH ?? ''}`,
			OFAUTH_E2E_CACHE: cache,
			STAND_IN_LOG: log,
			STAND_IN_NODE: process.execPath,
			REAL_NPM,
		};
		delete env.npm_config_ignore_scripts; // jest may itself run under npm
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('from an npm script that disables scripts, the native modules are still built, and n8n is marked installed only once proven', async () => {
		const result = await installerFromNpmScript();
		expect(result.stdout).toContain('inherited ignore-scripts=true');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('ready ');
		expect(
			logLines()
				.filter((line) => !line.startsWith('install '))
				.sort(),
		).toEqual(['built isolated-vm', 'built sqlite3']);
		expect(result.stderr).toContain(
			'[real-n8n] n8n 2.41.1 installed and proven (it opened its database and ran a workflow)',
		);
		expect(existsSync(path.join(installed(), '.installed'))).toBe(true);
	});

	it('an install whose n8n does not run the proof workflow is not marked installed, and the caller fails', async () => {
		const brokenN8n = path.join(dir, 'n8n-prints-nothing');
		writeFileSync(brokenN8n, '#!/usr/bin/env node\nrequire("sqlite3");\n');
		env.PATH = `${dir}:${env.PATH}`;
		// a second stand-in npm in front: the first's install, then an n8n that answers nothing
		writeFileSync(
			path.join(dir, 'npm'),
			`#!/usr/bin/env bash\n"${STAND_IN}/npm" "$@"\n[ "$1" = install ] && cp "${brokenN8n}" node_modules/n8n/bin/n8n || true\n`,
			{ mode: 0o755 },
		);
		const result = await sourceInstaller();
		expect(result.code).not.toBe(0);
		expect(result.stderr).toContain('[real-n8n] the installed n8n did not run the proof workflow');
		expect(existsSync(path.join(installed(), '.installed'))).toBe(false);
	});

	it('a cache whose sqlite3 binding was deleted is rebuilt on the next use, with one line saying so', async () => {
		expect((await sourceInstaller()).code).toBe(0);
		unlinkSync(path.join(installed(), 'node_modules', 'sqlite3', 'build', 'binding.js'));

		const repaired = await installerFromNpmScript();
		expect(repaired.code).toBe(0);
		expect(repaired.stderr).toMatch(
			/\[real-n8n\] the cached n8n 2\.41\.1 in \S+ failed its health check \(sqlite3: Cannot find module '\.\/build\/binding\.js'.*\); repairing it/,
		);
		expect(repaired.stderr).toContain('[real-n8n] repaired by rebuilding sqlite3 isolated-vm');
		expect(logLines().filter((line) => line.startsWith('install '))).toHaveLength(1);
		expect(
			existsSync(path.join(installed(), 'node_modules', 'sqlite3', 'build', 'binding.js')),
		).toBe(true);

		const healthy = await sourceInstaller();
		expect(healthy.code).toBe(0);
		expect(healthy.stderr).toBe('');
	});

	it('a cache that a rebuild cannot repair is installed again', async () => {
		expect((await sourceInstaller()).code).toBe(0);
		// the module's build script is gone too: rebuilding cannot bring the binding back
		for (const file of ['build/binding.js', 'build.js'])
			unlinkSync(path.join(installed(), 'node_modules', 'sqlite3', file));

		const result = await sourceInstaller();
		expect(result.code).toBe(0);
		expect(result.stderr).toContain(
			'[real-n8n] a rebuild did not repair it; installing n8n 2.41.1 again',
		);
		expect(logLines().filter((line) => line.startsWith('install '))).toHaveLength(2);
		expect(existsSync(path.join(installed(), '.installed'))).toBe(true);
	});

	it('two callers on an empty cache: n8n is installed once and both find it complete', async () => {
		const results = await Promise.all([sourceInstaller(), sourceInstaller()]);
		expect(
			results.map((result) => [result.code, result.stdout.trim().startsWith('ready ')]),
		).toEqual([
			[0, true],
			[0, true],
		]);
		expect(logLines().filter((line) => line.startsWith('install '))).toHaveLength(1);
		expect(existsSync(path.join(installed(), '.installed'))).toBe(true);
	});
});
