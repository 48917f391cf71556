import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * Which service a node uses: its Authentication field names the credential (n8n's convention for a
 * node with several credentials); transport/provider.ts reads it back.
 */
export const providerCredentials: INodeCredentialDescription[] = [
	{
		name: 'ofAuthApi',
		required: true,
		displayOptions: { show: { authentication: ['ofAuthApi'] } },
	},
	{
		name: 'onlyFansApi',
		required: true,
		displayOptions: { show: { authentication: ['onlyFansApi'] } },
	},
];

export function authenticationField(description: string): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'OFAuth', value: 'ofAuthApi' },
			{ name: 'OnlyFansAPI.com', value: 'onlyFansApi' },
		],
		default: 'ofAuthApi',
		description,
	};
}
