/**
 * OnlyFansAPI.com mode of the simulator (../shared/api/onlyfansapi.md): the same seeded world, behind
 * that provider's paths (`/api/...`, the account `acct_...` in the path), Bearer auth, the
 * {data, _meta, _pagination} envelope, its VALIDATION_ERROR shape, credits and Idempotency-Key.
 * Each call is checked in OnlyFansAPI.com's terms, then answered by the OFAuth route for the same
 * thing, so both modes share one state. Requests are recorded as sent (OnlyFansAPI.com bodies).
 */
import type { IncomingMessage } from 'node:http';

import { createHash, randomBytes } from 'node:crypto';

import { ApiError, type RouteContext, type RouteResult, type SimCore } from './core';
import { signOnlyFansApi } from './webhooks';
import { makeMedia } from './seed';
import { queueStatus } from './routes/shared';
import { answerFansAndLists } from './onlyFansApiFans';
import type { Connection, RecordedRequest } from './types';

/** OnlyFansAPI.com's account id for a simulator connection (conn_x <-> acct_x). */
export const accountIdOf = (connectionId: string): string =>
	connectionId.replace(/^conn_/, 'acct_');

/** An answer of an OnlyFansAPI.com call: status, body (enveloped unless `bare`), headers. */
export interface OnlyFansApiAnswer {
	status: number;
	body: unknown;
}

export type RouteRunner = (
	method: string,
	path: string,
	ctx: Omit<RouteContext, 'params'>,
) => Promise<RouteResult>;

/** A file received by POST /media/upload: it became vault media `mediaId`, and its ID may be used once. */
export interface OnlyFansApiUpload {
	prefixedId: string;
	mediaId: number;
	fileName: string;
	size: number;
	sha256: string;
	fromUrl?: string;
	used: boolean;
}

/** A webhook registered through POST /api/webhooks. */
export interface OnlyFansApiWebhook {
	id: string;
	url: string;
	events: string[];
	account_scope: string;
	account_ids: string[];
	signing_secret: string | null;
	enabled: boolean;
	created_at: string;
}

export interface OnlyFansApiState {
	/** id -> registered webhook */
	webhooks: Map<string, OnlyFansApiWebhook>;
	credits: number;
	/** Idempotency-Key -> the answer given the first time */
	sends: Map<string, OnlyFansApiAnswer>;
	/** prefixed_id (ofapi_media_...) -> the upload */
	uploads: Map<string, OnlyFansApiUpload>;
}

export function newOnlyFansApiState(credits = 10_000): OnlyFansApiState {
	return { credits, sends: new Map(), uploads: new Map(), webhooks: new Map() };
}

interface MultipartPart {
	name: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

/** A multipart/form-data body split into its parts (enough for `file` and `file_url`). */
function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
	const parts: MultipartPart[] = [];
	const delimiter = Buffer.from(`--${boundary}`);
	let start = body.indexOf(delimiter);
	while (start >= 0) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next < 0) break;
		const chunk = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
		const headerEnd = chunk.indexOf('\r\n\r\n');
		if (headerEnd >= 0) {
			const headers = chunk.subarray(0, headerEnd).toString('utf8');
			const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
			const fileName = /filename="([^"]*)"/.exec(headers)?.[1];
			const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
			parts.push({ name, fileName, contentType, data: chunk.subarray(headerEnd + 4) });
		}
		start = next;
	}
	return parts;
}

/** The per-minute budget an answer reports (faults.perMinute sets a real one; else a large one). */
export interface MinuteBudget {
	limit: number;
	remaining: number;
}

const UNLIMITED_MINUTE: MinuteBudget = { limit: 1000, remaining: 999 };

export function meta(state: OnlyFansApiState, used: number, budget = UNLIMITED_MINUTE) {
	return {
		_credits: { used, balance: state.credits, note: 'simulated' },
		_cache: { is_cached: false, note: 'simulated' },
		_rate_limits: {
			limit_minute: budget.limit,
			remaining_minute: budget.remaining,
			limit_day: null,
			remaining_day: null,
		},
	};
}

