import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toUnreadableAnswerError } from './apiError';

import type { NodeContext } from './connection';
import type { ApiRequest } from './apiRequest';
import { contentTypeOf, apiRequest, operationLabel } from './apiRequest';
import { providerOf } from './provider';

/** How an endpoint pages: `limit`+`offset`, a newest-first `last_id` cursor (chat messages), or a `marker` (buyers). */
export type PageStyle = 'offset' | 'cursor' | 'marker';

export interface ListRequest extends ApiRequest {
	style: PageStyle;
	/** Items per request: the API's own maximum for this endpoint. */
	pageSize: number;
	/** The API's smallest `limit` (OnlyFansAPI.com's vault: 10): a smaller Limit asks for this many and keeps the first. */
	minPageSize?: number;
	/**
	 * What makes two items the same, for dropping repeats and stopping on a page with nothing new.
	 * Default: `id`. Chat media needs more: the same vault media can be in several messages.
	 */
	itemKey?: (item: IDataObject) => string;
	/**
	 * Turns one listed item into the entries the node outputs, for lists whose pages hold groups
	 * (OnlyFansAPI.com's chat media lists messages, each with its media). Pages still advance by items.
	 */
	expand?: (item: IDataObject) => IDataObject[];
	/** The API answers the whole list at once (no paging parameters): one request, never a second page. */
	onePage?: boolean;
	/** The query parameter that carries a `cursor` list's last ID (default `last_id`). */
	cursorParam?: string;
}

interface PageBody extends IDataObject {
	list?: IDataObject[];
	items?: IDataObject[];
	/** OnlyFansAPI.com's newest and top fans */
	users?: IDataObject[];
	hasMore?: boolean;
	nextOffset?: number | null;
	nextLastId?: number | string | null;
	nextMarker?: number | string | null;
}

export interface Page {
	items: IDataObject[];
	/** The query that selects the next page; undefined on the last page. */
	next?: IDataObject;
}

/** An item's identity: its `id`; a chat has none of its own, so its fan's (`withUser` or `fan`). */
function byId(item: IDataObject): string {
	if (item.id !== undefined) return `id:${String(item.id)}`;
	const fan = (item.withUser ?? item.fan) as IDataObject | undefined;
	if (fan && typeof fan === 'object' && fan.id !== undefined) return `fan:${String(fan.id)}`;
	return JSON.stringify(item);
}

/** The page's entries; undefined when the answer holds no list where one belongs. */
function pageItems(body: PageBody): IDataObject[] | undefined {
	if (Array.isArray(body)) return body as IDataObject[];
	if (!body || typeof body !== 'object') return undefined;
	if (Array.isArray(body.list)) return body.list;
	if (Array.isArray(body.items)) return body.items;
	if (Array.isArray(body.users)) return body.users;
	return undefined;
}

function nextPosition(
	{ style, cursorParam = 'last_id' }: Pick<ListRequest, 'style' | 'cursorParam'>,
	body: PageBody,
	items: IDataObject[],
	position: IDataObject,
): IDataObject | undefined {
	if (style === 'offset') {
		return {
			offset:
				typeof body.nextOffset === 'number'
					? body.nextOffset
					: Number(position.offset ?? 0) + items.length,
		};
	}
	if (style === 'cursor') {
		const next = body.nextLastId ?? items[items.length - 1]?.id;
		return next === undefined || next === null ? undefined : { [cursorParam]: next };
	}
	return body.nextMarker === undefined || body.nextMarker === null
		? undefined
		: { marker: body.nextMarker };
}

/** One page of a list at `position` (`{}`: the first page). */
export async function readPage(
	context: NodeContext,
	request: ListRequest,
	position: IDataObject = {},
	size = request.pageSize,
): Promise<Page> {
	const { method, path, itemIndex, connectionId } = request;
	const nextPageUrl =
		typeof position[NEXT_PAGE_URL] === 'string' ? position[NEXT_PAGE_URL] : undefined;
	const start = request.style === 'offset' ? { offset: 0, ...position } : position;
	const response = await apiRequest<unknown>(
		context,
		nextPageUrl
			? { method, path, nextPageUrl, itemIndex, connectionId }
			: {
					method,
					path,
					itemIndex,
					connectionId,
					qs: request.onePage ? request.qs : { ...request.qs, ...start, limit: size },
				},
	);
	const body = response.data as PageBody;
	const listed = pageItems(body);
	if (!listed) {
		throw toUnreadableAnswerError(
			context.getNode(),
			{
				operation: operationLabel(context, request),
				statusCode: response.statusCode,
				contentType: contentTypeOf(response.headers),
				body: response.body,
				expected: 'a list',
			},
			itemIndex,
			providerOf(context),
		);
	}
	const items = request.expand ? listed.flatMap(request.expand) : listed;
	if (request.onePage) return { items };
	// an API that says where the next page is (OnlyFansAPI.com's _pagination.next_page) is followed as given
	const announced = announcedNextPage(response.body);
	if (announced !== undefined) {
		return {
			items,
			next: announced && listed.length > 0 ? { [NEXT_PAGE_URL]: announced } : undefined,
		};
	}
	const last =
		listed.length === 0 ||
		body.hasMore === false ||
		(body.hasMore === undefined && listed.length < size);
	return { items, next: last ? undefined : nextPosition(request, body, listed, start) };
}

