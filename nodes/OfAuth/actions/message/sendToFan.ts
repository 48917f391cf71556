import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { encodePathSegment, ofauthApi } from '../../transport';
import { freeMessageSchema, messageFieldLabels, ppvMessageSchema } from '../../validation/messageBody';
import { parseFields } from '../../validation/validate';
import { readFanId } from '../shared/fanField';
import { readMessageFields } from '../shared/messageFields';

/**
 * Send and Send PPV: validate the fan and the message of one item (nothing is sent when either is
 * wrong), then POST /v2/access/chats/{fan}/messages once. Output: the message OFAuth returned.
 */
export async function sendToFan(
	context: IExecuteFunctions,
	itemIndex: number,
	{ ppv }: { ppv: boolean },
): Promise<INodeExecutionData[]> {
	const fanId = readFanId(context, itemIndex);
	const body = parseFields(
		ppv ? ppvMessageSchema : freeMessageSchema,
		readMessageFields(context, itemIndex, { ppv }),
		context.getNode(),
		itemIndex,
		messageFieldLabels,
	);
	const message = await ofauthApi(context, {
		method: 'POST',
		path: `/v2/access/chats/${encodePathSegment(fanId)}/messages`,
		body: body as unknown as IDataObject,
		itemIndex,
	});
	return [{ json: message }];
}
