import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { ACCOUNT_IN_PATH, encodePathSegment } from '../shared/transport';
import { MESSAGE_LABELS, type Message } from '../shared/model/message';
import type { MassMessage } from '../shared/model/massMessage';
import { MASS_MESSAGE_LABELS } from '../shared/model/massMessage';
import type { FanFilters } from '../shared/model/fanDetails';
import type {
	ChatAction,
	ChatFilters,
	DateRange,
	ProviderAdapter,
	VaultFilters,
} from '../shared/service/adapter';
import { ProviderLimit } from '../shared/service/adapter';
import { bodyFieldLabels } from '../shared/service/fieldLabels';

/**
 * OnlyFansAPI.com (../shared/api/onlyfansapi.md): the account goes in the path, every answer is
 * wrapped in {data, _meta}, and a message is `text` + `mediaFiles` + `previews` (a subset of the
 * media) + `lockedText` + `rf*`. Where it cannot take what the user gave, the item stops before
 * anything is sent (ProviderLimit) instead of the field being dropped.
 */

const accountPath = (path: string) => `/${ACCOUNT_IN_PATH}${path}`;
const chatPath = (fanId: string) => accountPath(`/chats/${encodePathSegment(fanId)}`);

function mediaFile(entry: number | string): string {
	if (typeof entry === 'number' || /^\d+$/.test(entry) || /^ofapi_media_/i.test(entry))
		return String(entry);
	if (/^https?:\/\//i.test(entry)) {
		throw new ProviderLimit(
			MESSAGE_LABELS.media,
			`"${entry}" is a URL, but OnlyFansAPI.com takes no media URLs: upload it with Upload Media (Source: URL) and use the Media Upload ID it returns`,
		);
	}
	throw new ProviderLimit(
		MESSAGE_LABELS.media,
		`"${entry}" is not a media ID of OnlyFansAPI.com: use the ofapi_media_... ID its Upload Media returns, or a vault media ID`,
	);
}

function nothingLike(field: string): never {
	throw new ProviderLimit(field, 'has no OnlyFansAPI.com equivalent: clear it');
}

/** The body of POST /{account}/chats/{chat}/messages (and the message part of a mass message). */
function messageBody(message: Message): IDataObject {
	// the seed document: text is required, also next to media (a missing text is a VALIDATION_ERROR)
	if (message.text.trim() === '') {
		throw new ProviderLimit(
			MESSAGE_LABELS.text,
			'is empty, but OnlyFansAPI.com needs text with every message: add a few words',
		);
	}
	if (!message.markdown) nothingLike(MESSAGE_LABELS.isMarkdown);
	if (message.forwarded) nothingLike(MESSAGE_LABELS.isForwardedMessage);
	if (message.releaseForms.users.length) nothingLike(MESSAGE_LABELS.releaseFormUsers);
	const body: IDataObject = { text: message.text };
	const mediaFiles = message.media.map(mediaFile);
	if (mediaFiles.length) body.mediaFiles = mediaFiles;
	if (message.price !== undefined) {
		// the seed document types the price as an integer; whether cents are taken is unknown: refuse them
		if (!Number.isInteger(message.price)) {
			throw new ProviderLimit(
				MESSAGE_LABELS.price,
				`is ${message.price}, but OnlyFansAPI.com takes whole dollars: use 3 to 200 without cents`,
			);
		}
		body.price = message.price;
		// OFAuth's "first N are previews" is a subset of mediaFiles here
		if (message.previewCount > 0) body.previews = mediaFiles.slice(0, message.previewCount);
	}
	if (message.lockedText) body.lockedText = true;
	if (message.replyTo !== undefined) {
		if (!/^\d+$/.test(message.replyTo)) {
			throw new ProviderLimit(
				MESSAGE_LABELS.replyToMessageId,
				'must be a message ID made of digits for OnlyFansAPI.com',
			);
		}
		body.replyToMessageId = Number(message.replyTo);
	}
	if (message.taggedUsers.length) body.rfTag = message.taggedUsers;
	if (message.releaseForms.partners.length) body.rfPartner = message.releaseForms.partners;
	if (message.releaseForms.guests.length) body.rfGuest = message.releaseForms.guests;
	return body;
}

/** OFAuth's Show values -> OnlyFansAPI.com's chat filters. */
const CHAT_FILTERS: Record<string, string | undefined> = {
	all: undefined,
	unread: 'unread',
	priority: 'priority',
	who_tipped: 'with_tips',
};

function chatsQuery(filters: ChatFilters): IDataObject {
	if (filters.userListId) {
		throw new ProviderLimit(
			'User List',
			'has no OnlyFansAPI.com equivalent when listing chats: clear the filter',
		);
	}
	const qs: IDataObject = { order: filters.order === 'old' ? 'old' : 'recent' };
	const filter = CHAT_FILTERS[filters.show || 'all'];
	if (filter) qs.filter = filter;
	if (filters.search) qs.query = filters.search;
	return qs;
}

