/**
 * Shared pieces of the simulator: the error type every route throws, query
 * parsing helpers, the route type, and SimCore (options + mutable state).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { buildState, CREATOR_ID } from './seed';
import type {
	Connection,
	Fan,
	Media,
	RecordedRequest,
	ResolvedOptions,
	Scope,
	SimulatorState,
	UserList,
} from './types';
import type { UploadRuntime } from './routes/uploads';
import { newOnlyFansApiState } from './onlyFansApi';

export function newRequestId(): string {
	return `req_${randomBytes(8).toString('hex')}`;
}

export const TYPE_BY_STATUS: Record<number, string> = {
	400: 'BAD_REQUEST',
	401: 'UNAUTHORIZED',
	403: 'FORBIDDEN',
	404: 'RESOURCE_NOT_FOUND',
	405: 'METHOD_NOT_ALLOWED',
	409: 'CONFLICT',
	413: 'PAYLOAD_TOO_LARGE',
	422: 'VALIDATION_ERROR',
	429: 'RATE_LIMITED',
	500: 'INTERNAL_ERROR',
	502: 'PROXY_ERROR',
	503: 'NETWORK_ERROR',
	504: 'GATEWAY_TIMEOUT',
};

export class ApiError extends Error {
	constructor(
		public readonly status: number,
		public readonly type: string,
		message: string,
		public readonly extra: { actionRequired?: string; details?: unknown } = {},
		public readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

export const badRequest = (message: string, details?: unknown): ApiError =>
	new ApiError(400, 'BAD_REQUEST', message, details === undefined ? {} : { details });
export const notFound = (message: string): ApiError =>
	new ApiError(404, 'RESOURCE_NOT_FOUND', message);

export function errorBody(
	status: number,
	type: string,
	message: string,
	requestId: string,
	extra: { actionRequired?: string; details?: unknown } = {},
): Record<string, unknown> {
	return {
		error: message,
		type,
		requestId,
		...(extra.actionRequired ? { actionRequired: extra.actionRequired } : {}),
		...(extra.details !== undefined ? { details: extra.details } : {}),
	};
}

export interface RouteResult {
	status?: number;
	body: unknown;
	headers?: Record<string, string>;
}

export interface RouteContext {
	core: SimCore;
	req: IncomingMessage;
	params: Record<string, string>;
	query: Record<string, string>;
	/** parsed JSON body (undefined for raw routes) */
	body: unknown;
	connection: Connection | null;
	record: RecordedRequest;
	requestId: string;
}

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
	/** e.g. /v2/access/chats/:userId/messages */
	pattern: string;
	scope?: Scope;
	/** raw body: the handler reads the request stream itself (uploads) */
	raw?: boolean;
	handler(ctx: RouteContext): Promise<RouteResult> | RouteResult;
}

// ---------- query helpers

export function intParam(
	q: Record<string, string>,
	name: string,
	opts: { def: number; min?: number; max?: number; clampMax?: boolean },
): number {
	const raw = q[name];
	if (raw === undefined || raw === '') return opts.def;
	if (!/^-?\d+$/.test(raw))
		throw badRequest(`${name} must be an integer`, [
			{ path: name, message: 'must be an integer', code: 'invalid_type' },
		]);
	let n = Number(raw);
	if (opts.min !== undefined && n < opts.min)
		throw badRequest(`${name} must be >= ${opts.min}`, [
			{ path: name, message: `must be >= ${opts.min}`, code: 'too_small' },
		]);
	if (opts.max !== undefined && n > opts.max) {
		if (opts.clampMax) n = opts.max;
		else
			throw badRequest(`${name} must be <= ${opts.max}`, [
				{ path: name, message: `must be <= ${opts.max}`, code: 'too_big' },
			]);
	}
	return n;
}

export function enumParam<T extends string>(
	q: Record<string, string>,
	name: string,
	values: readonly T[],
): T | undefined {
	const raw = q[name];
	if (raw === undefined || raw === '') return undefined;
	if (!(values as readonly string[]).includes(raw))
		throw badRequest(`${name} must be one of ${values.join(', ')}`, [
			{ path: name, message: `must be one of ${values.join(', ')}`, code: 'invalid_enum_value' },
		]);
	return raw as T;
}

/** ISO date/time or YYYY-MM-DD; `endOfDay` makes a bare date inclusive */
export function dateParam(
	q: Record<string, string>,
	name: string,
	endOfDay = false,
): number | undefined {
	const raw = q[name];
	if (raw === undefined || raw === '') return undefined;
	const t = Date.parse(raw);
	if (Number.isNaN(t))
		throw badRequest(`${name} must be an ISO 8601 date`, [
			{ path: name, message: 'must be an ISO 8601 date', code: 'invalid_date' },
		]);
	if (endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return t + 86_400_000 - 1;
	return t;
}

export function pageOf<T>(
	items: T[],
	offset: number,
	limit: number,
): { list: T[]; hasMore: boolean; nextOffset: number | null } {
	const list = items.slice(offset, offset + limit);
	const hasMore = offset + list.length < items.length;
	return { list, hasMore, nextOffset: hasMore ? offset + list.length : null };
}

// ---------- the simulator core

export class SimCore {
	state!: SimulatorState;
	readonly requests: RecordedRequest[] = [];
	/** direct messages created per fan id (POST /chats/{id}/messages that succeeded) */
	messagesSent = new Map<number, number>();
	uploadRuntime = new Map<string, UploadRuntime>();
	/** credits and Idempotency-Key answers of the OnlyFansAPI.com mode */
	onlyFansApi = newOnlyFansApiState();
	baseUrl = '';

	constructor(public readonly opts: ResolvedOptions) {
		this.resetState();
	}

	resetState(): void {
		this.state = buildState(this.opts);
		this.messagesSent.clear();
		this.uploadRuntime.clear();
		this.onlyFansApi = newOnlyFansApiState();
	}

	get creatorId(): number {
		return CREATOR_ID;
	}

	fan(id: number): Fan | undefined {
		const f = this.state.fans[id - this.state.fans[0]?.id];
		if (f && f.id === id) return f;
		return this.state.fans.find((x) => x.id === id);
	}

	chat(fanId: number) {
		return this.state.chats.find((c) => c.withUserId === fanId);
	}

	media(id: number): Media | undefined {
		return this.state.vaultMedia.find((m) => m.id === id);
	}

	userList(ref: number | string): UserList | undefined {
		const s = String(ref);
		return this.state.userLists.find((l) => String(l.id) === s || (l.isBuiltIn && l.type === s));
	}

	nowIso(): string {
		return new Date().toISOString();
	}
}
