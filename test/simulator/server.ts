/**
 * The HTTP server: recording, injected faults, auth (apiKey, x-connection-id,
 * scopes), routing to the route tables, JSON errors in the current OFAuth shape,
 * and the /__sim/* control endpoints (not recorded).
 *
 * Order for every API request:
 *   record -> dropNext('before') -> latency -> failNext -> apiKey -> route lookup
 *   -> connection (for /v2/access/*) -> rate limit (per connection) -> scope
 *   -> body (JSON, or streamed by upload routes) -> handler -> holdNextAnswer -> dropNext('after')
 *   -> response
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
	ApiError,
	errorBody,
	newRequestId,
	TYPE_BY_STATUS,
	type Route,
	type RouteContext,
	type RouteResult,
	type SimCore,
} from './core';
import type { Faults } from './faults';
import { accountRoutes } from './routes/account';
import { chatRoutes } from './routes/chats';
import { massMessageRoutes } from './routes/massMessages';
import { notificationRoutes } from './routes/notifications';
import { releaseFormRoutes } from './routes/releaseForms';
import { fanRoutes, profileRoutes } from './routes/fans';
import { uploadRoutes } from './routes/uploads';
import { userRoutes } from './routes/users';
import { vaultRoutes } from './routes/vault';
import type { RecordedRequest } from './types';
import { answerOnlyFansApi, meta, type OnlyFansApiAnswer, type RouteRunner } from './onlyFansApi';

export const ROUTES: Route[] = [
	...accountRoutes,
	...chatRoutes,
	...massMessageRoutes,
	...uploadRoutes,
	...vaultRoutes,
	...userRoutes,
	...fanRoutes,
	...profileRoutes,
	...notificationRoutes,
	...releaseFormRoutes,
];

const JSON_BODY_LIMIT = 10 * 1024 * 1024;

export type ControlHandler = (
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	query: Record<string, string>,
) => Promise<void>;

interface Compiled {
	route: Route;
	segments: string[];
}

const compiled: Compiled[] = ROUTES.map((route) => ({
	route,
	segments: route.pattern.split('/').filter(Boolean),
}));

function matchRoute(
	method: string,
	rawPath: string,
): { route: Route; params: Record<string, string> } | { methodMismatch: boolean } {
	const parts = rawPath.split('/').filter(Boolean);
	let methodMismatch = false;
	for (const c of compiled) {
		if (c.segments.length !== parts.length) continue;
		const params: Record<string, string> = {};
		let ok = true;
		for (let i = 0; i < parts.length && ok; i++) {
			const seg = c.segments[i];
			let value: string;
			try {
				value = decodeURIComponent(parts[i]);
			} catch {
				value = parts[i];
			}
			if (seg.startsWith(':')) params[seg.slice(1)] = value;
			else if (seg !== value) ok = false;
		}
		if (!ok) continue;
		if (c.route.method !== method) {
			methodMismatch = true;
			continue;
		}
		return { route: c.route, params };
	}
	return { methodMismatch };
}

export function readBody(req: IncomingMessage, limit = JSON_BODY_LIMIT): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > limit) {
				reject(new ApiError(413, 'PAYLOAD_TOO_LARGE', `JSON body larger than ${limit} bytes`));
				req.resume();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
		req.on('aborted', () => reject(new Error('request aborted')));
	});
}

function send(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string>,
	requestId: string,
): void {
	if (res.headersSent || res.destroyed || res.socket?.destroyed) return;
	const payload = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
	const h: Record<string, string> = {
		'content-type':
			typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
		'x-request-id': requestId,
		...headers,
	};
	res.writeHead(status, h);
	res.end(payload);
}

function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}

function parseJson(buf: Buffer): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(buf.toString('utf8')) };
	} catch {
		return { ok: false };
	}
}

function splitUrl(url: string): { rawPath: string; query: Record<string, string> } {
	const q = url.indexOf('?');
	const rawPath = q < 0 ? url : url.slice(0, q);
	const query: Record<string, string> = {};
	if (q >= 0) for (const [k, v] of new URLSearchParams(url.slice(q + 1))) query[k] = v;
	return { rawPath, query };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
	const v = req.headers[name.toLowerCase()];
	return Array.isArray(v) ? v[0] : v;
}

export function createSimServer(core: SimCore, faults: Faults, control: ControlHandler): Server {
	const server = createServer((req, res) => {
		handle(core, faults, control, req, res).catch((err) => {
			// last resort: never crash the process
			try {
				send(
					res,
					500,
					errorBody(500, 'INTERNAL_ERROR', String(err?.message ?? err), newRequestId()),
					{},
					newRequestId(),
				);
			} catch {
				/* socket gone */
			}
		});
	});
	server.keepAliveTimeout = 5_000;
	server.requestTimeout = 0; // big uploads may take long
	return server;
}

