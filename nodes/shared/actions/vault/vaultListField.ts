import type { INodeProperties } from 'n8n-workflow';

/** A vault list (folder) picked from the account's lists or given by ID. */
export const vaultListLocator: INodeProperties = {
	displayName: 'Vault List',
	name: 'listId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a vault list...',
			typeOptions: { searchListMethod: 'searchVaultLists', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '71001',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*\\d+\\s*$',
						errorMessage: 'A vault list ID is made of digits, e.g. 71001',
					},
				},
			],
		},
	],
};