/** Where a position keeps a next-page URL the API gave. */
const NEXT_PAGE_URL = 'nextPageUrl';

/**
 * The `_pagination.next_page` of an answer: a URL, '' when the answer says there is none (the last
 * page), undefined when the answer has no `_pagination` at all (then the page style decides).
 */
function announcedNextPage(raw: unknown): string | undefined {
	const pagination = (raw as { _pagination?: { next_page?: unknown } } | null)?._pagination;
	if (!pagination || typeof pagination !== 'object') return undefined;
	return typeof pagination.next_page === 'string' ? pagination.next_page : '';
}

/** The API said there is more, but its next page is one already read: stopping silently would truncate. */
function stuckCursorError(
	context: NodeContext,
	request: ListRequest,
	position: IDataObject,
	collected: number,
): NodeApiError {
	const provider = providerOf(context);
	return new NodeApiError(
		context.getNode(),
		{ method: request.method, path: request.path, repeatedPosition: JSON.stringify(position) },
		{
			message: `${operationLabel(context, request)}: ${provider.label} said there are more results, but its next page (${JSON.stringify(position)}) repeats one already read`,
			description: `The node stopped after ${collected} item${collected === 1 ? '' : 's'} rather than return part of the list as if it were all of it. Run it again later; if it persists, report it to ${provider.label}.`,
			itemIndex: request.itemIndex,
		},
	);
}

/**
 * Every page of a list in order, as the items not seen on an earlier page; at most `limit` items
 * when given. It stops at the last page. When the API says there is more but its cursor does not
 * advance (the same position again, or a page of nothing new) it fails rather than loop or
 * truncate. Callers may stop early.
 */
export async function* iteratePages(
	context: NodeContext,
	request: ListRequest,
	limit?: number,
): AsyncGenerator<IDataObject[]> {
	const seenPositions = new Set<string>();
	const seenItems = new Set<string>();
	const key = request.itemKey ?? byId;
	let position: IDataObject | undefined = {};
	let collected = 0;
	while (position) {
		const wanted =
			limit === undefined ? request.pageSize : Math.min(request.pageSize, limit - collected);
		if (wanted <= 0) return;
		const size = Math.max(wanted, request.minPageSize ?? 1);
		const fingerprint = JSON.stringify(position);
		if (seenPositions.has(fingerprint))
			throw stuckCursorError(context, request, position, collected);
		seenPositions.add(fingerprint);
		const page = await readPage(context, request, position, size);
		const fresh = page.items.filter((item) => {
			const id = key(item);
			if (seenItems.has(id)) return false;
			seenItems.add(id);
			return true;
		});
		if (page.items.length > 0 && fresh.length === 0 && page.next)
			throw stuckCursorError(context, request, page.next, collected);
		collected += fresh.length;
		yield fresh;
		position = page.next;
	}
}

/** Return All, or the first `limit` items. */
export async function readList(
	context: NodeContext,
	request: ListRequest,
	{ returnAll, limit }: { returnAll: boolean; limit: number },
): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for await (const items of iteratePages(context, request, returnAll ? undefined : limit))
		all.push(...items);
	return returnAll ? all : all.slice(0, limit);
}

type ListSearchEntry = INodeListSearchResult['results'][number];

/**
 * One page of a list, shaped for a picker (listSearch). The picker's pagination token is the next
 * position: an offset ("20"), or as JSON the next-page URL an API gave (OnlyFansAPI.com's chats).
 */
export async function readPickerPage(
	context: ILoadOptionsFunctions,
	request: { path: string; qs: IDataObject; pageSize: number; minPageSize?: number },
	paginationToken: string | undefined,
	toEntry: (entry: IDataObject) => ListSearchEntry | undefined,
): Promise<INodeListSearchResult> {
	const page = await readPage(
		context,
		{ method: 'GET', style: 'offset', itemIndex: undefined, ...request },
		positionOfToken(paginationToken),
		Math.max(request.pageSize, request.minPageSize ?? 1),
	);
	const results = page.items
		.map(toEntry)
		.filter((entry): entry is ListSearchEntry => entry !== undefined);
	return { results, paginationToken: page.next ? tokenOfPosition(page.next) : undefined };
}

function tokenOfPosition(position: IDataObject): string {
	const keys = Object.keys(position);
	return keys.length === 1 && typeof position.offset === 'number'
		? String(position.offset)
		: JSON.stringify(position);
}

function positionOfToken(token: string | undefined): IDataObject {
	if (!token) return {};
	try {
		const position = JSON.parse(token) as unknown;
		if (position && typeof position === 'object' && !Array.isArray(position))
			return position as IDataObject;
	} catch {
		// not JSON: a plain offset
	}
	return /^\d+$/.test(token) ? { offset: Number(token) } : {};
}
