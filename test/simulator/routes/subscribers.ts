/** Subscribers (fans with subscription and spending), 20 a page at most. */
import { dateParam, enumParam, intParam, pageOf, type Route } from '../core';
import type { Fan } from '../types';

const DAY = 86_400_000;

export const subscriberRoutes: Route[] = [
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
			const start = dateParam(query, 'startDate');
			const end = dateParam(query, 'endDate', true);
			const q = (query.query ?? '').trim().toLowerCase();
			let fans: Fan[] = core.state.fans.slice();
			if (type === 'active') fans = fans.filter((f) => f.subscription.status === 'active');
			if (type === 'expired') fans = fans.filter((f) => f.subscription.status === 'expired');
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
						Date.parse(b.subscription.lastSubscribedAt) -
							Date.parse(a.subscription.lastSubscribedAt) || a.id - b.id,
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
			const page = pageOf(fans, offset, limit);
			return {
				body: {
					list: page.list.map((f) => ({
						id: f.id,
						name: f.name,
						username: f.username,
						avatar: f.avatar,
						subscribedOn: f.subscription.status === 'active',
						subscribedOnExpiredNow: f.subscription.status === 'expired',
						lastSeen: f.lastSeen,
						subscription: { ...f.subscription },
						spending: { ...f.spending },
					})),
					hasMore: page.hasMore,
				},
			};
		},
	},
];
