import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { readPickerPage } from '../../shared/transport';

const PAGE = 20;

/** A picker of named lists (100 a page, searchable): "Name (12 fans)" -> list ID. */
function namedListPicker(path: string, counted: { field: string; unit: string }) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const qs = searchText(filter);
		return await readPickerPage(this, { path, qs, pageSize: 100 }, paginationToken, (list) => {
			const count = list[counted.field];
			const suffix = typeof count === 'number' ? ` (${count} ${counted.unit})` : '';
			return { name: `${String(list.name ?? list.id)}${suffix}`, value: String(list.id) };
		});
	};
}

function searchText(filter: string | undefined): IDataObject {
	const query = filter?.trim();
	return query ? { query } : {};
}

/** Fans with a chat, for the Fan field: name and @username, searchable, with a link to the chat. */
export async function searchFans(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs = { order: 'recent', ...searchText(filter) };
	return await readPickerPage(
		this,
		{ path: '/v2/access/chats', qs, pageSize: PAGE },
		paginationToken,
		(chat) => {
			const fan = (chat.withUser ?? {}) as IDataObject;
			if (fan.id === undefined || fan.id === null) return undefined;
			return {
				name:
					[fan.name, fan.username ? `@${fan.username as string}` : undefined]
						.filter(Boolean)
						.join(' · ') || String(fan.id),
				value: String(fan.id),
				url: `https://onlyfans.com/my/chats/chat/${String(fan.id)}/`,
			};
		},
	);
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
	const qs = { sortBy: 'recent', sortDirection: 'desc', ...searchText(filter) };
	return await readPickerPage(
		this,
		{ path: '/v2/access/vault/media', qs, pageSize: 40 },
		paginationToken,
		(media) => {
			if (media.id === undefined || media.id === null) return undefined;
			const files = (media.files ?? {}) as IDataObject;
			const thumb = ((files.thumb ?? files.full ?? {}) as IDataObject).url;
			return {
				name: [
					`${String(media.type ?? 'media')} ${String(media.id)}`,
					createdLabel(media.createdAt),
				]
					.filter(Boolean)
					.join(' · '),
				value: String(media.id),
				...(typeof thumb === 'string' ? { url: thumb } : {}),
			};
		},
	);
}

/** User lists (built-in and custom) for list pickers. */
export const searchUserLists = namedListPicker('/v2/access/users/lists', {
	field: 'usersCount',
	unit: 'fans',
});

/** Vault lists (folders) for the Vault List filter. */
export const searchVaultLists = namedListPicker('/v2/access/vault/lists', {
	field: 'mediasCount',
	unit: 'media',
});
