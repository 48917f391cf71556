/** Mass messages (queue items) and their analytics: sent, chart, buyers. */
import {
	badRequest,
	dateParam,
	intParam,
	notFound,
	pageOf,
	type Route,
	type RouteContext,
	type SimCore,
} from '../core';
import { massMessageBodySchema, zodDetails, type MassMessageBody } from '../schemas';
import { userRef } from '../seed';
import type { MassMessage } from '../types';
import { publicMedia, queueStatus, resolveMediaItems } from './shared';

const LIST_TYPE_RE = /^[a-z][a-z0-9_]*$/;

function queueItem(m: MassMessage): Record<string, unknown> {
	return {
		...queueStatus(m),
		text: m.text,
		price: m.price,
		isFree: m.isFree,
		lockedText: m.lockedText,
		mediaCount: m.mediaCount,
		media: m.media.map(publicMedia),
		previews: m.previews,
		userIds: m.userIds,
		userLists: m.userLists,
		excludeUserLists: m.excludeUserLists,
		...(m.scheduledDate ? { scheduledDate: m.scheduledDate } : {}),
		...(m.subscribedAfterDate ? { subscribedAfterDate: m.subscribedAfterDate } : {}),
	};
}

function parseBody(body: unknown): MassMessageBody {
	const parsed = massMessageBodySchema.safeParse(body ?? {});
	if (!parsed.success) throw badRequest('Invalid request body', zodDetails(parsed.error));
	return parsed.data;
}

/** audience = userIds + members of userLists - members of excludeUserLists, optionally only fans subscribed after a date */
function audience(core: SimCore, b: MassMessageBody): number[] {
	const details: { path: string; message: string; code: string }[] = [];
	const set = new Set<number>();
	(b.userIds ?? []).forEach((id, i) => {
		if (!core.fan(id))
			details.push({
				path: `userIds.${i}`,
				message: `Unknown user id ${id}`,
				code: 'unknown_user',
			});
		else set.add(id);
	});
	const members = (refs: (number | string)[] | undefined, field: string): number[] => {
		const out: number[] = [];
		(refs ?? []).forEach((ref, i) => {
			// a list is a positive number or a built-in list type ('fans', 'rebill_on'); anything else is malformed
			if (typeof ref === 'string' && !LIST_TYPE_RE.test(ref) && !/^\d+$/.test(ref)) {
				details.push({
					path: `${field}.${i}`,
					message: `Invalid user list id ${JSON.stringify(ref)}`,
					code: 'invalid_list_id',
				});
				return;
			}
			const list = core.userList(ref);
			if (!list)
				details.push({
					path: `${field}.${i}`,
					message: `Unknown user list ${ref}`,
					code: 'unknown_list',
				});
			else out.push(...list.userIds);
		});
		return out;
	};
	for (const id of members(b.userLists, 'userLists')) set.add(id);
	for (const id of members(b.excludeUserLists, 'excludeUserLists')) set.delete(id);
	if (details.length) throw badRequest(details.map((d) => d.message).join('; '), details);
	let ids = [...set].sort((a, x) => a - x);
	if (b.subscribedAfterDate) {
		const after = Date.parse(b.subscribedAfterDate);
		ids = ids.filter((id) => Date.parse(core.fan(id)!.subscription.subscribedAt) > after);
	}
	if (!ids.length)
		throw badRequest(
			'The audience is empty: give userIds or userLists with at least one recipient',
			[{ path: 'userIds', message: 'empty audience', code: 'empty_audience' }],
		);
	return ids;
}

function checkSchedule(b: MassMessageBody): string | null {
	if (!b.scheduledDate) return null;
	const t = Date.parse(b.scheduledDate);
	if (t <= Date.now())
		throw badRequest('scheduledDate must be in the future', [
			{ path: 'scheduledDate', message: 'must be in the future', code: 'date_in_past' },
		]);
	return new Date(t).toISOString();
}

function apply(
	core: SimCore,
	m: MassMessage,
	b: MassMessageBody,
	scheduledDate: string | null,
	recipients: number[],
	media: MassMessage['media'],
): void {
	const price = b.price ?? 0;
	const scheduled = scheduledDate !== null;
	Object.assign(m, {
		scheduledDate,
		isReady: !scheduled,
		isDone: !scheduled,
		total: recipients.length,
		pending: scheduled ? recipients.length : 0,
		canUnsend: true,
		text: b.text ?? '',
		price,
		isFree: price === 0,
		lockedText: b.isLockedText ?? false,
		mediaCount: media.length,
		media,
		previews: media.slice(0, b.previewMediaCount ?? 0).map((x) => x.id),
		recipientIds: recipients,
		userIds: b.userIds ?? [],
		userLists: b.userLists ?? [],
		excludeUserLists: b.excludeUserLists ?? [],
		subscribedAfterDate: b.subscribedAfterDate ?? null,
	});
	void core;
}

function create({ core, body }: RouteContext) {
	const b = parseBody(body);
	const scheduledDate = checkSchedule(b);
	const recipients = audience(core, b);
	const resolved = resolveMediaItems(core, b.mediaItems);
	resolved.commit();
	const m: MassMessage = {
		id: core.state.nextIds.massMessage++,
		date: core.nowIso(),
		scheduledDate: null,
		isReady: true,
		isDone: true,
		total: 0,
		pending: 0,
		canUnsend: true,
		hasError: false,
		isCanceled: false,
		text: '',
		price: 0,
		isFree: true,
		lockedText: false,
		mediaCount: 0,
		media: [],
		previews: [],
		recipientIds: [],
		userIds: [],
		userLists: [],
		excludeUserLists: [],
		subscribedAfterDate: null,
		viewedCount: 0,
		purchasedCount: 0,
		buyers: [],
		source: 'api',
	};
	apply(core, m, b, scheduledDate, recipients, resolved.media);
	core.state.massMessages.push(m);
	return { body: queueItem(m) };
}