/** POST /{account}/mass-messaging: the message plus userIds, userLists, excludedLists, scheduledDate. */
function massMessageBody(
	{ message, audience, scheduledAt }: MassMessage,
	{ update }: { update: boolean },
): IDataObject {
	if (audience.subscribedAfter) nothingLike(MASS_MESSAGE_LABELS.subscribedAfterDate);
	const body = messageBody(message);
	if (update) {
		// the update takes no excluded lists and no release-form tags
		if (audience.excludedLists.length) nothingLike(MASS_MESSAGE_LABELS.excludeUserLists);
		if (body.rfTag || body.rfPartner || body.rfGuest) {
			throw new ProviderLimit(
				'Tag Users / Release Forms',
				'cannot be changed by an OnlyFansAPI.com update: clear them, or delete and create the mass message again',
			);
		}
	}
	if (audience.fanIds.length) body.userIds = audience.fanIds.map(String);
	if (audience.lists.length) body.userLists = audience.lists.map(String);
	if (audience.excludedLists.length) body.excludedLists = audience.excludedLists.map(String);
	if (scheduledAt) body.scheduledDate = scheduledAt;
	return body;
}

function vaultQuery(filters: VaultFilters): IDataObject {
	const qs: IDataObject = {};
	if (filters.mediaType && filters.mediaType !== 'all') qs.type = filters.mediaType;
	if (filters.listId) qs.list = filters.listId;
	if (filters.search) qs.query = filters.search;
	if (filters.sortBy) qs.field = filters.sortBy;
	if (filters.sortDirection) qs.sort = filters.sortDirection;
	return qs;
}

/** The fields of a send or mass message body, as the node labels them. */
const FIELD_LABELS = bodyFieldLabels({
	media: 'mediaFiles',
	previews: 'previews',
	excludedLists: 'excludedLists',
});

const massMessagePath = (massMessageId: string) =>
	accountPath(`/mass-messaging/${encodePathSegment(massMessageId)}`);

/** The filters of /fans/all|active|expired, in the bracket form: the dot form is ignored by the API. */
function fanFilterQuery(filters: FanFilters): IDataObject {
	const qs: IDataObject = {};
	if (filters.search) qs.query = filters.search;
	if (filters.minTotalSpent !== undefined) qs['filter[total_spent]'] = filters.minTotalSpent;
	if (filters.minTips !== undefined) qs['filter[tips]'] = filters.minTips;
	if (filters.onlineOnly) qs['filter[online]'] = 1;
	return qs;
}

/**
 * Fans, at most 20 a page ("OnlyFans does not allow more"): all, active and expired take the
 * filters; the newest fans (`type=new`) come as `users`; the top spenders are one answer, no paging.
 */
function listFans(filters: FanFilters) {
	if (filters.type === 'top' || filters.type === 'latest') {
		const { query, ...spendFilters } = fanFilterQuery(filters);
		if (query !== undefined || Object.keys(spendFilters).length) {
			throw new ProviderLimit(
				'Filters',
				`cannot be combined with Type ${filters.type === 'top' ? 'Top Spenders' : 'Newest Fans'} on OnlyFansAPI.com: clear them, or choose All Fans`,
			);
		}
	}
	if (filters.type === 'top') {
		return {
			path: accountPath('/fans/top'),
			qs: { by: 'total' },
			style: 'offset' as const,
			pageSize: 20,
			onePage: true,
		};
	}
	if (filters.type === 'latest') {
		return {
			path: accountPath('/fans/latest'),
			qs: { type: 'new' },
			style: 'offset' as const,
			pageSize: 20,
		};
	}
	return {
		path: accountPath(`/fans/${filters.type}`),
		qs: fanFilterQuery(filters),
		style: 'offset' as const,
		pageSize: 20,
	};
}

const fanPath = (fanId: string) => accountPath(`/fans/${encodePathSegment(fanId)}`);
const userListPath = (listId: string | number) =>
	accountPath(`/user-lists/${encodePathSegment(String(listId))}`);

/** A list name: OnlyFansAPI.com takes at most 64 characters. */
function listName(name: string): string {
	if (name.length > 64) {
		throw new ProviderLimit(
			'Name',
			`has ${name.length} characters, but OnlyFansAPI.com takes at most 64: shorten it`,
		);
	}
	return name;
}

/** How many fan IDs one add request carries: the API's maximum is not documented, so a few at a time. */
const FANS_PER_ADD_REQUEST = 10;

const CHAT_ACTION_PATHS: Record<ChatAction, string> = {
	markAsRead: 'mark-as-read',
	markAsUnread: 'mark-as-unread',
	showTyping: 'typing',
	hide: 'hide',
};

