import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { readPickerPage } from './transport';
import { serviceOf } from './service';

/**
 * The OnlyFans account to act as (the service's Connection or Account). Empty = the credential's
 * default. Its texts are filled in per service (describeFor).
 */
export const connectionField: INodeProperties = {
	displayName: '%Account%',
	name: 'connection',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The linked OnlyFans account to act as. Leave empty to use the %defaultAccountField% of the credential.',
	hint: "Empty: the credential's %defaultAccountField% is used",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select %anAccount%...',
			typeOptions: { searchListMethod: 'searchConnections', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '%accountIdExample%',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\S+$',
						errorMessage: '%AnAccount% ID has no spaces, e.g. %accountIdExample%',
					},
				},
			],
		},
	],
};

/** The linked OnlyFans accounts of the service, for the account field. */
export async function searchConnections(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = filter?.toLowerCase().trim();
	const { accounts } = serviceOf(this);
	const page = await readPickerPage(
		this,
		{ path: accounts.path, qs: {}, pageSize: accounts.pageSize },
		paginationToken,
		accounts.pick,
	);
	// the account lists have no search parameter: filter the page here
	return {
		...page,
		results: page.results.filter((entry) => !needle || entry.name.toLowerCase().includes(needle)),
	};
}
