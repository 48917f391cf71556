/** User lists: built-in lists (string ids = list type) and custom lists (numeric ids). */
import { ApiError, intParam, pageOf, type Route } from '../core';
import { userRef } from './shared';

export const userRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v2/access/users/lists',
		scope: 'lists:read',
		handler: ({ core, query }) => {
			const limit = intParam(query, 'limit', { def: 10, min: 1, max: 100 });
			const offset = intParam(query, 'offset', { def: 0, min: 0 });
			const q = (query.query ?? '').trim().toLowerCase();
			const lists = core.state.userLists.filter(
				(l) => !q || l.name.toLowerCase().includes(q) || l.type.toLowerCase().includes(q),
			);
			const page = pageOf(lists, offset, limit);
			return {
				body: {
					list: page.list.map((l) => ({
						id: l.id,
						type: l.type,
						name: l.name,
						...(l.countHidden ? {} : { usersCount: l.userIds.length }),
						postsCount: 0,
						canUpdate: l.canUpdate,
						canDelete: l.canDelete,
						canAddUsers: !l.isBuiltIn || l.type === 'bookmarks',
					})),
					hasMore: page.hasMore,
				},
			};
		},
	},
	{
		method: 'GET',
		pattern: '/v2/access/users/lists/:listId/users',
		scope: 'lists:read',
		handler: ({ core, params, query }) => {
			const list = core.userList(params.listId);
			if (!list)
				throw new ApiError(404, 'RESOURCE_NOT_FOUND', `User list ${params.listId} not found`);
			const limit = intParam(query, 'limit', { def: 10, min: 1, max: 100 });
			const offset = intParam(query, 'offset', { def: 0, min: 0 });
			const page = pageOf(list.userIds, offset, limit);
			return {
				body: {
					list: page.list.map((id) => userRef(core.fan(id)!)),
					hasMore: page.hasMore,
					nextOffset: page.hasMore ? page.nextOffset : null,
				},
			};
		},
	},
];
