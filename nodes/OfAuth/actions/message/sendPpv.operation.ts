import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { encodePathSegment, ofauthApi } from '../../transport';
import { messageFieldLabels, ppvMessageSchema } from '../../validation/messageBody';
import { parseFields } from '../../validation/validate';
import { connectionField } from '../shared/commonFields';
import { fanField, readFanId } from '../shared/fanField';
import {
	mediaField,
	messageOptionsCollection,
	ppvFields,
	readMessageFields,
	replyToField,
	textField,
} from '../shared/messageFields';

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan to send the pay-per-view message to' }),
	...ppvFields,
	{
		...mediaField,
		description: `At least one item: what the fan unlocks by paying. The first "Preview Media Count" items are free previews. ${mediaField.description}`,
	},
	{ ...textField, description: `${textField.description} Shown before the fan pays unless Lock Text is on.` },
	messageOptionsCollection([replyToField]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fanId = readFanId(this, itemIndex);
	const body = parseFields(
		ppvMessageSchema,
		readMessageFields(this, itemIndex, { ppv: true }),
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
