import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ofauthApi } from '../transport';

const PAGE = 20;

function nextToken(body: IDataObject, offset: number, received: number): string | undefined {
	if (body.hasMore !== true) return undefined;
	const next = typeof body.nextOffset === 'number' ? body.nextOffset : offset + received;
	return String(next);
}

/** Connections (linked OnlyFans accounts) for the Connection field. */
export async function searchConnections(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const body = await ofauthApi(this, {
		method: 'GET',
		path: '/v2/account/connections',
		qs: { limit: PAGE, offset },
	});
	const list = (body.list as IDataObject[] | undefined) ?? [];
	const needle = filter?.toLowerCase().trim();
	const results = list
		.map((connection) => {
			const user = (connection.userData ?? {}) as IDataObject;
			const label = [user.name, user.username ? `@${user.username as string}` : undefined, connection.status]
				.filter(Boolean)
				.join(' · ');
			return { name: label ? `${label} (${connection.id as string})` : String(connection.id), value: String(connection.id) };
		})
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle));
	return { results, paginationToken: nextToken(body, offset, list.length) };
}

/** User lists (built-in and custom) for list pickers. */
export async function searchUserLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const body = await ofauthApi(this, {
		method: 'GET',
		path: '/v2/access/users/lists',
		qs: { limit: 100, offset, ...(filter ? { query: filter } : {}) },
	});
	const list = (body.list as IDataObject[] | undefined) ?? [];
	const results = list.map((userList) => ({
		name: `${userList.name as string}${typeof userList.usersCount === 'number' ? ` (${userList.usersCount} fans)` : ''}`,
		value: String(userList.id),
	}));
	return { results, paginationToken: nextToken(body, offset, list.length) };
}

/** Fans with a chat, for the Fan field: name and @username, searchable, with a link to the chat. */
export async function searchFans(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const query = filter?.trim();
	const body = await ofauthApi(this, {
		method: 'GET',
		path: '/v2/access/chats',
		qs: { limit: PAGE, offset, order: 'recent', ...(query ? { query } : {}) },
	});
	const list = (body.list as IDataObject[] | undefined) ?? [];
	const results = list
		.map((chat) => (chat.withUser ?? {}) as IDataObject)
		.filter((fan) => fan.id !== undefined && fan.id !== null)
		.map((fan) => ({
			name: [fan.name, fan.username ? `@${fan.username as string}` : undefined].filter(Boolean).join(' · ') || String(fan.id),
			value: String(fan.id),
			url: `https://onlyfans.com/my/chats/chat/${String(fan.id)}/`,
		}));
	return { results, paginationToken: nextToken(body, offset, list.length) };
}

function createdLabel(createdAt: unknown): string | undefined {
	if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) return undefined;
	return new Date(createdAt).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Vault media for media pickers, newest first: "photo 123 · 2025-05-01 12:00" -> "123".
 * The search text goes to the API's `query` (media name or ID).
 */
export async function searchVaultMedia(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const query = filter?.trim();
	const body = await ofauthApi(this, {
		method: 'GET',
		path: '/v2/access/vault/media',
		qs: { limit: 40, offset, sortBy: 'recent', sortDirection: 'desc', ...(query ? { query } : {}) },
	});
	const list = (body.list as IDataObject[] | undefined) ?? [];
	const results = list
		.filter((media) => media.id !== undefined && media.id !== null)
		.map((media) => {
			const files = (media.files ?? {}) as IDataObject;
			const thumb = ((files.thumb ?? files.full ?? {}) as IDataObject).url;
			const created = createdLabel(media.createdAt);
			return {
				name: [`${String(media.type ?? 'media')} ${String(media.id)}`, created].filter(Boolean).join(' · '),
				value: String(media.id),
				...(typeof thumb === 'string' ? { url: thumb } : {}),
			};
		});
	return { results, paginationToken: nextToken(body, offset, list.length) };
}

/** Vault lists (folders) for the Vault List filter: "Name (12 media)" -> list ID. */
export async function searchVaultLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const query = filter?.trim();
	const body = await ofauthApi(this, {
		method: 'GET',
		path: '/v2/access/vault/lists',
		qs: { limit: 100, offset, ...(query ? { query } : {}) },
	});
	const list = (body.list as IDataObject[] | undefined) ?? [];
	const results = list.map((vaultList) => ({
		name: `${String(vaultList.name ?? vaultList.id)}${typeof vaultList.mediasCount === 'number' ? ` (${vaultList.mediasCount} media)` : ''}`,
		value: String(vaultList.id),
	}));
	return { results, paginationToken: nextToken(body, offset, list.length) };
}