/** The chart's dates as the API takes them: `Y-m-d H:i:s` (UTC). */
function chartDate(iso: unknown): string | undefined {
	if (typeof iso !== 'string' || iso === '') return undefined;
	const time = Date.parse(iso);
	return Number.isFinite(time)
		? new Date(time).toISOString().slice(0, 19).replace('T', ' ')
		: undefined;
}

function chartQuery(range: DateRange): IDataObject {
	const qs: IDataObject = { withTotal: 1 };
	const startDate = chartDate(range.startDate);
	const endDate = chartDate(range.endDate);
	if (startDate) qs.startDate = startDate;
	if (endDate) qs.endDate = endDate;
	return qs;
}

function notYet(what: string): never {
	throw new Error(`${what} is not available with OnlyFansAPI.com in this version`);
}

export const onlyfansapi: ProviderAdapter = {
	label: 'OnlyFansAPI.com',
	operations: new Set([
		'chat.getMany',
		'userList.getMany',
		'message.send',
		'message.sendPpv',
		'message.unsend',
		'message.getMany',
		'massMessage.create',
		'massMessage.get',
		'massMessage.update',
		'massMessage.delete',
		'massMessage.getSentStats',
		'vault.getManyMedia',
		'vault.getManyLists',
		'media.upload',
		'chat.getMedia',
		'chat.markAsRead',
		'chat.markAsUnread',
		'chat.showTyping',
		'chat.hide',
		'message.like',
		'massMessage.getChart',
		'massMessage.getBuyers',
		'fan.getMany',
		'fan.get',
		'fan.setNote',
		'fan.setDisplayName',
		'userList.create',
		'userList.rename',
		'userList.delete',
		'userList.getMembers',
		'userList.addFans',
		'userList.removeFans',
	]),
	listFans,
	listNewestFans: (withRenewals) => ({
		path: accountPath('/fans/latest'),
		qs: { type: withRenewals ? 'total' : 'new' },
		style: 'offset',
		pageSize: 20,
	}),
	// newest first, 10 a page; the next page starts below the last ID (from_id)
	listNotifications: (type) => ({
		path: accountPath('/notifications'),
		qs: { type: type === 'tip' ? 'tips' : 'purchases' },
		style: 'cursor',
		cursorParam: 'from_id',
		pageSize: 10,
	}),
	// by username: GET /users/{username}; by ID: GET /users/list?ids= (keyed by ID), as the API takes IDs there
	getFan: (fan) =>
		'id' in fan
			? {
					request: { method: 'GET', path: accountPath('/users/list'), qs: { ids: fan.id } },
					fanIn: (answer) => {
						const found = answer?.[fan.id];
						return found && typeof found === 'object' ? (found as IDataObject) : undefined;
					},
				}
			: {
					request: {
						method: 'GET',
						path: accountPath(`/users/${encodePathSegment(fan.username)}`),
					},
					fanIn: (answer) => (answer && answer.id !== undefined ? answer : undefined),
				},
	// an empty note clears it (DELETE); else PUT {notes}
	setFanNote: (fanId, note) =>
		note === ''
			? { method: 'DELETE', path: `${fanPath(fanId)}/notes` }
			: { method: 'PUT', path: `${fanPath(fanId)}/notes`, body: { notes: note } },
	// "" clears the custom name
	setFanDisplayName: (fanId, displayName) => ({
		method: 'PUT',
		path: `${fanPath(fanId)}/custom-name`,
		body: { custom_name: displayName },
	}),
	createUserList: (name) => ({
		method: 'POST',
		path: accountPath('/user-lists'),
		body: { name: listName(name) },
	}),
	renameUserList: (listId, name) => ({
		method: 'PUT',
		path: userListPath(listId),
		body: { name: listName(name) },
	}),
	deleteUserList: (listId) => ({ method: 'DELETE', path: userListPath(listId) }),
	addFansToUserList: (listId, fanIds) => {
		const requests = [];
		for (let start = 0; start < fanIds.length; start += FANS_PER_ADD_REQUEST) {
			requests.push({
				method: 'POST' as const,
				path: `${userListPath(listId)}/users`,
				body: { ids: fanIds.slice(start, start + FANS_PER_ADD_REQUEST) },
			});
		}
		return requests;
	},
	removeFanFromUserList: (listId, fanId) => ({
		method: 'DELETE',
		path: `${userListPath(listId)}/users/${encodePathSegment(fanId)}`,
	}),
	chatAction: (fanId, action) => ({
		method: 'POST',
		path: `${chatPath(fanId)}/${CHAT_ACTION_PATHS[action]}`,
	}),
	likeMessage: (fanId, messageId) => ({
		method: 'POST',
		path: `${chatPath(fanId)}/messages/${encodePathSegment(messageId)}/like`,
	}),
	// one Idempotency-Key per message: OnlyFansAPI.com takes it once, so a retry after a dropped connection cannot send twice
	sendMessage: (fanId, message) => ({
		method: 'POST',
		path: `${chatPath(fanId)}/messages`,
		body: messageBody(message),
		idempotencyKey: randomUUID(),
		fieldLabels: FIELD_LABELS,
	}),
	unsendMessage: (fanId, messageId) => ({
		method: 'DELETE',
		path: `${chatPath(fanId)}/messages/${encodePathSegment(messageId)}`,
	}),
	// newest first, 10 a page (the API's default); last_id continues below the last one
	listMessages: (fanId, search) => {
		if (search)
			throw new ProviderLimit(
				'Search',
				'has no OnlyFansAPI.com equivalent when reading messages: clear it',
			);
		return { path: `${chatPath(fanId)}/messages`, style: 'cursor', pageSize: 10 };
	},
	listChats: (filters) => ({
		path: accountPath('/chats'),
		qs: chatsQuery(filters),
		style: 'offset',
		pageSize: 20,
	}),
	// data.list holds messages with their media: one output entry per media, with its message id
	listChatMedia: (fanId, mediaType) => ({
		path: `${chatPath(fanId)}/media`,
		qs: mediaType && mediaType !== 'all' ? { type: mediaType } : {},
		style: 'offset',
		pageSize: 20,
		expand: (message) =>
			(Array.isArray(message.media) ? (message.media as IDataObject[]) : []).map((media) => ({
				...media,
				messageId: message.id,
				fromUser: message.fromUser,
			})),
		itemKey: (entry) => `${String(entry.messageId ?? '')}:${String(entry.id)}`,
	}),
	// POST /media/upload, multipart: `file` up to 100 MB ("limited by Cloudflare") or `file_url`; the ID is single-use
	oneRequestUpload: {
		label: 'OnlyFansAPI.com',
		path: accountPath('/media/upload'),
		maxBytes: 100_000_000,
	},
	createMassMessage: (massMessage) => ({
		method: 'POST',
		path: accountPath('/mass-messaging'),
		body: massMessageBody(massMessage, { update: false }),
		fieldLabels: FIELD_LABELS,
	}),
	updateMassMessage: (massMessageId, massMessage) => ({
		method: 'PUT',
		path: massMessagePath(massMessageId),
		body: massMessageBody(massMessage, { update: true }),
		fieldLabels: FIELD_LABELS,
	}),
	getMassMessage: (massMessageId) => ({ method: 'GET', path: massMessagePath(massMessageId) }),
	deleteMassMessage: (massMessageId) => ({
		method: 'DELETE',
		path: massMessagePath(massMessageId),
	}),
	// which date names the overview takes is unknown (SDK: startDate/endDate, the vendor's node: start_date/end_date); the SDK's are sent
	listSentMassMessages: (range) => ({
		path: accountPath('/mass-messaging/overview'),
		qs: { ...range },
		style: 'offset',
		pageSize: 10,
	}),
	massMessageChart: (range) => ({
		method: 'GET',
		path: accountPath('/engagement/messages/mass-messages/chart'),
		qs: chartQuery(range),
	}),
	// 10 a page by marker; the answer also says its next page (_pagination.next_page)
	listMassMessageBuyers: (massMessageId) => ({
		path: accountPath(`/engagement/messages/${encodePathSegment(massMessageId)}/buyers`),
		style: 'marker',
		pageSize: 10,
	}),
	// 10-100 a page; 40 keeps the same pages as OFAuth
	listVaultMedia: (filters) => ({
		path: accountPath('/media/vault'),
		qs: vaultQuery(filters),
		style: 'offset',
		pageSize: 40,
		minPageSize: 10,
	}),
	// 10-50 a page, a bare array
	listUserLists: () => ({
		path: accountPath('/user-lists'),
		style: 'offset',
		pageSize: 50,
		minPageSize: 10,
	}),
	// 1-100 a page: data {list, hasMore, nextOffset}
	listUserListMembers: (listId) => ({
		path: accountPath(`/user-lists/${encodePathSegment(listId)}/users`),
		style: 'offset',
		pageSize: 100,
	}),
	// pending, scheduled and recent mass messages: a bare array, no paging
	listQueuedMassMessages: () => ({
		path: accountPath('/mass-messaging'),
		style: 'offset',
		pageSize: 100,
	}),
	listVaultLists: (search) => ({
		path: accountPath('/media/vault/lists'),
		qs: search ? { query: search } : {},
		style: 'offset',
		pageSize: 100,
	}),
	checkDuplicateUpload: () => notYet('Upload Media'),
	startUpload: () => notYet('Upload Media'),
	completeUpload: () => notYet('Upload Media'),
};
