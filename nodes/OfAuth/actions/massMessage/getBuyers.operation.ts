import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../../shared/fields';
import { massMessageIdField, readMassMessageId } from '../../model/massMessageId';
import { connectionField } from '../../../shared/connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../providers';

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
