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
	'the mass message ID, its date, and how many fans it goes to and are still pending';

/** A created or scheduled mass message (the queue item). */
export function simplifiedMassMessage(queueItem: IDataObject): IDataObject {
	return {
		massMessageId: queueItem.id ?? null,
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
