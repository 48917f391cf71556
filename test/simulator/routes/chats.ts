/** Chats and direct messages: list chats, page messages (offset or last_id cursor), send, unsend, chat media. */
import {
	badRequest,
	enumParam,
	intParam,
	notFound,
	pageOf,
	type Route,
	type RouteContext,
	type SimCore,
} from '../core';
import { sendBodySchema, zodDetails } from '../schemas';
import { userRef } from '../seed';
import type { Chat, Fan, Message } from '../types';
import { publicMedia, publicMessage, resolveMediaItems } from './shared';

function fanFromParam(core: SimCore, raw: string): { fan: Fan; chat: Chat } {
	if (!/^\d+$/.test(raw))
		throw badRequest('userId must be digits', [
			{ path: 'userId', message: 'must match ^\\d+$', code: 'invalid_string' },
		]);
	const fan = core.fan(Number(raw));
	const chat = fan && core.chat(fan.id);
	if (!fan || !chat) throw notFound(`User ${raw} not found`);
	return { fan, chat };
}

function lastMessageOf(chat: Chat): Record<string, unknown> | null {
	const m = chat.messages[chat.messages.length - 1];
	if (!m) return null;
	return {
		id: m.id,
		text: m.text,
		createdAt: m.createdAt,
		fromUser: { id: m.fromUser.id },
		price: m.price,
		isFree: m.isFree,
		mediaCount: m.mediaCount,
		isTip: m.isTip,
	};
}

function chatView(core: SimCore, chat: Chat): Record<string, unknown> {
	const fan = core.fan(chat.withUserId)!;
	return {
		withUser: userRef(fan),
		unreadMessagesCount: chat.unreadMessagesCount,
		hasUnreadTips: chat.messages.some((m) => m.isTip && m.isNew),
		lastMessage: lastMessageOf(chat),
		canSendMessage: chat.canSendMessage,
		isMutedNotifications: chat.isMutedNotifications,
		isPriority: chat.isPriority,
		lastReadMessageId: [...chat.messages].reverse().find((m) => !m.isNew)?.id ?? null,
		hasPurchasedFeed: fan.spending.messages > 0,
		countPinnedMessages: 0,
	};
}

/**
 * All chats by last message time (chats without messages last, then by fan ID). Sorting 10,000
 * chats on every page would make the simulator, not the client, the slow part of a Return All:
 * the order is kept until a message is added or removed anywhere.
 */
const sortedCache = new WeakMap<object, { signature: string; byOrder: Map<string, Chat[]> }>();
function sortedChats(core: RouteContext['core'], order: 'recent' | 'old'): Chat[] {
	const chats = core.state.chats;
	let messages = 0;
	for (const chat of chats) messages += chat.messages.length;
	const signature = `${chats.length}:${messages}`;
	let cache = sortedCache.get(chats);
	if (!cache || cache.signature !== signature) {
		cache = { signature, byOrder: new Map() };
		sortedCache.set(chats, cache);
	}
	let sorted = cache.byOrder.get(order);
	if (!sorted) {
		const lastAt = (c: Chat) =>
			c.messages.length ? Date.parse(c.messages[c.messages.length - 1].createdAt) : 0;
		sorted = chats
			.map((chat) => ({ chat, at: lastAt(chat) }))
			.sort((a, b) => {
				if (!a.at || !b.at)
					return (b.at ? 1 : 0) - (a.at ? 1 : 0) || a.chat.withUserId - b.chat.withUserId;
				return (
					(order === 'recent' ? b.at - a.at : a.at - b.at) || a.chat.withUserId - b.chat.withUserId
				);
			})
			.map((entry) => entry.chat);
		cache.byOrder.set(order, sorted);
	}
	return sorted;
}

function listChats({ core, query }: RouteContext) {
	const limit = intParam(query, 'limit', { def: 10, min: 1, max: 20 });
	const offset = intParam(query, 'offset', { def: 0, min: 0 });
	const order = enumParam(query, 'order', ['recent', 'old'] as const) ?? 'recent';
	const filter = enumParam(query, 'filter', ['priority', 'who_tipped', 'unread'] as const);
	const q = (query.query ?? '').trim().toLowerCase();
	let members: Set<number> | null = null;
	if (query.userListId) {
		const list = core.userList(query.userListId);
		if (!list)
			throw badRequest(`Unknown userListId ${query.userListId}`, [
				{ path: 'userListId', message: 'unknown list', code: 'unknown_list' },
			]);
		members = new Set(list.userIds);
	}
	const sorted = sortedChats(core, order);
	const unfiltered = !members && !q && !filter;
	const chats = unfiltered
		? sorted
		: sorted.filter((c) => {
				const fan = core.fan(c.withUserId)!;
				if (members && !members.has(fan.id)) return false;
				if (q && !fan.name.toLowerCase().includes(q) && !fan.username.toLowerCase().includes(q))
					return false;
				if (filter === 'priority' && !c.isPriority) return false;
				if (filter === 'unread' && c.unreadMessagesCount === 0) return false;
				if (filter === 'who_tipped' && fan.spending.tips <= 0 && !c.messages.some((m) => m.isTip))
					return false;
				return true;
			});
	const page = pageOf(chats, offset, limit);
	return {
		body: {
			list: page.list.map((c) => chatView(core, c)),
			hasMore: page.hasMore,
			nextOffset: page.nextOffset,
		},
	};
}

