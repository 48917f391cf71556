import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../fields';
import { dateRangeFields, readDateRange } from '../../model/dates';
import { connectionField } from '../../connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../service';

export const description: INodeProperties[] = [
	connectionField,
	...dateRangeFields,
	returnAllField,
	limitField(),
];

/** One output item per sent mass message, with its counts (sent, viewed, purchased). */
export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const qs = readDateRange(this, itemIndex);
	return await listOutput(this, itemIndex, adapterOf(this).listSentMassMessages(qs));
}
