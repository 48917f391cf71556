import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort } from '../e2e/realN8n';

/**
 * Redis and Postgres for n8n's queue mode, from Debian's packages, private to one test run:
 * each listens on a free loopback port, keeps its data in a temporary folder and is stopped
 * (and the folder removed) by `stop()`.
 */

function run(command: string, args: string[], timeoutMs = 600_000): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			command,
			args,
			{ timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) =>
				error
					? reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`))
					: resolve(stdout),
		);
	});
}

function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function redisBinary(): string | undefined {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => existsSync(f));
}

/** Installs redis-server and postgresql with apt-get when this machine lacks them. */
export async function ensureQueueServicesInstalled(): Promise<void> {
	const missing = [
		redisBinary() ? undefined : 'redis-server',
		postgresBinDir() ? undefined : 'postgresql',
	].filter((p): p is string => p !== undefined);
	if (!missing.length) return;
	process.stderr.write(`[queue] installing ${missing.join(', ')} with apt-get\n`);
	await run('apt-get', ['update', '-q']);
	await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], 900_000);
	// Debian starts the packaged services; this suite runs its own on other ports
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 60_000) {
	return new Promise<void>((resolve, reject) => {
		let log = '';
		const timer = setTimeout(
			() => reject(new Error(`${what} not ready after ${timeoutMs} ms\n${log.slice(-3000)}`)),
			timeoutMs,
		);
		const onData = (d: Buffer) => {
			log += d.toString();
			if (pattern.test(log)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${what} exited with ${code}\n${log.slice(-3000)}`));
		});
	});
}

async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const signalGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, signal); // the whole group: runuser and the postgres under it
		} catch {
			// gone
		}
	};
	signalGroup('SIGTERM');
	const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}

/** Own process group, so that stopping it stops what it started; killed too if the test process dies. */
function spawnService(command: string, args: string[]): ChildProcess {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	process.once('exit', () => {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// gone
		}
	});
	return child;
}

export interface QueueServices {
	redisPort: number;
	postgres: { host: string; port: number; database: string; user: string; password: string };
	stop(): Promise<void>;
}

/** Starts a private Redis and a private Postgres cluster (with an `n8n` database). */
export async function startQueueServices(): Promise<QueueServices> {
	await ensureQueueServicesInstalled();
	const folder = mkdtempSync(path.join(tmpdir(), 'ofauth-queue-services-'));
	const children: ChildProcess[] = [];
	const stop = async () => {
		await Promise.all(children.map(stopChild));
		rmSync(folder, { recursive: true, force: true });
	};
	try {
		const redisPort = await freePort();
		const redis = spawnService(redisBinary()!, [
			'--port',
			String(redisPort),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			folder,
		]);
		children.push(redis);
		const redisReady = waitForLine(redis, /Ready to accept connections/, 'redis-server');

		// Postgres refuses to run as root: the cluster belongs to the postgres user
		const bin = postgresBinDir()!;
		const dataDir = path.join(folder, 'pg');
		chmodSync(folder, 0o755); // mkdtemp makes it 0700: the postgres user must reach its data folder inside
		await run('install', ['-d', '-o', 'postgres', '-g', 'postgres', dataDir]);
		await run('runuser', [
			'-u',
			'postgres',
			'--',
			path.join(bin, 'initdb'),
			'-D',
			dataDir,
			'-A',
			'trust',
			'-U',
			'postgres',
		]);
		const pgPort = await freePort();
		const postgres = spawnService('runuser', [
			'-u',
			'postgres',
			'--',
			path.join(bin, 'postgres'),
			'-D',
			dataDir,
			'-p',
			String(pgPort),
			'-k',
			dataDir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'max_connections=200',
		]);
		children.push(postgres);
		await Promise.all([
			redisReady,
			waitForLine(postgres, /ready to accept connections/, 'postgres'),
		]);
		await run('psql', [
			'-h',
			'127.0.0.1',
			'-p',
			String(pgPort),
			'-U',
			'postgres',
			'-c',
			'CREATE DATABASE n8n',
		]);
		return {
			redisPort,
			postgres: {
				host: '127.0.0.1',
				port: pgPort,
				database: 'n8n',
				user: 'postgres',
				password: 'unused-trust-auth',
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
