import type { IDataObject } from 'n8n-workflow';

import { encodePathSegment } from '../shared/transport';
import type { FanFilters } from '../shared/model/fanDetails';
import type { MassMessage } from '../shared/model/massMessage';
import { MESSAGE_LABELS, type Message } from '../shared/model/message';
import type {
	ChatFilters,
	ProviderAdapter,
	ProviderRequest,
	VaultFilters,
} from '../shared/service/adapter';
import { ProviderLimit } from '../shared/service/adapter';
import { bodyFieldLabels } from '../shared/service/fieldLabels';

/**
 * OFAuth, the first provider: what each validated model becomes in OFAuth's API (method, path,
 * body). Operations take their requests from an adapter and never build them themselves.
 */

/** OFAuth's SendBody: `mediaItems` with the first `previewMediaCount` as previews, `isLockedText`, ... */
function messageBody(message: Message): IDataObject {
	const foreign = message.media.find(
		(entry) => typeof entry === 'string' && /^ofapi_media_/i.test(entry),
	);
	if (foreign !== undefined) {
		throw new ProviderLimit(
			MESSAGE_LABELS.media,
			`"${String(foreign)}" is not a media ID of OFAuth: use the upload:... reference its Upload Media returns, a vault media ID or an http(s) URL`,
		);
	}
	const body: IDataObject = { isMarkdown: message.markdown };
	if (message.text !== '') body.text = message.text;
	if (message.media.length) body.mediaItems = message.media;
	if (message.price !== undefined) {
		body.price = message.price;
		body.previewMediaCount = message.previewCount;
	}
	if (message.lockedText) body.isLockedText = true;
	if (message.replyTo) body.replyToMessageId = message.replyTo;
	if (message.taggedUsers.length) body.userTags = message.taggedUsers;
	const releaseForms = Object.fromEntries(
		Object.entries(message.releaseForms).filter(([, ids]) => ids.length > 0),
	);
	if (Object.keys(releaseForms).length) body.releaseForms = releaseForms;
	if (message.forwarded) body.isForwardedMessage = true;
	return body;
}

function massMessageBody({ message, audience, scheduledAt }: MassMessage): IDataObject {
	const body = messageBody(message);
	if (audience.fanIds.length) body.userIds = audience.fanIds;
	if (audience.lists.length) body.userLists = audience.lists;
	if (audience.excludedLists.length) body.excludeUserLists = audience.excludedLists;
	if (audience.subscribedAfter) body.subscribedAfterDate = audience.subscribedAfter;
	if (scheduledAt) body.scheduledDate = scheduledAt;
	return body;
}

function chatsQuery(filters: ChatFilters): IDataObject {
	const qs: IDataObject = { order: filters.order || 'recent' };
	if (filters.show && filters.show !== 'all') qs.filter = filters.show;
	if (filters.search) qs.query = filters.search;
	if (filters.userListId) qs.userListId = filters.userListId;
	return qs;
}

/**
 * GET /subscribers: type all/active/expired, or latest with latestType=new (the newest fans). How the
 * `filter` object goes on the wire is not documented: the bracket form OnlyFansAPI.com documents is
 * sent, and the node checks every answer against the minimums itself (meetsFanFilters).
 */
function fansQuery(filters: FanFilters): IDataObject {
	if (filters.type === 'top') {
		throw new ProviderLimit(
			'Type',
			'Top Spenders is not offered by OFAuth: choose All Fans with Min Total Spent instead',
		);
	}
	const qs: IDataObject = { type: filters.type };
	if (filters.type === 'latest') qs.latestType = 'new';
	if (filters.search) qs.query = filters.search;
	if (filters.minTotalSpent !== undefined) qs['filter[total_spent]'] = filters.minTotalSpent;
	if (filters.minTips !== undefined) qs['filter[tips]'] = filters.minTips;
	if (filters.onlineOnly) qs['filter[online]'] = 1;
	return qs;
}

const subscriberPath = (fanId: string) => `/v2/access/subscribers/${encodePathSegment(fanId)}`;
const userListPath = (listId: string | number) =>
	`/v2/access/users/lists/${encodePathSegment(String(listId))}`;

