/**
 * OFAuth API simulator: a real HTTP server on 127.0.0.1 that answers like
 * OFAuth for every endpoint this package calls. See README.md next to this file.
 *
 *   const sim = await startSimulator({ seed: 1 });
 *   // ... point the node at sim.baseUrl with sim.apiKey and sim.connectionId
 *   await sim.close();
 */
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimCore } from './core';
import { addNotification, fanExpires, incomingMessage, newSubscriber, ppvSent } from './events';
import {
	Faults,
	matcherFromSpec,
	type MatchSpec,
	type PerMinuteConfig,
	type RateLimitConfig,
} from './faults';
import { ACTIVE_CONNECTION_ID, DEFAULT_SEED_TIME, EXPIRED_CONNECTION_ID } from './seed';
import { createSimServer, readBody } from './server';
import {
	ALL_SCOPES,
	type Fan,
	type Message,
	type Notification,
	type RecordedRequest,
	type RequestMatcher,
	type ResolvedOptions,
	type SimulatorOptions,
	type SimulatorState,
} from './types';
import { deliverWebhook, type DeliverOptions } from './webhooks';
import {
	deliverOnlyFansApiEvent,
	type OnlyFansApiUpload,
	type OnlyFansApiWebhook,
} from './onlyFansApi';

export * from './types';
export { signOfAuthSignature, signOnlyFansApi, signSvix, svixKey } from './webhooks';
export { crc32Digest } from './routes/uploads';
export {
	ACTIVE_CONNECTION_ID,
	AWAITING_2FA_CONNECTION_ID,
	CREATOR_ID,
	EXPIRED_CONNECTION_ID,
	FIRST_FAN_ID,
	FIRST_VAULT_MEDIA_ID,
	SECOND_CONNECTION_ID,
	VIP_LIST_ID,
	WHALES_LIST_ID,
} from './seed';
export type { MatchSpec, PerMinuteConfig, RateLimitConfig } from './faults';

export interface SimulatorFaults {
	/** token bucket per connection (account calls share one bucket per key) */
	rateLimit(opts: {
		capacity: number;
		refillPerSecond: number;
		headers?: ('retry-after' | 'x-ratelimit')[];
	}): void;
	disableRateLimit(): void;
	/** OnlyFansAPI.com mode: a per-minute budget per account, reported in `_meta._rate_limits` (null: none) */
	perMinute(opts: PerMinuteConfig | null): void;
	/** the next `count` matching requests answer `status` (default body: the OFAuth error shape) */
	failNext(
		count: number,
		status: number,
		opts?: { body?: unknown; headers?: Record<string, string>; match?: RequestMatcher },
	): void;
	setLatency(ms: number): void;
	/** 'before': destroy the socket before acting; 'after': act, then destroy the socket without a response */
	dropNext(count: number, when: 'before' | 'after', match?: RequestMatcher): void;
	/** the next matching request is acted on; its answer waits until `whileHeld` settles (in-process only) */
	holdNextAnswer(whileHeld: () => Promise<unknown>, match?: RequestMatcher): void;
	clear(): void;
}

export interface OfAuthSimulator {
	baseUrl: string;
	apiKey: string;
	connectionId: string;
	expiredConnectionId: string;
	/** control endpoints base, `${baseUrl}/__sim` */
	controlUrl: string;
	requests: RecordedRequest[];
	clearRequests(): void;
	reset(): void;
	messagesSentTo(userId: number | string): number;
	/** Files received by the OnlyFansAPI.com mode's POST /media/upload. */
	onlyFansApiUploads(): OnlyFansApiUpload[];
	/** Webhooks registered in the OnlyFansAPI.com mode. */
	onlyFansApiWebhooks(): OnlyFansApiWebhook[];
	/** An OnlyFansAPI.com event happens: delivered, signed, to every registered webhook that takes it. */
	deliverOnlyFansApiEvent(
		delivery: Parameters<typeof deliverOnlyFansApiEvent>[1],
	): ReturnType<typeof deliverOnlyFansApiEvent>;
	readonly state: SimulatorState;
	faults: SimulatorFaults;
	/** things happening on the OnlyFans side (for trigger tests and the demo) */
	simulate: {
		incomingMessage(userId: number, text: string, opts?: { tip?: number }): Message;
		notification(
			type: Notification['type'],
			userId: number,
			text?: string,
			amount?: number,
		): Notification;
		newSubscriber(name?: string): Fan;
		/** the fan's subscription ends now */
		fanExpires(userId: number): Fan;
		/** the creator sent the fan a PPV hoursAgo hours ago; bought: the fan unlocked it */
		ppvSent(
			userId: number,
			opts?: { price?: number; hoursAgo?: number; bought?: boolean },
		): Message;
	};
	deliverWebhook(
		url: string,
		event: object,
		opts: {
			scheme: 'ofauth' | 'svix';
			secret: string;
			timestamp?: number;
			id?: string;
			tamper?: boolean;
		},
	): Promise<{ status: number; body: string }>;
	close(): Promise<void>;
}

