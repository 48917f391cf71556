import type { MassMessage } from '../../nodes/shared/model/massMessage';
import type { Message } from '../../nodes/shared/model/message';
import { ofauth } from '../../nodes/OfAuth/ofAuthAdapter';
import { onlyfansapi } from '../../nodes/OnlyFansApi/onlyFansApiAdapter';
import type { ProviderAdapter } from '../../nodes/shared/service/adapter';
import { ProviderLimit } from '../../nodes/shared/service/adapter';

/**
 * The adapters are pure: a checked model in, the exact request out (method, path, query, body,
 * paging). Every operation of each service, side by side, as ../shared/api/ofauth.md and
 * onlyfansapi.md describe the two APIs; then what each refuses before anything is sent.
 */
const message = (fields: Partial<Message> = {}): Message => ({
	text: 'Hi **you**',
	media: [],
	previewCount: 0,
	lockedText: false,
	markdown: true,
	taggedUsers: [],
	releaseForms: { users: [], partners: [], guests: [] },
	forwarded: false,
	...fields,
});
const ppv = message({ media: [5000001, 5000002], price: 20, previewCount: 1, lockedText: true });
const mass = (fields: Partial<MassMessage> = {}): MassMessage => ({
	message: message(),
	audience: { fanIds: [100001, 100002], lists: [1001, 'fans'], excludedLists: [1002] },
	...fields,
});
const scheduled = mass({ scheduledAt: '2026-12-24T18:00:00.000Z' });
const chats = { order: 'old', show: 'who_tipped', search: 'anna', userListId: '' };
const vault = {
	mediaType: 'video',
	listId: '7',
	search: 'beach',
	sortBy: 'recent',
	sortDirection: 'asc',
};
const range = { startDate: '2026-12-01T00:00:00.000Z', endDate: '2026-12-07T00:00:00.000Z' };

/** A request without what is not the API's (the labels errors use, the random idempotency key). */
function wire(request: object): object {
	const copy = { ...request } as Record<string, unknown>;
	delete copy.fieldLabels;
	delete copy.idempotencyKey;
	for (const key of ['expand', 'itemKey']) if (typeof copy[key] === 'function') copy[key] = key;
	return copy;
}

