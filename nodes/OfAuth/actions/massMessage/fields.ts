import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readList } from '../../../shared/transport';
import { readConnectionField } from '../../../shared/transport/connection';
import type { KnownUserList, MassMessageBody, UserListId } from '../../validation/massMessageBody';
import {
	dateRangeLabels,
	dateRangeSchema,
	massMessageFieldLabels,
	massMessageIdLabels,
	massMessageIdSchema,
	massMessageSchema,
	resolveUserListReference,
} from '../../validation/massMessageBody';
import { parseFields, throwInvalidField } from '../../validation/validate';
import type { ExecutionScope } from '../types';
import { mediaField, messageOptionsCollection, ppvFields, readMessageFields, textField } from '../shared/messageFields';

/** Fields shared by the mass-message operations (Create and Update use the whole composer). */

export function massMessageIdField(description: string): INodeProperties {
	return {
		displayName: 'Mass Message ID',
		name: 'massMessageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '9001',
		description,
	};
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
		description: 'Whether fans pay a price to unlock the media (a PPV mass message). Off: a free mass message.',
	},
	...ppvFields.map((field) => ({ ...field, displayOptions: { show: { payPerView: [true] } } })),
	{
		displayName: 'Send',
		name: 'sendAt',
		type: 'options',
		options: [
			{ name: 'Now', value: 'now', description: 'Queue it for sending right away' },
			{ name: 'At a Scheduled Time', value: 'scheduled', description: 'OnlyFans sends it at the date and time you pick' },
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
			},
		],
	},
	messageOptionsCollection(),
];

/** Reads and validates one item's mass message: the exact body for POST/PUT /v2/access/mass-messages. */
export function readMassMessageBody(context: IExecuteFunctions, itemIndex: number): MassMessageBody {
	const ppv = context.getNodeParameter('payPerView', itemIndex, false) === true;
	const filters = context.getNodeParameter('audienceFilters', itemIndex, {}) as IDataObject;
	const sendAt = context.getNodeParameter('sendAt', itemIndex, 'now');
	const schema = massMessageSchema({ ppv, timezone: context.getTimezone() });
	return parseFields(
		schema,
		{
			message: readMessageFields(context, itemIndex, { ppv }),
			userIds: context.getNodeParameter('userIds', itemIndex, ''),
			userLists: context.getNodeParameter('userLists', itemIndex, []),
			excludeUserLists: filters.excludeUserLists,
			subscribedAfterDate: filters.subscribedAfterDate,
			sendAt,
			scheduledDate: sendAt === 'scheduled' ? context.getNodeParameter('scheduledDate', itemIndex, '') : undefined,
		},
		context.getNode(),
		itemIndex,
		massMessageFieldLabels,
	);
}

/**
 * readMassMessageBody, then every list given as text (a built-in type or a list name) checked against
 * the account's user lists, read once per execution and connection: a list that does not exist stops
 * the item before anything is sent, a name becomes its list ID.
 */
export async function prepareMassMessageBody(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<MassMessageBody> {
	const body = readMassMessageBody(context, itemIndex);
	const fields = [
		['userLists', massMessageFieldLabels.userLists],
		['excludeUserLists', massMessageFieldLabels.excludeUserLists],
	] as const;
	if (!fields.some(([key]) => body[key]?.some((id) => typeof id === 'string'))) return body;

	const connection = readConnectionField(context, itemIndex);
	const lists = await scope.once(`userLists:${connection}`, async () =>
		(await readList(context, { method: 'GET', path: '/v2/access/users/lists', itemIndex, style: 'offset', pageSize: 100 }, { returnAll: true, limit: 0 })) as KnownUserList[],
	);
	for (const [key, label] of fields) {
		const given = body[key];
		if (!given) continue;
		const resolved: UserListId[] = given.map((id) => {
			if (typeof id === 'number') return id;
			const match = resolveUserListReference(id, lists);
			return 'id' in match ? match.id : throwInvalidField(context.getNode(), itemIndex, label, match.problem);
		});
		body[key] = [...new Set(resolved)];
	}
	const included = new Set((body.userLists ?? []).map(String));
	const overlap = (body.excludeUserLists ?? []).find((id) => included.has(String(id)));
	if (overlap !== undefined) {
		throwInvalidField(
			context.getNode(),
			itemIndex,
			massMessageFieldLabels.excludeUserLists,
			`list ${overlap} is also in "${massMessageFieldLabels.userLists}": remove it from one of the two`,
		);
	}
	return body;
}

export function readMassMessageId(context: IExecuteFunctions, itemIndex: number): string {
	return parseFields(
		massMessageIdSchema,
		{ massMessageId: context.getNodeParameter('massMessageId', itemIndex, '') },
		context.getNode(),
		itemIndex,
		massMessageIdLabels,
	).massMessageId;
}

export const dateRangeFields: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description:
			"Only mass messages sent from this date and time. Empty: OFAuth's default window. Read in the workflow's timezone unless it has one.",
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description:
			"Only mass messages sent up to this date and time (a date without a time means the end of that day). Empty: up to now.",
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
		dateRangeLabels,
	);
}
