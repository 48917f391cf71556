import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { DateContext } from './dates';
import { optionalDate, scheduleSchema } from './dates';
import { idList } from './ids';
import type { KnownUserList, UserListId } from './userLists';
import { resolveUserListReference, userListIdList } from './userLists';
import type { Message } from './message';
import {
	freeMessageSchema,
	mediaField,
	messageOptionsCollection,
	ppvFields,
	ppvMessageSchema,
	readMessageFields,
	textField,
} from './message';
import { labelsOf, parseFields, throwInvalidField } from './validate';

/**
 * A mass message as the user writes it: a Message (message.ts) for an audience, now or at a time.
 * Fields, schema and reader; providers map it to their own request.
 */

export interface Audience {
	fanIds: number[];
	lists: UserListId[];
	excludedLists: UserListId[];
	/** ISO 8601 UTC: only fans who subscribed after it. */
	subscribedAfter?: string;
}

export interface MassMessage {
	message: Message;
	audience: Audience;
	/** ISO 8601 UTC with milliseconds; undefined: send now. */
	scheduledAt?: string;
}

function unique<T>(values: T[]): T[] {
	return [...new Set(values)];
}

/** Who receives the mass message: fan IDs and/or user lists, minus excluded lists, optionally only recent subscribers. */
function audienceSchema(dates: DateContext) {
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

function massMessageSchema({ ppv, ...dates }: { ppv: boolean } & DateContext) {
	return z.unknown().transform((values, context): MassMessage => {
		// the message, the audience and the schedule are read from the same fields; issues keep their paths
		const message = (ppv ? ppvMessageSchema : freeMessageSchema).safeParse(values);
		const audience = audienceSchema(dates).safeParse(values);
		const schedule = scheduleSchema(dates).safeParse(values);
		for (const result of [message, audience, schedule]) {
			if (!result.success) for (const issue of result.error.issues) context.addIssue(issue);
		}
		if (!message.success || !audience.success || !schedule.success) return z.NEVER;
		const { userIds, userLists, excludeUserLists, subscribedAfterDate } = audience.data;
		return {
			message: message.data,
			audience: {
				fanIds: unique(userIds),
				lists: unique(userLists),
				excludedLists: unique(excludeUserLists),
				subscribedAfter: subscribedAfterDate,
			},
			scheduledAt: schedule.data,
		};
	});
}

/** Who gets it, what it says, free or PPV, when: the body of Create and Update. */
export const composerFields: INodeProperties[] = [
	{
		displayName: 'Fan IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: '123456, 234567',
		description:
			'OnlyFans user IDs of fans to send to, comma-separated, or an array from an expression. Give Fan IDs, User Lists or both.',
	},
	{
		displayName: 'User List Names or IDs',
		name: 'userLists',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getUserLists' },
		default: [],
		description:
			'Lists whose members receive the message: your own lists and the built-in ones (Fans, Following, Renew On, ...). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	textField,
	{
		...mediaField,
		description: `For a PPV at least one item: what fans unlock by paying. ${mediaField.description}`,
	},
	{
		displayName: 'Pay Per View',
		name: 'payPerView',
		type: 'boolean',
		default: false,
		description:
			'Whether fans pay a price to unlock the media (a PPV mass message). Off: a free mass message.',
	},
	...ppvFields.map((field) => ({ ...field, displayOptions: { show: { payPerView: [true] } } })),
	{
		displayName: 'Send',
		name: 'sendAt',
		type: 'options',
		options: [
			{ name: 'Now', value: 'now', description: 'Queue it for sending right away' },
			{
				name: 'At a Scheduled Time',
				value: 'scheduled',
				description: 'OnlyFans sends it at the date and time you pick',
			},
		],
		default: 'now',
	},
	{
		displayName: 'Scheduled Date',
		name: 'scheduledDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"When OnlyFans sends it; must be in the future. A time without a timezone is read in the workflow's timezone (Workflow Settings).",
		displayOptions: { show: { sendAt: ['scheduled'] } },
	},
	{
		displayName: 'Audience Filters',
		name: 'audienceFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Exclude User List Names or IDs',
				name: 'excludeUserLists',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUserLists' },
				default: [],
				description:
					'Fans on these lists do not receive it, even when they are in the Fan IDs or the chosen User Lists. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Subscribed After',
				name: 'subscribedAfterDate',
				type: 'dateTime',
				default: '',
				description:
					"Only fans who subscribed after this date and time. A time without a timezone is read in the workflow's timezone.",
				hint: '%subscribedAfterNote%',
			},
		],
	},
	messageOptionsCollection(),
];

/** Field name -> label, for error messages. */
export const MASS_MESSAGE_LABELS = labelsOf(composerFields);

/**
 * One item's mass message exactly as entered, checked. Lists given as text (a built-in type or a
 * list name) are resolved against the account's lists by resolveAudienceLists.
 */
export function parseMassMessage(context: IExecuteFunctions, itemIndex: number): MassMessage {
	const ppv = context.getNodeParameter('payPerView', itemIndex, false) === true;
	const filters = context.getNodeParameter('audienceFilters', itemIndex, {}) as IDataObject;
	const sendAt = context.getNodeParameter('sendAt', itemIndex, 'now');
	return parseFields(
		massMessageSchema({ ppv, timezone: context.getTimezone() }),
		{
			...readMessageFields(context, itemIndex, { ppv }),
			userIds: context.getNodeParameter('userIds', itemIndex, ''),
			userLists: context.getNodeParameter('userLists', itemIndex, []),
			excludeUserLists: filters.excludeUserLists,
			subscribedAfterDate: filters.subscribedAfterDate,
			sendAt,
			scheduledDate:
				sendAt === 'scheduled'
					? context.getNodeParameter('scheduledDate', itemIndex, '')
					: undefined,
		},
		context.getNode(),
		itemIndex,
		MASS_MESSAGE_LABELS,
	);
}

/** Whether the audience names a list by text (a built-in type or a name): then it needs the account's lists. */
export function namesListsByText(massMessage: MassMessage): boolean {
	const { audience } = massMessage;
	return [...audience.lists, ...audience.excludedLists].some((id) => typeof id === 'string');
}

/**
 * Every list given as text checked against the account's user lists: a list that does not exist
 * stops the item before anything is sent, a name becomes its list ID; a list both chosen and
 * excluded is refused.
 */
export function resolveAudienceLists(
	node: INode,
	itemIndex: number,
	massMessage: MassMessage,
	lists: KnownUserList[],
): MassMessage {
	const { audience } = massMessage;
	const fields = [
		['lists', MASS_MESSAGE_LABELS.userLists],
		['excludedLists', MASS_MESSAGE_LABELS.excludeUserLists],
	] as const;
	for (const [key, label] of fields) {
		const resolved: UserListId[] = audience[key].map((id) => {
			if (typeof id === 'number') return id;
			const match = resolveUserListReference(id, lists);
			return 'id' in match ? match.id : throwInvalidField(node, itemIndex, label, match.problem);
		});
		audience[key] = unique(resolved);
	}
	const included = new Set(audience.lists.map(String));
	const overlap = audience.excludedLists.find((id) => included.has(String(id)));
	if (overlap !== undefined) {
		throwInvalidField(
			node,
			itemIndex,
			MASS_MESSAGE_LABELS.excludeUserLists,
			`list ${overlap} is also in "${MASS_MESSAGE_LABELS.userLists}": remove it from one of the two`,
		);
	}
	return massMessage;
}
