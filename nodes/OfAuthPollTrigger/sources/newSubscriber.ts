import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { asObject, firstTime, scanOffsetList, sequenceOf } from '../poll/scan';
import type { PolledItem, PollSource } from '../poll/types';

const PATH = '/v2/access/subscribers';
/** OnlyFans pages subscribers 20 at a time. */
const PAGE_SIZE = 20;

function includeRenewals(context: IPollFunctions): boolean {
	return context.getNodeParameter('includeRenewals', false) === true;
}

function query(context: IPollFunctions): IDataObject {
	return { type: 'latest', latestType: includeRenewals(context) ? 'total' : 'new' };
}

function toItem(renewals: boolean) {
	return (fan: IDataObject): PolledItem | undefined => {
		if (fan.id === undefined || fan.id === null) return undefined;
		const subscription = asObject(fan.subscription);
		const subscribedBy = asObject(fan.subscribedByData);
		const time = firstTime(
			subscription.lastSubscribedAt,
			subscription.subscribedAt,
			fan.subscribedAt,
			subscribedBy.renewedAt,
			subscribedBy.subscribeAt,
		);
		// with renewals the same fan comes back later: each subscription start counts once
		const key = renewals && !Number.isNaN(time) ? `${String(fan.id)}@${time}` : String(fan.id);
		return { key, time, json: fan, sequence: sequenceOf(fan.id) };
	};
}

/** A fan subscribed (optionally: or renewed): the "latest subscribers" list, newest first. */
export const newSubscriber: PollSource = {
	properties: [
		{
			displayName: 'Include Renewals',
			name: 'includeRenewals',
			type: 'boolean',
			default: false,
			description:
				'Whether a fan renewing a subscription also counts, not only first-time subscribers',
		},
	],

	scope: (context) => (includeRenewals(context) ? 'renewals' : 'new'),

	async scan(context, window) {
		const renewals = includeRenewals(context);
		return await scanOffsetList(
			context,
			{ path: PATH, qs: query(context), pageSize: PAGE_SIZE },
			toItem(renewals),
			window,
		);
	},

	async sample(context) {
		const { items } = await scanOffsetList(
			context,
			{ path: PATH, qs: query(context), pageSize: 1 },
			toItem(includeRenewals(context)),
			{ isKnown: () => false, deadline: Date.now() },
		);
		return items[0];
	},
};
