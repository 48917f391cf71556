import type { IDataObject } from 'n8n-workflow';

import type { OfAuthContext } from './connection';
import type { OfAuthRequest } from './ofauthRequest';
import { ofauthApi } from './ofauthRequest';

export interface PageLimits {
	/** Follow every page. */
	returnAll: boolean;
	/** How many items at most when not returning all. */
	limit: number;
	/** Items per request (the API's own maximum for this endpoint). */
	pageSize: number;
	/**
	 * What makes two items the same, for dropping repeats and stopping on a page with nothing new.
	 * Default: `id`. Chat media needs more: the same vault media can be in several messages.
	 */
	itemKey?: (item: IDataObject) => string;
}

const byId = (item: IDataObject): string => (item.id === undefined ? JSON.stringify(item) : `id:${String(item.id)}`);

interface PageBody extends IDataObject {
	list?: IDataObject[];
	items?: IDataObject[];
	hasMore?: boolean;
	nextOffset?: number;
	nextLastId?: number | string;
	nextMarker?: number | string;
}

function pageItems(body: PageBody): IDataObject[] {
	if (Array.isArray(body.list)) return body.list;
	if (Array.isArray(body.items)) return body.items;
	if (Array.isArray(body)) return body as IDataObject[];
	return [];
}

function wanted(limits: PageLimits, collected: number): number {
	return limits.returnAll ? limits.pageSize : Math.min(limits.pageSize, limits.limit - collected);
}

type PageAdvance = (body: PageBody, items: IDataObject[], query: IDataObject) => IDataObject | undefined;

async function paginate(
	context: OfAuthContext,
	request: OfAuthRequest,
	limits: PageLimits,
	firstQuery: IDataObject,
	advance: PageAdvance,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	let query: IDataObject | undefined = { ...request.qs, ...firstQuery };
	const seen = new Set<string>();
	const seenItems = new Set<string>();
	while (query) {
		const size = wanted(limits, collected.length);
		if (size <= 0) break;
		const pageQuery: IDataObject = { ...query, limit: size };
		const fingerprint = JSON.stringify(pageQuery);
		if (seen.has(fingerprint)) break; // the API repeated a cursor: stop rather than loop
		seen.add(fingerprint);
		const body = await ofauthApi<PageBody>(context, {
			...request,
			qs: pageQuery,
		});
		const items = pageItems(body);
		// An API that ignores the cursor keeps answering the same page: stop when nothing is new.
		const fresh = items.filter((item) => {
			const key = (limits.itemKey ?? byId)(item);
			if (seenItems.has(key)) return false;
			seenItems.add(key);
			return true;
		});
		if (items.length > 0 && fresh.length === 0) break;
		collected.push(...fresh);
		query = items.length > 0 && body.hasMore !== false ? advance(body, items, pageQuery) : undefined;
		if (body.hasMore === undefined && items.length < size) query = undefined;
	}
	return limits.returnAll ? collected : collected.slice(0, limits.limit);
}

/** `limit`/`offset` pages answered with `{list|items, hasMore, nextOffset?}`. */
export async function paginateOffset(
	context: OfAuthContext,
	request: OfAuthRequest,
	limits: PageLimits,
): Promise<IDataObject[]> {
	return await paginate(context, request, limits, { offset: 0 }, (body, items, query) => ({
		...query,
		offset: typeof body.nextOffset === 'number' ? body.nextOffset : Number(query.offset ?? 0) + items.length,
	}));
}

/** Chat messages: newest first, the next page starts before `last_id` (`nextLastId`, else the last item's id). */
export async function paginateCursor(
	context: OfAuthContext,
	request: OfAuthRequest,
	limits: PageLimits,
): Promise<IDataObject[]> {
	return await paginate(context, request, limits, {}, (body, items, query) => {
		const next = body.nextLastId ?? items[items.length - 1]?.id;
		return next === undefined || next === null ? undefined : { ...query, last_id: next };
	});
}

/** Buyers: `marker` in, `nextMarker` out. */
export async function paginateMarker(
	context: OfAuthContext,
	request: OfAuthRequest,
	limits: PageLimits,
): Promise<IDataObject[]> {
	return await paginate(context, request, limits, {}, (body, _items, query) =>
		body.nextMarker === undefined || body.nextMarker === null ? undefined : { ...query, marker: body.nextMarker },
	);
}
