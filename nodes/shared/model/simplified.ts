import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Simplify: what a workflow uses next from a send or an upload, flat enough for the Table view.
 * On for nodes added from version 1.1; version 1 nodes keep the whole answer unless it is turned on.
 */
export function simplifyFields(keeps: string): INodeProperties[] {
	const field: INodeProperties = {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to output only ${keeps}, instead of the whole answer with its nested media and files`,
	};
	return [
		{ ...field, default: false, displayOptions: { show: { '@version': [1] } } },
		{ ...field, displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } } },
	];
}

export function readSimplify(context: IExecuteFunctions, itemIndex: number): boolean {
	return context.getNodeParameter('simplify', itemIndex, false) === true;
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	'#39': "'",
	apos: "'",
	nbsp: ' ',
};

/** OnlyFans message text may carry HTML (<p>, <br>, entities); a sheet wants plain text. */
export function plainText(text: unknown): string | null {
	if (typeof text !== 'string') return null;
	return text
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/p>\s*<p[^>]*>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name])
		.trim();
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const SIMPLIFIED_MESSAGE =
	'the message ID, fan ID, price, media count, whether it is free, queue ID and creation time';

/** A sent message or PPV (both services answer with the same message shape). */
export function simplifiedMessage(message: IDataObject, fanId: string): IDataObject {
	const price = typeof message.price === 'number' ? message.price : Number(message.price ?? 0) || 0;
	return {
		messageId: message.id ?? null,
		fanId,
		price,
		mediaCount:
			typeof message.mediaCount === 'number' ? message.mediaCount : list(message.media).length,
		free: typeof message.isFree === 'boolean' ? message.isFree : price === 0,
		queueId: message.queueId ?? null,
		createdAt: message.createdAt ?? null,
	};
}

export const SIMPLIFIED_MASS_MESSAGE =
	'the mass message ID, when it is sent, its date, and how many fans it goes to and are still pending';

/** A created or scheduled mass message (the queue item); sendsAt: 'now' or the schedule that was sent. */
export function simplifiedMassMessage(queueItem: IDataObject, scheduledAt?: string): IDataObject {
	return {
		massMessageId: queueItem.id ?? null,
		sendsAt: scheduledAt ?? 'now',
		date: queueItem.date ?? queueItem.scheduledDate ?? null,
		total: queueItem.total ?? null,
		pending: queueItem.pending ?? null,
		isDone: queueItem.isDone ?? null,
		hasError: queueItem.hasError ?? null,
	};
}

export const SIMPLIFIED_UPLOAD =
	'the upload reference, media ID and type, file name, size, and whether the media is ready';

/** An upload's output without the vault media object nested inside it. */
export function simplifiedUpload(output: IDataObject): IDataObject {
	const { media, ...rest } = output;
	const type = media && typeof media === 'object' ? (media as IDataObject).type : undefined;
	return { ...rest, mediaType: type ?? null };
}

export const SIMPLIFIED_CHAT_MESSAGE =
	'message ID, whether the fan wrote it, plain text, price, media IDs, whether it is free and its time';

/** A message of a chat, as read: who wrote it (fan or creator), what it says, what it costs. */
export function simplifiedChatMessage(message: IDataObject, fanId: string): IDataObject {
	const fromUser = (message.fromUser ?? {}) as IDataObject;
	const price = typeof message.price === 'number' ? message.price : Number(message.price ?? 0) || 0;
	return {
		messageId: message.id ?? null,
		fromFan: fromUser.id !== undefined && String(fromUser.id) === fanId,
		fromUserId: fromUser.id ?? null,
		text: plainText(message.text),
		price,
		free: typeof message.isFree === 'boolean' ? message.isFree : price === 0,
		mediaIds: list(message.media).map((media) => (media as IDataObject)?.id ?? null),
		createdAt: message.createdAt ?? null,
	};
}

export const SIMPLIFIED_USER_LIST =
	'list ID (digits for your lists, a type name such as fans for built-in ones), name, member count and whether OnlyFans builds it';

/** A user list: what a mass message's audience needs to name it and to know its size. */
export function simplifiedUserList(list: IDataObject): IDataObject {
	const usersCount = Number(list.usersCount);
	return {
		id: typeof list.id === 'string' && /^\d+$/.test(list.id) ? Number(list.id) : (list.id ?? null),
		name: list.name ?? null,
		usersCount:
			list.usersCount === undefined || list.usersCount === null || !Number.isFinite(usersCount)
				? null
				: usersCount,
		builtIn: typeof list.id === 'string' && !/^\d+$/.test(list.id),
		type: list.type ?? null,
	};
}
