import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filteredListOutput, limitField, listOutput, returnAllField } from '../../fields';
import { isUnboughtPpv } from '../../model/message';
import { fanField, readFanId } from '../../model/fan';
import { connectionField } from '../../connection';
import {
	SIMPLIFIED_CHAT_MESSAGE,
	readSimplify,
	simplifiedChatMessage,
} from '../../model/simplified';
import { TOOL_FIELDS, type ToolDescription } from '../toolDescription';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../service';

/** What an AI agent reads about this tool (the OFAuth Tool node's Tool Description). */
export const toolDescription: ToolDescription = {
	summary:
		"Reads the messages of one chat with an OnlyFans fan, newest first: each message's text, who wrote it (fromFan when Simplify is on; else fromUser.id equal to the fan's ID means the fan wrote it), price and media.",
	fields: [
		TOOL_FIELDS.fan,
		{
			parameter: 'limit',
			name: 'The number of messages',
			fromModel:
				'Limit: how many of the newest messages to return (a few, e.g. 10, show the conversation).',
			fixed: 'It returns the %s newest messages.',
		},
		{
			parameter: 'options.query',
			name: 'The search',
			fromModel: 'Search: only messages whose text contains this.',
			fixed: 'It returns only messages containing "%s".',
		},
		{
			parameter: 'options.onlyUnboughtPpvs',
			name: 'The PPV filter',
			fromModel:
				'Only Unbought PPVs: true to return only PPVs the creator sent that the fan has not bought.',
			fixed: 'It returns only PPVs the creator sent that the fan has not bought.',
		},
	],
	closing: 'Use it before replying so the answer fits the conversation. Reads only; sends nothing.',
};

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan whose chat to read' }),
	returnAllField,
	limitField(),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: `Whether to output only the ${SIMPLIFIED_CHAT_MESSAGE}, instead of the whole message with its nested media and files`,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only messages whose text contains this',
			},
			{
				displayName: 'Only Unbought PPVs',
				name: 'onlyUnboughtPpvs',
				type: 'boolean',
				default: false,
				description:
					'Whether to return only PPVs the creator sent that the fan has not bought or opened: for a follow-up to non-buyers. Limit counts these; older pages of the chat are read until enough are found.',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const fanId = readFanId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const search = typeof options.query === 'string' ? options.query.trim() : '';
	const simplify = readSimplify(this, itemIndex);
	const toJson = (message: IDataObject) =>
		simplify ? simplifiedChatMessage(message, fanId) : message;
	if (options.onlyUnboughtPpvs === true) {
		return await filteredListOutput(
			this,
			itemIndex,
			adapterOf(this).listMessages(fanId, search),
			(message) => isUnboughtPpv(message, fanId),
			toJson,
		);
	}
	return await listOutput(this, itemIndex, adapterOf(this).listMessages(fanId, search), toJson);
}
