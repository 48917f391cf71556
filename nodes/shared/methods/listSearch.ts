import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { readPickerPage } from '../transport';
import { adapterOf } from '../service';
import type { ProviderList } from '../service';

type Entry = INodeListSearchResult['results'][number];

/** One page of a provider's list as picker entries; a list the API does not search is filtered here by `needle`. */
async function pickerPage(
	context: ILoadOptionsFunctions,
	list: ProviderList,
	paginationToken: string | undefined,
	toEntry: (item: IDataObject) => Entry | undefined,
	needle = '',
): Promise<INodeListSearchResult> {
	const page = await readPickerPage(
		context,
		{ path: list.path, qs: list.qs ?? {}, pageSize: list.pageSize, minPageSize: list.minPageSize },
		paginationToken,
		toEntry,
	);
	const wanted = list.qs?.query === undefined ? needle.toLowerCase() : '';
	return wanted
		? {
				...page,
				results: page.results.filter((entry) => entry.name.toLowerCase().includes(wanted)),
			}
		: page;
}

/** "Name (12 fans)" -> list ID. */
function namedListEntry(counted: { field: string; unit: string }) {
	return (list: IDataObject): Entry => {
		const count = list[counted.field];
		const suffix = typeof count === 'number' ? ` (${count} ${counted.unit})` : '';
		return { name: `${String(list.name ?? list.id)}${suffix}`, value: String(list.id) };
	};
}

/** Fans with a chat, for the Fan field: name and @username, searchable, with a link to the chat. */
export async function searchFans(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const list = adapterOf(this).listChats({
		order: 'recent',
		show: 'all',
		search: filter?.trim() ?? '',
		userListId: '',
	});
	return await pickerPage(this, list, paginationToken, (chat) => {
		// OFAuth names the other party withUser, OnlyFansAPI.com fan
		const fan = (chat.withUser ?? chat.fan ?? {}) as IDataObject;
		if (fan.id === undefined || fan.id === null) return undefined;
		return {
			name:
				[fan.name, fan.username ? `@${fan.username as string}` : undefined]
					.filter(Boolean)
					.join(' · ') || String(fan.id),
			value: String(fan.id),
			url: `https://onlyfans.com/my/chats/chat/${String(fan.id)}/`,
		};
	});
}

/** The creator's fans (subscribers, expired too), for Get Fan: name and @username, searchable. */
export async function searchSubscribers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const list = adapterOf(this).listFans({
		type: 'all',
		search: filter?.trim() ?? '',
		onlineOnly: false,
	});
	return await pickerPage(this, list, paginationToken, (fan) =>
		fan.id === undefined || fan.id === null
			? undefined
			: {
					name:
						[fan.name, fan.username ? `@${fan.username as string}` : undefined]
							.filter(Boolean)
							.join(' · ') || String(fan.id),
					value: String(fan.id),
					url: fan.username ? `https://onlyfans.com/${String(fan.username)}` : undefined,
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
	const list = adapterOf(this).listVaultMedia({
		mediaType: '',
		listId: '',
		search: filter?.trim() ?? '',
		sortBy: 'recent',
		sortDirection: 'desc',
	});
	return await pickerPage(this, list, paginationToken, (media) => {
		if (media.id === undefined || media.id === null) return undefined;
		const files = (media.files ?? {}) as IDataObject;
		const thumb = ((files.thumb ?? files.full ?? {}) as IDataObject).url;
		return {
			name: [`${String(media.type ?? 'media')} ${String(media.id)}`, createdLabel(media.createdAt)]
				.filter(Boolean)
				.join(' · '),
			value: String(media.id),
			...(typeof thumb === 'string' ? { url: thumb } : {}),
		};
	});
}

/** User lists (built-in and custom) for list pickers. */
export async function searchUserLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = filter?.trim() ?? '';
	const entry = namedListEntry({ field: 'usersCount', unit: 'fans' });
	return await pickerPage(
		this,
		adapterOf(this).listUserLists(search),
		paginationToken,
		entry,
		search,
	);
}

/** Vault lists (folders) for the Vault List filter. */
export async function searchVaultLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = filter?.trim() ?? '';
	const entry = namedListEntry({ field: 'mediasCount', unit: 'media' });
	return await pickerPage(this, adapterOf(this).listVaultLists(search), paginationToken, entry);
}
