import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../../shared/fields';
import { fanField, readFanId } from '../../model/fan';
import { connectionField } from '../../../shared/connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../providers';

/** OFAuth answers at most 10 messages a page. */

/** What an AI agent reads about this tool (the OFAuth Tool node's Tool Description). */
export const toolDescription =
	"Reads the messages of one chat with an OnlyFans fan, newest first: each message's text, who sent it (fromUser.id equal to the fan's ID means the fan wrote it), price and media. Fan: the fan's numeric OnlyFans user ID, digits only (e.g. 123456789), as found in a chat or a message's fromUser.id; never a name or @username. Limit: how many messages to return (read a few, e.g. 10, to see the conversation). Use it before replying so the answer fits the conversation. Reads only; sends nothing.";

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan whose chat to read' }),
	returnAllField,
	limitField(),
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
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const fanId = readFanId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const search = typeof options.query === 'string' ? options.query.trim() : '';
	return await listOutput(this, itemIndex, adapterOf(this).listMessages(fanId, search));
}