type Row = [string, (adapter: ProviderAdapter) => object, object, object];
const rows: Row[] = [
	[
		'sendMessage (free)',
		(a) => a.sendMessage('100002', message()),
		{
			method: 'POST',
			path: '/v2/access/chats/100002/messages',
			body: { text: 'Hi **you**', isMarkdown: true },
		},
		{ method: 'POST', path: '/{account}/chats/100002/messages', body: { text: 'Hi **you**' } },
	],
	[
		'sendMessage (PPV: first media a preview, text locked)',
		(a) => a.sendMessage('100002', ppv),
		{
			method: 'POST',
			path: '/v2/access/chats/100002/messages',
			body: {
				text: 'Hi **you**',
				isMarkdown: true,
				mediaItems: [5000001, 5000002],
				price: 20,
				previewMediaCount: 1,
				isLockedText: true,
			},
		},
		{
			method: 'POST',
			path: '/{account}/chats/100002/messages',
			body: {
				text: 'Hi **you**',
				mediaFiles: ['5000001', '5000002'],
				price: 20,
				previews: ['5000001'],
				lockedText: true,
			},
		},
	],
	[
		'sendMessage (reply, tags, release forms)',
		(a) =>
			a.sendMessage(
				'7',
				message({
					replyTo: '991',
					taggedUsers: [42],
					releaseForms: { users: [], partners: [43], guests: [44] },
				}),
			),
		{
			method: 'POST',
			path: '/v2/access/chats/7/messages',
			body: {
				text: 'Hi **you**',
				isMarkdown: true,
				replyToMessageId: '991',
				userTags: [42],
				releaseForms: { partners: [43], guests: [44] },
			},
		},
		{
			method: 'POST',
			path: '/{account}/chats/7/messages',
			body: {
				text: 'Hi **you**',
				replyToMessageId: 991,
				rfTag: [42],
				rfPartner: [43],
				rfGuest: [44],
			},
		},
	],
	[
		'unsendMessage',
		(a) => a.unsendMessage('100002', '991'),
		{ method: 'DELETE', path: '/v2/access/chats/100002/messages/991' },
		{ method: 'DELETE', path: '/{account}/chats/100002/messages/991' },
	],
	[
		'listMessages',
		(a) => a.listMessages('100002', ''),
		{ path: '/v2/access/chats/100002/messages', qs: {}, style: 'cursor', pageSize: 10 },
		{ path: '/{account}/chats/100002/messages', style: 'cursor', pageSize: 10 },
	],
	[
		'listChats',
		(a) => a.listChats(chats),
		{
			path: '/v2/access/chats',
			qs: { order: 'old', filter: 'who_tipped', query: 'anna' },
			style: 'offset',
			pageSize: 20,
		},
		{
			path: '/{account}/chats',
			qs: { order: 'old', filter: 'with_tips', query: 'anna' },
			style: 'offset',
			pageSize: 20,
		},
	],
	[
		'listChatMedia',
		(a) => a.listChatMedia('100002', 'videos'),
		{
			path: '/v2/access/chats/100002/media',
			qs: { type: 'videos' },
			style: 'offset',
			pageSize: 100,
			itemKey: 'itemKey',
		},
		{
			path: '/{account}/chats/100002/media',
			qs: { type: 'videos' },
			style: 'offset',
			pageSize: 20,
			expand: 'expand',
			itemKey: 'itemKey',
		},
	],
	[
		'createMassMessage (scheduled)',
		(a) => a.createMassMessage(scheduled),
		{
			method: 'POST',
			path: '/v2/access/mass-messages',
			body: {
				text: 'Hi **you**',
				isMarkdown: true,
				userIds: [100001, 100002],
				userLists: [1001, 'fans'],
				excludeUserLists: [1002],
				scheduledDate: '2026-12-24T18:00:00.000Z',
			},
		},
		{
			method: 'POST',
			path: '/{account}/mass-messaging',
			body: {
				text: 'Hi **you**',
				userIds: ['100001', '100002'],
				userLists: ['1001', 'fans'],
				excludedLists: ['1002'],
				scheduledDate: '2026-12-24T18:00:00.000Z',
			},
		},
	],
	[
		'updateMassMessage',
		(a) =>
			a.updateMassMessage(
				'55',
				mass({ audience: { fanIds: [100001], lists: [], excludedLists: [] } }),
			),
		{
			method: 'PUT',
			path: '/v2/access/mass-messages/55',
			body: { text: 'Hi **you**', isMarkdown: true, userIds: [100001] },
		},
		{
			method: 'PUT',
			path: '/{account}/mass-messaging/55',
			body: { text: 'Hi **you**', userIds: ['100001'] },
		},
	],
	[
		'getMassMessage',
		(a) => a.getMassMessage('55'),
		{ method: 'GET', path: '/v2/access/mass-messages/55' },
		{ method: 'GET', path: '/{account}/mass-messaging/55' },
	],
	[
		'deleteMassMessage',
		(a) => a.deleteMassMessage('55'),
		{ method: 'DELETE', path: '/v2/access/mass-messages/55' },
		{ method: 'DELETE', path: '/{account}/mass-messaging/55' },
	],
	[
		'listSentMassMessages',
		(a) => a.listSentMassMessages(range),
		{ path: '/v2/access/analytics/mass-messages/sent', qs: range, style: 'offset', pageSize: 20 },
		{ path: '/{account}/mass-messaging/overview', qs: range, style: 'offset', pageSize: 10 },
	],
	[
		'listVaultMedia',
		(a) => a.listVaultMedia(vault),
		{
			path: '/v2/access/vault/media',
			qs: {
				mediaType: 'video',
				listId: '7',
				query: 'beach',
				sortBy: 'recent',
				sortDirection: 'asc',
			},
			style: 'offset',
			pageSize: 40,
		},
		{
			path: '/{account}/media/vault',
			qs: { type: 'video', list: '7', query: 'beach', field: 'recent', sort: 'asc' },
			style: 'offset',
			pageSize: 40,
			minPageSize: 10,
		},
	],
	[
		'listVaultLists',
		(a) => a.listVaultLists('trips'),
		{ path: '/v2/access/vault/lists', qs: { query: 'trips' }, style: 'offset', pageSize: 100 },
		{
			path: '/{account}/media/vault/lists',
			qs: { query: 'trips' },
			style: 'offset',
			pageSize: 100,
		},
	],
	[
		'listUserLists',
		(a) => a.listUserLists(),
		{ path: '/v2/access/users/lists', qs: {}, style: 'offset', pageSize: 100 },
		{ path: '/{account}/user-lists', style: 'offset', pageSize: 50, minPageSize: 10 },
	],
	[
		'listUserListMembers',
		(a) => a.listUserListMembers(1001),
		{ path: '/v2/access/users/lists/1001/users', style: 'offset', pageSize: 100 },
		{ path: '/{account}/user-lists/1001/users', style: 'offset', pageSize: 100 },
	],
	[
		'listFans (expired, spend filters, search, online)',
		(a) =>
			a.listFans({
				type: 'expired',
				search: 'anna',
				minTotalSpent: 50,
				minTips: 5,
				onlineOnly: true,
			}),
		{
			path: '/v2/access/subscribers',
			qs: {
				type: 'expired',
				query: 'anna',
				'filter[total_spent]': 50,
				'filter[tips]': 5,
				'filter[online]': 1,
			},
			style: 'offset',
			pageSize: 20,
		},
		{
			path: '/{account}/fans/expired',
			qs: { query: 'anna', 'filter[total_spent]': 50, 'filter[tips]': 5, 'filter[online]': 1 },
			style: 'offset',
			pageSize: 20,
		},
	],
	[
		'listFans (newest)',
		(a) => a.listFans({ type: 'latest', search: '', onlineOnly: false }),
		{
			path: '/v2/access/subscribers',
			qs: { type: 'latest', latestType: 'new' },
			style: 'offset',
			pageSize: 20,
		},
		{ path: '/{account}/fans/latest', qs: { type: 'new' }, style: 'offset', pageSize: 20 },
	],
	[
		'getFan (by username)',
		(a) => a.getFan({ username: 'anna.b' }).request,
		{ method: 'GET', path: '/v2/access/users/anna.b' },
		{ method: 'GET', path: '/{account}/users/anna.b' },
	],
	[
		'getFan (by ID)',
		(a) => a.getFan({ id: '100002' }).request,
		{ method: 'GET', path: '/v2/access/users/100002' },
		{ method: 'GET', path: '/{account}/users/list', qs: { ids: '100002' } },
	],
	[
		'setFanNote',
		(a) => a.setFanNote('100002', 'VIP'),
		{ method: 'PUT', path: '/v2/access/subscribers/100002/note', body: { notice: 'VIP' } },
		{ method: 'PUT', path: '/{account}/fans/100002/notes', body: { notes: 'VIP' } },
	],
	[
		'setFanDisplayName',
		(a) => a.setFanDisplayName('100002', 'Mike'),
		{
			method: 'PUT',
			path: '/v2/access/subscribers/100002/custom-name',
			body: { displayName: 'Mike' },
		},
		{ method: 'PUT', path: '/{account}/fans/100002/custom-name', body: { custom_name: 'Mike' } },
	],
	[
		'createUserList',
		(a) => a.createUserList('Whales'),
		{ method: 'POST', path: '/v2/access/users/lists', body: { name: 'Whales' } },
		{ method: 'POST', path: '/{account}/user-lists', body: { name: 'Whales' } },
	],
	[
		'renameUserList',
		(a) => a.renameUserList(1001, 'Whales'),
		{ method: 'PATCH', path: '/v2/access/users/lists/1001', body: { name: 'Whales' } },
		{ method: 'PUT', path: '/{account}/user-lists/1001', body: { name: 'Whales' } },
	],
	[
		'deleteUserList',
		(a) => a.deleteUserList(1001),
		{ method: 'DELETE', path: '/v2/access/users/lists/1001' },
		{ method: 'DELETE', path: '/{account}/user-lists/1001' },
	],
	[
		'addFansToUserList (one request per fan / ten fans a request)',
		(a) => ({ requests: a.addFansToUserList(1001, ['1', '2']) }),
		{
			requests: [
				{ method: 'POST', path: '/v2/access/users/lists/1001/users/1' },
				{ method: 'POST', path: '/v2/access/users/lists/1001/users/2' },
			],
		},
		{
			requests: [
				{ method: 'POST', path: '/{account}/user-lists/1001/users', body: { ids: ['1', '2'] } },
			],
		},
	],
	[
		'removeFanFromUserList',
		(a) => a.removeFanFromUserList(1001, '7'),
		{ method: 'DELETE', path: '/v2/access/users/lists/1001/users/7' },
		{ method: 'DELETE', path: '/{account}/user-lists/1001/users/7' },
	],
];

