import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fanField } from '../shared/fanField';
import { mediaField, messageOptionsCollection, replyToField, textField } from '../shared/messageFields';
import type { Send } from '../types';
import { prepareSendToFan } from './sendToFan';
import { connectionField } from '../../../shared/connection';

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan to message' }),
	textField,
	mediaField,
	messageOptionsCollection([replyToField]),
];

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Send> {
	return prepareSendToFan(this, itemIndex, { ppv: false });
}
