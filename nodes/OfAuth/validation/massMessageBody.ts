import { DateTime } from 'luxon';
import { z } from 'zod';

import { toEntryList } from './idLists';
import type { MessageBody, MessageFieldValues } from './messageBody';
import { freeMessageSchema, idList, messageFieldLabels, ppvMessageSchema } from './messageBody';
import type { FieldLabels } from './validate';

/**
 * The mass-message part of OFAuth's POST/PUT /v2/access/mass-messages body. It composes with the
 * message schemas of messageBody.ts: the message fields are checked by the very same free or PPV
 * schema as Send Message / Send PPV, the audience and the schedule by the schemas below.
 */

/** A user list is a number (a list the creator made) or the type name of a built-in list ('fans', 'following', ...). */
export type UserListId = number | string;

export interface MassMessageBody extends MessageBody {
	userIds?: number[];
	userLists?: UserListId[];
	excludeUserLists?: UserListId[];
	/** ISO 8601 in UTC with milliseconds, e.g. 2030-01-15T14:00:00.000Z */
	scheduledDate?: string;
	/** ISO 8601 in UTC with milliseconds */
	subscribedAfterDate?: string;
}

/** What the user entered for a mass message, before validation. */
export interface MassMessageFieldValues {
	message: MessageFieldValues;
	userIds?: unknown;
	userLists?: unknown;
	excludeUserLists?: unknown;
	/** 'now' or 'scheduled' */
	sendAt?: unknown;
	scheduledDate?: unknown;
	subscribedAfterDate?: unknown;
}

export interface DateContext {
	/** IANA zone a date without an offset is read in: the workflow's timezone. */
	timezone: string;
	/** The current time (the moment a scheduled date must be after). */
	now?: Date;
}

const LIST_ID_PROBLEM =
	'must be a user list: digits for a list you made (e.g. 1001), a built-in list such as fans or rebill_on, or the name of one of your lists';

/**
 * One user list as the user gave it: a positive whole number (also as digits) is a list ID; any other
 * text is a built-in list type ('fans') or a list's name, checked against the creator's lists before
 * anything is sent (resolveUserListReference).
 */
export const userListId = z.unknown().transform((value, context): UserListId => {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (/^\d+$/.test(text) && Number(text) > 0 && Number.isSafeInteger(Number(text))) return Number(text);
		if (text !== '' && !/^[-+]?\d/.test(text)) return text;
	}
	const shown = typeof value === 'string' || typeof value === 'number' ? `"${String(value)}"` : typeof value;
	context.addIssue({ code: z.ZodIssueCode.custom, message: `${LIST_ID_PROBLEM}; ${shown} is none of these` });
	return z.NEVER;
});

/** A user list as GET /v2/access/users/lists returns it (built-in lists have their type as id). */
export interface KnownUserList {
	id?: unknown;
	type?: unknown;
	name?: unknown;
}

/** How many lists a "not one of your lists" error names. */
const NAMED_LISTS = 30;

function describeLists(lists: KnownUserList[]): string {
	const names = lists.slice(0, NAMED_LISTS).map((list) => `${String(list.name ?? list.id)} (${String(list.id)})`);
	const more = lists.length > NAMED_LISTS ? `, and ${lists.length - NAMED_LISTS} more` : '';
	return names.length ? `${names.join(', ')}${more}` : 'the account has no user lists';
}

/**
 * A text list reference -> the list ID to send: a built-in list by its id or type, else any list by
 * its name (case-insensitive). A reference that matches no list, or several, is a problem to show.
 */
export function resolveUserListReference(
	reference: string,
	lists: KnownUserList[],
): { id: UserListId } | { problem: string } {
	const wanted = reference.trim().toLowerCase();
	const builtIn = lists.find(
		(list) => typeof list.id === 'string' && (list.id.toLowerCase() === wanted || String(list.type ?? '').toLowerCase() === wanted),
	);
	if (builtIn) return { id: builtIn.id as string };
	const named = lists.filter((list) => typeof list.name === 'string' && list.name.trim().toLowerCase() === wanted);
	const usable = named.filter((list) => typeof list.id === 'number' || (typeof list.id === 'string' && list.id !== ''));
	if (usable.length === 1) {
		const id = usable[0].id as number | string;
		return { id: typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id };
	}
	if (usable.length > 1) {
		return { problem: `"${reference}" is the name of ${usable.length} lists (${describeLists(usable)}): use the list ID instead` };
	}
	return { problem: `"${reference}" is not one of this account's user lists. The lists are: ${describeLists(lists)}. Pick one in the field or use its ID` };
}

export const userListIdList = z.preprocess(toEntryList, z.array(userListId));

function unique<T>(values: T[]): T[] {
	return [...new Set(values)];
}

