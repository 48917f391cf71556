import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { paginateOffset } from '../../../shared/transport';
import { connectionField, limitField, returnAllField } from '../../../shared/fields';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;

	const qs: IDataObject = {};
	if (typeof filters.query === 'string' && filters.query.trim()) qs.query = filters.query.trim();

	const lists = await paginateOffset(
		this,
		{ method: 'GET', path: '/v2/access/vault/lists', qs, itemIndex },
		{ returnAll, limit, pageSize: PAGE_SIZE },
	);
	return lists.map((list) => ({ json: list }));
}