function validationError(
	state: OnlyFansApiState,
	errors: Record<string, string[]>,
): OnlyFansApiAnswer {
	const [first] = Object.values(errors)[0] ?? ['The given data was invalid.'];
	return {
		status: 422,
		body: {
			error: 'VALIDATION_ERROR',
			message: first,
			description: 'The request parameters failed validation.',
			errors,
			_meta: meta(state, 0),
		},
	};
}

/** The OnlyFansAPI.com send body -> errors per field, as that API reports them. */
function checkSend(body: Record<string, unknown>): Record<string, string[]> {
	const errors: Record<string, string[]> = {};
	if (typeof body.text !== 'string' || body.text.trim() === '')
		errors.text = ['The text field is required.'];
	const price = body.price ?? 0;
	const mediaFiles = Array.isArray(body.mediaFiles)
		? (body.mediaFiles as unknown[]).map(String)
		: [];
	if (
		typeof price !== 'number' ||
		!Number.isInteger(price) ||
		(price !== 0 && (price < 3 || price > 200))
	) {
		errors.price = ['The price must be 0 or an integer from 3 to 200.'];
	} else if (price !== 0 && mediaFiles.length === 0) {
		errors.mediaFiles = ['The media files field is required when price is not 0.'];
	}
	const previews = Array.isArray(body.previews) ? (body.previews as unknown[]).map(String) : [];
	if (previews.some((preview) => !mediaFiles.includes(preview))) {
		errors.previews = ['Every preview must also be in media files.'];
	}
	return errors;
}

/** The same message as OFAuth's SendBody: previews first in mediaItems, counted by previewMediaCount. */
function toOfAuthSend(body: Record<string, unknown>): Record<string, unknown> {
	const mediaFiles = Array.isArray(body.mediaFiles)
		? (body.mediaFiles as unknown[]).map(String)
		: [];
	const previews = Array.isArray(body.previews) ? (body.previews as unknown[]).map(String) : [];
	const ordered = [...previews, ...mediaFiles.filter((file) => !previews.includes(file))];
	const send: Record<string, unknown> = { text: body.text, isMarkdown: true };
	if (ordered.length)
		send.mediaItems = ordered.map((file) => (/^\d+$/.test(file) ? Number(file) : file));
	if (typeof body.price === 'number' && body.price > 0) {
		send.price = body.price;
		send.previewMediaCount = previews.length;
	}
	if (body.lockedText === true) send.isLockedText = true;
	if (body.replyToMessageId !== undefined) send.replyToMessageId = String(body.replyToMessageId);
	if (Array.isArray(body.rfTag) && body.rfTag.length) send.userTags = body.rfTag;
	const releaseForms: Record<string, unknown> = {};
	if (Array.isArray(body.rfPartner) && body.rfPartner.length)
		releaseForms.partners = body.rfPartner;
	if (Array.isArray(body.rfGuest) && body.rfGuest.length) releaseForms.guests = body.rfGuest;
	if (Object.keys(releaseForms).length) send.releaseForms = releaseForms;
	return send;
}

/** Single-use upload IDs -> their vault media; an unknown or used one is a validation error. */
function resolveUploads(
	state: OnlyFansApiState,
	send: Record<string, unknown>,
): { send: Record<string, unknown> } | { errors: Record<string, string[]> } {
	const items = Array.isArray(send.mediaItems) ? (send.mediaItems as unknown[]) : [];
	const problems: string[] = [];
	const resolved = items.map((item) => {
		if (typeof item !== 'string' || !item.startsWith('ofapi_media_')) return item;
		const upload = state.uploads.get(item);
		if (!upload || upload.used)
			problems.push(`The media file ${item} is unknown or was already used.`);
		return upload?.mediaId ?? item;
	});
	if (problems.length) return { errors: { mediaFiles: problems } };
	for (const item of items) {
		const upload = typeof item === 'string' ? state.uploads.get(item) : undefined;
		if (upload) upload.used = true;
	}
	return { send: { ...send, mediaItems: resolved } };
}

