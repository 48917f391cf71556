import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { adapterOf } from '../../service';
import { firstTime, maxTime, SAMPLE_WINDOW, scanNewestFirst, sequenceOf } from '../scan';
import type { PolledItem, PollSource, ScanResult } from '../types';

function notificationTypes(context: IPollFunctions): Array<'purchases' | 'tip'> {
	const types = context.getNodeParameter('notificationTypes', ['purchases', 'tip']) as Array<
		'purchases' | 'tip'
	>;
	if (!Array.isArray(types) || types.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Choose at least one of "Purchases" and "Tips" in "Notify On"',
		);
	}
	return [...types].sort();
}

function toItem(notification: IDataObject): PolledItem | undefined {
	if (notification.id === undefined || notification.id === null) return undefined;
	return {
		key: `${String(notification.type ?? 'notification')}:${String(notification.id)}`,
		time: firstTime(notification.createdAt, notification.date),
		json: notification,
		sequence: sequenceOf(notification.id),
	};
}

/** PPV/post purchases and tips, from the account's notifications (one list per type). */
export const newPurchaseOrTip: PollSource = {
	properties: [
		{
			displayName: 'Notify On',
			name: 'notificationTypes',
			type: 'multiOptions',
			options: [
				{
					name: 'Purchases',
					value: 'purchases',
					description: 'A fan bought a PPV message or post',
				},
				{ name: 'Tips', value: 'tip', description: 'A fan sent a tip' },
			],
			default: ['purchases', 'tip'],
		},
	],

	scope: (context) => notificationTypes(context).join(','),

	async scan(context, window) {
		const merged: ScanResult = { items: [], newest: NaN, truncated: false };
		for (const type of notificationTypes(context)) {
			const result = await scanNewestFirst(
				context,
				adapterOf(context).listNotifications(type),
				toItem,
				window,
			);
			merged.items.push(...result.items);
			merged.newest = maxTime(merged.newest, result.newest);
			merged.truncated ||= result.truncated;
		}
		return merged;
	},

	async sample(context) {
		const candidates: PolledItem[] = [];
		for (const type of notificationTypes(context)) {
			const { items } = await scanNewestFirst(
				context,
				adapterOf(context).listNotifications(type),
				toItem,
				SAMPLE_WINDOW,
				1,
			);
			candidates.push(...items);
		}
		const when = (item: PolledItem) => (Number.isNaN(item.time) ? 0 : item.time);
		return candidates.sort((a, b) => when(b) - when(a))[0];
	},
};
