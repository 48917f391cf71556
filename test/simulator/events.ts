/**
 * Things that happen on the OnlyFans side between polls: a fan writes, a new
 * subscriber arrives, a notification appears. Used by trigger tests and the demo
 * (sim.simulate.* or POST /__sim/events).
 */
import { badRequest, type SimCore } from './core';
import { FIRST_FAN_ID, userRef } from './seed';
import type { Fan, Message, Notification } from './types';

export function incomingMessage(
	core: SimCore,
	userId: number,
	text: string,
	opts: { tip?: number } = {},
): Message {
	const fan = core.fan(userId);
	const chat = fan && core.chat(fan.id);
	if (!fan || !chat) throw badRequest(`Unknown fan ${userId}`);
	const tip = opts.tip ?? 0;
	const msg: Message = {
		id: core.state.nextIds.message++,
		text,
		fromUser: { id: fan.id },
		media: [],
		previews: [],
		price: 0,
		isFree: true,
		lockedText: false,
		mediaCount: 0,
		isMediaReady: true,
		queueId: null,
		cancelSeconds: 0,
		createdAt: core.nowIso(),
		isTip: tip > 0,
		tipAmount: tip,
		isOpened: false,
		isNew: true,
		isMarkdown: false,
		replyToMessageId: null,
		isForwardedMessage: false,
		userTags: [],
		releaseForms: { users: [], partners: [], guests: [] },
	};
	chat.messages.push(msg);
	chat.unreadMessagesCount++;
	if (tip > 0) fan.spending.tips += tip;
	addNotification(
		core,
		tip > 0 ? 'tip' : 'message',
		fan.id,
		tip > 0 ? `${fan.name} sent you a $${tip} tip` : `${fan.name} sent you a message`,
		tip || undefined,
	);
	return msg;
}

export function addNotification(
	core: SimCore,
	type: Notification['type'],
	userId: number,
	text?: string,
	amount?: number,
): Notification {
	const fan = core.fan(userId);
	if (!fan) throw badRequest(`Unknown fan ${userId}`);
	const n: Notification = {
		id: core.state.nextIds.notification++,
		type,
		createdAt: core.nowIso(),
		isRead: false,
		text: text ?? `${fan.name}: ${type}`,
		user: userRef(fan),
		...(amount !== undefined ? { amount } : {}),
	};
	core.state.notifications.unshift(n);
	return n;
}

/** a brand-new fan subscribes now: new fan, empty chat, 'fans'/'recent' list membership, a notification */
export function newSubscriber(core: SimCore, name = 'New Fan'): Fan {
	const id = Math.max(FIRST_FAN_ID - 1, ...core.state.fans.map((f) => f.id)) + 1;
	const now = core.nowIso();
	const fan: Fan = {
		id,
		name,
		username: `${name.replace(/\W+/g, '').toLowerCase() || 'fan'}${id}`,
		avatar: `https://cdn.sim.ofauth.local/avatars/${id}.jpg`,
		subscription: {
			status: 'active',
			subscribedAt: now,
			lastSubscribedAt: now,
			expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
			autoRenew: true,
			price: 9.99,
			renewCount: 0,
			isTrial: false,
		},
		spending: { total: 9.99, tips: 0, messages: 0, subscriptions: 9.99 },
		lastSeen: now,
	};
	core.state.fans.push(fan);
	core.state.chats.push({
		withUserId: id,
		messages: [],
		unreadMessagesCount: 0,
		isPriority: false,
		canSendMessage: true,
		isMutedNotifications: false,
	});
	for (const t of ['fans', 'recent', 'rebill_on']) core.userList(t)?.userIds.push(id);
	addNotification(core, 'subscribed', id, `${name} subscribed to your profile`);
	return fan;
}

/** a fan's subscription ends now (they stay a fan, on no active list); returns the fan */
export function fanExpires(core: SimCore, userId: number): Fan {
	const fan = core.fan(userId);
	if (!fan) throw new Error(`No fan ${userId}`);
	fan.subscription = {
		...fan.subscription,
		status: 'expired',
		autoRenew: false,
		expiresAt: core.nowIso(),
	};
	for (const t of ['fans', 'rebill_on', 'rebill_off']) {
		const list = core.userList(t);
		if (list) list.userIds = list.userIds.filter((id) => id !== userId);
	}
	return fan;
}

/**
 * the creator sent this fan a PPV `hoursAgo` hours ago (first vault media, `price` USD); `bought`
 * marks it opened, as OnlyFans shows a PPV its fan unlocked
 */
export function ppvSent(
	core: SimCore,
	userId: number,
	opts: { price?: number; hoursAgo?: number; bought?: boolean } = {},
): Message {
	const chat = core.chat(userId);
	if (!chat) throw badRequest(`Unknown fan ${userId}`);
	const media = core.state.vaultMedia.slice(0, 1);
	const msg: Message = {
		id: core.state.nextIds.message++,
		text: 'Something special, just for you',
		fromUser: { id: core.creatorId },
		media,
		previews: [],
		price: opts.price ?? 12,
		isFree: false,
		lockedText: false,
		mediaCount: media.length,
		isMediaReady: true,
		queueId: null,
		cancelSeconds: 0,
		createdAt: new Date(Date.now() - (opts.hoursAgo ?? 0) * 3_600_000).toISOString(),
		isTip: false,
		tipAmount: 0,
		isOpened: opts.bought === true,
		isNew: false,
		isMarkdown: true,
		replyToMessageId: null,
		isForwardedMessage: false,
		userTags: [],
		releaseForms: { users: [], partners: [], guests: [] },
	};
	chat.messages.push(msg);
	return msg;
}
