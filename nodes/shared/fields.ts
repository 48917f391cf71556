import type { INodeProperties } from 'n8n-workflow';

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
					properties: { regex: '^\\S+$', errorMessage: 'A connection ID has no spaces, e.g. conn_abc123' },
				},
			],
		},
	],
};

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export function limitField(maxValue?: number): INodeProperties {
	return {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	};
}

/** Appended once to the node: how hard the transport tries when OFAuth says "slow down". */
export const requestSettingsField: INodeProperties = {
	displayName: 'Request Settings',
	name: 'requestSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20 },
			default: 5,
			description:
				'How often a request is retried after a rate limit (429) or, for reads, a temporary server error. Sends are never retried when OFAuth may already have taken them.',
		},
		{
			displayName: 'Max Wait per Retry (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description: 'Upper bound for one wait before a retry (Retry-After and X-RateLimit-Reset are honoured up to this)',
		},
	],
};
