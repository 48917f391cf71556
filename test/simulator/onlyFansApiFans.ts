/**
 * OnlyFansAPI.com's fans, user-list writes, chat actions and engagement (buyers, chart), in that
 * API's terms (../shared/api/onlyfansapi.md §11): fans at most 20 a page with `filter[...]` in the
 * bracket form, `users` for the newest and top fans, one-fan calls under /fans/{id}, lists under
 * /user-lists, chat actions under /chats/{id}. Answers the same state as the OFAuth routes.
 */
import { ApiError, type RouteContext, type SimCore } from './core';
import { findFan, profileOf, selectFans } from './routes/fans';
import {
	addToList,
	createList,
	deleteList,
	listView,
	removeFromList,
	renameList,
} from './routes/users';
import type { RouteRunner } from './onlyFansApi';

export interface FansAnswerKit {
	core: SimCore;
	baseUrl: string;
	accountId: string;
	method: string;
	route: string;
	rest: string[];
	query: Record<string, string>;
	body: unknown;
	ctx: Omit<RouteContext, 'params'>;
	runOfAuth: RouteRunner;
	charge(data: unknown, extra?: Record<string, unknown>): unknown;
	free(data: unknown): unknown;
	invalid(errors: Record<string, string[]>): unknown;
}

const objectBody = (body: unknown): Record<string, unknown> =>
	body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

function fanOr404(core: SimCore, ref: string) {
	const fan = findFan(core, ref);
	if (!fan) throw new ApiError(404, 'RESOURCE_NOT_FOUND', `Fan ${ref} not found`);
	return fan;
}

