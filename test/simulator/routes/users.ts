/** User lists: built-in lists (string ids = list type) and custom lists (numeric ids). */
import { z } from 'zod';

import { ApiError, badRequest, intParam, pageOf, type Route, type SimCore } from '../core';
import { zodDetails } from '../schemas';
import type { UserList } from '../types';
import { userRef } from './shared';

/** A list as the API gives it (the list routes and the writes answer with this). */
export function listView(l: UserList): Record<string, unknown> {
	return {
		id: l.id,
		type: l.type,
		name: l.name,
		...(l.countHidden ? {} : { usersCount: l.userIds.length }),
		postsCount: 0,
		canUpdate: l.canUpdate,
		canDelete: l.canDelete,
		canAddUsers: !l.isBuiltIn || l.type === 'bookmarks',
	};
}

function listOr404(core: SimCore, ref: string): UserList {
	const list = core.userList(ref);
	if (!list) throw new ApiError(404, 'RESOURCE_NOT_FOUND', `User list ${ref} not found`);
	return list;
}

const nameSchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();

function listName(body: unknown): string {
	const parsed = nameSchema.safeParse(body ?? {});
	if (!parsed.success) throw badRequest('Invalid request body', zodDetails(parsed.error));
	return parsed.data.name;
}

/** Creates a custom list (both services' create). */
export function createList(core: SimCore, name: string): UserList {
	const list: UserList = {
		id: core.state.nextIds.userList++,
		type: 'custom',
		name,
		userIds: [],
		canUpdate: true,
		canDelete: true,
		isBuiltIn: false,
	};
	core.state.userLists.push(list);
	return list;
}

export function renameList(core: SimCore, ref: string, name: string): UserList {
	const list = listOr404(core, ref);
	if (!list.canUpdate) throw new ApiError(403, 'FORBIDDEN', `User list ${ref} cannot be renamed`);
	list.name = name;
	return list;
}

export function deleteList(core: SimCore, ref: string): void {
	const list = listOr404(core, ref);
	if (!list.canDelete) throw new ApiError(403, 'FORBIDDEN', `User list ${ref} cannot be deleted`);
	core.state.userLists = core.state.userLists.filter((entry) => entry !== list);
}

/** Adds a fan to a list: a fan already on it stays, once (an add is idempotent). */
export function addToList(core: SimCore, ref: string, userId: string): UserList {
	const list = listOr404(core, ref);
	if (list.isBuiltIn && list.type !== 'bookmarks')
		throw new ApiError(400, 'BAD_REQUEST', `SYSTEM_LIST: users cannot be added to ${list.type}`);
	const id = Number(userId);
	if (!/^\d+$/.test(userId) || !core.fan(id))
		throw new ApiError(404, 'RESOURCE_NOT_FOUND', `User ${userId} not found`);
	if (!list.userIds.includes(id)) list.userIds.push(id);
	return list;
}

export function removeFromList(core: SimCore, ref: string, userId: string): UserList {
	const list = listOr404(core, ref);
	list.userIds = list.userIds.filter((id) => id !== Number(userId));
	return list;
}

function userState(list: UserList, userId: string) {
	return {
		hasUser: list.userIds.includes(Number(userId)),
		canAddUser: !list.isBuiltIn || list.type === 'bookmarks',
		cannotAddUserReason: list.isBuiltIn && list.type !== 'bookmarks' ? 'SYSTEM_LIST' : null,
	};
}

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
					list: page.list.map(listView),
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
	{
		method: 'POST',
		pattern: '/v2/access/users/lists',
		scope: 'lists:write',
		handler: ({ core, body }) => ({ body: listView(createList(core, listName(body))) }),
	},
	{
		method: 'PATCH',
		pattern: '/v2/access/users/lists/:listId',
		scope: 'lists:write',
		handler: ({ core, params, body }) => ({
			body: listView(renameList(core, params.listId, listName(body))),
		}),
	},
	{
		method: 'DELETE',
		pattern: '/v2/access/users/lists/:listId',
		scope: 'lists:write',
		handler: ({ core, params }) => {
			deleteList(core, params.listId);
			return { body: {} };
		},
	},
	{
		method: 'POST',
		pattern: '/v2/access/users/lists/:listId/users/:userId',
		scope: 'lists:write',
		handler: ({ core, params, body }) => {
			if (body !== undefined && body !== null && Object.keys(body as object).length)
				throw badRequest('This call takes no body');
			const list = addToList(core, params.listId, params.userId);
			return { body: { list: listView(list), userState: userState(list, params.userId) } };
		},
	},
	{
		method: 'DELETE',
		pattern: '/v2/access/users/lists/:listId/users/:userId',
		scope: 'lists:write',
		handler: ({ core, params }) => {
			const list = removeFromList(core, params.listId, params.userId);
			return { body: { list: listView(list), userState: userState(list, params.userId) } };
		},
	},
];
