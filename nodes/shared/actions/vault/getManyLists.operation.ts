import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, readSearch, returnAllField, searchFilters } from '../../fields';
import { connectionField } from '../../connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../service';

export const description: INodeProperties[] = [
	connectionField,
	returnAllField,
	limitField(),
	searchFilters('Only vault lists whose name contains this text'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const search = readSearch(this, itemIndex);
	return await listOutput(this, itemIndex, adapterOf(this).listVaultLists(search));
}
