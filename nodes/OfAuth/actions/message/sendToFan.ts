import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { encodePathSegment, ofauthApi } from '../../../shared/transport';
import { freeMessageSchema, messageFieldLabels, ppvMessageSchema } from '../../validation/messageBody';
import { parseFields } from '../../validation/validate';
import { readFanId } from '../shared/fanField';
import { readMessageFields } from '../shared/messageFields';
import type { Send } from '../types';

/**
 * Send and Send PPV: validate the fan and the message of one item (nothing is sent when either is
 * wrong); the returned Send POSTs /v2/access/chats/{fan}/messages once. Output: the message OFAuth returned.
 */
export function prepareSendToFan(context: IExecuteFunctions, itemIndex: number, { ppv }: { ppv: boolean }): Send {
	const fanId = readFanId(context, itemIndex);
	const body = parseFields(
		ppv ? ppvMessageSchema : freeMessageSchema,
		readMessageFields(context, itemIndex, { ppv }),
		context.getNode(),
		itemIndex,
		messageFieldLabels,
	);
	return async () => {
		const message = await ofauthApi(context, {
			method: 'POST',
			path: `/v2/access/chats/${encodePathSegment(fanId)}/messages`,
			body: body as unknown as IDataObject,
			itemIndex,
		});
		return [{ json: message }];
	};
}