export function resolveOptions(o: SimulatorOptions = {}): ResolvedOptions {
	const partSize = o.upload?.partSize ?? 5 * 1024 * 1024;
	return {
		port: o.port ?? 0,
		apiKey: o.apiKey ?? 'sk_test_simulator',
		seed: o.seed ?? 1,
		fans: Math.max(1, o.fans ?? 250),
		vaultMedia: Math.max(0, o.vaultMedia ?? 120),
		permissions: o.permissions ?? ALL_SCOPES.slice(),
		upload: {
			partSize,
			singleMaxBytes: o.upload?.singleMaxBytes ?? partSize,
			planStyle: o.upload?.planStyle ?? 'body',
			readyAfterPolls: o.upload?.readyAfterPolls ?? 0,
			keepBytes: o.upload?.keepBytes ?? false,
			digest: o.upload?.digest ?? 'sha256',
		},
		seedTime: o.seedTime === undefined ? DEFAULT_SEED_TIME : new Date(o.seedTime).getTime(),
	};
}

/** a fault described in JSON (POST /__sim/faults) */
export type FaultSpec =
	| ({ type: 'rateLimit' } & RateLimitConfig)
	| { type: 'disableRateLimit' }
	| ({ type: 'perMinute' } & PerMinuteConfig)
	| {
			type: 'failNext';
			count: number;
			status: number;
			body?: unknown;
			headers?: Record<string, string>;
			match?: MatchSpec;
	  }
	| { type: 'latency'; ms: number }
	| { type: 'dropNext'; count: number; when: 'before' | 'after'; match?: MatchSpec }
	| { type: 'clear' };

