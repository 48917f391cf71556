import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { typeMessages } from './zodMessages';

import { idList, toEntryList } from './ids';
import { mediaField, mediaList } from './media';
import { messageOptionFields, messageOptionsCollection, replyToField } from './messageOptions';
import { labelsOf, parseFields } from './validate';

/**
 * A message as the user writes it, whichever provider sends it: the node fields, their limits, the
 * one schema that checks them, and the Message it produces. Providers map a Message to their own
 * request (providers/); nothing here knows their field names.
 */
export interface Message {
	/** '' when the message has media only. */
	text: string;
	/** In the order fans see them: vault media IDs, upload references (upload:...) or http(s) URLs. */
	media: Array<number | string>;
	/** USD; set for a PPV (pay-per-view) message, undefined for a free one. */
	price?: number;
	/** The first `previewCount` media are free previews (PPV only; 0 otherwise). */
	previewCount: number;
	/** The text stays hidden until the fan pays (PPV only). */
	lockedText: boolean;
	markdown: boolean;
	replyTo?: string;
	taggedUsers: number[];
	releaseForms: { users: number[]; partners: number[]; guests: number[] };
	forwarded: boolean;
}

export const MAX_TEXT_LENGTH = 10_000;
/** OnlyFans' PPV price range in USD. */
export const MIN_PRICE = 3;
export const MAX_PRICE = 200;

export const textField: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: `The message, up to ${MAX_TEXT_LENGTH} characters. Markdown (**bold**, *italic*) unless Markdown is off in Options.`,
};

export const ppvFields: INodeProperties[] = [
	{
		displayName: 'Price (USD)',
		name: 'price',
		type: 'number',
		required: true,
		typeOptions: { minValue: MIN_PRICE, maxValue: MAX_PRICE, numberPrecision: 2 },
		default: 9.99,
		description: `What a fan pays to unlock the media, from ${MIN_PRICE} to ${MAX_PRICE} USD`,
		// the editor silently puts back the last valid number when one is out of range: say the range
		hint: `${MIN_PRICE} to ${MAX_PRICE} USD (OnlyFans' limits), %priceUnits%; a number outside is not accepted`,
	},
	{
		displayName: 'Preview Media Count',
		name: 'previewMediaCount',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'How many of the first media items fans see for free as a preview (0 up to the number of media items)',
	},
];

/** Field name -> the label the user sees, for error messages (labels are written once, in the fields above). */
export const MESSAGE_LABELS = labelsOf([
	textField,
	mediaField,
	...ppvFields,
	...messageOptionFields,
	replyToField,
]);

const price = z.preprocess(
	(value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value),
	z
		.number(
			typeMessages({
				required: `is required for a PPV: a price in USD from ${MIN_PRICE} to ${MAX_PRICE}`,
				invalidType: `must be a number in USD from ${MIN_PRICE} to ${MAX_PRICE}, e.g. 9.99`,
			}),
		)
		.refine(
			(value) => Number.isFinite(value),
			`must be a number in USD from ${MIN_PRICE} to ${MAX_PRICE}, e.g. 9.99`,
		)
		.refine(
			(value) => value >= MIN_PRICE && value <= MAX_PRICE,
			`must be from ${MIN_PRICE} to ${MAX_PRICE} USD (OnlyFans' PPV range); use Send Message for a free message`,
		)
		.refine(
			(value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6,
			'can have at most 2 decimals (cents), e.g. 9.99',
		),
);

const previewCount = z.preprocess(
	(value) =>
		typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : (value ?? 0),
	z
		.number(typeMessages({ invalidType: 'must be a whole number of media items, e.g. 1' }))
		.int('must be a whole number of media items, e.g. 1')
		.min(0, 'cannot be negative: use 0 for no free preview'),
);

const optionalFlag = z.preprocess(
	(value) => (value === '' || value === null ? undefined : value),
	z.boolean().optional(),
);

function messageSchema(kind: 'free' | 'ppv') {
	return z
		.object({
			text: z.preprocess(
				(value) =>
					value === undefined || value === null
						? ''
						: typeof value === 'number'
							? String(value)
							: value,
				z
					.string(typeMessages({ invalidType: 'must be text' }))
					.max(
						MAX_TEXT_LENGTH,
						`is longer than ${MAX_TEXT_LENGTH} characters: shorten it or split it into two messages`,
					),
			),
			media: mediaList,
			price: kind === 'ppv' ? price : z.undefined().optional(),
			previewMediaCount: kind === 'ppv' ? previewCount : z.undefined().optional(),
			isLockedText: optionalFlag,
			isMarkdown: optionalFlag,
			replyToMessageId: z.preprocess(
				(value) =>
					value === undefined || value === null || value === '' ? undefined : String(value).trim(),
				z.string().regex(/^\S+$/, 'must be a message ID without spaces').optional(),
			),
			userTags: idList('OnlyFans user ID'),
			releaseFormUsers: idList('OnlyFans user ID'),
			releaseFormPartners: idList('OnlyFans user ID'),
			releaseFormGuests: idList('OnlyFans user ID'),
			isForwardedMessage: optionalFlag,
		})
		.superRefine((values, context) => {
			if (values.text.trim() === '' && values.media.length === 0) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['text'],
					message: 'is empty and there is no media: a message needs text, media or both',
				});
			}
			if (kind === 'free' && values.isLockedText) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['isLockedText'],
					message:
						'is on, but a free message has nothing to unlock: set a price (Send PPV, or Pay-per-View on a mass message), or turn Lock Text off',
				});
			}
			if (kind === 'ppv') {
				if (values.media.length === 0) {
					context.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['media'],
						message: 'is empty: a PPV needs at least one media item to lock behind the price',
					});
				}
				const previews = values.previewMediaCount ?? 0;
				if (values.media.length > 0 && previews > values.media.length) {
					context.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['previewMediaCount'],
						message: `is ${previews} but the message has only ${values.media.length} media item(s): use 0 to ${values.media.length}`,
					});
				}
			}
		})
		.transform(
			(values): Message => ({
				text: values.text.trim() === '' ? '' : values.text,
				media: values.media,
				price: kind === 'ppv' ? (values.price as number) : undefined,
				previewCount: kind === 'ppv' ? (values.previewMediaCount ?? 0) : 0,
				lockedText: values.isLockedText === true,
				markdown: values.isMarkdown ?? true,
				replyTo: values.replyToMessageId,
				taggedUsers: values.userTags,
				releaseForms: {
					users: values.releaseFormUsers,
					partners: values.releaseFormPartners,
					guests: values.releaseFormGuests,
				},
				forwarded: values.isForwardedMessage === true,
			}),
		);
}