function zoneOrUtc(timezone: string): string {
	return timezone && DateTime.now().setZone(timezone).isValid ? timezone : 'UTC';
}

/**
 * Reads a date and time the way a workflow gives it: an n8n Date & Time field ("2030-01-15T09:00:00",
 * no offset: read in the workflow's timezone), ISO 8601 with an offset or Z, "2030-01-15 09:00",
 * an RFC 2822 / HTTP date, a Luxon DateTime or JS Date from an expression, or epoch milliseconds.
 * Returns undefined when it is none of these.
 */
export function readDateTime(value: unknown, timezone: string): DateTime | undefined {
	const zone = zoneOrUtc(timezone);
	let parsed: DateTime | undefined;
	if (value instanceof Date) parsed = DateTime.fromJSDate(value);
	else if (DateTime.isDateTime(value)) parsed = DateTime.fromMillis(value.toMillis());
	else if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		// a Luxon DateTime from another copy of Luxon (n8n's expressions)
		parsed = DateTime.fromISO(String((value as { toISO: () => string }).toISO()), { zone });
	} else if (typeof value === 'number' && Number.isFinite(value)) {
		parsed = DateTime.fromMillis(value, { zone });
	} else if (typeof value === 'string') {
		const text = value.trim();
		const candidates = [
			() => DateTime.fromISO(text, { zone }),
			() => DateTime.fromSQL(text, { zone }),
			() => DateTime.fromRFC2822(text, { zone }),
			() => DateTime.fromHTTP(text, { zone }),
		];
		for (const candidate of candidates) {
			const attempt = candidate();
			if (attempt.isValid) {
				parsed = attempt;
				break;
			}
		}
	}
	return parsed?.isValid ? parsed : undefined;
}

/** The one format every date goes to OFAuth in: ISO 8601, UTC, with milliseconds (YYYY-MM-DDTHH:mm:ss.sssZ). */
export function toApiDate(date: DateTime): string {
	return date.toJSDate().toISOString();
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function unreadable(value: unknown, zone: string): string {
	const shown = typeof value === 'string' ? `"${value}"` : typeof value;
	return `${shown} is not a date and time: use ISO 8601 such as 2030-01-15T18:00:00 (read in the workflow's timezone, ${zone}) or 2030-01-15T18:00:00Z, or pick one in the field`;
}

/** An optional date (e.g. Subscribed After): empty = not sent. */
export function optionalDate({ timezone }: DateContext) {
	return z.unknown().transform((value, context): string | undefined => {
		if (isEmpty(value)) return undefined;
		const date = readDateTime(value, timezone);
		if (!date) {
			context.addIssue({ code: z.ZodIssueCode.custom, message: unreadable(value, zoneOrUtc(timezone)) });
			return z.NEVER;
		}
		return toApiDate(date);
	});
}

function scheduleSchema({ timezone, now }: DateContext) {
	return z
		.object({
			sendAt: z.preprocess(
				(value) => (isEmpty(value) ? 'now' : value),
				z.enum(['now', 'scheduled'], { errorMap: () => ({ message: 'must be "now" or "scheduled"' }) }),
			),
			scheduledDate: z.unknown(),
		})
		.transform((values, context): string | undefined => {
			if (values.sendAt === 'now') return undefined;
			const zone = zoneOrUtc(timezone);
			if (isEmpty(values.scheduledDate)) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['scheduledDate'],
					message: 'is empty: pick the date and time to send, or set Send to "Now"',
				});
				return z.NEVER;
			}
			const date = readDateTime(values.scheduledDate, timezone);
			if (!date) {
				context.addIssue({ code: z.ZodIssueCode.custom, path: ['scheduledDate'], message: unreadable(values.scheduledDate, zone) });
				return z.NEVER;
			}
			const current = DateTime.fromJSDate(now ?? new Date());
			if (date <= current) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['scheduledDate'],
					message: `is in the past (${date.setZone(zone).toISO({ suppressMilliseconds: true })}, now is ${current.setZone(zone).toISO({ suppressMilliseconds: true })} in ${zone}): pick a future time, or set Send to "Now"`,
				});
				return z.NEVER;
			}
			return toApiDate(date);
		});
}

/** Who receives the mass message: fan IDs and/or user lists, minus excluded lists, optionally only recent subscribers. */
export function audienceSchema(dates: DateContext) {
	return z
		.object({
			userIds: idList('OnlyFans user ID'),
			userLists: userListIdList,
			excludeUserLists: userListIdList,
			subscribedAfterDate: optionalDate(dates),
		})
		.superRefine((values, context) => {
			if (values.userIds.length === 0 && values.userLists.length === 0) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['userIds'],
					message:
						'is empty and no list is chosen in "User List Names or IDs": a mass message needs an audience. Enter fan IDs, pick one or more user lists, or both',
				});
			}
			const included = new Set(values.userLists.map(String));
			values.excludeUserLists.forEach((id, index) => {
				if (included.has(String(id))) {
					context.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['excludeUserLists', index],
						message: `list ${id} is also in "User List Names or IDs": remove it from one of the two`,
					});
				}
			});
		});
}