function listMessages({ core, params, query }: RouteContext) {
	const { chat } = fanFromParam(core, params.userId);
	const limit = intParam(query, 'limit', { def: 10, min: 1, max: 10 });
	const offset = intParam(query, 'offset', { def: 0, min: 0 });
	const q = (query.query ?? '').trim().toLowerCase();
	let msgs: Message[] = chat.messages.slice().reverse(); // newest first
	if (q) msgs = msgs.filter((m) => m.text.toLowerCase().includes(q));
	let list: Message[];
	let hasMore: boolean;
	if (query.last_id) {
		const lastId = intParam(query, 'last_id', { def: 0, min: 1 });
		const older = msgs.filter((m) => m.id < lastId);
		list = older.slice(0, limit);
		hasMore = older.length > limit;
	} else if (query.first_id) {
		const firstId = intParam(query, 'first_id', { def: 0, min: 1 });
		const newer = msgs.filter((m) => m.id > firstId);
		list = newer.slice(Math.max(0, newer.length - limit)); // the ones right after first_id, newest first
		hasMore = newer.length > limit;
	} else {
		const page = pageOf(msgs, offset, limit);
		list = page.list;
		hasMore = page.hasMore;
	}
	return {
		body: {
			list: list.map(publicMessage),
			hasMore,
			nextLastId: hasMore && list.length ? list[list.length - 1].id : null,
		},
	};
}

function sendMessage({ core, params, body }: RouteContext) {
	const { fan, chat } = fanFromParam(core, params.userId);
	const parsed = sendBodySchema.safeParse(body ?? {});
	if (!parsed.success) throw badRequest('Invalid request body', zodDetails(parsed.error));
	const b = parsed.data;
	const resolved = resolveMediaItems(core, b.mediaItems);
	resolved.commit();
	const media = resolved.media;
	const price = b.price ?? 0;
	const msg: Message = {
		id: core.state.nextIds.message++,
		text: b.text ?? '',
		fromUser: { id: core.creatorId },
		media,
		previews: media.slice(0, b.previewMediaCount ?? 0).map((m) => m.id),
		price,
		isFree: price === 0,
		lockedText: b.isLockedText ?? false,
		mediaCount: media.length,
		isMediaReady: media.every((m) => m.isReady),
		queueId: core.state.nextIds.queue++,
		cancelSeconds: price > 0 ? 86_400 : 0,
		createdAt: core.nowIso(),
		isTip: false,
		tipAmount: 0,
		isOpened: false,
		isNew: false,
		isMarkdown: b.isMarkdown ?? true,
		replyToMessageId: b.replyToMessageId ?? null,
		isForwardedMessage: b.isForwardedMessage ?? false,
		userTags: b.userTags ?? [],
		releaseForms: {
			users: b.releaseForms?.users ?? [],
			partners: b.releaseForms?.partners ?? [],
			guests: b.releaseForms?.guests ?? [],
		},
	};
	chat.messages.push(msg);
	chat.unreadMessagesCount = 0;
	core.messagesSent.set(fan.id, (core.messagesSent.get(fan.id) ?? 0) + 1);
	return { body: publicMessage(msg) };
}

function unsendMessage({ core, params }: RouteContext) {
	const { chat } = fanFromParam(core, params.userId);
	if (!/^\d+$/.test(params.messageId)) throw badRequest('messageId must be digits');
	const idx = chat.messages.findIndex((m) => m.id === Number(params.messageId));
	if (idx < 0) throw notFound(`Message ${params.messageId} not found`);
	if (chat.messages[idx].fromUser.id !== core.creatorId)
		throw badRequest("Cannot unsend a fan's message");
	chat.messages.splice(idx, 1);
	return { body: { success: true } };
}

function chatMedia({ core, params, query }: RouteContext) {
	const { chat } = fanFromParam(core, params.userId);
	const type = enumParam(query, 'type', ['photos', 'videos', 'audios'] as const);
	const limit = intParam(query, 'limit', { def: 10, min: 1, max: 100 });
	const offset = intParam(query, 'offset', { def: 0, min: 0 });
	const want =
		type === 'photos' ? 'photo' : type === 'videos' ? 'video' : type === 'audios' ? 'audio' : null;
	let all = chat.messages
		.slice()
		.reverse()
		.flatMap((m) =>
			m.media
				.filter((md) => !want || md.type === want)
				.map((md) => ({ ...publicMedia(md), messageId: m.id, fromUser: m.fromUser })),
		);
	if (query.last_id) {
		const lastId = intParam(query, 'last_id', { def: 0, min: 1 });
		all = all.filter((md) => md.messageId < lastId);
	}
	const page = pageOf(all, query.last_id ? 0 : offset, limit);
	return { body: { list: page.list, hasMore: page.hasMore } };
}

export const chatRoutes: Route[] = [
	{ method: 'GET', pattern: '/v2/access/chats', scope: 'messages:read', handler: listChats },
	{
		method: 'GET',
		pattern: '/v2/access/chats/:userId/messages',
		scope: 'messages:read',
		handler: listMessages,
	},
	{
		method: 'POST',
		pattern: '/v2/access/chats/:userId/messages',
		scope: 'messages:write',
		handler: sendMessage,
	},
	{
		method: 'DELETE',
		pattern: '/v2/access/chats/:userId/messages/:messageId',
		scope: 'messages:write',
		handler: unsendMessage,
	},
	{
		method: 'GET',
		pattern: '/v2/access/chats/:userId/media',
		scope: 'messages:read',
		handler: chatMedia,
	},
];
