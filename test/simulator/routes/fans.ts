/**
 * Fans: the subscriber list (20 a page at most), one fan's profile, and the creator's note, custom
 * name and discount for a fan. The same fan seen through both shapes the services use: a subscriber
 * (`subscription`, `spending`) and a profile (`subscribedOnData`).
 */
import { z } from 'zod';

import {
	ApiError,
	badRequest,
	dateParam,
	enumParam,
	intParam,
	pageOf,
	type Route,
	type SimCore,
} from '../core';
import { zodDetails } from '../schemas';
import type { Fan } from '../types';

const DAY = 86_400_000;

/** A fan as the subscriber list gives it. */
export function subscriberOf(fan: Fan): Record<string, unknown> {
	const active = fan.subscription.status === 'active';
	return {
		id: fan.id,
		name: fan.name,
		username: fan.username,
		avatar: fan.avatar,
		displayName: fan.displayName ?? '',
		notice: fan.notice ?? '',
		subscribedOn: active,
		subscribedOnExpiredNow: !active,
		lastSeen: fan.lastSeen,
		isOnline: fan.isOnline === true,
		subscription: { ...fan.subscription, isActive: active, isExpired: !active },
		spending: { ...fan.spending },
	};
}

/** A fan as a profile gives it (OFAuth's GET /users/{id}, every OnlyFansAPI.com fan). */
export function profileOf(core: SimCore, fan: Fan): Record<string, unknown> {
	const active = fan.subscription.status === 'active';
	return {
		id: fan.id,
		username: fan.username,
		name: fan.name,
		displayName: fan.displayName ?? '',
		notice: fan.notice ?? '',
		avatar: fan.avatar,
		lastSeen: fan.lastSeen,
		isOnline: fan.isOnline === true,
		subscribedOn: active,
		subscribedOnExpiredNow: !active,
		listsStates: core.state.userLists.map((list) => ({
			id: list.id,
			type: list.type,
			name: list.name,
			hasUser: list.userIds.includes(fan.id),
			canAddUser: !list.isBuiltIn || list.type === 'bookmarks',
		})),
		subscribedOnData: {
			subscribeAt: fan.subscription.subscribedAt,
			expiredAt: fan.subscription.expiresAt,
			renewedAt: fan.subscription.lastSubscribedAt,
			status: fan.subscription.status,
			price: fan.subscription.price,
			discountPercent: fan.discount?.percent ?? 0,
			totalSumm: fan.spending.total,
			tipsSumm: fan.spending.tips,
			messagesSumm: fan.spending.messages,
			subscribesSumm: fan.spending.subscriptions,
		},
	};
}

export type FanType = 'all' | 'active' | 'expired' | 'latest';

/** The fans of a list request, filtered and ordered as the services document. */
export function selectFans(
	core: SimCore,
	query: Record<string, string>,
	type: FanType,
	latestType: 'total' | 'new' | 'renewals' = 'total',
): Fan[] {
	const start = dateParam(query, 'startDate') ?? dateParam(query, 'start_date');
	const end = dateParam(query, 'endDate', true) ?? dateParam(query, 'end_date', true);
	const q = (query.query ?? '').trim().toLowerCase();
	let fans: Fan[] = core.state.fans.slice();
	if (type === 'active') fans = fans.filter((f) => f.subscription.status === 'active');
	if (type === 'expired') {
		// as OnlyFans lists them: the most recently expired first
		fans = fans
			.filter((f) => f.subscription.status === 'expired')
			.sort(
				(a, b) =>
					Date.parse(b.subscription.expiresAt) - Date.parse(a.subscription.expiresAt) ||
					a.id - b.id,
			);
	}
	if (type === 'latest') {
		if (latestType === 'new') fans = fans.filter((f) => f.subscription.renewCount === 0);
		if (latestType === 'renewals') fans = fans.filter((f) => f.subscription.renewCount > 0);
		const from = start ?? Date.parse(core.state.seedTime) - 7 * DAY;
		fans = fans.filter((f) => {
			const t = Date.parse(f.subscription.lastSubscribedAt);
			return t >= from && (end === undefined || t <= end);
		});
		fans.sort(
			(a, b) =>
				Date.parse(b.subscription.lastSubscribedAt) - Date.parse(a.subscription.lastSubscribedAt) ||
				a.id - b.id,
		);
	} else if (start !== undefined || end !== undefined) {
		fans = fans.filter((f) => {
			const t = Date.parse(f.subscription.subscribedAt);
			return (start === undefined || t >= start) && (end === undefined || t <= end);
		});
	}
	if (q)
		fans = fans.filter(
			(f) => f.name.toLowerCase().includes(q) || f.username.toLowerCase().includes(q),
		);
	// the bracket form only: filter.tips (the dot form) is ignored, as OnlyFansAPI.com documents
	const minimum = (name: string) => {
		const raw = query[`filter[${name}]`];
		if (raw === undefined || raw === '') return undefined;
		const value = Number(raw);
		if (!Number.isFinite(value) || value < 0)
			throw badRequest(`filter[${name}] must be a number >= 0`);
		return value;
	};
	const minSpent = minimum('total_spent');
	const minTips = minimum('tips');
	if (minSpent !== undefined) fans = fans.filter((f) => f.spending.total >= minSpent);
	if (minTips !== undefined) fans = fans.filter((f) => f.spending.tips >= minTips);
	if (['1', 'true'].includes(query['filter[online]'] ?? ''))
		fans = fans.filter((f) => f.isOnline === true);
	return fans;
}

