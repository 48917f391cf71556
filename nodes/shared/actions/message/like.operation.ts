import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { fanField, readFanId } from '../../model/fan';
import { adapterOf } from '../../service';
import { apiData } from '../../transport';
import type { ItemOutput } from '../types';
import { messageIdField, readMessageId } from './messageIdField';

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan whose chat holds the message' }),
	messageIdField(
		'ID of the fan\'s message to like (the "ID" of Get Many Messages, or of a trigger\'s message)',
	),
];

/** Like one message of a chat (the fan sees the heart), where the service offers it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const fanId = readFanId(this, itemIndex);
	const messageId = readMessageId(this, itemIndex);
	const likeMessage = adapterOf(this).likeMessage;
	if (!likeMessage) throw new Error('Like is not offered by this service');
	const answer = await apiData(this, { ...likeMessage(fanId, String(messageId)), itemIndex });
	return [{ json: { fanId: Number(fanId), messageId, liked: answer?.isLiked ?? true } }];
}
