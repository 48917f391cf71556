import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ofauthApi } from '../../shared/transport';

const PAGE = 20;

type ListSearchEntry = INodeListSearchResult['results'][number];

/**
 * One page of an offset-paginated OFAuth list, shaped for a picker. The picker's
 * pagination token is the next offset.
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	query: IDataObject,
	paginationToken: string | undefined,
	toEntry: (entry: IDataObject) => ListSearchEntry | undefined,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const body = await ofauthApi(context, { method: 'GET', path, qs: { ...query, offset } });
	const list = (body.list as IDataObject[] | undefined) ?? [];
	const results = list.map(toEntry).filter((entry): entry is ListSearchEntry => entry !== undefined);
	const next = typeof body.nextOffset === 'number' ? body.nextOffset : offset + list.length;
	return { results, paginationToken: body.hasMore === true ? String(next) : undefined };
}

function searchText(filter: string | undefined): IDataObject {
	const query = filter?.trim();
	return query ? { query } : {};
}

/** Connections (linked OnlyFans accounts) for the Connection field. */
export async function searchConnections(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = filter?.toLowerCase().trim();
	const page = await searchPage(this, '/v2/account/connections', { limit: PAGE }, paginationToken, (connection) => {
		const user = (connection.userData ?? {}) as IDataObject;
		const label = [user.name, user.username ? `@${user.username as string}` : undefined, connection.status]
			.filter(Boolean)
			.join(' · ');
		return { name: label ? `${label} (${connection.id as string})` : String(connection.id), value: String(connection.id) };
	});
	// The connections endpoint has no search parameter: filter the page here.
	return { ...page, results: page.results.filter((entry) => !needle || entry.name.toLowerCase().includes(needle)) };
}

/** User lists (built-in and custom) for list pickers. */
export async function searchUserLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/v2/access/users/lists', { limit: 100, ...searchText(filter) }, paginationToken, (userList) => ({
		name: `${userList.name as string}${typeof userList.usersCount === 'number' ? ` (${userList.usersCount} fans)` : ''}`,
		value: String(userList.id),
	}));
}

/** Fans with a chat, for the Fan field: name and @username, searchable, with a link to the chat. */
export async function searchFans(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = { limit: PAGE, order: 'recent', ...searchText(filter) };
	return await searchPage(this, '/v2/access/chats', query, paginationToken, (chat) => {
		const fan = (chat.withUser ?? {}) as IDataObject;
		if (fan.id === undefined || fan.id === null) return undefined;
		return {
			name: [fan.name, fan.username ? `@${fan.username as string}` : undefined].filter(Boolean).join(' · ') || String(fan.id),
			value: String(fan.id),
			url: `https://onlyfans.com/my/chats/chat/${String(fan.id)}/`,
		};
	});
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
	const query = { limit: 40, sortBy: 'recent', sortDirection: 'desc', ...searchText(filter) };
	return await searchPage(this, '/v2/access/vault/media', query, paginationToken, (media) => {
		if (media.id === undefined || media.id === null) return undefined;
		const files = (media.files ?? {}) as IDataObject;
		const thumb = ((files.thumb ?? files.full ?? {}) as IDataObject).url;
		return {
			name: [`${String(media.type ?? 'media')} ${String(media.id)}`, createdLabel(media.createdAt)].filter(Boolean).join(' · '),
			value: String(media.id),
			...(typeof thumb === 'string' ? { url: thumb } : {}),
		};
	});
}

/** Vault lists (folders) for the Vault List filter: "Name (12 media)" -> list ID. */
export async function searchVaultLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/v2/access/vault/lists', { limit: 100, ...searchText(filter) }, paginationToken, (vaultList) => ({
		name: `${String(vaultList.name ?? vaultList.id)}${typeof vaultList.mediasCount === 'number' ? ` (${vaultList.mediasCount} media)` : ''}`,
		value: String(vaultList.id),
	}));
}
