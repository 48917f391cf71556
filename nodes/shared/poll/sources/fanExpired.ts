import type { IDataObject } from 'n8n-workflow';

import { adapterOf } from '../../service';
import { asObject, firstTime, SAMPLE_WINDOW, scanNewestFirst, sequenceOf } from '../scan';
import type { PolledItem, PollSource } from '../types';

/** When a listed fan's subscription ended, from either shape the services answer with. */
function expiredAt(fan: IDataObject): number {
	return firstTime(
		asObject(fan.subscription).expiresAt,
		asObject(fan.subscribedOnData).expiredAt,
		fan.expiredAt,
	);
}

function toItem(fan: IDataObject): PolledItem | undefined {
	if (fan.id === undefined || fan.id === null) return undefined;
	const time = expiredAt(fan);
	// a fan who comes back and expires again counts again: each expiry once
	return {
		key: `${String(fan.id)}@${Number.isNaN(time) ? 'unknown' : time}`,
		time,
		json: fan,
		sequence: sequenceOf(fan.id),
	};
}

const expiredFans = { type: 'expired' as const, search: '', onlineOnly: false };

/**
 * A fan's subscription expired: the expired fans, 20 a page. Neither service documents their
 * order; OnlyFans lists them most recently expired first, and the scan stops at the first page
 * that reaches expiries older than the last poll's.
 */
export const fanExpired: PollSource = {
	properties: [],

	scope: () => 'expired',

	async scan(context, window) {
		return await scanNewestFirst(context, adapterOf(context).listFans(expiredFans), toItem, window);
	},

	async sample(context) {
		const { items } = await scanNewestFirst(
			context,
			adapterOf(context).listFans(expiredFans),
			toItem,
			SAMPLE_WINDOW,
			1,
		);
		return items[0];
	},
};
