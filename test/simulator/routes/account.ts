/** /v2/account/*: whoami and connections (apiKey only, no x-connection-id). */
import { enumParam, intParam, pageOf, type Route } from '../core';

export const accountRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v2/account/whoami',
		handler: ({ core }) => ({ body: { ...core.state.account } }),
	},
	{
		method: 'GET',
		pattern: '/v2/account/connections',
		handler: ({ core, query }) => {
			const status = enumParam(query, 'status', ['active', 'expired', 'awaiting_2fa'] as const);
			const limit = intParam(query, 'limit', { def: 10, min: 1, max: 100 });
			const offset = intParam(query, 'offset', { def: 0, min: 0 });
			const all = core.state.connections.filter((c) => !status || c.status === status);
			const page = pageOf(all, offset, limit);
			return { body: { list: page.list, hasMore: page.hasMore } };
		},
	},
];
