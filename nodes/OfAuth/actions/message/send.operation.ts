import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { encodePathSegment, ofauthApi } from '../../transport';
import { freeMessageSchema, messageFieldLabels } from '../../validation/messageBody';
import { parseFields } from '../../validation/validate';
import { connectionField } from '../shared/commonFields';
import { fanField, readFanId } from '../shared/fanField';
import { mediaField, messageOptionsCollection, readMessageFields, replyToField, textField } from '../shared/messageFields';

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan to message' }),
	textField,
	mediaField,
	messageOptionsCollection([replyToField]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fanId = readFanId(this, itemIndex);
	const body = parseFields(
		freeMessageSchema,
		readMessageFields(this, itemIndex, { ppv: false }),
		this.getNode(),
		itemIndex,
		messageFieldLabels,
	);
	const message = await ofauthApi(this, {
		method: 'POST',
		path: `/v2/access/chats/${encodePathSegment(fanId)}/messages`,
		body: body as unknown as IDataObject,
		itemIndex,
	});
	return [{ json: message }];
}
