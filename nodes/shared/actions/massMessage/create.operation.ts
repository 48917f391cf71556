import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { composerFields } from '../../model/massMessage';
import { readMassMessage } from './audience';
import { adapterOf } from '../../service';
import {
	SIMPLIFIED_MASS_MESSAGE,
	readSimplify,
	simplifiedMassMessage,
	simplifyFields,
} from '../../model/simplified';
import { massMessageGuards, readGuards } from '../../model/guards';
import { guardedSend, massMessageChecks } from '../guardedSend';
import { type ToolDescription, TOOL_FIELDS } from '../toolDescription';
import type { ExecutionScope, Send } from '../types';

/** What an AI agent reads about this tool (the OFAuth Tool node's Tool Description). */
export const toolDescription: ToolDescription = {
	summary:
		'Sends one message to many OnlyFans fans at once (a mass message). It reaches every fan in the audience: use it only when the creator asked for a broadcast, and only once.',
	fields: [
		{
			parameter: 'userIds',
			name: 'The fan IDs',
			fromModel: 'Fan IDs: numeric OnlyFans user IDs, comma-separated (optional with user lists).',
			fixed: 'It goes to the fans the operator chose (%s).',
		},
		{
			parameter: 'userLists',
			name: 'The user lists',
			fromModel:
				'User Lists: list IDs or names from the Get user lists tool, comma-separated; built-in lists of the whole audience (fans, following, ...) are refused unless the operator allowed them.',
			fixed: 'It goes to the user lists the operator chose (%s).',
		},
		{
			parameter: 'audienceFilters.excludeUserLists',
			name: 'The excluded lists',
			fromModel: 'Exclude User Lists: list IDs or names whose fans must not receive it.',
			fixed: 'Fans on the lists %s never receive it (fixed by the operator).',
		},
		TOOL_FIELDS.text,
		TOOL_FIELDS.mediaList,
		{
			...TOOL_FIELDS.price,
			onlyWhen: { parameter: 'payPerView', equals: true },
			unset: 'It is free: this tool cannot set a price.',
		},
		{
			parameter: 'scheduledDate',
			name: 'The schedule',
			fromModel:
				"Scheduled Date: when OnlyFans sends it, an ISO 8601 date and time in the future (e.g. 2026-12-24T18:00:00Z); a time without a timezone is read in the workflow's timezone.",
			fixed: 'It is scheduled by the operator for %s.',
			unset: 'It is sent at once: this tool cannot schedule it for later.',
			onlyWhen: { parameter: 'sendAt', equals: 'scheduled' },
		},
		TOOL_FIELDS.maxRecipients,
		TOOL_FIELDS.maxPrice,
		TOOL_FIELDS.dryRun,
		{
			...TOOL_FIELDS.duplicateWindow,
			fixed: 'The same mass message again within %s minutes is refused.',
		},
	],
	closing: 'The answer says whether it goes now or when it is scheduled.',
};

export const description: INodeProperties[] = [
	connectionField,
	...composerFields,
	...simplifyFields(SIMPLIFIED_MASS_MESSAGE),
	massMessageGuards,
];

/** One mass message per input item; the output is OFAuth's queue item (id, date, total, pending, ...). */
export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const massMessage = await readMassMessage(this, itemIndex, scope);
	const request = adapterOf(this).createMassMessage(massMessage);
	const simplify = readSimplify(this, itemIndex);
	const guards = readGuards(this, itemIndex);
	return guardedSend(this, itemIndex, scope, {
		request,
		guards,
		...massMessageChecks(this, itemIndex, scope, guards, massMessage, { duplicates: true }),
		// mass messages of one account go one after the other, in input order
		recipient: 'mass messages',
		output: (queueItem) =>
			simplify ? simplifiedMassMessage(queueItem, massMessage.scheduledAt) : queueItem,
	});
}
