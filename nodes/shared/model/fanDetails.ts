import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { parseFields, throwInvalidField } from './validate';

/**
 * What the node knows and sets about a fan beyond their chat: which fans a list asks for (type and
 * spend filters), how one fan is named (ID or @username), the simplified fan a sheet or an agent
 * reads, and the creator's note, custom name and discount for them.
 */

/** Which fans Get Many Fans lists: every fan, subscribed now, expired, newest, or the top spenders. */
export type FanListType = 'all' | 'active' | 'expired' | 'latest' | 'top';

/** Filters of Get Many Fans, as the user chose them (undefined / '' / false = not set). */
export interface FanFilters {
	type: FanListType;
	search: string;
	minTotalSpent?: number;
	minTips?: number;
	onlineOnly: boolean;
}

/** One fan as Get Fan names them: an OnlyFans user ID (digits) or a username (without @). */
export type FanReference = { id: string } | { username: string };

export const FAN_LABELS = {
	type: 'Type',
	minTotalSpent: 'Min Total Spent (USD)',
	minTips: 'Min Tips (USD)',
	fan: 'Fan',
	note: 'Note',
	displayName: 'Display Name',
	discountPercent: 'Discount (%)',
	discountMonths: 'Duration (Months)',
} as const;

export const FAN_LIST_TYPES: FanListType[] = ['all', 'active', 'expired', 'latest', 'top'];

const money = z.coerce.number().min(0, 'must be 0 or more (USD)').optional();

const fanFiltersSchema = z.object({
	type: z.enum(FAN_LIST_TYPES as [FanListType, ...FanListType[]]),
	minTotalSpent: money,
	minTips: money,
});

/** Get Many Fans' Type and Filters for one item, checked. */
export function readFanFilters(context: IExecuteFunctions, itemIndex: number): FanFilters {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const set = (value: unknown) => (value === undefined || value === '' ? undefined : value);
	const parsed = parseFields(
		fanFiltersSchema,
		{
			type: context.getNodeParameter('type', itemIndex, 'all'),
			minTotalSpent: set(filters.minTotalSpent),
			minTips: set(filters.minTips),
		},
		context.getNode(),
		itemIndex,
		FAN_LABELS,
	);
	return {
		type: parsed.type,
		search: typeof filters.query === 'string' ? filters.query.trim() : '',
		minTotalSpent: parsed.minTotalSpent || undefined,
		minTips: parsed.minTips || undefined,
		onlineOnly: filters.onlineOnly === true,
	};
}

const numberOrUndefined = (value: unknown): number | undefined => {
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
};

const objectAt = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

/**
 * A fan's subscription and spending, from either shape the services answer with: OFAuth's subscriber
 * (`subscription`, `spending`) or a profile (`subscribedOnData`, OFAuth's one fan and OnlyFansAPI.com).
 */
function fanFacts(fan: IDataObject) {
	const subscription = objectAt(fan.subscription);
	const spending = objectAt(fan.spending);
	const onData = objectAt(fan.subscribedOnData);
	const expired =
		typeof subscription.isExpired === 'boolean'
			? subscription.isExpired
			: typeof fan.subscribedOnExpiredNow === 'boolean'
				? fan.subscribedOnExpiredNow
				: subscription.status === 'expired' || onData.status === 'expired'
					? true
					: subscription.status === 'active' || fan.subscribedOn === true
						? false
						: null;
	return {
		subscribedAt: subscription.subscribedAt ?? onData.subscribeAt ?? null,
		expiresAt: subscription.expiresAt ?? onData.expiredAt ?? null,
		totalSpent: numberOrUndefined(spending.total ?? onData.totalSumm),
		tips: numberOrUndefined(spending.tips ?? onData.tipsSumm),
		expired,
	};
}

export const SIMPLIFIED_FAN =
	'ID, username, name, display name, note, subscribed and expiry dates, total spent, tips and whether the fan has expired';

/** One fan, flat for a sheet or an agent: the same fields whichever service answered. */
export function simplifiedFan(fan: IDataObject): IDataObject {
	const facts = fanFacts(fan);
	return {
		id: fan.id ?? null,
		username: fan.username ?? null,
		name: fan.name ?? null,
		displayName: fan.displayName || null,
		note: fan.notice || null,
		subscribedAt: facts.subscribedAt,
		expiresAt: facts.expiresAt,
		totalSpent: facts.totalSpent ?? null,
		tips: facts.tips ?? null,
		expired: facts.expired,
	};
}

