import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../../shared/connection';
import { fanField, readFanId } from '../../model/fan';
import {
	mediaField,
	messageOptionsCollection,
	ppvFields,
	readMessage,
	replyToField,
	textField,
} from '../../model/message';
import { adapterOf } from '../../providers';
import {
	SIMPLIFIED_MESSAGE,
	readSimplify,
	simplifiedMessage,
	simplifyFields,
} from '../../model/simplified';
import { checkPrice, readGuards, sendPpvGuards } from '../../model/guards';
import { duplicateMessage, guardedSend } from '../guardedSend';
import { TOOL_FIELDS, type ToolDescription } from '../toolDescription';
import type { ExecutionScope, Send } from '../types';

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

/** Checks the fan, the PPV (price, media, previews) and the guards; the Send posts it once. Output: the message OFAuth returned. */
export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const fanId = readFanId(this, itemIndex);
	const message = readMessage(this, itemIndex, { ppv: true });
	const request = adapterOf(this).sendMessage(fanId, message);
	const simplify = readSimplify(this, itemIndex);
	const guards = readGuards(this, itemIndex);
	checkPrice(this.getNode(), itemIndex, guards, message);
	return guardedSend(this, itemIndex, {
		request,
		guards,
		skip: await duplicateMessage(this, itemIndex, scope, guards, fanId, message),
		output: (sent) => (simplify ? simplifiedMessage(sent, fanId) : sent),
		recipient: `fan:${fanId}`,
	});
}
