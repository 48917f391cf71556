/** Notifications of the creator account, newest first. */
import { enumParam, intParam, pageOf, type Route } from '../core';

export const notificationRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v2/access/self/notifications',
		scope: 'notifications:read',
		handler: ({ core, query }) => {
			const type = enumParam(query, 'type', ['subscribed', 'purchases', 'tip', 'message'] as const);
			const limit = intParam(query, 'limit', { def: 10, min: 1, max: 100 });
			const offset = intParam(query, 'offset', { def: 0, min: 0 });
			const items = core.state.notifications
				.filter((n) => !type || n.type === type)
				.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
			const page = pageOf(items, offset, limit);
			return { body: { list: page.list, hasMore: page.hasMore } };
		},
	},
];
