import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../../shared/connection';
import { fanField, readFanId } from '../../model/fan';
import {
	mediaField,
	messageOptionsCollection,
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
import { readGuards, sendMessageGuards } from '../../model/guards';
import { duplicateMessage, guardedSend } from '../guardedSend';
import { TOOL_FIELDS, type ToolDescription } from '../toolDescription';
import type { ExecutionScope, Send } from '../types';

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

/** Checks the fan, the message and the guards; the Send posts it once. Output: the message OFAuth returned. */
export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const fanId = readFanId(this, itemIndex);
	const message = readMessage(this, itemIndex, { ppv: false });
	const request = adapterOf(this).sendMessage(fanId, message);
	const simplify = readSimplify(this, itemIndex);
	const guards = readGuards(this, itemIndex);
	return guardedSend(this, itemIndex, {
		request,
		guards,
		skip: await duplicateMessage(this, itemIndex, scope, guards, fanId, message),
		output: (sent) => (simplify ? simplifiedMessage(sent, fanId) : sent),
		recipient: `fan:${fanId}`,
	});
}
