import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiData } from '../../transport';
import { massMessageIdField, readMassMessageId } from '../../model/massMessageId';
import { connectionField } from '../../connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../service';

export const description: INodeProperties[] = [
	connectionField,
	massMessageIdField('The mass message to read (the "id" that Create returns)'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const massMessageId = readMassMessageId(this, itemIndex);
	const massMessage = await apiData(this, {
		...adapterOf(this).getMassMessage(massMessageId),
		itemIndex,
	});
	return [{ json: massMessage }];
}
