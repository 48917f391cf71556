import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../shared/commonFields';
import { fanField } from '../shared/fanField';
import { mediaField, messageOptionsCollection, replyToField, textField } from '../shared/messageFields';
import { sendToFan } from './sendToFan';

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan to message' }),
	textField,
	mediaField,
	messageOptionsCollection([replyToField]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await sendToFan(this, itemIndex, { ppv: false });
}