/** The answer to one of these calls, or undefined when the call is not one of them. */
export async function answerFansAndLists(kit: FansAnswerKit): Promise<unknown> {
	const { core, method, route, rest, query, charge, invalid } = kit;
	const fanList = /^fans\/(all|active|expired)$/.exec(route);
	if (method === 'GET' && (fanList || route === 'fans/latest' || route === 'fans/top')) {
		const limit = Number(query.limit ?? 10);
		const offset = Number(query.offset ?? 0);
		if (route !== 'fans/top' && (!Number.isInteger(limit) || limit < 1 || limit > 20))
			return invalid({
				limit: ['The limit may not be greater than 20 (OnlyFans does not allow more per page).'],
			});
		if (route === 'fans/top') {
			const fans = core.state.fans
				.slice()
				.sort((a, b) => b.spending.total - a.spending.total || a.id - b.id)
				.slice(0, 20);
			return charge({ users: fans.map((fan) => profileOf(core, fan)) });
		}
		const type = fanList ? (fanList[1] as 'all' | 'active' | 'expired') : 'latest';
		const latestType = query.type === 'new' ? 'new' : query.type === 'renew' ? 'renewals' : 'total';
		const fans = selectFans(core, query, type, latestType);
		const page = fans.slice(offset, offset + limit);
		const hasMore = offset + page.length < fans.length;
		const next = hasMore
			? `${kit.baseUrl}/api/${kit.accountId}/${route}?${new URLSearchParams({ ...query, limit: String(limit), offset: String(offset + limit) }).toString()}`
			: null;
		const users = page.map((fan) => profileOf(core, fan));
		return charge(route === 'fans/latest' ? { hasMore, offset, users } : { list: users, hasMore }, {
			_pagination: { next_page: next },
		});
	}
	// GET /notifications?type=purchases|tips&limit(10)&from_id: newest first, below from_id
	if (method === 'GET' && route === 'notifications') {
		const types: Record<string, string> = {
			purchases: 'purchases',
			tips: 'tip',
			subscriptions: 'subscribed',
		};
		const type = query.type === undefined ? undefined : types[query.type];
		if (query.type !== undefined && !type)
			return invalid({ type: ['The selected type is invalid.'] });
		const limit = Number(query.limit ?? 10);
		const fromId = query.from_id === undefined ? Infinity : Number(query.from_id);
		const all = core.state.notifications
			.filter((n) => !type || n.type === type)
			.filter((n) => n.id < fromId)
			.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
		const list = all.slice(0, limit);
		return charge({ hasMore: all.length > limit, list });
	}
	if (method === 'GET' && route === 'users/list') {
		const ids = String(query.ids ?? '')
			.split(',')
			.filter(Boolean);
		if (ids.length === 0 || ids.length > 10)
			return invalid({ ids: ['Give 1 to 10 user ids, separated by commas.'] });
		const found: Record<string, unknown> = {};
		for (const id of ids) {
			const fan = findFan(core, id);
			if (fan) found[String(fan.id)] = profileOf(core, fan);
		}
		return charge(found);
	}
	if (method === 'GET' && /^users\/[^/]+$/.test(route)) {
		return charge(profileOf(core, fanOr404(core, decodeURIComponent(rest[1]))));
	}
	if (/^fans\/[^/]+\/notes$/.test(route) && (method === 'PUT' || method === 'DELETE')) {
		const fan = fanOr404(core, rest[1]);
		if (method === 'DELETE') fan.notice = '';
		else {
			const { notes, ...unknown } = objectBody(kit.body);
			if (typeof notes !== 'string' || Object.keys(unknown).length)
				return invalid({ notes: ['The notes field is required (and nothing else).'] });
			fan.notice = notes;
		}
		return charge(profileOf(core, fan));
	}
	if (method === 'PUT' && /^fans\/[^/]+\/custom-name$/.test(route)) {
		const fan = fanOr404(core, rest[1]);
		const { custom_name: customName, ...unknown } = objectBody(kit.body);
		if ((typeof customName !== 'string' && customName !== null) || Object.keys(unknown).length)
			return invalid({ custom_name: ['The custom name must be a string or null.'] });
		fan.displayName = customName ?? '';
		return charge(profileOf(core, fan));
	}
	// user lists: POST /user-lists, PUT|DELETE /user-lists/{id}, POST /user-lists/{id}/users, DELETE /user-lists/{id}/users/{userId}
	const name = (): string | undefined => {
		const { name: value, isPinnedToFeed, ...unknown } = objectBody(kit.body);
		void isPinnedToFeed;
		return typeof value === 'string' &&
			value.trim() &&
			value.length <= 64 &&
			!Object.keys(unknown).length
			? value.trim()
			: undefined;
	};
	if (method === 'POST' && route === 'user-lists') {
		const listName = name();
		if (!listName)
			return invalid({ name: ['The name field is required (64 characters at most).'] });
		return charge(listView(createList(core, listName)));
	}
	if (method === 'PUT' && /^user-lists\/[^/]+$/.test(route)) {
		const listName = name();
		if (!listName)
			return invalid({ name: ['The name field is required (64 characters at most).'] });
		return charge(listView(renameList(core, rest[1], listName)));
	}
	if (method === 'DELETE' && /^user-lists\/[^/]+$/.test(route)) {
		deleteList(core, rest[1]);
		return charge({ success: true });
	}
	if (method === 'POST' && /^user-lists\/[^/]+\/users$/.test(route)) {
		const { ids, ...unknown } = objectBody(kit.body);
		if (!Array.isArray(ids) || ids.length === 0 || Object.keys(unknown).length)
			return invalid({ ids: ['The ids field must be a non-empty array of user ids.'] });
		let list;
		for (const id of ids) list = addToList(core, rest[1], String(id));
		return charge({ [rest[1]]: list!.userIds.slice(-ids.length) });
	}
	if (method === 'DELETE' && /^user-lists\/[^/]+\/users\/[^/]+$/.test(route)) {
		const list = removeFromList(core, rest[1], rest[3]);
		return charge({
			list: listView(list),
			userState: { hasUser: false, canAddUser: true, cannotAddUserReason: null },
		});
	}
	// chat actions: POST /chats/{id}/mark-as-read|mark-as-unread|typing|hide, POST /chats/{c}/messages/{m}/like
	const chatAction = /^chats\/(\d+)\/(mark-as-read|mark-as-unread|typing|hide)$/.exec(route);
	if (method === 'POST' && chatAction) {
		const chat = core.chat(Number(chatAction[1]));
		if (!chat) throw new ApiError(404, 'RESOURCE_NOT_FOUND', `Chat ${chatAction[1]} not found`);
		if (chatAction[2] === 'mark-as-read') {
			chat.unreadMessagesCount = 0;
			for (const message of chat.messages) message.isNew = false;
		}
		if (chatAction[2] === 'mark-as-unread')
			chat.unreadMessagesCount = Math.max(1, chat.unreadMessagesCount);
		if (chatAction[2] === 'hide') chat.isHidden = true;
		// typing costs no credit
		return chatAction[2] === 'typing' ? kit.free({ success: true }) : charge({ success: true });
	}
	const like = /^chats\/(\d+)\/messages\/(\d+)\/like$/.exec(route);
	if (method === 'POST' && like) {
		const message = core
			.chat(Number(like[1]))
			?.messages.find((entry) => entry.id === Number(like[2]));
		if (!message) throw new ApiError(404, 'RESOURCE_NOT_FOUND', `Message ${like[2]} not found`);
		message.isLiked = true;
		return charge({ isLiked: true, success: true });
	}
	// engagement: buyers of a mass message (10 a page by marker), the mass-message chart
	const buyers = /^engagement\/messages\/(\d+)\/buyers$/.exec(route);
	if (method === 'GET' && buyers) {
		const limit = Number(query.limit ?? 10);
		if (!Number.isInteger(limit) || limit < 1 || limit > 10)
			return invalid({ limit: ['The limit must be between 1 and 10.'] });
		const ofauthQuery: Record<string, string> = { limit: String(limit) };
		if (query.marker) ofauthQuery.marker = query.marker;
		const page = (
			await kit.runOfAuth('GET', `/v2/access/analytics/mass-messages/${buyers[1]}/buyers`, {
				...kit.ctx,
				query: ofauthQuery,
			})
		).body as { list: unknown[]; hasMore: boolean; nextMarker: string | null };
		const next = page.hasMore
			? `${kit.baseUrl}/api/${kit.accountId}/${route}?limit=${limit}&marker=${page.nextMarker}`
			: null;
		return charge(
			{ list: page.list, hasMore: page.hasMore, marker: page.nextMarker },
			{ _pagination: { next_page: next } },
		);
	}
	if (method === 'GET' && route === 'engagement/messages/mass-messages/chart') {
		const dateTime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
		for (const key of ['startDate', 'endDate']) {
			if (query[key] !== undefined && !dateTime.test(query[key]))
				return invalid({ [key]: [`The ${key} must match the format Y-m-d H:i:s.`] });
		}
		const ofauthQuery: Record<string, string> = {};
		if (query.startDate) ofauthQuery.startDate = `${query.startDate.replace(' ', 'T')}Z`;
		if (query.endDate) ofauthQuery.endDate = `${query.endDate.replace(' ', 'T')}Z`;
		const chart = (
			await kit.runOfAuth('GET', '/v2/access/analytics/mass-messages/chart', {
				...kit.ctx,
				query: ofauthQuery,
			})
		).body as { chart: unknown[]; total: number };
		return charge({
			group_messages: { chart: chart.chart, total: chart.total, delta: 0 },
			group_messages_purchases: { chart: [], total: 0, delta: 0 },
		});
	}
	return undefined;
}
