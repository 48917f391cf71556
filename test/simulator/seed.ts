/**
 * Deterministic seed data. Same options -> same ids, names, counts and texts
 * (mulberry32 PRNG; timestamps relative to a fixed seedTime, not the wall clock).
 *
 * Id ranges (stable, tests may rely on them):
 *   creator 9000001; fans 100001..100000+fans; vault media 5000001..;
 *   vault lists 71001..; custom user lists 1001 (VIP), 1002 (Whales), 1003, 1004;
 *   seeded messages 1..N (ascending with time); mass messages 8001..;
 *   notifications 7000001..; release forms 61..
 */
import type {
	Chat,
	Connection,
	Fan,
	MassMessage,
	Media,
	Message,
	Notification,
	ReleaseForm,
	ResolvedOptions,
	SimulatorState,
	UserList,
	UserRef,
	VaultList,
} from './types';

export const CREATOR_ID = 9000001;
export const FIRST_FAN_ID = 100001;
export const FIRST_VAULT_MEDIA_ID = 5000001;
export const VIP_LIST_ID = 1001;
export const WHALES_LIST_ID = 1002;
export const ACTIVE_CONNECTION_ID = 'conn_sim_active';
export const SECOND_CONNECTION_ID = 'conn_sim_second';
export const EXPIRED_CONNECTION_ID = 'conn_sim_expired';
export const AWAITING_2FA_CONNECTION_ID = 'conn_sim_2fa';
export const DEFAULT_SEED_TIME = Date.UTC(2025, 5, 1, 12, 0, 0);

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