/** A chat as OnlyFansAPI.com lists it: the other party is `fan`. */
function toChat(chat: Record<string, unknown>): Record<string, unknown> {
	const { withUser, ...rest } = chat;
	return { fan: withUser, ...rest };
}

const CHAT_FILTERS: Record<string, string> = {
	unread: 'unread',
	priority: 'priority',
	with_tips: 'who_tipped',
};

function header(req: IncomingMessage, name: string): string {
	const value = req.headers[name];
	return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * Answers one `/api/...` request. `runOfAuth` runs the OFAuth route of the same operation on the
 * same state. Throws ApiError for what the OFAuth route refuses (mapped by the caller).
 */
export async function answerOnlyFansApi(
	core: SimCore,
	state: OnlyFansApiState,
	req: IncomingMessage,
	record: RecordedRequest,
	body: unknown,
	query: Record<string, string>,
	runOfAuth: RouteRunner,
	budget?: MinuteBudget,
): Promise<OnlyFansApiAnswer> {
	if (header(req, 'authorization') !== `Bearer ${core.opts.apiKey}`) {
		return {
			status: 401,
			body: {
				error: 'Unauthorized. Go to https://app.onlyfansapi.com/api-keys to get your API key.',
			},
		};
	}
	const method = record.method;
	const parts = record.path.split('/').filter(Boolean).slice(1); // after "api"
	if (method === 'GET' && parts.join('/') === 'whoami') {
		return {
			status: 200,
			body: {
				api_key: { name: 'Simulator key', created_at: '2025-01-01T00:00:00Z', last_used_at: null },
				team: { name: 'Simulator team', slug: 'simulator' },
			},
		};
	}
	if (method === 'GET' && parts.join('/') === 'accounts') {
		return {
			status: 200,
			body: core.state.connections.map((connection) => ({
				id: accountIdOf(connection.id),
				display_name: connection.userData.name,
				onlyfans_username: connection.userData.username,
				onlyfans_id: String(connection.userData.id),
				is_authenticated: connection.status === 'active',
			})),
		};
	}
	if (parts[0] === 'webhooks') return manageWebhooks(state, method, parts.slice(1), body);
	const [accountId, ...rest] = parts;
	const connection: Connection | undefined = core.state.connections.find(
		(entry) => accountIdOf(entry.id) === accountId,
	);
	if (!connection)
		return {
			status: 404,
			body: { error: `Account ${accountId ?? ''} not found`, _meta: meta(state, 0) },
		};
	if (connection.status !== 'active') {
		return {
			status: 401,
			body: {
				error: 'The OnlyFans session of this account expired: reconnect it',
				_meta: meta(state, 0),
			},
		};
	}
	if (state.credits <= 0) {
		return {
			status: 402,
			body: {
				error: 'Insufficient credits',
				message: 'You have no credits left.',
				_meta: meta(state, 0),
			},
		};
	}
	const ctx = {
		core,
		req,
		query,
		body,
		connection,
		record,
		requestId: `req_ofapi_${record.receivedAt}`,
	};
	const charge = (data: unknown, extra: Record<string, unknown> = {}): OnlyFansApiAnswer => {
		state.credits -= 1;
		return { status: 200, body: { data, ...extra, _meta: meta(state, 1, budget) } };
	};
	const route = rest.join('/');

	// POST /media/upload (multipart: file, or file_url fetched here); not enveloped; the ID is single-use
	if (method === 'POST' && route === 'media/upload') {
		const boundary = /boundary=([^;]+)/.exec(header(req, 'content-type'))?.[1];
		const parts = Buffer.isBuffer(body) && boundary ? parseMultipart(body, boundary) : [];
		const file = parts.find((part) => part.name === 'file');
		const url = parts.find((part) => part.name === 'file_url')?.data.toString('utf8');
		let bytes = file?.data;
		let contentType = file?.contentType ?? 'application/octet-stream';
		let fileName = file?.fileName ?? 'upload';
		if (!bytes && url) {
			const download = await fetch(url);
			bytes = Buffer.from(await download.arrayBuffer());
			contentType = download.headers.get('content-type') ?? contentType;
			fileName = new URL(url).pathname.split('/').pop() ?? fileName;
		}
		if (!bytes)
			return validationError(state, {
				file: ['The file field is required when file url is not present.'],
			});
		if (bytes.length > 100_000_000)
			return { status: 413, body: { error: 'File too large (100 MB at most)' } };
		const mediaId = core.state.nextIds.media++;
		const type = contentType.startsWith('video/')
			? 'video'
			: contentType.startsWith('audio/')
				? 'audio'
				: 'photo';
		core.state.vaultMedia.push(
			makeMedia(mediaId, type, core.nowIso(), {
				filename: fileName,
				size: bytes.length,
				source: 'upload',
			}),
		);
		const prefixedId = `ofapi_media_${randomBytes(8).toString('hex')}`;
		state.uploads.set(prefixedId, {
			prefixedId,
			mediaId,
			fileName,
			size: bytes.length,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			fromUrl: url,
			used: false,
		});
		state.credits -= Math.max(1, Math.ceil(bytes.length / 1_000_000) * 3);
		return {
			status: 200,
			body: {
				prefixed_id: prefixedId,
				file_name: fileName,
				processId: mediaId,
				sourceUrl: url ?? null,
				thumbs: [],
				note: 'simulated',
			},
		};
	}
	// POST /chats/{chat}/messages
	if (method === 'POST' && /^chats\/[^/]+\/messages$/.test(route)) {
		const key = header(req, 'idempotency-key');
		const earlier = key ? state.sends.get(key) : undefined;
		if (earlier) return earlier;
		const send = (body ?? {}) as Record<string, unknown>;
		const errors = checkSend(send);
		if (Object.keys(errors).length) return validationError(state, errors);
		const uploads = resolveUploads(state, toOfAuthSend(send));
		if ('errors' in uploads) return validationError(state, uploads.errors);
		const result = await runOfAuth('POST', `/v2/access/chats/${rest[1]}/messages`, {
			...ctx,
			body: uploads.send,
		});
		const answer = charge(result.body);
		if (key) state.sends.set(key, answer);
		return answer;
	}
	// DELETE /chats/{chat}/messages/{message}
	if (method === 'DELETE' && /^chats\/[^/]+\/messages\/[^/]+$/.test(route)) {
		await runOfAuth('DELETE', `/v2/access/chats/${rest[1]}/messages/${rest[3]}`, {
			...ctx,
			body: undefined,
		});
		return charge({ success: true });
	}
	// GET /chats/{chat}/messages
	if (method === 'GET' && /^chats\/[^/]+\/messages$/.test(route)) {
		const ofauthQuery: Record<string, string> = { limit: query.limit ?? '10' };
		const lastId = query.last_id ?? query.id;
		if (lastId) ofauthQuery.last_id = lastId;
		const result = await runOfAuth('GET', `/v2/access/chats/${rest[1]}/messages`, {
			...ctx,
			query: ofauthQuery,
		});
		const page = result.body as { list: unknown[]; hasMore: boolean };
		const last = page.list[page.list.length - 1] as { id?: unknown } | undefined;
		const next =
			page.hasMore && last
				? `${core.baseUrl}/api/${accountId}/chats/${rest[1]}/messages?limit=${ofauthQuery.limit}&id=${String(last.id)}`
				: null;
		return charge(page.list, { _pagination: { next_page: next } });
	}
	// GET /chats/{chat}/media: {list: messages with their media, hasMore, nextLastId}, paged by message
	if (method === 'GET' && /^chats\/[^/]+\/media$/.test(route)) {
		const ofauthQuery: Record<string, string> = { limit: '100', offset: '0' };
		if (query.type) ofauthQuery.type = query.type;
		const found = (
			await runOfAuth('GET', `/v2/access/chats/${rest[1]}/media`, { ...ctx, query: ofauthQuery })
		).body as { list: Array<Record<string, unknown>> };
		const messages: Array<Record<string, unknown>> = [];
		for (const { messageId, fromUser, ...media } of found.list) {
			let message = messages.find((entry) => entry.id === messageId);
			if (!message) messages.push((message = { id: messageId, fromUser, media: [] }));
			(message.media as unknown[]).push(media);
		}
		const limit = Number(query.limit ?? 20);
		const offset = Number(query.offset ?? 0);
		const list = messages.slice(offset, offset + limit);
		const last = list[list.length - 1];
		return charge({
			list,
			hasMore: offset + limit < messages.length,
			nextLastId: last?.id ?? null,
		});
	}
	// GET /chats
	if (method === 'GET' && route === 'chats') {
		const ofauthQuery: Record<string, string> = {
			limit: query.limit ?? '10',
			offset: query.offset ?? '0',
			order: query.order ?? 'recent',
		};
		if (query.filter) ofauthQuery.filter = CHAT_FILTERS[query.filter] ?? query.filter;
		if (query.query) ofauthQuery.query = query.query;
		const result = await runOfAuth('GET', '/v2/access/chats', { ...ctx, query: ofauthQuery });
		const page = result.body as { list: Array<Record<string, unknown>>; hasMore: boolean };
		const nextOffset = Number(ofauthQuery.offset) + page.list.length;
		const next = page.hasMore
			? `${core.baseUrl}/api/${accountId}/chats?limit=${ofauthQuery.limit}&offset=${nextOffset}`
			: null;
		return charge(page.list.map(toChat), { _pagination: { next_page: next } });
	}
	// mass messaging: POST, PUT /{id}, GET /{id}, DELETE /{id}, GET /overview
	if (
		(method === 'POST' && route === 'mass-messaging') ||
		(method === 'PUT' && /^mass-messaging\/\d+$/.test(route))
	) {
		const mass = (body ?? {}) as Record<string, unknown>;
		const errors = checkSend(mass);
		const list = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : []);
		if (list(mass.userIds).length + list(mass.userLists).length === 0) {
			errors.userIds = ['The user ids field is required when user lists is not present.'];
		}
		if (Object.keys(errors).length) return validationError(state, errors);
		const listRef = (id: unknown) => (/^\d+$/.test(String(id)) ? Number(id) : String(id));
		const uploads = resolveUploads(state, toOfAuthSend(mass));
		if ('errors' in uploads) return validationError(state, uploads.errors);
		const ofauthBody: Record<string, unknown> = { ...uploads.send };
		if (list(mass.userIds).length) ofauthBody.userIds = list(mass.userIds).map(Number);
		if (list(mass.userLists).length) ofauthBody.userLists = list(mass.userLists).map(listRef);
		if (list(mass.excludedLists).length) {
			ofauthBody.excludeUserLists = list(mass.excludedLists).map(listRef);
		}
		if (typeof mass.scheduledDate === 'string') ofauthBody.scheduledDate = mass.scheduledDate;
		const path =
			method === 'POST' ? '/v2/access/mass-messages' : `/v2/access/mass-messages/${rest[1]}`;
		return charge((await runOfAuth(method, path, { ...ctx, body: ofauthBody })).body);
	}
	// GET /mass-messaging: the queue (pending, scheduled and recent), a bare array of queue items
	// without their text, as documented; GET /mass-messaging/{id} gives the text
	if (method === 'GET' && route === 'mass-messaging') {
		const recent = Date.now() - 24 * 3_600_000;
		return charge(
			core.state.massMessages
				.filter((m) => !m.isDone || Date.parse(m.date) >= recent)
				.map((m) => ({ ...queueStatus(m), date: m.scheduledDate ?? m.date })),
		);
	}
	if (method === 'GET' && route === 'mass-messaging/overview') {
		const ofauthQuery: Record<string, string> = {
			limit: query.limit ?? '10',
			offset: query.offset ?? '0',
		};
		if (query.startDate) ofauthQuery.startDate = query.startDate;
		if (query.endDate) ofauthQuery.endDate = query.endDate;
		const sent = '/v2/access/analytics/mass-messages/sent';
		// OFAuth's sent statistics already have OnlyFansAPI.com's overview shape: {hasMore, items}
		return charge((await runOfAuth('GET', sent, { ...ctx, query: ofauthQuery })).body);
	}
	if ((method === 'GET' || method === 'DELETE') && /^mass-messaging\/\d+$/.test(route)) {
		const path = `/v2/access/mass-messages/${rest[1]}`;
		const queue = (await runOfAuth(method, path, { ...ctx, body: undefined })).body;
		return charge({ success: true, queue });
	}
	// vault: GET /media/vault, GET /media/vault/lists
	// the documented page sizes: vault media 10-100, user lists 10-50 (a smaller limit is refused)
	const pageLimits: Record<string, [number, number]> = {
		'media/vault': [10, 100],
		'user-lists': [10, 50],
	};
	const pageLimit = method === 'GET' ? pageLimits[route] : undefined;
	if (pageLimit && query.limit !== undefined) {
		const limit = Number(query.limit);
		if (!Number.isInteger(limit) || limit < pageLimit[0] || limit > pageLimit[1])
			return validationError(state, {
				limit: [`The limit field must be an integer between ${pageLimit[0]} and ${pageLimit[1]}.`],
			});
	}
	if (method === 'GET' && route === 'media/vault') {
		const ofauthQuery: Record<string, string> = {
			limit: query.limit ?? '24',
			offset: query.offset ?? '0',
		};
		if (query.type) ofauthQuery.mediaType = query.type;
		if (query.list) ofauthQuery.listId = query.list;
		if (query.query) ofauthQuery.query = query.query;
		if (query.field) ofauthQuery.sortBy = query.field;
		if (query.sort) ofauthQuery.sortDirection = query.sort;
		const page = (await runOfAuth('GET', '/v2/access/vault/media', { ...ctx, query: ofauthQuery }))
			.body as { list: unknown[]; hasMore: boolean };
		return charge({ list: page.list, hasMore: page.hasMore });
	}
	if (method === 'GET' && route === 'user-lists') {
		const ofauthQuery: Record<string, string> = {
			limit: query.limit ?? '10',
			offset: query.offset ?? '0',
		};
		const page = (await runOfAuth('GET', '/v2/access/users/lists', { ...ctx, query: ofauthQuery }))
			.body as { list: unknown[] };
		return charge(page.list);
	}
	// GET /user-lists/{id}/users: 1-100 a page, data {list, hasMore, nextOffset}
	if (method === 'GET' && /^user-lists\/[^/]+\/users$/.test(route)) {
		const ofauthQuery: Record<string, string> = {
			limit: query.limit ?? '10',
			offset: query.offset ?? '0',
		};
		const path = `/v2/access/users/lists/${rest[1]}/users`;
		return charge((await runOfAuth('GET', path, { ...ctx, query: ofauthQuery })).body);
	}
	if (method === 'GET' && route === 'media/vault/lists') {
		const ofauthQuery: Record<string, string> = {
			limit: query.limit ?? '10',
			offset: query.offset ?? '0',
		};
		if (query.query) ofauthQuery.query = query.query;
		const page = (await runOfAuth('GET', '/v2/access/vault/lists', { ...ctx, query: ofauthQuery }))
			.body as { list: unknown[] };
		return charge(page.list);
	}
	const fansAndLists = await answerFansAndLists({
		core,
		baseUrl: core.baseUrl,
		accountId: accountId ?? '',
		method,
		route,
		rest,
		query,
		body,
		ctx,
		runOfAuth,
		charge,
		free: (data) => ({ status: 200, body: { data, _meta: meta(state, 0, budget) } }),
		invalid: (errors) => validationError(state, errors),
	});
	if (fansAndLists) return fansAndLists as OnlyFansApiAnswer;
	throw new ApiError(
		404,
		'RESOURCE_NOT_FOUND',
		`No OnlyFansAPI.com route for ${method} ${record.path}`,
	);
}

