import type { IDataObject } from 'n8n-workflow';

import type { Service } from '../shared/service';
import { registerService } from '../shared/service';
import { unwrapDataEnvelope } from '../shared/transport';
import { onlyfansapi } from './onlyFansApiAdapter';

/** OnlyFansAPI.com accounts: "Name · @username (acct_...)", marked when they must be reconnected. */
function pickAccount(account: IDataObject) {
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

/**
 * OnlyFansAPI.com (app.onlyfansapi.com/api): the linked OnlyFans accounts are accounts, named in the
 * path; every answer comes wrapped as {data, _meta, _pagination}.
 */
export const ONLYFANSAPI: Service = {
	label: 'OnlyFansAPI.com',
	credential: 'onlyFansApiMessagingApi',
	credentialLabel: 'OnlyFansAPI.com API',
	nodeNames: ['onlyFansApi', 'onlyFansApiTrigger', 'onlyFansApiPollTrigger'],
	defaultBaseUrl: 'https://app.onlyfansapi.com/api',
	keyPage: 'https://app.onlyfansapi.com/api-keys',
	accountWord: 'account',
	accountField: 'Account',
	accountIdExample: 'acct_abc123',
	defaultAccountField: 'Default Account ID',
	unwrap: unwrapDataEnvelope,
	adapter: onlyfansapi,
	accounts: { path: '/accounts', pageSize: 100, pick: pickAccount },
	texts: {
		priceUnits: 'whole dollars only (OnlyFansAPI.com takes no cents)',
		mediaSources:
			' (ofapi_media_...). OnlyFansAPI.com takes no media URLs: upload them with Upload Media first',
		subscribedAfterNote:
			'OnlyFansAPI.com has no such filter: a mass message that sets it stops before anything is sent.',
		queueCheck:
			"Also one read of the account's queue per run, which catches a scheduled mass message not yet sent",
	},
};

registerService(ONLYFANSAPI);
