import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { readPickerPage } from './transport';

/** The OnlyFans account to act as (x-connection-id). Empty = the credential's default. */
export const connectionField: INodeProperties = {
	displayName: 'Connection',
	name: 'connection',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The linked OnlyFans account to act as. Leave empty to use the Default Connection ID of the credential.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a connection...',
			typeOptions: { searchListMethod: 'searchConnections', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'conn_abc123',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\S+$',
						errorMessage: 'A connection ID has no spaces, e.g. conn_abc123',
					},
				},
			],
		},
	],
};

/** Connections (linked OnlyFans accounts) for the Connection field. */
export async function searchConnections(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = filter?.toLowerCase().trim();
	const page = await readPickerPage(
		this,
		{ path: '/v2/account/connections', qs: {}, pageSize: 20 },
		paginationToken,
		(connection) => {
			const user = (connection.userData ?? {}) as IDataObject;
			const label = [
				user.name,
				user.username ? `@${user.username as string}` : undefined,
				connection.status,
			]
				.filter(Boolean)
				.join(' · ');
			return {
				name: label ? `${label} (${connection.id as string})` : String(connection.id),
				value: String(connection.id),
			};
		},
	);
	// The connections endpoint has no search parameter: filter the page here.
	return {
		...page,
		results: page.results.filter((entry) => !needle || entry.name.toLowerCase().includes(needle)),
	};
}