/**
 * Whether a listed fan meets the spend minimums. The services take them as query filters, but how
 * OFAuth reads its `filter` is not documented: every answer is checked here too, and a fan whose
 * spend the answer does not say is left out when a minimum is set (a list that feeds sends errs
 * on the side of fewer fans).
 */
export function meetsFanFilters(fan: IDataObject, filters: FanFilters): boolean {
	const facts = fanFacts(fan);
	const atLeast = (value: number | undefined, minimum: number | undefined) =>
		minimum === undefined || (value !== undefined && value >= minimum);
	const typeHolds =
		(filters.type !== 'active' || facts.expired !== true) &&
		(filters.type !== 'expired' || facts.expired !== false);
	return (
		typeHolds &&
		atLeast(facts.totalSpent, filters.minTotalSpent) &&
		atLeast(facts.tips, filters.minTips)
	);
}

/** Get Fan's fan: digits (an OnlyFans user ID), a chat URL, or a username with or without @. */
export function readFanReference(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'fan',
): FanReference {
	const raw = context.getNodeParameter(parameterName, itemIndex, '', {
		extractValue: true,
	}) as unknown;
	const value = (typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '').trim();
	const chatId = /onlyfans\.com\/my\/chats\/chat\/(\d+)/i.exec(value)?.[1];
	if (chatId) return { id: chatId };
	if (/^\d{1,15}$/.test(value) && /[1-9]/.test(value)) return { id: value };
	const username = value.replace(/^@/, '').replace(/^https?:\/\/(www\.)?onlyfans\.com\//i, '');
	if (/^[A-Za-z0-9._-]{1,64}$/.test(username)) return { username };
	return throwInvalidField(
		context.getNode(),
		itemIndex,
		FAN_LABELS.fan,
		value === ''
			? 'is empty: pick a fan, or enter an OnlyFans user ID (digits) or @username'
			: `"${value.slice(0, 100)}" is neither an OnlyFans user ID (digits) nor a username (letters, digits, dot, dash, underscore)`,
	);
}

const NOTE_MAX = 1000;
const noteSchema = z.object({
	text: z.string().max(NOTE_MAX, `is longer than ${NOTE_MAX} characters: shorten it`),
});

/** The note or display name of one item (trimmed; '' means clear it). */
export function readFanText(
	context: IExecuteFunctions,
	itemIndex: number,
	field: 'note' | 'displayName',
): string {
	const value = context.getNodeParameter(field, itemIndex, '') as unknown;
	const text = typeof value === 'number' ? String(value) : value;
	return parseFields(
		noteSchema,
		{ text: typeof text === 'string' ? text.trim() : text },
		context.getNode(),
		itemIndex,
		{ text: FAN_LABELS[field] },
	).text;
}

/** OnlyFans takes a subscription discount of 5 to 60 percent for 1 to 12 months. */
export const DISCOUNT_RANGE = { minPercent: 5, maxPercent: 60, minMonths: 1, maxMonths: 12 };

const discountSchema = z.object({
	percent: z.coerce
		.number()
		.int('must be a whole percentage')
		.min(DISCOUNT_RANGE.minPercent, `must be at least ${DISCOUNT_RANGE.minPercent} (%)`)
		.max(DISCOUNT_RANGE.maxPercent, `must be at most ${DISCOUNT_RANGE.maxPercent} (%)`),
	months: z.coerce
		.number()
		.int('must be a whole number of months')
		.min(DISCOUNT_RANGE.minMonths, `must be at least ${DISCOUNT_RANGE.minMonths} month`)
		.max(DISCOUNT_RANGE.maxMonths, `must be at most ${DISCOUNT_RANGE.maxMonths} months`),
});

export function readDiscount(
	context: IExecuteFunctions,
	itemIndex: number,
): { percent: number; months: number } {
	return parseFields(
		discountSchema,
		{
			percent: context.getNodeParameter('discountPercent', itemIndex, ''),
			months: context.getNodeParameter('discountMonths', itemIndex, ''),
		},
		context.getNode(),
		itemIndex,
		{ percent: FAN_LABELS.discountPercent, months: FAN_LABELS.discountMonths },
	);
}