function find(core: SimCore, raw: string): MassMessage {
	if (!/^\d+$/.test(raw)) throw badRequest('massMessageId must be digits');
	const m = core.state.massMessages.find((x) => x.id === Number(raw));
	if (!m) throw notFound(`Mass message ${raw} not found`);
	return m;
}

function update({ core, params, body }: RouteContext) {
	const m = find(core, params.id);
	const b = parseBody(body);
	const scheduledDate = checkSchedule(b);
	const recipients = audience(core, b);
	const resolved = resolveMediaItems(core, b.mediaItems);
	resolved.commit();
	apply(core, m, b, scheduledDate, recipients, resolved.media);
	return { body: queueItem(m) };
}

function remove({ core, params }: RouteContext) {
	const m = find(core, params.id);
	core.state.massMessages.splice(core.state.massMessages.indexOf(m), 1);
	return { body: { success: true } };
}

function sentInRange(core: SimCore, query: Record<string, string>): MassMessage[] {
	const start = dateParam(query, 'startDate');
	const end = dateParam(query, 'endDate', true);
	return core.state.massMessages
		.filter((m) => m.isDone && !m.isCanceled)
		.filter((m) => {
			const t = Date.parse(m.date);
			return (start === undefined || t >= start) && (end === undefined || t <= end);
		})
		.sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || b.id - a.id);
}

function sentStats({ core, query }: RouteContext) {
	const limit = intParam(query, 'limit', { def: 10, min: 1, max: 100 });
	const offset = intParam(query, 'offset', { def: 0, min: 0 });
	const page = pageOf(sentInRange(core, query), offset, limit);
	return {
		body: {
			hasMore: page.hasMore,
			items: page.list.map((m) => ({
				id: m.id,
				date: m.date,
				text: m.text,
				isFree: m.isFree,
				price: m.price,
				mediaCount: m.mediaCount,
				media: m.media.map(publicMedia),
				sentCount: m.total,
				viewedCount: m.viewedCount,
				purchasedCount: m.purchasedCount,
				isCanceled: m.isCanceled,
				canUnsend: m.canUnsend,
			})),
		},
	};
}

function chart({ core, query }: RouteContext) {
	const items = sentInRange(core, query);
	const day = (t: number) => new Date(t).toISOString().slice(0, 10);
	const counts = new Map<string, number>();
	for (const m of items)
		counts.set(day(Date.parse(m.date)), (counts.get(day(Date.parse(m.date))) ?? 0) + 1);
	const startQ = dateParam(query, 'startDate');
	const endQ = dateParam(query, 'endDate', true);
	const times = items.map((m) => Date.parse(m.date));
	const start = startQ ?? (times.length ? Math.min(...times) : Date.now());
	const end = endQ ?? (times.length ? Math.max(...times) : Date.now());
	const chartRows: { date: string; count: number }[] = [];
	for (let t = Date.parse(day(start)); t <= end && chartRows.length < 1000; t += 86_400_000)
		chartRows.push({ date: day(t), count: counts.get(day(t)) ?? 0 });
	return { body: { chart: chartRows, total: items.length } };
}

function buyers({ core, params, query }: RouteContext) {
	const m = find(core, params.id);
	const limit = intParam(query, 'limit', { def: 10, min: 1, max: 100 });
	let start = 0;
	if (query.marker) {
		if (!/^\d+$/.test(query.marker))
			throw badRequest('marker is invalid', [
				{ path: 'marker', message: 'unknown marker', code: 'invalid_marker' },
			]);
		start = Number(query.marker);
	}
	const page = pageOf(m.buyers, start, limit);
	return {
		body: {
			list: page.list.map((b) => ({
				...userRef(core.fan(b.userId)!),
				purchasedAt: b.purchasedAt,
				amount: b.amount,
			})),
			hasMore: page.hasMore,
			nextMarker: page.hasMore ? String(page.nextOffset) : null,
		},
	};
}

export const massMessageRoutes: Route[] = [
	{ method: 'POST', pattern: '/v2/access/mass-messages', scope: 'messages:write', handler: create },
	{
		method: 'GET',
		pattern: '/v2/access/mass-messages/:id',
		scope: 'messages:read',
		handler: ({ core, params }) => ({ body: queueItem(find(core, params.id)) }),
	},
	{
		method: 'PUT',
		pattern: '/v2/access/mass-messages/:id',
		scope: 'messages:write',
		handler: update,
	},
	{
		method: 'DELETE',
		pattern: '/v2/access/mass-messages/:id',
		scope: 'messages:write',
		handler: remove,
	},
	{
		method: 'GET',
		pattern: '/v2/access/analytics/mass-messages/sent',
		scope: 'analytics:read',
		handler: sentStats,
	},
	{
		method: 'GET',
		pattern: '/v2/access/analytics/mass-messages/chart',
		scope: 'analytics:read',
		handler: chart,
	},
	{
		method: 'GET',
		pattern: '/v2/access/analytics/mass-messages/:id/buyers',
		scope: 'analytics:read',
		handler: buyers,
	},
];
