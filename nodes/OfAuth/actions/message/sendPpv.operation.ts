import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../shared/commonFields';
import { fanField } from '../shared/fanField';
import { mediaField, messageOptionsCollection, ppvFields, replyToField, textField } from '../shared/messageFields';
import { sendToFan } from './sendToFan';

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
	return await sendToFan(this, itemIndex, { ppv: true });
}
