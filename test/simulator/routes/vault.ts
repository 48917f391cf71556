/** Vault media (list, one item with readiness polling) and vault lists. */
import {
	badRequest,
	enumParam,
	intParam,
	notFound,
	pageOf,
	type Route,
	type RouteContext,
} from '../core';
import type { Media } from '../types';
import { publicMedia } from './shared';

function listMedia({ core, query }: RouteContext) {
	const limit = intParam(query, 'limit', { def: 10, min: 1, max: 40 });
	const offset = intParam(query, 'offset', { def: 0, min: 0 });
	const mediaType = enumParam(query, 'mediaType', ['photo', 'video', 'audio', 'gif'] as const);
	const q = (query.query ?? '').trim().toLowerCase();
	let items: Media[] = core.state.vaultMedia.slice();
	if (query.listId) {
		const list = core.state.vaultLists.find((l) => String(l.id) === query.listId);
		if (!list) throw notFound(`Vault list ${query.listId} not found`);
		const ids = new Set(list.mediaIds);
		items = items.filter((m) => ids.has(m.id));
	}
	if (mediaType) items = items.filter((m) => m.type === mediaType);
	if (q) items = items.filter((m) => m.filename.toLowerCase().includes(q) || String(m.id) === q);
	// official values (OFAuth SDKs): sortBy=recent|most-liked|highest-tips, sortDirection=asc|desc;
	// the seed has no likes or tips, so every sortBy orders by date. 'old'/'oldest'/'asc' kept for older callers.
	const sortBy = query.sortBy ?? 'recent';
	if (!['recent', 'most-liked', 'highest-tips', 'old', 'oldest', 'asc'].includes(sortBy)) {
		throw badRequest('sortBy must be one of recent, most-liked, highest-tips', [
			{
				path: 'sortBy',
				message: 'must be one of recent, most-liked, highest-tips',
				code: 'invalid_enum_value',
			},
		]);
	}
	const direction = enumParam(query, 'sortDirection', ['asc', 'desc'] as const);
	const asc = direction
		? direction === 'asc'
		: sortBy === 'old' || sortBy === 'oldest' || sortBy === 'asc';
	items.sort(
		(a, b) => (asc ? 1 : -1) * (Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id),
	);
	const page = pageOf(items, offset, limit);
	// the real API has no GET by id: listing an unfinished upload is how clients poll it
	for (const m of page.list) markPolled(m);
	return { body: { list: page.list.map(publicMedia), hasMore: page.hasMore } };
}

/** one more look at a media item; it turns ready after `readyAfterPolls` looks */
function markPolled(m: Media): void {
	if (m.isReady) return;
	m.polls++;
	if (m.polls >= m.readyAfterPolls) m.isReady = true;
}

function getMedia({ core, params }: RouteContext) {
	if (!/^\d+$/.test(params.id)) throw badRequest('media id must be digits');
	const m = core.media(Number(params.id));
	if (!m) throw notFound(`Media ${params.id} not found`);
	markPolled(m);
	return { body: publicMedia(m) };
}

function listVaultLists({ core, query }: RouteContext) {
	const limit = intParam(query, 'limit', { def: 10, min: 1, max: 100 });
	const offset = intParam(query, 'offset', { def: 0, min: 0 });
	const q = (query.query ?? '').trim().toLowerCase();
	const lists = core.state.vaultLists.filter((l) => !q || l.name.toLowerCase().includes(q));
	const page = pageOf(lists, offset, limit);
	const count = (ids: number[], t: Media['type']) =>
		ids.filter((id) => core.media(id)?.type === t).length;
	return {
		body: {
			list: page.list.map((l) => ({
				id: l.id,
				type: l.type,
				name: l.name,
				hasMedia: l.mediaIds.length > 0,
				canUpdate: l.canUpdate,
				canDelete: l.canDelete,
				mediasCount: l.mediaIds.length,
				photosCount: count(l.mediaIds, 'photo'),
				videosCount: count(l.mediaIds, 'video'),
				audiosCount: count(l.mediaIds, 'audio'),
				gifsCount: count(l.mediaIds, 'gif'),
				medias: l.mediaIds
					.slice(0, 3)
					.map((id) => ({ type: core.media(id)?.type, url: core.media(id)?.files.thumb.url })),
			})),
			hasMore: page.hasMore,
		},
	};
}

export const vaultRoutes: Route[] = [
	{ method: 'GET', pattern: '/v2/access/vault/media', scope: 'vault:read', handler: listMedia },
	{ method: 'GET', pattern: '/v2/access/vault/media/:id', scope: 'vault:read', handler: getMedia },
	{
		method: 'GET',
		pattern: '/v2/access/vault/lists',
		scope: 'vault:read',
		handler: listVaultLists,
	},
];