/** OFAuth keeps no way to clear a note or a custom name that it documents: '' is refused, not guessed. */
function notEmpty(field: string, text: string): string {
	if (text === '') {
		throw new ProviderLimit(
			field,
			'is empty, and OFAuth documents no way to clear it: enter the text to set',
		);
	}
	return text;
}

const chatPath = (fanId: string) => `/v2/access/chats/${encodePathSegment(fanId)}`;
const massMessagePath = (massMessageId: string) =>
	`/v2/access/mass-messages/${encodePathSegment(massMessageId)}`;

function vaultQuery(filters: VaultFilters): IDataObject {
	const qs: IDataObject = {};
	if (filters.mediaType && filters.mediaType !== 'all') qs.mediaType = filters.mediaType;
	if (filters.listId) qs.listId = filters.listId;
	if (filters.search) qs.query = filters.search;
	if (filters.sortBy) qs.sortBy = filters.sortBy;
	if (filters.sortDirection) qs.sortDirection = filters.sortDirection;
	return qs;
}

/** The fields of a send or mass message body, as the node labels them. */
const FIELD_LABELS = bodyFieldLabels({
	media: 'mediaItems',
	previews: 'previewMediaCount',
	excludedLists: 'excludeUserLists',
});

export const ofauth: ProviderAdapter = {
	label: 'OFAuth',
	listReleaseForms: () => ({
		path: '/v2/access/self/release-forms',
		style: 'offset',
		pageSize: 100,
	}),
	operations: new Set([
		'chat.getMany',
		'userList.getMany',
		'chat.getMedia',
		'message.send',
		'message.sendPpv',
		'message.unsend',
		'message.getMany',
		'massMessage.create',
		'massMessage.get',
		'massMessage.update',
		'massMessage.delete',
		'massMessage.getSentStats',
		'massMessage.getChart',
		'massMessage.getBuyers',
		'media.upload',
		'vault.getManyMedia',
		'vault.getManyLists',
		'fan.getMany',
		'fan.get',
		'fan.setNote',
		'fan.setDisplayName',
		'fan.giveDiscount',
		'userList.create',
		'userList.rename',
		'userList.delete',
		'userList.getMembers',
		'userList.addFans',
		'userList.removeFans',
	]),
	// subscribers come 20 a page (the docs; the SDK allows more, OnlyFans does not)
	listFans: (filters) => ({
		path: '/v2/access/subscribers',
		qs: fansQuery(filters),
		style: 'offset',
		pageSize: 20,
	}),
	listNewestFans: (withRenewals) => ({
		path: '/v2/access/subscribers',
		qs: { type: 'latest', latestType: withRenewals ? 'total' : 'new' },
		style: 'offset',
		pageSize: 20,
	}),
	listNotifications: (type) => ({
		path: '/v2/access/self/notifications',
		qs: { type },
		style: 'offset',
		pageSize: 20,
	}),
	// GET /users/{userId} takes the numeric ID or the username
	getFan: (fan) => ({
		request: {
			method: 'GET',
			path: `/v2/access/users/${encodePathSegment('id' in fan ? fan.id : fan.username)}`,
		},
		fanIn: (answer) => (answer && answer.id !== undefined ? answer : undefined),
	}),
	setFanNote: (fanId, note) => ({
		method: 'PUT',
		path: `${subscriberPath(fanId)}/note`,
		body: { notice: notEmpty('Note', note) },
	}),
	setFanDisplayName: (fanId, displayName) => ({
		method: 'PUT',
		path: `${subscriberPath(fanId)}/custom-name`,
		body: { displayName: notEmpty('Display Name', displayName) },
	}),
	giveFanDiscount: (fanId, { percent, months }) => ({
		method: 'PUT',
		path: `${subscriberPath(fanId)}/discount`,
		body: { discount: percent, period: months },
	}),
	createUserList: (name) => ({ method: 'POST', path: '/v2/access/users/lists', body: { name } }),
	renameUserList: (listId, name) => ({
		method: 'PATCH',
		path: userListPath(listId),
		body: { name },
	}),
	deleteUserList: (listId) => ({ method: 'DELETE', path: userListPath(listId) }),
	// one fan per request: POST /users/lists/{listId}/users/{userId}
	addFansToUserList: (listId, fanIds) =>
		fanIds.map((fanId) => ({
			method: 'POST',
			path: `${userListPath(listId)}/users/${encodePathSegment(fanId)}`,
		})),
	removeFanFromUserList: (listId, fanId) => ({
		method: 'DELETE',
		path: `${userListPath(listId)}/users/${encodePathSegment(fanId)}`,
	}),
	sendMessage: (fanId, message): ProviderRequest => ({
		method: 'POST',
		path: `${chatPath(fanId)}/messages`,
		body: messageBody(message),
		fieldLabels: FIELD_LABELS,
	}),
	unsendMessage: (fanId, messageId) => ({
		method: 'DELETE',
		path: `${chatPath(fanId)}/messages/${encodePathSegment(messageId)}`,
	}),
	// chat messages page at most 10 at a time, newest first, by last_id
	listMessages: (fanId, search) => ({
		path: `${chatPath(fanId)}/messages`,
		qs: search ? { query: search } : {},
		style: 'cursor',
		pageSize: 10,
	}),
	listChats: (filters) => ({
		path: '/v2/access/chats',
		qs: chatsQuery(filters),
		style: 'offset',
		pageSize: 20,
	}),
	// chat media: 100 a page; the same vault media sent in two messages is listed once per message
	listChatMedia: (fanId, mediaType) => ({
		path: `${chatPath(fanId)}/media`,
		qs: mediaType && mediaType !== 'all' ? { type: mediaType } : {},
		style: 'offset',
		pageSize: 100,
		itemKey: (entry) => `${String(entry.messageId ?? '')}:${String(entry.id)}`,
	}),
	getMassMessage: (massMessageId) => ({ method: 'GET', path: massMessagePath(massMessageId) }),
	deleteMassMessage: (massMessageId) => ({
		method: 'DELETE',
		path: massMessagePath(massMessageId),
	}),
	listSentMassMessages: (range) => ({
		path: '/v2/access/analytics/mass-messages/sent',
		qs: { ...range },
		style: 'offset',
		pageSize: 20,
	}),
	massMessageChart: (range) => ({
		method: 'GET',
		path: '/v2/access/analytics/mass-messages/chart',
		qs: { ...range },
	}),
	listMassMessageBuyers: (massMessageId) => ({
		path: `/v2/access/analytics/mass-messages/${encodePathSegment(massMessageId)}/buyers`,
		style: 'marker',
		pageSize: 20,
	}),
	listVaultMedia: (filters) => ({
		path: '/v2/access/vault/media',
		qs: vaultQuery(filters),
		style: 'offset',
		pageSize: 40,
	}),
	listUserLists: (search = '') => ({
		path: '/v2/access/users/lists',
		qs: search ? { query: search } : {},
		style: 'offset',
		pageSize: 100,
	}),
	listUserListMembers: (listId) => ({
		path: `/v2/access/users/lists/${encodePathSegment(listId)}/users`,
		style: 'offset',
		pageSize: 100,
	}),
	// OFAuth documents no list of scheduled mass messages (only sent ones, in analytics)
	listVaultLists: (search) => ({
		path: '/v2/access/vault/lists',
		qs: search ? { query: search } : {},
		style: 'offset',
		pageSize: 100,
	}),
	createMassMessage: (massMessage) => ({
		method: 'POST',
		path: '/v2/access/mass-messages',
		body: massMessageBody(massMessage),
		fieldLabels: FIELD_LABELS,
	}),
	updateMassMessage: (massMessageId, massMessage) => ({
		method: 'PUT',
		path: massMessagePath(massMessageId),
		body: massMessageBody(massMessage),
		fieldLabels: FIELD_LABELS,
	}),
	checkDuplicateUpload: (sha256, size) => ({
		method: 'POST',
		path: '/v2/access/uploads/check',
		body: { etag: sha256, size },
	}),
	startUpload: (file) => ({
		method: 'POST',
		path: '/v2/access/uploads/init',
		body: { filename: file.fileName, size: file.size, contentType: file.contentType },
	}),
	completeUpload: (mediaUploadId) => ({
		method: 'POST',
		path: '/v2/access/uploads/complete',
		body: { mediaUploadId },
	}),
};
