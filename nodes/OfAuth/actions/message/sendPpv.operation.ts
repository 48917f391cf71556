import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fanField } from '../shared/fanField';
import { mediaField, messageOptionsCollection, ppvFields, replyToField, textField } from '../shared/messageFields';
import type { Send } from '../types';
import { prepareSendToFan } from './sendToFan';
import { connectionField } from '../../../shared/connection';

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

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Send> {
	return prepareSendToFan(this, itemIndex, { ppv: true });
}
