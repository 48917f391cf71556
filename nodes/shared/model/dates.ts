import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { tryToParseDateTime } from 'n8n-workflow';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { oneMessage } from './zodMessages';

import { labelsOf, parseFields } from './validate';

/** Dates and times as workflows give them, read with n8n's own date parser in the workflow's timezone. */

export interface DateContext {
	/** IANA zone a date without an offset is read in: the workflow's timezone. */
	timezone: string;
	/** The current time (the moment a scheduled date must be after). */
	now?: Date;
}

function zoneOrUtc(timezone: string): string {
	if (!timezone) return 'UTC';
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: timezone });
		return timezone;
	} catch {
		return 'UTC';
	}
}

/** n8n's parser falls back to Date.parse, which rolls 2031-02-30 over to March: a written calendar date must survive. */
function keepsWrittenDate(value: unknown, parsed: DateTime): boolean {
	const written = typeof value === 'string' ? /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
	return (
		!written ||
		(parsed.year === Number(written[1]) &&
			parsed.month === Number(written[2]) &&
			parsed.day === Number(written[3]))
	);
}

/**
 * Reads a date and time the way a workflow gives it: an n8n Date & Time field ("2030-01-15T09:00:00",
 * no offset: read in the workflow's timezone), ISO 8601 with an offset or Z, "2030-01-15 09:00",
 * an RFC 2822 / HTTP date, a Luxon DateTime or JS Date from an expression, or epoch milliseconds.
 * Returns undefined when it is none of these.
 */
export function readDateTime(value: unknown, timezone: string): DateTime | undefined {
	let input = value;
	if (typeof value === 'number' && Number.isFinite(value)) input = new Date(value);
	else if (
		value &&
		typeof value === 'object' &&
		!(value instanceof Date) &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		// a Luxon DateTime of another copy of Luxon (n8n's expressions): its ISO text keeps the offset
		input = String((value as { toISO: () => string }).toISO());
	} else if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
	try {
		const parsed = tryToParseDateTime(input, zoneOrUtc(timezone));
		return parsed.isValid && keepsWrittenDate(input, parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/** The one format every date goes to the API in: ISO 8601, UTC, with milliseconds (YYYY-MM-DDTHH:mm:ss.sssZ). */
export function toApiDate(date: DateTime): string {
	return date.toJSDate().toISOString();
}

export function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
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
			context.addIssue({
				code: z.ZodIssueCode.custom,
				message: unreadable(value, zoneOrUtc(timezone)),
			});
			return z.NEVER;
		}
		return toApiDate(date);
	});
}

export function scheduleSchema({ timezone, now }: DateContext) {
	return z
		.object({
			sendAt: z.preprocess(
				(value) => (isEmpty(value) ? 'now' : value),
				z.enum(['now', 'scheduled'], oneMessage('must be "now" or "scheduled"')),
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
				context.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['scheduledDate'],
					message: unreadable(values.scheduledDate, zone),
				});
				return z.NEVER;
			}
			const current = tryToParseDateTime(now ?? new Date(), zone);
			if (date.toMillis() <= current.toMillis()) {
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

/** Optional start and end of a statistics window; a date-only end means the end of that day. */
export function dateRangeSchema(dates: DateContext) {
	const start = optionalDate(dates);
	return z
		.object({ startDate: z.unknown(), endDate: z.unknown() })
		.transform((values, context): { startDate?: string; endDate?: string } => {
			const startResult = start.safeParse(values.startDate);
			if (!startResult.success) {
				for (const issue of startResult.error.issues)
					context.addIssue({ ...issue, path: ['startDate'] });
			}
			let endDate: string | undefined;
			if (!isEmpty(values.endDate)) {
				const end = readDateTime(values.endDate, dates.timezone);
				if (!end) {
					context.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['endDate'],
						message: unreadable(values.endDate, zoneOrUtc(dates.timezone)),
					});
				} else {
					const dateOnly =
						typeof values.endDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(values.endDate.trim());
					endDate = toApiDate(dateOnly ? end.endOf('day') : end);
				}
			}
			if (!startResult.success || (!isEmpty(values.endDate) && endDate === undefined))
				return z.NEVER;
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

export const dateRangeFields: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description:
			"Only mass messages sent from this date and time. Empty: %service%'s default window. Read in the workflow's timezone unless it has one.",
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description:
			'Only mass messages sent up to this date and time (a date without a time means the end of that day). Empty: up to now.',
	},
];

/** The validated date range as query parameters (ISO 8601 UTC); empty dates are left out. */
export function readDateRange(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return parseFields(
		dateRangeSchema({ timezone: context.getTimezone() }),
		{
			startDate: context.getNodeParameter('startDate', itemIndex, ''),
			endDate: context.getNodeParameter('endDate', itemIndex, ''),
		},
		context.getNode(),
		itemIndex,
		labelsOf(dateRangeFields),
	);
}
