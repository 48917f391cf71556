import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../../shared/fields';
import { connectionField } from '../../../shared/connection';
import type { ItemOutput } from '../types';

/** Vault lists come 100 at a time at most. */
const PAGE_SIZE = 100;

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

	const qs: IDataObject = {};
	if (typeof filters.query === 'string' && filters.query.trim()) qs.query = filters.query.trim();

	return await listOutput(this, itemIndex, {
		path: '/v2/access/vault/lists',
		qs,
		style: 'offset',
		pageSize: PAGE_SIZE,
	});
}