describe.each([
	['OFAuth', ofauth, 2],
	['OnlyFansAPI.com', onlyfansapi, 3],
] as const)('%s adapter: the exact request of each operation', (_label, adapter, column) => {
	it.each(rows)('%s', (_name, call, ...expected) => {
		expect(wire(call(adapter))).toEqual(expected[column - 2]);
	});
});

describe('what only one service has', () => {
	it('OFAuth: mass-message chart and buyers, a three-step upload', () => {
		expect(ofauth.massMessageChart(range)).toEqual({
			method: 'GET',
			path: '/v2/access/analytics/mass-messages/chart',
			qs: range,
		});
		expect(wire(ofauth.listMassMessageBuyers('55'))).toEqual({
			path: '/v2/access/analytics/mass-messages/55/buyers',
			style: 'marker',
			pageSize: 20,
		});
		expect(ofauth.startUpload({ fileName: 'a.mp4', size: 10, contentType: 'video/mp4' })).toEqual({
			method: 'POST',
			path: '/v2/access/uploads/init',
			body: { filename: 'a.mp4', size: 10, contentType: 'video/mp4' },
		});
		expect(ofauth.completeUpload('upload:1')).toEqual({
			method: 'POST',
			path: '/v2/access/uploads/complete',
			body: { mediaUploadId: 'upload:1' },
		});
		expect(ofauth.checkDuplicateUpload('abc', 10)).toEqual({
			method: 'POST',
			path: '/v2/access/uploads/check',
			body: { etag: 'abc', size: 10 },
		});
		expect(ofauth.oneRequestUpload).toBeUndefined();
		expect(ofauth.listQueuedMassMessages).toBeUndefined();
	});

	it('OnlyFansAPI.com: one multipart upload, its queue, and an Idempotency-Key per send', () => {
		expect(onlyfansapi.oneRequestUpload).toEqual({
			label: 'OnlyFansAPI.com',
			path: '/{account}/media/upload',
			maxBytes: 100_000_000,
		});
		expect(wire(onlyfansapi.listQueuedMassMessages!())).toEqual({
			path: '/{account}/mass-messaging',
			style: 'offset',
			pageSize: 100,
		});
		const first = onlyfansapi.sendMessage('1', message()).idempotencyKey;
		const second = onlyfansapi.sendMessage('1', message()).idempotencyKey;
		expect(first).toMatch(/^[0-9a-f-]{36}$/);
		expect(second).not.toBe(first);
		expect(ofauth.sendMessage('1', message()).idempotencyKey).toBeUndefined();
	});
});

