import { readFileSync, writeFileSync } from 'node:fs';

import { RealN8n, type RunningN8n } from '../e2e/realN8n';
import { startQueueServices, type QueueServices } from './services';

/**
 * One n8n instance in queue mode, as an agency runs it, on loopback: Redis, Postgres, a main
 * process (editor, timers, pollers; production webhooks switched off there), workers that run
 * the executions and webhook processors that take production webhooks, all with `database`
 * binary data and the packed package installed in their shared user folder.
 */
export class QueueCluster {
	main!: RunningN8n;
	readonly workers: RunningN8n[] = [];
	readonly webhookProcessors: RunningN8n[] = [];

	private constructor(
		readonly n8n: RealN8n,
		private readonly services: QueueServices,
	) {}

	/** `env`: more settings for every process (on top of queue mode's). */
	static async create(env: Record<string, string> = {}): Promise<QueueCluster> {
		const services = await startQueueServices();
		try {
			const n8n = await RealN8n.create('queue', { env: { ...queueModeEnv(services), ...env } });
			return new QueueCluster(n8n, services);
		} catch (error) {
			await services.stop();
			throw error;
		}
	}

	/** Starts main, `workers` workers and `webhookProcessors` webhook processors (imports go before this). */
	async start(counts: { workers: number; webhookProcessors: number }): Promise<void> {
		this.main = await this.startMain();
		// one at a time: each spends its first seconds on the same database and 2 cores
		for (let i = 0; i < counts.workers; i++)
			this.workers.push(
				await this.n8n.launch('worker', {
					env: { QUEUE_HEALTH_CHECK_ACTIVE: 'true' },
					timeoutMs: 120_000,
				}),
			);
		for (let i = 0; i < counts.webhookProcessors; i++)
			this.webhookProcessors.push(await this.n8n.launch('webhook', { timeoutMs: 120_000 }));
		await this.main.login();
	}

	private async startMain(port?: number): Promise<RunningN8n> {
		return await this.n8n.launch('start', {
			port,
			env: { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
			timeoutMs: 120_000,
		});
	}

	/** Stops and starts the main process again on the same port (timers and pollers restart). */
	async restartMain(): Promise<void> {
		const port = this.main.port;
		await this.main.stop();
		this.main = await this.startMain(port);
		await this.main.login();
	}

	/** Stops and starts webhook processor `index` again on the same port. */
	async restartWebhookProcessor(index: number): Promise<void> {
		const old = this.webhookProcessors[index];
		await old.stop();
		this.webhookProcessors[index] = await this.n8n.launch('webhook', {
			port: old.port,
			timeoutMs: 120_000,
		});
	}

	async stop(): Promise<void> {
		try {
			await this.n8n.dispose();
		} finally {
			await this.services.stop();
		}
	}
}

function queueModeEnv(services: QueueServices): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(services.redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: services.postgres.host,
		DB_POSTGRESDB_PORT: String(services.postgres.port),
		DB_POSTGRESDB_DATABASE: services.postgres.database,
		DB_POSTGRESDB_USER: services.postgres.user,
		DB_POSTGRESDB_PASSWORD: services.postgres.password,
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		N8N_PAYLOAD_SIZE_MAX: '1024',
	};
}

/** Resident memory of a process now and at its peak (KiB, from /proc); `resetPeak` starts a new peak. */
export const processMemory = {
	read(pid: number): { rssKiB: number; peakKiB: number } {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const field = (name: string) =>
			Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
		return { rssKiB: field('VmRSS'), peakKiB: field('VmHWM') };
	},
	/** Linux resets the peak (VmHWM) to the current size when 5 is written to clear_refs. */
	resetPeak(pid: number): void {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
	},
};