/** GET/POST /api/webhooks, GET/DELETE /api/webhooks/{id}: team-level, not under an account. */
function manageWebhooks(
	state: OnlyFansApiState,
	method: string,
	rest: string[],
	body: unknown,
): OnlyFansApiAnswer {
	const wrap = (data: unknown): OnlyFansApiAnswer => ({
		status: 200,
		body: { data, _meta: meta(state, 0) },
	});
	const view = ({ signing_secret, ...webhook }: OnlyFansApiWebhook) => ({
		...webhook,
		has_signing_secret: Boolean(signing_secret),
	});
	if (rest.length === 0 && method === 'GET') return wrap([...state.webhooks.values()].map(view));
	if (rest.length === 0 && method === 'POST') {
		const input = (body ?? {}) as Record<string, unknown>;
		const errors: Record<string, string[]> = {};
		if (typeof input.endpoint_url !== 'string' || !/^https?:\/\//.test(input.endpoint_url))
			errors.endpoint_url = ['The endpoint url must be a valid URL.'];
		if (!Array.isArray(input.events) || input.events.length === 0)
			errors.events = ['The events field is required.'];
		if (
			input.account_scope !== 'global' &&
			(!Array.isArray(input.account_ids) || input.account_ids.length === 0)
		) {
			errors.account_ids = ['The account ids field is required unless account scope is global.'];
		}
		if (Object.keys(errors).length) return validationError(state, errors);
		const webhook: OnlyFansApiWebhook = {
			id: `wh_${randomBytes(8).toString('hex')}`,
			url: String(input.endpoint_url),
			events: (input.events as unknown[]).map(String),
			account_scope: String(input.account_scope ?? 'global'),
			account_ids: Array.isArray(input.account_ids) ? input.account_ids.map(String) : [],
			signing_secret: typeof input.signing_secret === 'string' ? input.signing_secret : null,
			enabled: true,
			created_at: new Date().toISOString(),
		};
		state.webhooks.set(webhook.id, webhook);
		return wrap(view(webhook));
	}
	const webhook = state.webhooks.get(rest[0] ?? '');
	if (!webhook) return { status: 404, body: { error: `Webhook ${rest[0] ?? ''} not found` } };
	if (method === 'GET') return wrap(view(webhook));
	if (method === 'DELETE') {
		state.webhooks.delete(webhook.id);
		return { status: 200, body: {} };
	}
	return { status: 405, body: { error: `${method} is not allowed` } };
}

/**
 * What OnlyFansAPI.com does when an event happens: POST {event, account_id, payload} to every enabled
 * webhook that takes the event and the account, with `Signature` (hex HMAC-SHA256 of the body) when
 * it has a secret and `X-OFAPI-Idempotency-Key`. Returns each delivery's answer.
 */
export async function deliverOnlyFansApiEvent(
	state: OnlyFansApiState,
	delivery: {
		event: string;
		accountId: string;
		payload: unknown;
		idempotencyKey?: string;
		rawBody?: string;
	},
): Promise<Array<{ webhookId: string; status: number; body: string }>> {
	const raw =
		delivery.rawBody ??
		JSON.stringify({
			event: delivery.event,
			account_id: delivery.accountId,
			payload: delivery.payload,
		});
	const answers: Array<{ webhookId: string; status: number; body: string }> = [];
	for (const webhook of state.webhooks.values()) {
		if (!webhook.enabled || !webhook.events.includes(delivery.event)) continue;
		if (webhook.account_scope === 'inclusive' && !webhook.account_ids.includes(delivery.accountId))
			continue;
		if (webhook.account_scope === 'exclusive' && webhook.account_ids.includes(delivery.accountId))
			continue;
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			'user-agent': 'OnlyFansAPI.com/Webhook-Client',
			'x-ofapi-idempotency-key': delivery.idempotencyKey ?? `evt_${randomBytes(8).toString('hex')}`,
		};
		if (webhook.signing_secret) headers.signature = signOnlyFansApi(webhook.signing_secret, raw);
		const response = await fetch(webhook.url, {
			method: 'POST',
			headers,
			body: raw,
			signal: AbortSignal.timeout(10_000),
		});
		answers.push({ webhookId: webhook.id, status: response.status, body: await response.text() });
	}
	return answers;
}
