import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiData } from '../../transport';
import { massMessageIdField, readMassMessageId } from '../../model/massMessageId';
import { connectionField } from '../../connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../service';

export const description: INodeProperties[] = [
	connectionField,
	massMessageIdField(
		'The mass message to delete. A scheduled one is cancelled; deleting one that was already sent unsends it: fans no longer see it.',
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const massMessageId = readMassMessageId(this, itemIndex);
	const result = await apiData(this, {
		...adapterOf(this).deleteMassMessage(massMessageId),
		itemIndex,
	});
	return [{ json: { massMessageId: Number(massMessageId), ...result } }];
}