const refusedBy = (call: () => unknown): { field: string; problem: string } | undefined => {
	try {
		call();
	} catch (error) {
		if (error instanceof ProviderLimit) return { field: error.field, problem: error.problem };
		return { field: '(not a ProviderLimit)', problem: String(error) };
	}
	return undefined;
};

describe('refused before anything is sent, naming the field', () => {
	it.each<[string, () => unknown, string, RegExp]>([
		[
			'OFAuth: an OnlyFansAPI.com upload ID',
			() => ofauth.sendMessage('1', message({ media: ['ofapi_media_x'] })),
			'Media',
			/is not a media ID of OFAuth/,
		],
		[
			'OnlyFansAPI.com: a media URL',
			() => onlyfansapi.sendMessage('1', message({ media: ['https://x.test/a.jpg'] })),
			'Media',
			/takes no media URLs/,
		],
		[
			'OnlyFansAPI.com: an OFAuth upload reference',
			() => onlyfansapi.sendMessage('1', message({ media: ['upload:1'] })),
			'Media',
			/is not a media ID of OnlyFansAPI.com/,
		],
		[
			'OnlyFansAPI.com: no text',
			() => onlyfansapi.sendMessage('1', message({ text: ' ', media: [5] })),
			'Text',
			/needs text with every message/,
		],
		[
			'OnlyFansAPI.com: cents',
			() => onlyfansapi.sendMessage('1', message({ media: [5], price: 9.99 })),
			'Price (USD)',
			/whole dollars/,
		],
		[
			'OnlyFansAPI.com: a reply ID that is not digits',
			() => onlyfansapi.sendMessage('1', message({ replyTo: 'abc' })),
			'Reply to Message ID',
			/digits/,
		],
		[
			'OnlyFansAPI.com: Markdown off',
			() => onlyfansapi.sendMessage('1', message({ markdown: false })),
			'Markdown',
			/no OnlyFansAPI\.com equivalent/,
		],
		[
			'OnlyFansAPI.com: Search in messages',
			() => onlyfansapi.listMessages('1', 'hi'),
			'Search',
			/no OnlyFansAPI\.com equivalent/,
		],
		[
			'OnlyFansAPI.com: a user list filter on chats',
			() => onlyfansapi.listChats({ ...chats, userListId: '3' }),
			'User List',
			/no OnlyFansAPI\.com equivalent/,
		],
		[
			'OnlyFansAPI.com: Subscribed After',
			() =>
				onlyfansapi.createMassMessage(
					mass({
						audience: {
							fanIds: [1],
							lists: [],
							excludedLists: [],
							subscribedAfter: '2026-01-01T00:00:00.000Z',
						},
					}),
				),
			'Subscribed After',
			/no OnlyFansAPI\.com equivalent/,
		],
		[
			'OFAuth: Top Spenders',
			() => ofauth.listFans({ type: 'top', search: '', onlineOnly: false }),
			'Type',
			/not offered by OFAuth/,
		],
		[
			'OFAuth: an empty note (no documented way to clear it)',
			() => ofauth.setFanNote('1', ''),
			'Note',
			/no way to clear/,
		],
		[
			'OnlyFansAPI.com: filters with Top Spenders',
			() => onlyfansapi.listFans({ type: 'top', search: '', minTotalSpent: 5, onlineOnly: false }),
			'Filters',
			/cannot be combined/,
		],
		[
			'OnlyFansAPI.com: a list name over 64 characters',
			() => onlyfansapi.createUserList('x'.repeat(65)),
			'Name',
			/at most 64/,
		],
		[
			'OnlyFansAPI.com: excluded lists in an update',
			() => onlyfansapi.updateMassMessage('5', mass()),
			'Exclude User List Names or IDs',
			/no OnlyFansAPI\.com equivalent/,
		],
	])('%s', (_name, call, field, problem) => {
		const refusal = refusedBy(call);
		expect(refusal?.field).toBe(field);
		expect(refusal?.problem).toMatch(problem);
	});

	it('OnlyFansAPI.com: chart with Y-m-d H:i:s dates, buyers 10 a page by marker', () => {
		expect(onlyfansapi.massMessageChart(range)).toEqual({
			method: 'GET',
			path: '/{account}/engagement/messages/mass-messages/chart',
			qs: { withTotal: 1, startDate: '2026-12-01 00:00:00', endDate: '2026-12-07 00:00:00' },
		});
		expect(wire(onlyfansapi.listMassMessageBuyers('55'))).toEqual({
			path: '/{account}/engagement/messages/55/buyers',
			style: 'marker',
			pageSize: 10,
		});
	});

	it('OnlyFansAPI.com: top spenders in one answer; chat actions and likes; an empty note is a DELETE', () => {
		expect(onlyfansapi.listFans({ type: 'top', search: '', onlineOnly: false })).toEqual({
			path: '/{account}/fans/top',
			qs: { by: 'total' },
			style: 'offset',
			pageSize: 20,
			onePage: true,
		});
		expect(
			(['markAsRead', 'markAsUnread', 'showTyping', 'hide'] as const).map(
				(action) => onlyfansapi.chatAction!('7', action).path,
			),
		).toEqual([
			'/{account}/chats/7/mark-as-read',
			'/{account}/chats/7/mark-as-unread',
			'/{account}/chats/7/typing',
			'/{account}/chats/7/hide',
		]);
		expect(onlyfansapi.likeMessage!('7', '9')).toEqual({
			method: 'POST',
			path: '/{account}/chats/7/messages/9/like',
		});
		expect(onlyfansapi.setFanNote('7', '')).toEqual({
			method: 'DELETE',
			path: '/{account}/fans/7/notes',
		});
		const many = onlyfansapi.addFansToUserList(
			1001,
			Array.from({ length: 23 }, (_, index) => String(index + 1)),
		);
		expect(many.map((request) => (request.body?.ids as string[]).length)).toEqual([10, 10, 3]);
	});

	it('OFAuth: a discount of percent and months; no chat actions', () => {
		expect(ofauth.giveFanDiscount!('7', { percent: 25, months: 2 })).toEqual({
			method: 'PUT',
			path: '/v2/access/subscribers/7/discount',
			body: { discount: 25, period: 2 },
		});
		expect(ofauth.chatAction).toBeUndefined();
		expect(ofauth.likeMessage).toBeUndefined();
		expect(onlyfansapi.giveFanDiscount).toBeUndefined();
	});
});
