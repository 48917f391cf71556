import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../fields';
import { massMessageIdField, readMassMessageId } from '../../model/massMessageId';
import { connectionField } from '../../connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../service';

export const description: INodeProperties[] = [
	connectionField,
	massMessageIdField('The (PPV) mass message whose buyers to list'),
	returnAllField,
	limitField(),
];

/** One output item per fan who bought the mass message. */
export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const massMessageId = readMassMessageId(this, itemIndex);
	return await listOutput(this, itemIndex, adapterOf(this).listMassMessageBuyers(massMessageId));
}
