import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { adapterOf } from '../../service';
import { iteratePages } from '../../transport';
import { asObject, firstTime, SAMPLE_WINDOW, scanNewestFirst, sequenceOf } from '../scan';
import type { PolledItem, PollSource, ScanWindow } from '../types';

/** Pages of one chat's history read per poll; a fan rarely writes more than 50 messages between polls. */
const MAX_MESSAGE_PAGES_PER_CHAT = 5;
/** Chats whose last message shares the newest second, looked into on the first poll. */
const MAX_BOUNDARY_CHATS = 10;

interface ChatEntry {
	fanId: string;
	withUser: IDataObject;
	lastMessage: IDataObject;
}

/** The chat list item of a chat that has a last message, keyed by that message (so the snapshot's keys are message ids). */
function chatToItem(chat: IDataObject): PolledItem | undefined {
	const withUser = fanOf(chat);
	const lastMessage = asObject(chat.lastMessage);
	if (withUser.id === undefined || lastMessage.id === undefined) return undefined;
	return {
		key: String(lastMessage.id),
		time: firstTime(lastMessage.createdAt, lastMessage.changedAt),
		json: chat,
	};
}

/** The fan of a chat: OFAuth names the other party withUser, OnlyFansAPI.com fan. */
const fanOf = (chat: IDataObject): IDataObject => asObject(chat.withUser ?? chat.fan);

function chatEntry(item: PolledItem): ChatEntry {
	const withUser = fanOf(item.json);
	return { fanId: String(withUser.id), withUser, lastMessage: asObject(item.json.lastMessage) };
}

function isFromFan(message: IDataObject, fanId: string): boolean {
	return String(asObject(message.fromUser).id) === fanId;
}

function messageItem(message: IDataObject, withUser: IDataObject): PolledItem {
	return {
		key: String(message.id),
		time: firstTime(message.createdAt, message.changedAt),
		json: { ...message, withUser },
		sequence: sequenceOf(message.id),
	};
}

/** The chats, most recent last message first. */
const recentChats = (context: IPollFunctions) =>
	adapterOf(context).listChats({ order: 'recent', show: 'all', search: '', userListId: '' });

/** The fan's messages in one chat that are not older than `since` and newer than any known message, newest first. */
async function fanMessagesSince(
	context: IPollFunctions,
	chat: ChatEntry,
	since: number,
	window: ScanWindow,
): Promise<PolledItem[]> {
	const found: PolledItem[] = [];
	const request = {
		method: 'GET' as const,
		itemIndex: undefined,
		...adapterOf(context).listMessages(chat.fanId, ''),
	};
	let page = 0;
	for await (const list of iteratePages(context, request)) {
		page++;
		for (const message of list) {
			const item = messageItem(message, chat.withUser);
			// older than the cursor, or a message an earlier poll already handled: the rest is history
			if ((!Number.isNaN(item.time) && item.time < since) || window.isKnown(item.key)) return found;
			if (isFromFan(message, chat.fanId)) found.push(item);
		}
		if (page >= MAX_MESSAGE_PAGES_PER_CHAT || Date.now() >= window.deadline) break;
	}
	return found;
}

/**
 * A fan wrote: chats whose last message is newer than the cursor, then each such chat's
 * messages since the cursor, so several messages in a row (or a fan message followed by a
 * reply) all count. Only messages from the fan start the workflow, never the creator's own.
 */
export const newMessage: PollSource = {
	properties: [],

	scope: () => 'fan-messages',

	async scan(context, window) {
		const chats = await scanNewestFirst(context, recentChats(context), chatToItem, window);
		// the cursor only moves as far as this chat list showed: a message that arrives while the
		// chats are read is found by the next poll (and deduplicated by id if already emitted now)
		const newest = chats.newest;
		if (window.since === undefined) {
			// Snapshot. The cursor is the newest last message; other fan messages of that very second
			// (times have whole seconds) must count as seen too, or the next poll would deliver them.
			const boundary: string[] = [];
			for (const item of chats.items
				.filter((chat) => chat.time === newest)
				.slice(0, MAX_BOUNDARY_CHATS)) {
				const sameSecond = await fanMessagesSince(context, chatEntry(item), newest, window);
				boundary.push(...sameSecond.map((message) => message.key));
			}
			return {
				items: chats.items.map((item) => ({ ...item, json: asObject(item.json.lastMessage) })),
				newest,
				truncated: false,
				observed: boundary,
			};
		}
		const since = window.since;
		const items: PolledItem[] = [];
		for (const item of chats.items) {
			if (Number.isNaN(item.time) || item.time < since || window.isKnown(item.key)) continue;
			items.push(...(await fanMessagesSince(context, chatEntry(item), since, window)));
		}
		// last messages looked at now (also the creator's own) need no second look next time
		return {
			items,
			newest,
			truncated: chats.truncated,
			observed: chats.items.map((item) => item.key),
		};
	},

	async sample(context) {
		const chats = await scanNewestFirst(
			context,
			recentChats(context),
			chatToItem,
			SAMPLE_WINDOW,
			10,
		);
		// the newest fan message among the most recent chats (one page of each, at most three chats)
		for (const item of chats.items.slice(0, 3)) {
			const [newestFromFan] = await fanMessagesSince(context, chatEntry(item), -Infinity, {
				isKnown: () => false,
				deadline: 0,
			});
			if (newestFromFan) return newestFromFan;
		}
		return undefined;
	},
};
