import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { adapterOf } from '../../service';
import { asObject, firstTime, SAMPLE_WINDOW, scanNewestFirst, sequenceOf } from '../scan';
import type { PolledItem, PollSource } from '../types';

function includeRenewals(context: IPollFunctions): boolean {
	return context.getNodeParameter('includeRenewals', false) === true;
}

function toItem(renewals: boolean) {
	return (fan: IDataObject): PolledItem | undefined => {
		if (fan.id === undefined || fan.id === null) return undefined;
		const subscription = asObject(fan.subscription);
		const subscribedOn = asObject(fan.subscribedOnData);
		const subscribedBy = asObject(fan.subscribedByData);
		const time = firstTime(
			subscription.lastSubscribedAt,
			subscription.subscribedAt,
			fan.subscribedAt,
			subscribedOn.renewedAt,
			subscribedOn.subscribeAt,
			subscribedBy.renewedAt,
			subscribedBy.subscribeAt,
		);
		// with renewals the same fan comes back later: each subscription start counts once
		const key = renewals && !Number.isNaN(time) ? `${String(fan.id)}@${time}` : String(fan.id);
		return { key, time, json: fan, sequence: sequenceOf(fan.id) };
	};
}

/** A fan subscribed (optionally: or renewed): the newest fans, newest first, 20 a page. */
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
		return await scanNewestFirst(
			context,
			adapterOf(context).listNewestFans(renewals),
			toItem(renewals),
			window,
		);
	},

	async sample(context) {
		const renewals = includeRenewals(context);
		const { items } = await scanNewestFirst(
			context,
			adapterOf(context).listNewestFans(renewals),
			toItem(renewals),
			SAMPLE_WINDOW,
			1,
		);
		return items[0];
	},
};
