import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class OfAuthApi implements ICredentialType {
	name = 'ofAuthApi';

	displayName = 'OFAuth API';

	icon: Icon = { light: 'file:ofauth.svg', dark: 'file:ofauth.dark.svg' };

	documentationUrl = 'https://docs.ofauth.com';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Your OFAuth API key from the OFAuth dashboard. Keys starting with sk_sandbox_ use the sandbox.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'options',
			options: [
				{ name: 'OFAuth (api.ofauth.com)', value: 'https://api.ofauth.com' },
				{ name: 'OFAuth Next (api-next.ofauth.com)', value: 'https://api-next.ofauth.com' },
				{ name: 'Custom', value: 'custom' },
			],
			default: 'https://api.ofauth.com',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010',
			description: 'Base URL of an OFAuth-compatible API, without a trailing slash',
			displayOptions: { show: { baseUrl: ['custom'] } },
		},
		{
			displayName: 'Default Connection ID',
			name: 'defaultConnectionId',
			type: 'string',
			default: '',
			placeholder: 'conn_abc123',
			description:
				'The linked OnlyFans account to act as when a node does not pick one (sent as x-connection-id)',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only needed for the OFAuth Trigger node: the signing secret of your webhook endpoint in the OFAuth dashboard (Developers > Webhooks). Incoming events are checked against it.',
		},
	];

	/** Adds the key to each request as a plain function: no n8n expression is evaluated per request. */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: { ...requestOptions.headers, apiKey: String(credentials.apiKey ?? '') },
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl === "custom" ? $credentials.customBaseUrl.replace(/\\/+$/, "") : $credentials.baseUrl}}',
			url: '/v2/account/whoami',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'OFAuth rejected the API key: copy it again from the OFAuth dashboard (Developers > API keys) into API Key, without spaces. Keys starting with sk_sandbox_ use the sandbox.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'OFAuth accepted the API key but it may not read the account (whoami): check its permissions in the OFAuth dashboard (API keys).',
				},
			},
		],
	};
}
