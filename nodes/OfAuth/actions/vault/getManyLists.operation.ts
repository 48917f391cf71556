import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../../shared/fields';
import { connectionField } from '../../../shared/connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../providers';

export const description: INodeProperties[] = [
	connectionField,
	returnAllField,
	limitField(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only vault lists whose name contains this text',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;

	const search = typeof filters.query === 'string' ? filters.query.trim() : '';
	return await listOutput(this, itemIndex, adapterOf(this).listVaultLists(search));
}
