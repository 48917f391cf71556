import { z } from 'zod';

import { toEntryList } from './idLists';
import type { FieldLabels } from './validate';

export const MAX_TEXT_LENGTH = 10_000;
export const MIN_PPV_PRICE = 3;
export const MAX_PPV_PRICE = 200;

const UPLOAD_REFERENCE = /^(upload:[0-9a-f-]{8,}|ofauth_upload_[A-Za-z0-9_-]+)$/i;

/** A positive whole number given as a number or as digits ("123"). */
export const positiveId = (what: string) => {
	const anId = `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}`;
	return z.preprocess(
		(value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
		z
			.number({
				required_error: `is empty: enter ${anId} made of digits, e.g. 123456`,
				invalid_type_error: `must be ${anId} made of digits, e.g. 123456`,
			})
			.int(`must be a whole-number ${what}, e.g. 123456`)
			.positive(`must be a positive ${what}`)
			.max(Number.MAX_SAFE_INTEGER, `is too large for ${anId}`),
	);
};

export const idList = (what: string) => z.preprocess(toEntryList, z.array(positiveId(what)));

const NOT_MEDIA =
	'is neither a vault media ID (digits), an upload reference (upload:<uuid> from Upload Media) nor an http(s) URL';

/** One media entry: a vault media ID, an upload reference from Upload Media, or an http(s) URL. */
export const mediaItem = z.preprocess(
	(value) => (typeof value === 'string' ? value.trim() : value),
	// each option carries the message too: for a string zod reports the first failing option, not the union
	z.union(
		[
			positiveId('vault media ID'),
			z.string().regex(UPLOAD_REFERENCE, NOT_MEDIA),
			z.string().url(NOT_MEDIA).regex(/^https?:\/\//i, NOT_MEDIA),
		],
		{ errorMap: () => ({ message: NOT_MEDIA }) },
	),
);

export const mediaList = z.preprocess(toEntryList, z.array(mediaItem));

const price = z.preprocess(
	(value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value),
	z
		.number({
			required_error: `is required for a PPV: a price in USD from ${MIN_PPV_PRICE} to ${MAX_PPV_PRICE}`,
			invalid_type_error: `must be a number in USD from ${MIN_PPV_PRICE} to ${MAX_PPV_PRICE}, e.g. 9.99`,
		})
		.refine((value) => Number.isFinite(value), `must be a number in USD from ${MIN_PPV_PRICE} to ${MAX_PPV_PRICE}, e.g. 9.99`)
		.refine(
			(value) => value >= MIN_PPV_PRICE && value <= MAX_PPV_PRICE,
			`must be from ${MIN_PPV_PRICE} to ${MAX_PPV_PRICE} USD (OnlyFans' PPV range); use Send Message for a free message`,
		)
		.refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, 'can have at most 2 decimals (cents), e.g. 9.99'),
);

const previewCount = z.preprocess(
	(value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value ?? 0),
	z
		.number({ invalid_type_error: 'must be a whole number of media items, e.g. 1' })
		.int('must be a whole number of media items, e.g. 1')
		.min(0, 'cannot be negative: use 0 for no free preview'),
);

/** What the user entered for a message, before validation (shapes vary: expressions, text, arrays). */
export interface MessageFieldValues {
	text?: unknown;
	media?: unknown;
	price?: unknown;
	previewMediaCount?: unknown;
	isLockedText?: unknown;
	isMarkdown?: unknown;
	replyToMessageId?: unknown;
	userTags?: unknown;
	releaseForms?: { users?: unknown; partners?: unknown; guests?: unknown };
	isForwardedMessage?: unknown;
}

/** The message part of OFAuth's SendBody (also the base of a mass message). */
export interface MessageBody {
	text?: string;
	mediaItems?: Array<number | string>;
	price?: number;
	previewMediaCount?: number;
	isLockedText?: boolean;
	isMarkdown: boolean;
	replyToMessageId?: string;
	userTags?: number[];
	releaseForms?: { users?: number[]; partners?: number[]; guests?: number[] };
	isForwardedMessage?: boolean;
}

export const messageFieldLabels: FieldLabels = {
	text: 'Text',
	media: 'Media',
	mediaItems: 'Media',
	price: 'Price (USD)',
	previewMediaCount: 'Preview Media Count',
	isLockedText: 'Lock Text',
	isMarkdown: 'Markdown',
	replyToMessageId: 'Reply to Message ID',
	userTags: 'Tag Users',
	'releaseForms.users': 'Release Form Users',
	'releaseForms.partners': 'Release Form Partners',
	'releaseForms.guests': 'Release Form Guests',
	isForwardedMessage: 'Forwarded',
};

const optionalFlag = z.preprocess((value) => (value === '' || value === null ? undefined : value), z.boolean().optional());

function messageSchema(kind: 'free' | 'ppv') {
	return z
		.object({
			text: z.preprocess(
				(value) => (value === undefined || value === null ? '' : typeof value === 'number' ? String(value) : value),
				z
					.string({ invalid_type_error: 'must be text' })
					.max(MAX_TEXT_LENGTH, `is longer than ${MAX_TEXT_LENGTH} characters: shorten it or split it into two messages`),
			),
			media: mediaList,
			price: kind === 'ppv' ? price : z.undefined(),
			previewMediaCount: kind === 'ppv' ? previewCount : z.undefined(),
			isLockedText: optionalFlag,
			isMarkdown: optionalFlag,
			replyToMessageId: z.preprocess(
				(value) => (value === undefined || value === null || value === '' ? undefined : String(value).trim()),
				z.string().regex(/^\S+$/, 'must be a message ID without spaces').optional(),
			),
			userTags: idList('OnlyFans user ID'),
			releaseForms: z
				.object({ users: idList('OnlyFans user ID'), partners: idList('OnlyFans user ID'), guests: idList('OnlyFans user ID') })
				.partial()
				.default({}),
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
					message: 'is on, but a free message has nothing to unlock: set a price (Send PPV, or Pay-per-View on a mass message), or turn Lock Text off',
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
		.transform((values): MessageBody => {
			const body: MessageBody = { isMarkdown: values.isMarkdown ?? true };
			if (values.text.trim() !== '') body.text = values.text;
			if (values.media.length) body.mediaItems = values.media;
			if (kind === 'ppv') {
				body.price = values.price as number;
				body.previewMediaCount = values.previewMediaCount ?? 0;
			}
			if (values.isLockedText) body.isLockedText = true;
			if (values.replyToMessageId) body.replyToMessageId = values.replyToMessageId;
			if (values.userTags.length) body.userTags = values.userTags;
			const releaseForms = Object.fromEntries(
				Object.entries(values.releaseForms).filter(([, ids]) => Array.isArray(ids) && ids.length > 0),
			);
			if (Object.keys(releaseForms).length) body.releaseForms = releaseForms;
			if (values.isForwardedMessage) body.isForwardedMessage = true;
			return body;
		});
}

/** Free message: price and previews are not allowed. */
export const freeMessageSchema = messageSchema('free');

/** PPV: price 3-200 USD, at least one media item, previews 0..media count. */
export const ppvMessageSchema = messageSchema('ppv');

/**
 * An OnlyFans chat URL such as https://onlyfans.com/my/chats/chat/123456/ ; group 1 is the fan's user ID.
 * A string (not a RegExp) so n8n's resource locator `extractValue` can use it too.
 */
export const CHAT_URL_PATTERN = '^\\s*https?://(?:www\\.)?onlyfans\\.com/my/chats/chat/(\\d+)(?:[/?#].*)?\\s*$';
const chatUrl = new RegExp(CHAT_URL_PATTERN, 'i');

/** An OnlyFans user ID (the fan): digits, a number, or a chat URL (the ID is taken from it). */
export const fanIdSchema = z.preprocess(
	(value) => {
		if (value === undefined || value === null) return '';
		if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value;
		if (typeof value !== 'string') return value;
		return chatUrl.exec(value)?.[1] ?? value.trim();
	},
	z
		.string({ invalid_type_error: 'must be an OnlyFans user ID made of digits (e.g. 123456), or a chat URL' })
		.min(1, 'is empty: pick a fan, or enter an OnlyFans user ID (digits) or chat URL')
		.regex(/^\d+$/, 'must be an OnlyFans user ID made of digits (e.g. 123456), or a chat URL like https://onlyfans.com/my/chats/chat/123456/')
		.refine((value) => /[1-9]/.test(value), 'must be a positive OnlyFans user ID, e.g. 123456')
		.refine((value) => value.length <= 15, 'is too long for an OnlyFans user ID'),
);
