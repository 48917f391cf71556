import type { IDataObject } from 'n8n-workflow';

import type { Service } from '../shared/service';
import { registerService } from '../shared/service';
import { ofauth } from './ofAuthAdapter';

/** What the picker says about a connection that cannot send: OFAuth refuses it until it is re-linked. */
const UNUSABLE_CONNECTION: Record<string, string> = {
	expired: '⚠ expired, re-link it in OFAuth',
	awaiting_2fa: '⚠ awaiting 2FA, finish the login in OFAuth',
};

/** OFAuth connections: "Name · @username · active (conn_...)", marked when they cannot send. */
function pickConnection(connection: IDataObject) {
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

/** OFAuth (api.ofauth.com): the linked OnlyFans accounts are connections, named in x-connection-id. */
export const OFAUTH: Service = {
	label: 'OFAuth',
	credential: 'ofAuthApi',
	credentialLabel: 'OFAuth API',
	nodeNames: ['ofAuth', 'ofAuthTrigger', 'ofAuthPollTrigger'],
	defaultBaseUrl: 'https://api.ofauth.com',
	keyPage: 'OFAuth dashboard > API keys',
	accountWord: 'connection',
	accountField: 'Connection',
	accountIdExample: 'conn_abc123',
	defaultAccountField: 'Default Connection ID',
	accountHeader: { name: 'x-connection-id', pathPrefix: '/v2/access/' },
	unwrap: (body) => body,
	adapter: ofauth,
	accounts: { path: '/v2/account/connections', pageSize: 20, pick: pickConnection },
	texts: {
		priceUnits: 'cents allowed (9.99)',
		mediaSources: ' (upload:...), or an http(s) URL that OFAuth fetches',
		subscribedAfterNote: '',
		queueCheck:
			'OFAuth lists no scheduled mass messages: a scheduled one is caught in later runs once OFAuth reports it among the sent ones',
	},
};

registerService(OFAUTH);