export async function startSimulator(options: SimulatorOptions = {}): Promise<OfAuthSimulator> {
	const opts = resolveOptions(options);
	const core = new SimCore(opts);
	const faults = new Faults();

	const faultApi: SimulatorFaults = {
		rateLimit: (o) => faults.rateLimit(o),
		disableRateLimit: () => faults.disableRateLimit(),
		perMinute: (o) => faults.perMinute(o),
		failNext: (count, status, o) => faults.failNext(count, status, o),
		setLatency: (ms) => faults.setLatency(ms),
		dropNext: (count, when, match) => faults.dropNext(count, when, match),
		holdNextAnswer: (whileHeld, match) => faults.holdNextAnswer(whileHeld, match),
		clear: () => faults.clear(),
	};

	const applyFault = (spec: FaultSpec): void => {
		switch (spec.type) {
			case 'rateLimit':
				return faults.rateLimit(spec);
			case 'disableRateLimit':
				return faults.disableRateLimit();
			case 'perMinute':
				return faults.perMinute(spec);
			case 'failNext':
				return faults.failNext(spec.count, spec.status, {
					body: spec.body,
					headers: spec.headers,
					match: matcherFromSpec(spec.match),
				});
			case 'latency':
				return faults.setLatency(spec.ms);
			case 'dropNext':
				return faults.dropNext(spec.count, spec.when, matcherFromSpec(spec.match));
			case 'clear':
				return faults.clear();
			default:
				throw new Error(`unknown fault type ${(spec as { type: string }).type}`);
		}
	};

	const reset = (): void => {
		core.requests.length = 0;
		faults.clear();
		core.resetState();
	};

	const deliver = async (url: string, event: object, o: DeliverOptions) => {
		const r = await deliverWebhook(url, event, o);
		return { status: r.status, body: r.body };
	};

	const control = async (
		req: IncomingMessage,
		res: ServerResponse,
		path: string,
		query: Record<string, string>,
	): Promise<void> => {
		const json = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(body));
		};
		try {
			const method = req.method ?? 'GET';
			const raw = await readBody(req);
			const body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
			if (method === 'GET' && path === '/__sim/requests') {
				const since = Number(query.since ?? 0) || 0;
				return json(200, { requests: core.requests.slice(since), total: core.requests.length });
			}
			if (method === 'DELETE' && path === '/__sim/requests') {
				core.requests.length = 0;
				return json(200, { ok: true });
			}
			if (method === 'POST' && path === '/__sim/reset') {
				reset();
				return json(200, { ok: true });
			}
			if (method === 'POST' && path === '/__sim/faults') {
				const specs: FaultSpec[] = Array.isArray(body) ? body : [body];
				specs.forEach(applyFault);
				return json(200, { ok: true });
			}
			if (method === 'POST' && path === '/__sim/webhooks/deliver') {
				const { url, event, ...o } = body as { url: string; event: object } & DeliverOptions;
				if (!url || !event || !o.scheme || !o.secret)
					return json(400, { error: 'url, event, scheme and secret are required' });
				return json(200, await deliver(url, event, o));
			}
			if (method === 'POST' && path === '/__sim/events') {
				const b = body as {
					kind: string;
					userId?: number;
					text?: string;
					tip?: number;
					type?: Notification['type'];
					amount?: number;
					name?: string;
				};
				if (b.kind === 'message')
					return json(200, incomingMessage(core, Number(b.userId), b.text ?? 'hi', { tip: b.tip }));
				if (b.kind === 'notification')
					return json(
						200,
						addNotification(core, b.type ?? 'message', Number(b.userId), b.text, b.amount),
					);
				if (b.kind === 'subscriber') return json(200, newSubscriber(core, b.name));
				if (b.kind === 'expiry') return json(200, fanExpires(core, Number(b.userId)));
				return json(400, { error: 'kind must be message, notification or subscriber' });
			}
			const sent = /^\/__sim\/messages-sent\/(\d+)$/.exec(path);
			if (method === 'GET' && sent)
				return json(200, {
					userId: Number(sent[1]),
					count: core.messagesSent.get(Number(sent[1])) ?? 0,
				});
			if (method === 'GET' && path === '/__sim/state') {
				const { chats, uploads, ...rest } = core.state;
				return json(200, {
					...rest,
					uploads: uploads.map(({ bytes, ...u }) => ({ ...u, hasBytes: !!bytes })),
					chats: chats.map((c) => ({
						withUserId: c.withUserId,
						messageCount: c.messages.length,
						unreadMessagesCount: c.unreadMessagesCount,
						isPriority: c.isPriority,
					})),
				});
			}
			if (method === 'GET' && path === '/__sim/info') return json(200, info());
			return json(404, { error: `unknown control endpoint ${method} ${path}` });
		} catch (err) {
			json(400, { error: String((err as Error)?.message ?? err) });
		}
	};

	const server = createSimServer(core, faults, control);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const baseUrl = `http://127.0.0.1:${port}`;
	core.baseUrl = baseUrl;
	const info = () => ({
		baseUrl,
		apiKey: opts.apiKey,
		connectionId: ACTIVE_CONNECTION_ID,
		expiredConnectionId: EXPIRED_CONNECTION_ID,
		controlUrl: `${baseUrl}/__sim`,
	});

	return {
		baseUrl,
		apiKey: opts.apiKey,
		connectionId: ACTIVE_CONNECTION_ID,
		expiredConnectionId: EXPIRED_CONNECTION_ID,
		controlUrl: `${baseUrl}/__sim`,
		requests: core.requests,
		clearRequests: () => {
			core.requests.length = 0;
		},
		reset,
		messagesSentTo: (userId) => core.messagesSent.get(Number(userId)) ?? 0,
		onlyFansApiUploads: () => [...core.onlyFansApi.uploads.values()],
		onlyFansApiWebhooks: () => [...core.onlyFansApi.webhooks.values()],
		deliverOnlyFansApiEvent: async (delivery) =>
			await deliverOnlyFansApiEvent(core.onlyFansApi, delivery),
		get state() {
			return core.state;
		},
		faults: faultApi,
		simulate: {
			incomingMessage: (userId, text, o) => incomingMessage(core, userId, text, o),
			notification: (type, userId, text, amount) =>
				addNotification(core, type, userId, text, amount),
			newSubscriber: (name) => newSubscriber(core, name),
			fanExpires: (userId) => fanExpires(core, userId),
			ppvSent: (userId, opts) => ppvSent(core, userId, opts),
		},
		deliverWebhook: (url, event, o) => deliver(url, event, o),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
