import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiData } from '../../transport';
import { adapterOf } from '../../service';
import { fanField, readFanId } from '../../model/fan';
import { connectionField } from '../../connection';
import type { ItemOutput } from '../types';
import { messageIdField, readMessageId } from './messageIdField';

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan whose chat holds the message' }),
	messageIdField(
		'ID of a message you sent in this chat (the "ID" field of Send Message\'s output)',
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const fanId = readFanId(this, itemIndex);
	const messageId = readMessageId(this, itemIndex);
	const result = await apiData(this, {
		...adapterOf(this).unsendMessage(fanId, String(messageId)),
		itemIndex,
	});
	return [{ json: { ...result, fanId: Number(fanId), messageId } }];
}
