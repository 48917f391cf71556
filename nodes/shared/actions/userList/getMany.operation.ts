import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { limitField, listOutput, readSearch, returnAllField, searchFilters } from '../../fields';
import { readList } from '../../transport';
import { SIMPLIFIED_USER_LIST, simplifiedUserList } from '../../model/simplified';
import { adapterOf } from '../../service';
import { type ToolDescription } from '../toolDescription';
import type { ItemOutput } from '../types';

/** What an AI agent reads about this tool (the OFAuth Tool node's Tool Description). */
export const toolDescription: ToolDescription = {
	summary:
		"Lists the creator's user lists: each list's id (digits for the creator's own lists, a type name such as fans for the lists OnlyFans builds), name and member count (usersCount). Use the id or the exact name as the audience of a mass message.",
	fields: [
		{
			parameter: 'limit',
			name: 'The number of lists',
			fromModel: 'Limit: how many lists to return.',
			fixed: 'It returns up to %s lists.',
		},
		{
			parameter: 'filters.query',
			name: 'The search',
			fromModel: 'Search: only lists whose name contains this text.',
			fixed: 'It returns only lists whose name contains "%s".',
		},
	],
	closing: 'Reads only; sends nothing.',
};

export const description: INodeProperties[] = [
	connectionField,
	returnAllField,
	limitField(),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to output only the ${SIMPLIFIED_USER_LIST}, instead of the whole list object`,
	},
	searchFilters('Only lists whose name contains this text (not case-sensitive)'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const search = readSearch(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) === true;
	const request = adapterOf(this).listUserLists(search);
	if (!search) {
		return await listOutput(this, itemIndex, request, (list) =>
			simplify ? simplifiedUserList(list) : list,
		);
	}
	// OnlyFansAPI.com's user lists take no search: every provider's answer is filtered by name here
	// too, reading all lists so that Limit counts matching lists
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) === true;
	const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', itemIndex, 50));
	const all = await readList(
		this,
		{ method: 'GET', itemIndex, ...request },
		{ returnAll: true, limit: 0 },
	);
	const matching = all.filter((list) =>
		String(list.name ?? '')
			.toLowerCase()
			.includes(search.toLowerCase()),
	);
	return matching
		.slice(0, limit)
		.map((list) => ({ json: simplify ? simplifiedUserList(list) : list }));
}
