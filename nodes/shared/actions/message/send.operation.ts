import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { fanField } from '../../model/fan';
import { mediaField, messageOptionsCollection, replyToField, textField } from '../../model/message';
import { SIMPLIFIED_MESSAGE, simplifyFields } from '../../model/simplified';
import { sendMessageGuards } from '../../model/guards';
import { TOOL_FIELDS, type ToolDescription } from '../toolDescription';
import type { ExecutionScope, Send } from '../types';
import { prepareFanMessage } from './fanMessage';

/** What an AI agent reads about this tool (the OFAuth Tool node's Tool Description). */
export const toolDescription: ToolDescription = {
	summary: 'Sends a free private message to one OnlyFans fan, at once.',
	fields: [
		TOOL_FIELDS.fan,
		TOOL_FIELDS.text,
		TOOL_FIELDS.mediaList,
		TOOL_FIELDS.replyTo,
		TOOL_FIELDS.dryRun,
		TOOL_FIELDS.duplicateWindow,
	],
	closing:
		'Every call sends a new message: call it once per reply, never to retry a reply that already succeeded.',
};

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan to message' }),
	textField,
	mediaField,
	messageOptionsCollection([replyToField]),
	...simplifyFields(SIMPLIFIED_MESSAGE),
	sendMessageGuards,
];

/** Checks the fan, the message and the guards before anything is sent (fanMessage.ts). */
export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	return await prepareFanMessage(this, itemIndex, scope, { ppv: false });
}