async function handle(
	core: SimCore,
	faults: Faults,
	control: ControlHandler,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const { rawPath, query } = splitUrl(req.url ?? '/');
	if (rawPath === '/__sim' || rawPath.startsWith('/__sim/'))
		return control(req, res, rawPath, query);

	let path: string;
	try {
		path = decodeURIComponent(rawPath);
	} catch {
		path = rawPath;
	}
	const requestId = newRequestId();
	const record: RecordedRequest = {
		method,
		path,
		rawPath,
		url: req.url ?? '/',
		query,
		headers: { ...req.headers },
		body: undefined,
		bodySize: 0,
		status: 0,
		accepted: true,
		receivedAt: Date.now(),
	};
	core.requests.push(record);
	const who = { method, path, query: record.query };

	if (faults.takeDrop('before', who)) {
		record.accepted = false;
		record.dropped = 'before';
		record.fault = 'dropBefore';
		req.socket.destroy();
		return;
	}
	if (faults.latencyMs > 0) await sleep(faults.latencyMs);

	const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
		record.status = status;
		send(res, status, body, headers, requestId);
	};
	const replyError = (e: ApiError, extraHeaders: Record<string, string> = {}) =>
		reply(e.status, errorBody(e.status, e.type, e.message, requestId, e.extra), {
			...extraHeaders,
			...e.headers,
		});

	const fail = faults.takeFail(who);
	if (fail) {
		record.accepted = false;
		record.fault = 'failNext';
		const body =
			fail.body !== undefined
				? fail.body
				: errorBody(
						fail.status,
						TYPE_BY_STATUS[fail.status] ?? 'ERROR',
						`Injected failure ${fail.status}`,
						requestId,
					);
		reply(fail.status, body, fail.headers ?? {});
		return;
	}

	if (path === '/api' || path.startsWith('/api/')) {
		let answer: OnlyFansApiAnswer;
		// the account's per-minute budget (faults.perMinute), for calls under /api/{account}/
		const account = /^\/api\/(acct_[^/]+)\//.exec(path)?.[1];
		const minute = account ? faults.takeMinute(account) : null;
		if (minute?.limited) {
			record.accepted = false;
			record.fault = 'rateLimit';
			reply(
				429,
				{
					error: 'Too Many Requests',
					message: 'You have exceeded your rate limit.',
					_meta: meta(core.onlyFansApi, 0, minute),
				},
				minute.retryAfterSec === undefined ? {} : { 'Retry-After': String(minute.retryAfterSec) },
			);
			return;
		}
		try {
			const buf = await readBody(req);
			record.bodySize = buf.length;
			let body: unknown = undefined;
			if (/^multipart\/form-data/i.test(headerValue(req, 'content-type') ?? '')) {
				body = buf; // parsed by the upload route
			} else if (buf.length) {
				const parsed = parseJson(buf);
				if (!parsed.ok) throw new ApiError(400, 'BAD_REQUEST', 'Body is not valid JSON');
				body = parsed.value;
				record.body = body;
			}
			const runOfAuth: RouteRunner = async (routeMethod, routePath, ctx) => {
				const m = matchRoute(routeMethod, routePath);
				if (!('route' in m))
					throw new ApiError(404, 'RESOURCE_NOT_FOUND', `No route for ${routePath}`);
				return await m.route.handler({ ...ctx, params: m.params });
			};
			answer = await answerOnlyFansApi(
				core,
				core.onlyFansApi,
				req,
				record,
				body,
				query,
				runOfAuth,
				minute ?? undefined,
			);
		} catch (err) {
			const apiError =
				err instanceof ApiError ? err : new ApiError(500, 'INTERNAL_ERROR', String(err));
			answer = { status: apiError.status, body: { error: apiError.message } };
		}
		await faults
			.takeHold(who)?.()
			.catch(() => undefined); // the test that held it checks its own outcome
		if (faults.takeDrop('after', who)) return dropAfter(req, record, answer.status);
		reply(answer.status, answer.body);
		return;
	}

	let rateHeaders: Record<string, string> = {};
	let result: RouteResult;
	try {
		const key = headerValue(req, 'apikey');
		if (key !== core.opts.apiKey)
			throw new ApiError(
				401,
				'UNAUTHORIZED',
				key ? 'Invalid API key' : 'Missing API key (header apiKey)',
			);

		const m = matchRoute(method, rawPath);
		if (!('route' in m)) {
			if (m.methodMismatch)
				throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`);
			throw new ApiError(404, 'RESOURCE_NOT_FOUND', `No route for ${method} ${path}`);
		}
		const { route, params } = m;

		let connection = null;
		if (path.startsWith('/v2/access/')) {
			const connId = headerValue(req, 'x-connection-id');
			if (!connId)
				throw new ApiError(
					401,
					'SESSION_NOT_PROVIDED',
					'No connection given: send the x-connection-id header',
				);
			connection = core.state.connections.find((c) => c.id === connId) ?? null;
			if (!connection)
				throw new ApiError(404, 'RESOURCE_NOT_FOUND', `Connection ${connId} not found`);
			if (connection.status === 'expired')
				throw new ApiError(
					401,
					'SESSION_EXPIRED',
					'Session expired: the OnlyFans account must be re-linked',
					{ actionRequired: 'relink' },
				);
			if (connection.status === 'awaiting_2fa')
				throw new ApiError(
					401,
					'SESSION_EXPIRED',
					'The connection is waiting for two-factor authentication',
					{ actionRequired: '2fa' },
				);
		}

		const decision = faults.takeToken(connection ? connection.id : `account:${core.opts.apiKey}`);
		if (decision) {
			rateHeaders = decision.headers;
			if (decision.limited) {
				record.accepted = false;
				record.fault = 'rateLimit';
				throw new ApiError(429, 'RATE_LIMITED', 'Rate limit exceeded');
			}
		}

		if (route.scope && !core.opts.permissions.includes(route.scope))
			throw new ApiError(403, 'FORBIDDEN', `Missing permission: ${route.scope}`);

		let body: unknown = undefined;
		if (!route.raw) {
			const buf = await readBody(req);
			record.bodySize = buf.length;
			if (buf.length) {
				const parsed = parseJson(buf);
				if (!parsed.ok) throw new ApiError(400, 'BAD_REQUEST', 'Body is not valid JSON');
				body = parsed.value;
				record.body = body;
			}
		}
		const ctx: RouteContext = { core, req, params, query, body, connection, record, requestId };
		result = await route.handler(ctx);
	} catch (err) {
		if (err instanceof ApiError) {
			if (faults.takeDrop('after', who)) return dropAfter(req, record, err.status);
			replyError(err, rateHeaders);
			return;
		}
		if (req.destroyed || req.socket.destroyed) {
			// client went away mid-body (e.g. cancelled upload)
			record.status = 0;
			return;
		}
		if (faults.takeDrop('after', who)) return dropAfter(req, record, 500);
		replyError(
			new ApiError(500, 'INTERNAL_ERROR', String((err as Error)?.message ?? err)),
			rateHeaders,
		);
		return;
	}
	const status = result.status ?? 200;
	await faults
		.takeHold(who)?.()
		.catch(() => undefined);
	if (faults.takeDrop('after', who)) return dropAfter(req, record, status);
	reply(status, result.body, { ...rateHeaders, ...(result.headers ?? {}) });
}

function dropAfter(req: IncomingMessage, record: RecordedRequest, status: number): void {
	record.status = status;
	record.dropped = 'after';
	record.fault = 'dropAfter';
	req.socket.destroy();
}
