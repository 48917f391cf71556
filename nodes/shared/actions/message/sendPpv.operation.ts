import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { fanField } from '../../model/fan';
import {
	mediaField,
	messageOptionsCollection,
	ppvFields,
	replyToField,
	textField,
} from '../../model/message';
import { SIMPLIFIED_MESSAGE, simplifyFields } from '../../model/simplified';
import { sendPpvGuards } from '../../model/guards';
import { TOOL_FIELDS, type ToolDescription } from '../toolDescription';
import type { ExecutionScope, Send } from '../types';
import { prepareFanMessage } from './fanMessage';

/** What an AI agent reads about this tool (the OFAuth Tool node's Tool Description). */
export const toolDescription: ToolDescription = {
	summary:
		'Sends a pay-per-view (PPV) message to one OnlyFans fan, at once: media the fan unlocks by paying.',
	fields: [
		TOOL_FIELDS.fan,
		TOOL_FIELDS.price,
		TOOL_FIELDS.mediaList,
		TOOL_FIELDS.previewCount,
		{ ...TOOL_FIELDS.text, fromModel: 'Text: the teaser the fan reads with the offer.' },
		TOOL_FIELDS.replyTo,
		TOOL_FIELDS.maxPrice,
		TOOL_FIELDS.dryRun,
		TOOL_FIELDS.duplicateWindow,
		TOOL_FIELDS.maxPpvsPerFan,
	],
	closing: 'Every call sends a new PPV: call it once per offer.',
};

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan to send the pay-per-view message to' }),
	...ppvFields,
	{
		...mediaField,
		description: `At least one item: what the fan unlocks by paying. The first "Preview Media Count" items are free previews. ${mediaField.description}`,
	},
	{
		...textField,
		description: `${textField.description} Shown before the fan pays unless Lock Text is on.`,
	},
	messageOptionsCollection([replyToField]),
	...simplifyFields(SIMPLIFIED_MESSAGE),
	sendPpvGuards,
];

/** Checks the fan, the message and the guards before anything is sent (fanMessage.ts). */
export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	return await prepareFanMessage(this, itemIndex, scope, { ppv: true });
}