/**
 * The whole mass message: { message: <the fields of Send Message / Send PPV>, audience fields, schedule }
 * -> the exact body of POST/PUT /v2/access/mass-messages.
 */
export function massMessageSchema({ ppv, ...dates }: { ppv: boolean } & DateContext) {
	const message = ppv ? ppvMessageSchema : freeMessageSchema;
	return z
		.object({
			message,
			userIds: z.unknown(),
			userLists: z.unknown(),
			excludeUserLists: z.unknown(),
			subscribedAfterDate: z.unknown(),
			sendAt: z.unknown(),
			scheduledDate: z.unknown(),
		})
		.transform((values, context): MassMessageBody => {
			// audience and schedule are parsed here so their issues carry top-level paths (labels below)
			const audience = audienceSchema(dates).safeParse(values);
			const schedule = scheduleSchema(dates).safeParse(values);
			for (const result of [audience, schedule]) {
				if (!result.success) for (const issue of result.error.issues) context.addIssue(issue);
			}
			if (!audience.success || !schedule.success) return z.NEVER;
			const body: MassMessageBody = { ...values.message };
			const { userIds, userLists, excludeUserLists, subscribedAfterDate } = audience.data;
			if (userIds.length) body.userIds = unique(userIds);
			if (userLists.length) body.userLists = unique(userLists);
			if (excludeUserLists.length) body.excludeUserLists = unique(excludeUserLists);
			if (subscribedAfterDate) body.subscribedAfterDate = subscribedAfterDate;
			if (schedule.data) body.scheduledDate = schedule.data;
			return body;
		});
}

export const massMessageFieldLabels: FieldLabels = {
	...Object.fromEntries(Object.entries(messageFieldLabels).map(([path, label]) => [`message.${path}`, label])),
	userIds: 'Fan IDs',
	userLists: 'User List Names or IDs',
	excludeUserLists: 'Exclude User List Names or IDs',
	subscribedAfterDate: 'Subscribed After',
	sendAt: 'Send',
	scheduledDate: 'Scheduled Date',
};

/** A mass message ID: digits only. */
export const massMessageIdSchema = z.object({
	massMessageId: z.preprocess(
		(value) =>
			value === undefined || value === null
				? ''
				: typeof value === 'number'
					? String(value)
					: typeof value === 'string'
						? value.trim()
						: value,
		z
			.string({ invalid_type_error: 'must be a mass message ID made of digits, e.g. 9001' })
			.min(1, 'is empty: enter the ID of a mass message (the "id" that Create Mass Message returns)')
			.regex(/^\d+$/, 'must be a mass message ID made of digits, e.g. 9001 (the "id" that Create Mass Message returns)')
			.refine((id) => /[1-9]/.test(id), 'must be a positive mass message ID, e.g. 9001'),
	),
});

export const massMessageIdLabels: FieldLabels = { massMessageId: 'Mass Message ID' };

/** Optional start and end of a statistics window; a date-only end means the end of that day. */
export function dateRangeSchema(dates: DateContext) {
	const start = optionalDate(dates);
	return z
		.object({ startDate: z.unknown(), endDate: z.unknown() })
		.transform((values, context): { startDate?: string; endDate?: string } => {
			const startResult = start.safeParse(values.startDate);
			if (!startResult.success) {
				for (const issue of startResult.error.issues) context.addIssue({ ...issue, path: ['startDate'] });
			}
			let endDate: string | undefined;
			if (!isEmpty(values.endDate)) {
				const end = readDateTime(values.endDate, dates.timezone);
				if (!end) {
					context.addIssue({ code: z.ZodIssueCode.custom, path: ['endDate'], message: unreadable(values.endDate, zoneOrUtc(dates.timezone)) });
				} else {
					const dateOnly = typeof values.endDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(values.endDate.trim());
					endDate = toApiDate(dateOnly ? end.endOf('day') : end);
				}
			}
			if (!startResult.success || (!isEmpty(values.endDate) && endDate === undefined)) return z.NEVER;
			const startDate = startResult.data;
			if (startDate && endDate && Date.parse(startDate) > Date.parse(endDate)) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['endDate'],
					message: `(${endDate}) is before "Start Date" (${startDate}): swap them`,
				});
				return z.NEVER;
			}
			return { ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}) };
		});
}

export const dateRangeLabels: FieldLabels = { startDate: 'Start Date', endDate: 'End Date' };
