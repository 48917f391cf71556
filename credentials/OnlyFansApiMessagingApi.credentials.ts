import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class OnlyFansApiMessagingApi implements ICredentialType {
	name = 'onlyFansApiMessagingApi';

	displayName = 'OnlyFansAPI.com API';

	icon: Icon = { light: 'file:onlyfansapi.svg', dark: 'file:onlyfansapi.dark.svg' };

	documentationUrl = 'https://docs.onlyfansapi.com';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your key from https://app.onlyfansapi.com/api-keys (sent as a Bearer token)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'options',
			options: [
				{
					name: 'OnlyFansAPI.com (app.onlyfansapi.com/api)',
					value: 'https://app.onlyfansapi.com/api',
				},
				{ name: 'Custom', value: 'custom' },
			],
			default: 'https://app.onlyfansapi.com/api',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/api',
			description:
				'Base URL of an OnlyFansAPI.com-compatible API, ending in /api, without a trailing slash',
			displayOptions: { show: { baseUrl: ['custom'] } },
		},
		{
			displayName: 'Default Account ID',
			name: 'defaultConnectionId',
			type: 'string',
			default: '',
			placeholder: 'acct_XXXXXXXXXXXXXXX',
			description:
				'The OnlyFans account (acct_...) a node acts as when its Connection field is empty',
		},
	];

	/** Adds the key to each request as a plain function: no n8n expression is evaluated per request. */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.apiKey ?? '')}`,
		},
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl === "custom" ? $credentials.customBaseUrl.replace(/\\/+$/, "") : $credentials.baseUrl}}',
			url: '/whoami',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'OnlyFansAPI.com rejected the API key: copy it again from https://app.onlyfansapi.com/api-keys into API Key, without spaces.',
				},
			},
		],
	};
}