class Rng {
	private next: () => number;
	constructor(seed: number) {
		this.next = mulberry32(seed);
	}
	float(): number {
		return this.next();
	}
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	pick<T>(arr: readonly T[]): T {
		return arr[Math.floor(this.next() * arr.length)];
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	sample<T>(arr: readonly T[], n: number): T[] {
		const copy = arr.slice();
		const out: T[] = [];
		while (out.length < n && copy.length)
			out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
		return out;
	}
}

const FIRST = [
	'Alex',
	'Jordan',
	'Chris',
	'Sam',
	'Taylor',
	'Morgan',
	'Jamie',
	'Casey',
	'Riley',
	'Drew',
	'Mike',
	'Dave',
	'John',
	'Luke',
	'Mark',
	'Paul',
	'Tom',
	'Ben',
	'Nick',
	'Matt',
	'Ryan',
	'Kevin',
	'Jason',
	'Eric',
	'Adam',
	'Brian',
	'Sean',
	'Tony',
	'Leo',
	'Max',
	'Oscar',
	'Hugo',
	'Ivan',
	'Felix',
	'Omar',
	'Raj',
	'Kenji',
	'Lars',
	'Marco',
	'Pedro',
];
const LAST = [
	'Smith',
	'Johnson',
	'Brown',
	'Miller',
	'Davis',
	'Garcia',
	'Wilson',
	'Moore',
	'Clark',
	'Lewis',
	'Walker',
	'Hall',
	'Young',
	'King',
	'Wright',
	'Lopez',
	'Hill',
	'Scott',
	'Green',
	'Adams',
	'Baker',
	'Nelson',
	'Carter',
	'Turner',
	'Parker',
	'Evans',
	'Collins',
	'Stewart',
	'Morris',
	'Rogers',
];
const FAN_LINES = [
	'hey beautiful',
	'how was your day?',
	'loved the last post',
	'any new content soon?',
	'you look amazing',
	'good morning!',
	'can I get a custom?',
	'what are you up to tonight?',
	'thanks for the pics',
	'just renewed 😊',
	'miss you',
	'haha that is so funny',
	'when is the next live?',
	'sent you a tip',
	'that video was 🔥',
];
const CREATOR_LINES = [
	'hey babe, thanks for subscribing 💕',
	'glad you liked it!',
	'new set dropping tomorrow 😘',
	'just for you 🔥',
	'sure, tell me what you want',
	'good morning handsome',
	'check your messages 😉',
	'thank you so much for the tip!',
	'working on something special',
	'what should I post next?',
];
const MASS_TEXTS = [
	'New set just dropped 🔥',
	'Weekend special for my fans',
	'Thank you for 10k likes!',
	'Exclusive video inside 💋',
	'Happy Friday!',
	'Behind the scenes 🎬',
	'Flash sale: 50% off',
	'Going live tonight at 9',
	'New audio message 🎧',
	'Holiday surprise 🎁',
];

const iso = (ms: number): string => new Date(ms).toISOString();
const DAY = 86_400_000;

export function mediaFiles(id: number, type: Media['type'], size: number): Media['files'] {
	const ext = type === 'photo' ? 'jpg' : type === 'gif' ? 'gif' : type === 'audio' ? 'mp3' : 'mp4';
	const base = `https://cdn.sim.ofauth.local/media/${id}`;
	const w = type === 'audio' ? 0 : 1920;
	const h = type === 'audio' ? 0 : 1080;
	return {
		full: {
			url: `${base}/full.${ext}`,
			width: w,
			height: h,
			size,
			sources: [{ url: `${base}/full.${ext}`, width: w, height: h, type: 'original' }],
		},
		thumb: { url: `${base}/thumb.jpg`, width: 300, height: 300, size: 20_000 },
		preview: {
			url: `${base}/preview.jpg`,
			width: 960,
			height: 540,
			size: 90_000,
			options: [{ url: `${base}/preview.jpg`, width: 960, height: 540, type: 'preview' }],
		},
		squarePreview: { url: `${base}/square.jpg`, width: 480, height: 480, size: 40_000 },
	};
}

export function makeMedia(
	id: number,
	type: Media['type'],
	createdAt: string,
	extra: Partial<Media> = {},
): Media {
	const size = extra.size ?? 1_000_000;
	return {
		id,
		type,
		isReady: true,
		canView: true,
		hasError: false,
		convertedToVideo: false,
		createdAt,
		...(type === 'video' || type === 'audio' ? { duration: 30 } : {}),
		filename: `media_${id}`,
		size,
		hasCustomPreview: false,
		releaseForms: [],
		videoSources:
			type === 'video'
				? {
						'240': `https://cdn.sim.ofauth.local/media/${id}/240.mp4`,
						'720': `https://cdn.sim.ofauth.local/media/${id}/720.mp4`,
					}
				: { '240': null, '720': null },
		files: mediaFiles(id, type, size),
		listStates: [],
		source: 'seed',
		polls: 0,
		readyAfterPolls: 0,
		...extra,
	};
}

export function userRef(u: UserRef): UserRef {
	return { id: u.id, name: u.name, username: u.username, avatar: u.avatar };
}

export function buildState(opts: ResolvedOptions): SimulatorState {
	const rng = new Rng(opts.seed);
	const now = opts.seedTime;
	const creator: UserRef = {
		id: CREATOR_ID,
		name: 'Sim Creator',
		username: 'simcreator',
		avatar: 'https://cdn.sim.ofauth.local/avatars/9000001.jpg',
	};

	// ---- fans / subscribers
	const fans: Fan[] = [];
	const usedUsernames = new Set<string>();
	for (let i = 0; i < opts.fans; i++) {
		const id = FIRST_FAN_ID + i;
		const first = rng.pick(FIRST);
		const last = rng.pick(LAST);
		let username = `${first}${last}`.toLowerCase();
		if (usedUsernames.has(username)) username = `${username}${id % 1000}`;
		usedUsernames.add(username);
		// the first 12 fans are the "latest" subscribers: joined within the last 3 days
		const isLatest = i < 12;
		const subscribedAtMs = isLatest
			? now - rng.int(1, 72) * 3_600_000
			: now - rng.int(4, 720) * DAY;
		const renewCount = isLatest ? (i % 3 === 0 ? 1 : 0) : rng.int(0, 12);
		const lastSubscribedAtMs = isLatest
			? subscribedAtMs
			: Math.max(subscribedAtMs, now - rng.int(1, 60) * DAY);
		const active = isLatest || rng.chance(0.8);
		const expiresAtMs = active
			? lastSubscribedAtMs + 30 * DAY + (isLatest ? 0 : DAY * 30)
			: now - rng.int(1, 90) * DAY;
		const tips = rng.chance(0.3) ? rng.int(5, 500) : 0;
		const msgs = rng.chance(0.4) ? rng.int(5, 800) : 0;
		const subs = (renewCount + 1) * 9.99;
		fans.push({
			id,
			name: `${first} ${last}`,
			username,
			avatar: `https://cdn.sim.ofauth.local/avatars/${id}.jpg`,
			subscription: {
				status: active ? 'active' : 'expired',
				subscribedAt: iso(subscribedAtMs),
				lastSubscribedAt: iso(lastSubscribedAtMs),
				expiresAt: iso(expiresAtMs),
				autoRenew: active && rng.chance(0.6),
				price: 9.99,
				renewCount,
				isTrial: rng.chance(0.05),
			},
			spending: {
				total: Math.round((tips + msgs + subs) * 100) / 100,
				tips,
				messages: msgs,
				subscriptions: Math.round(subs * 100) / 100,
			},
			lastSeen: iso(now - rng.int(0, 30 * 24) * 3_600_000),
		});
	}

	// ---- vault media and lists
	const vaultListNames = ['Photos 2025', 'Videos', 'PPV Bundles', 'Audio notes', 'Customs'];
	const vaultLists: VaultList[] = vaultListNames.map((name, i) => ({
		id: 71001 + i,
		type: 'custom',
		name,
		mediaIds: [],
		canUpdate: true,
		canDelete: true,
	}));
	const vaultMedia: Media[] = [];
	for (let i = 0; i < opts.vaultMedia; i++) {
		const id = FIRST_VAULT_MEDIA_ID + i;
		const r = rng.float();
		const type: Media['type'] = r < 0.6 ? 'photo' : r < 0.85 ? 'video' : r < 0.93 ? 'audio' : 'gif';
		const createdAt = iso(now - (opts.vaultMedia - i) * 0.5 * DAY);
		const ext =
			type === 'photo' ? 'jpg' : type === 'gif' ? 'gif' : type === 'audio' ? 'mp3' : 'mp4';
		const m = makeMedia(id, type, createdAt, {
			filename: `${type === 'photo' ? 'IMG' : type === 'video' ? 'VID' : type === 'audio' ? 'AUD' : 'GIF'}_${String(i + 1).padStart(4, '0')}.${ext}`,
			size:
				type === 'photo'
					? rng.int(200_000, 4_000_000)
					: type === 'video'
						? rng.int(5_000_000, 300_000_000)
						: rng.int(100_000, 5_000_000),
			...(type === 'video'
				? { duration: rng.int(10, 900) }
				: type === 'audio'
					? { duration: rng.int(5, 120) }
					: {}),
		});
		// list membership: by type, plus a random PPV/custom tag
		const lists: VaultList[] = [];
		if (type === 'photo' || type === 'gif') lists.push(vaultLists[0]);
		if (type === 'video') lists.push(vaultLists[1]);
		if (type === 'audio') lists.push(vaultLists[3]);
		if (rng.chance(0.2)) lists.push(vaultLists[2]);
		if (rng.chance(0.1)) lists.push(vaultLists[4]);
		for (const l of lists) {
			l.mediaIds.push(id);
			m.listStates.push({ id: l.id, name: l.name, type: l.type, hasMedia: true });
		}
		vaultMedia.push(m);
	}

	// ---- chats with messages (ids ascending with time)
	type Draft = {
		fanId: number;
		at: number;
		fromFan: boolean;
		text: string;
		mediaIds: number[];
		price: number;
		tip: number;
	};
	const drafts: Draft[] = [];
	const chatMeta = new Map<number, { isPriority: boolean }>();
	for (const fan of fans) {
		const n = rng.int(0, 30);
		let at = Date.parse(fan.subscription.subscribedAt);
		const span = Math.max(now - at, DAY);
		for (let k = 0; k < n; k++) {
			at = Math.min(
				now - 60_000,
				at + rng.int(1, Math.max(2, Math.floor(span / (n + 1) / 60_000))) * 60_000,
			);
			const fromFan = rng.chance(0.55);
			const withMedia = !fromFan && vaultMedia.length > 0 && rng.chance(0.25);
			const mediaIds = withMedia ? rng.sample(vaultMedia, rng.int(1, 3)).map((m) => m.id) : [];
			const price = withMedia && rng.chance(0.5) ? rng.pick([5, 9.99, 14.99, 25]) : 0;
			const tip = fromFan && rng.chance(0.05) ? rng.pick([5, 10, 20, 50]) : 0;
			drafts.push({
				fanId: fan.id,
				at,
				fromFan,
				text: tip ? `Tipped $${tip}` : rng.pick(fromFan ? FAN_LINES : CREATOR_LINES),
				mediaIds,
				price,
				tip,
			});
		}
		chatMeta.set(fan.id, { isPriority: rng.chance(0.1) });
	}
	drafts.sort((a, b) => a.at - b.at || a.fanId - b.fanId);
	const mediaById = new Map(vaultMedia.map((m) => [m.id, m]));
	const chats: Chat[] = fans.map((f) => ({
		withUserId: f.id,
		messages: [],
		unreadMessagesCount: 0,
		isPriority: chatMeta.get(f.id)!.isPriority,
		canSendMessage: true,
		isMutedNotifications: false,
	}));
	const chatByFan = new Map(chats.map((c) => [c.withUserId, c]));
	let messageId = 1;
	for (const d of drafts) {
		const media = d.mediaIds.map((id) => mediaById.get(id)!);
		const msg: Message = {
			id: messageId++,
			text: d.text,
			fromUser: { id: d.fromFan ? d.fanId : CREATOR_ID },
			media,
			previews: [],
			price: d.price,
			isFree: d.price === 0,
			lockedText: false,
			mediaCount: media.length,
			isMediaReady: true,
			queueId: null,
			cancelSeconds: 0,
			createdAt: iso(d.at),
			isTip: d.tip > 0,
			tipAmount: d.tip,
			isOpened: true,
			isNew: false,
			isMarkdown: true,
			replyToMessageId: null,
			isForwardedMessage: false,
			userTags: [],
			releaseForms: { users: [], partners: [], guests: [] },
		};
		chatByFan.get(d.fanId)!.messages.push(msg);
	}
	for (const c of chats) {
		// unread = trailing messages from the fan, for about a third of the chats
		let trailing = 0;
		for (let k = c.messages.length - 1; k >= 0 && c.messages[k].fromUser.id !== CREATOR_ID; k--)
			trailing++;
		if (trailing > 0 && rng.chance(0.6)) {
			c.unreadMessagesCount = trailing;
			for (let k = c.messages.length - trailing; k < c.messages.length; k++) {
				c.messages[k].isNew = true;
				c.messages[k].isOpened = false;
			}
		}
	}

	// ---- user lists
	const ids = fans.map((f) => f.id);
	const active = fans.filter((f) => f.subscription.status === 'active');
	const bySpend = fans.slice().sort((a, b) => b.spending.total - a.spending.total || a.id - b.id);
	const builtIn = (type: string, name: string, userIds: number[]): UserList => ({
		id: type,
		type,
		name,
		userIds,
		canUpdate: false,
		canDelete: false,
		isBuiltIn: true,
	});
	const custom = (id: number, name: string, userIds: number[]): UserList => ({
		id,
		type: 'custom',
		name,
		userIds,
		canUpdate: true,
		canDelete: true,
		isBuiltIn: false,
	});
	const userLists: UserList[] = [
		builtIn(
			'fans',
			'Fans',
			active.map((f) => f.id),
		),
		builtIn(
			'following',
			'Following',
			rng.sample(ids, Math.floor(ids.length / 10)).sort((a, b) => a - b),
		),
		builtIn(
			'rebill_on',
			'Renew On',
			active.filter((f) => f.subscription.autoRenew).map((f) => f.id),
		),
		builtIn(
			'rebill_off',
			'Renew Off',
			active.filter((f) => !f.subscription.autoRenew).map((f) => f.id),
		),
		builtIn(
			'recent',
			'Recent',
			fans
				.filter((f) => Date.parse(f.subscription.lastSubscribedAt) >= now - 7 * DAY)
				.map((f) => f.id),
		),
		builtIn(
			'tagged',
			'Tagged',
			rng.sample(ids, Math.min(5, ids.length)).sort((a, b) => a - b),
		),
		builtIn(
			'bookmarks',
			'Bookmarks',
			rng.sample(ids, Math.min(8, ids.length)).sort((a, b) => a - b),
		),
		builtIn('friends', 'Friends', []),
		builtIn('muted', 'Muted', []),
		builtIn('blocked', 'Blocked', []),
		custom(
			VIP_LIST_ID,
			'VIP',
			bySpend
				.slice(0, Math.min(25, bySpend.length))
				.map((f) => f.id)
				.sort((a, b) => a - b),
		),
		custom(
			WHALES_LIST_ID,
			'Whales',
			bySpend
				.slice(0, Math.min(5, bySpend.length))
				.map((f) => f.id)
				.sort((a, b) => a - b),
		),
		custom(
			1003,
			'New this week',
			fans.slice(0, Math.min(12, fans.length)).map((f) => f.id),
		),
		custom(
			1004,
			'Tippers',
			fans.filter((f) => f.spending.tips > 0).map((f) => f.id),
		),
	];

	// ---- mass message history (sent before seedTime)
	const massMessages: MassMessage[] = [];
	for (let i = 0; i < 25; i++) {
		const at = now - (25 - i) * 3 * DAY - rng.int(0, 12) * 3_600_000;
		const media = vaultMedia.length && rng.chance(0.7) ? rng.sample(vaultMedia, rng.int(1, 3)) : [];
		const price = media.length && rng.chance(0.5) ? rng.pick([5, 9.99, 15, 20]) : 0;
		const recipients = rng.chance(0.5)
			? userLists[0].userIds.slice()
			: userLists[10].userIds.slice();
		const buyersN = price > 0 ? Math.min(recipients.length, rng.int(3, 40)) : 0;
		const buyers = rng
			.sample(recipients, buyersN)
			.map((userId, k) => ({ userId, purchasedAt: iso(at + (k + 1) * 600_000), amount: price }));
		massMessages.push({
			id: 8001 + i,
			date: iso(at),
			scheduledDate: null,
			isReady: true,
			isDone: true,
			total: recipients.length,
			pending: 0,
			canUnsend: false,
			hasError: false,
			isCanceled: false,
			text: rng.pick(MASS_TEXTS),
			price,
			isFree: price === 0,
			lockedText: false,
			mediaCount: media.length,
			media,
			previews: [],
			recipientIds: recipients,
			userIds: [],
			userLists: [recipients.length === userLists[0].userIds.length ? 'fans' : VIP_LIST_ID],
			excludeUserLists: [],
			subscribedAfterDate: null,
			viewedCount: Math.floor(recipients.length * (0.3 + rng.float() * 0.5)),
			purchasedCount: buyers.length,
			buyers,
			source: 'seed',
		});
	}

	// ---- notifications (newest first)
	const notifications: Notification[] = [];
	const nTypes: Notification['type'][] = ['subscribed', 'purchases', 'tip', 'message'];
	for (let i = 0; i < 80; i++) {
		const type = nTypes[i % 4 === 0 ? 0 : rng.int(0, 3)];
		const fan = rng.pick(fans);
		const amount =
			type === 'tip'
				? rng.pick([5, 10, 20, 50])
				: type === 'purchases'
					? rng.pick([5, 9.99, 15])
					: undefined;
		const text =
			type === 'subscribed'
				? `${fan.name} subscribed to your profile`
				: type === 'tip'
					? `${fan.name} sent you a $${amount} tip`
					: type === 'purchases'
						? `${fan.name} purchased your message for $${amount}`
						: `${fan.name} sent you a message`;
		notifications.push({
			id: 7000080 - i,
			type,
			createdAt: iso(now - i * 2 * 3_600_000 - rng.int(0, 3_000_000)),
			isRead: i > 10,
			text,
			user: userRef(fan),
			...(amount !== undefined ? { amount } : {}),
		});
	}

	// ---- release forms
	const releaseForms: ReleaseForm[] = [
		{
			id: 61,
			name: 'Jane Partner',
			type: 'partner',
			partnerSource: 'onlyfans',
			status: 'approved',
			createdAt: iso(now - 200 * DAY),
			user: {
				id: 9100001,
				name: 'Jane Partner',
				username: 'janepartner',
				avatar: 'https://cdn.sim.ofauth.local/avatars/9100001.jpg',
				isVerified: true,
			},
		},
		{
			id: 62,
			name: 'Kim Collab',
			type: 'partner',
			partnerSource: 'onlyfans',
			status: 'approved',
			createdAt: iso(now - 120 * DAY),
			user: {
				id: 9100002,
				name: 'Kim Collab',
				username: 'kimcollab',
				avatar: 'https://cdn.sim.ofauth.local/avatars/9100002.jpg',
				isVerified: true,
			},
		},
		{
			id: 63,
			name: 'Guest Model',
			type: 'guest',
			partnerSource: 'guest',
			status: 'approved',
			createdAt: iso(now - 90 * DAY),
			user: null,
		},
		{
			id: 64,
			name: 'Photographer Lee',
			type: 'user',
			partnerSource: 'onlyfans',
			status: 'approved',
			createdAt: iso(now - 40 * DAY),
			user: {
				id: 9100004,
				name: 'Photographer Lee',
				username: 'leeshoots',
				avatar: 'https://cdn.sim.ofauth.local/avatars/9100004.jpg',
				isVerified: false,
			},
		},
		{
			id: 65,
			name: 'Pending Guest',
			type: 'guest',
			partnerSource: 'guest',
			status: 'pending',
			createdAt: iso(now - 2 * DAY),
			user: null,
		},
	];

	// ---- account and connections
	const connections: Connection[] = [
		{
			id: ACTIVE_CONNECTION_ID,
			status: 'active',
			userData: creator,
			permissions: opts.permissions.slice(),
			createdAt: iso(now - 300 * DAY),
			updatedAt: iso(now - DAY),
			expiredAt: null,
		},
		{
			id: SECOND_CONNECTION_ID,
			status: 'active',
			userData: {
				id: 9000002,
				name: 'Second Creator',
				username: 'secondcreator',
				avatar: 'https://cdn.sim.ofauth.local/avatars/9000002.jpg',
			},
			permissions: opts.permissions.slice(),
			createdAt: iso(now - 100 * DAY),
			updatedAt: iso(now - 2 * DAY),
			expiredAt: null,
		},
		{
			id: EXPIRED_CONNECTION_ID,
			status: 'expired',
			userData: {
				id: 9000003,
				name: 'Expired Creator',
				username: 'expiredcreator',
				avatar: 'https://cdn.sim.ofauth.local/avatars/9000003.jpg',
			},
			permissions: opts.permissions.slice(),
			createdAt: iso(now - 400 * DAY),
			updatedAt: iso(now - 10 * DAY),
			expiredAt: iso(now - 10 * DAY),
		},
		{
			id: AWAITING_2FA_CONNECTION_ID,
			status: 'awaiting_2fa',
			userData: {
				id: 9000004,
				name: 'Pending Creator',
				username: 'pendingcreator',
				avatar: 'https://cdn.sim.ofauth.local/avatars/9000004.jpg',
			},
			permissions: opts.permissions.slice(),
			createdAt: iso(now - 1 * DAY),
			updatedAt: iso(now - 1 * DAY),
			expiredAt: null,
		},
	];

	return {
		creator,
		account: {
			id: 'acct_sim_0001',
			name: 'Simulator Agency',
			permissions: opts.permissions.slice(),
		},
		connections,
		fans,
		chats,
		vaultMedia,
		vaultLists,
		userLists,
		massMessages,
		uploads: [],
		notifications,
		releaseForms,
		nextIds: {
			message: messageId + 1000,
			media: FIRST_VAULT_MEDIA_ID + 100_000,
			massMessage: 9001,
			notification: 7100001,
			queue: 300001,
			userList: 1101,
		},
		seedTime: iso(now),
	};
}