/** A fan by numeric ID or username. */
export function findFan(core: SimCore, ref: string): Fan | undefined {
	if (/^\d+$/.test(ref)) return core.fan(Number(ref));
	const username = ref.replace(/^@/, '').toLowerCase();
	return core.state.fans.find((f) => f.username.toLowerCase() === username);
}

function fanOr404(core: SimCore, ref: string): Fan {
	const fan = findFan(core, ref);
	if (!fan) throw new ApiError(404, 'RESOURCE_NOT_FOUND', `User ${ref} not found`);
	return fan;
}

function strictBody<T>(schema: z.ZodType<T>, body: unknown): T {
	const parsed = schema.safeParse(body ?? {});
	if (!parsed.success) throw badRequest('Invalid request body', zodDetails(parsed.error));
	return parsed.data;
}

const noteSchema = z.object({ notice: z.string().max(1000) }).strict();
const customNameSchema = z.object({ displayName: z.string().max(100) }).strict();
const discountSchema = z
	.object({
		discount: z.number().int().min(5).max(60),
		period: z.number().int().min(1).max(12),
	})
	.strict();

export const fanRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v2/access/subscribers',
		scope: 'subscribers:read',
		handler: ({ core, query }) => {
			const type =
				enumParam(query, 'type', ['all', 'active', 'expired', 'latest'] as const) ?? 'all';
			const latestType =
				enumParam(query, 'latestType', ['total', 'new', 'renewals'] as const) ?? 'total';
			// OnlyFans pages subscribers 20 at a time: a bigger limit is cut to 20
			const limit = intParam(query, 'limit', { def: 20, min: 1, max: 20, clampMax: true });
			const offset = intParam(query, 'offset', { def: 0, min: 0 });
			const page = pageOf(selectFans(core, query, type, latestType), offset, limit);
			return { body: { list: page.list.map(subscriberOf), hasMore: page.hasMore } };
		},
	},
	{
		method: 'PUT',
		pattern: '/v2/access/subscribers/:userId/note',
		scope: 'subscribers:write',
		handler: ({ core, params, body }) => {
			const fan = fanOr404(core, params.userId);
			fan.notice = strictBody(noteSchema, body).notice;
			return { body: {} };
		},
	},
	{
		method: 'PUT',
		pattern: '/v2/access/subscribers/:userId/custom-name',
		scope: 'subscribers:write',
		handler: ({ core, params, body }) => {
			const fan = fanOr404(core, params.userId);
			fan.displayName = strictBody(customNameSchema, body).displayName;
			return { body: {} };
		},
	},
	{
		method: 'PUT',
		pattern: '/v2/access/subscribers/:userId/discount',
		scope: 'subscribers:write',
		handler: ({ core, params, body }) => {
			const fan = fanOr404(core, params.userId);
			const { discount, period } = strictBody(discountSchema, body);
			fan.discount = { percent: discount, months: period };
			return { body: {} };
		},
	},
];

/** GET /users/{userId}: after the /users/lists routes, which it would otherwise shadow. */
export const profileRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v2/access/users/:userId',
		scope: 'profile:read',
		handler: ({ core, params }) => ({ body: profileOf(core, fanOr404(core, params.userId)) }),
	},
];
