/** Release forms (people who can be tagged in media). */
import { intParam, pageOf, type Route } from '../core';

export const releaseFormRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v2/access/self/release-forms',
		scope: 'profile:read',
		handler: ({ core, query }) => {
			const limit = intParam(query, 'limit', { def: 10, min: 1, max: 100 });
			const offset = intParam(query, 'offset', { def: 0, min: 0 });
			const page = pageOf(core.state.releaseForms, offset, limit);
			return { body: { list: page.list, hasMore: page.hasMore } };
		},
	},
];