/** Free message: price and previews are not allowed. */
export const freeMessageSchema = messageSchema('free');

/** PPV: price 3-200 USD, at least one media item, previews 0..media count. */
export const ppvMessageSchema = messageSchema('ppv');

/** The message fields of one item exactly as entered (the Media List option is appended to Media). */
export function readMessageFields(
	context: IExecuteFunctions,
	itemIndex: number,
	{ ppv }: { ppv: boolean },
): IDataObject {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const entries = context.getNodeParameter('media.items', itemIndex, []) as Array<{
		item?: { value?: unknown } | string;
	}>;
	const media: unknown[] = [
		// an entry whose expression returns an array adds each element, in order
		...entries
			.map((entry) =>
				entry.item && typeof entry.item === 'object' ? entry.item.value : entry.item,
			)
			.flatMap((value) => (Array.isArray(value) ? (value as unknown[]) : [value])),
		...toEntryList(options.mediaList),
	];
	return {
		text: context.getNodeParameter('text', itemIndex, '') as string,
		media: media as IDataObject[],
		price: ppv ? (context.getNodeParameter('price', itemIndex, undefined) as number) : undefined,
		previewMediaCount: ppv
			? (context.getNodeParameter('previewMediaCount', itemIndex, 0) as number)
			: undefined,
		isLockedText: options.isLockedText,
		isMarkdown: options.isMarkdown,
		replyToMessageId: options.replyToMessageId,
		userTags: options.userTags,
		releaseFormUsers: options.releaseFormUsers,
		releaseFormPartners: options.releaseFormPartners,
		releaseFormGuests: options.releaseFormGuests,
		isForwardedMessage: options.isForwardedMessage,
	};
}

/** Reads and checks one item's message (free or PPV). Invalid: a NodeOperationError naming the field and the fix. */
export function readMessage(
	context: IExecuteFunctions,
	itemIndex: number,
	{ ppv }: { ppv: boolean },
): Message {
	return parseFields(
		ppv ? ppvMessageSchema : freeMessageSchema,
		readMessageFields(context, itemIndex, { ppv }),
		context.getNode(),
		itemIndex,
		MESSAGE_LABELS,
	);
}

export { mediaField, messageOptionsCollection, replyToField };

/**
 * Whether a listed chat message is a PPV the creator sent that the fan has not bought. OnlyFans
 * marks a PPV its fan unlocked as opened (`isOpened`); what the field means on the creator's own
 * PPV is not documented by either service, so a PPV counts as bought only when the answer says
 * opened (a follow-up then reaches a fan who bought only if the API failed to say so).
 */
export function isUnboughtPpv(message: { [key: string]: unknown }, fanId: string): boolean {
	const from = (message.fromUser as { id?: unknown } | undefined)?.id;
	const fromCreator = from !== undefined && String(from) !== fanId;
	const price = Number(message.price);
	return (
		fromCreator &&
		Number.isFinite(price) &&
		price > 0 &&
		message.isFree !== true &&
		message.isOpened !== true
	);
}
