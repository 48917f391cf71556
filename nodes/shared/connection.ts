import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { readPickerPage } from './transport';
import { providerOf } from './transport/provider';

/** The OnlyFans account to act as (x-connection-id). Empty = the credential's default. */
export const connectionField: INodeProperties = {
	displayName: 'Connection',
	name: 'connection',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The linked OnlyFans account to act as. Leave empty to use the Default Connection ID of the credential.',
	hint: "Empty: the credential's Default Connection ID is used",
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

/** What the picker says about a connection that cannot send: OFAuth refuses it until it is re-linked. */
const UNUSABLE_CONNECTION: Record<string, string> = {
	expired: '⚠ expired, re-link it in OFAuth',
	awaiting_2fa: '⚠ awaiting 2FA, finish the login in OFAuth',
};

/** OFAuth connections: "Name · @username · active (conn_...)", marked when they cannot send. */
function ofauthConnection(connection: IDataObject) {
	const user = (connection.userData ?? {}) as IDataObject;
	const status = String(connection.status ?? '');
	const unusable = UNUSABLE_CONNECTION[status];
	const label = [
		unusable, // first, where a long label is not cut off
		user.name,
		user.username ? `@${user.username as string}` : undefined,
		unusable ? undefined : status,
	]
		.filter(Boolean)
		.join(' · ');
	return {
		name: label ? `${label} (${connection.id as string})` : String(connection.id),
		value: String(connection.id),
	};
}

/** OnlyFansAPI.com accounts: "Name · @username (acct_...)", marked when they must be reconnected. */
function onlyFansApiAccount(account: IDataObject) {
	const label = [
		account.display_name,
		account.onlyfans_username ? `@${account.onlyfans_username as string}` : undefined,
		account.is_authenticated === false
			? 'not authenticated: reconnect it in OnlyFansAPI.com'
			: undefined,
	]
		.filter(Boolean)
		.join(' · ');
	return {
		name: label ? `${label} (${account.id as string})` : String(account.id),
		value: String(account.id),
	};
}

/** Connections (OFAuth) or accounts (OnlyFansAPI.com): the linked OnlyFans accounts, for the Connection field. */
export async function searchConnections(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = filter?.toLowerCase().trim();
	const onlyFansApi = providerOf(this).credential === 'onlyFansApi';
	const page = await readPickerPage(
		this,
		onlyFansApi
			? { path: '/accounts', qs: {}, pageSize: 100 }
			: { path: '/v2/account/connections', qs: {}, pageSize: 20 },
		paginationToken,
		onlyFansApi ? onlyFansApiAccount : ofauthConnection,
	);
	// neither endpoint has a search parameter: filter the page here
	return {
		...page,
		results: page.results.filter((entry) => !needle || entry.name.toLowerCase().includes(needle)),
	};
}
