import type { INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { connectionField } from '../connection';
import type { Service } from '../service';
import { readCredentialSettings, resolveConnectionId } from '../transport';
import { maxTime } from './scan';
import { fanExpired } from './sources/fanExpired';
import { newMessage } from './sources/newMessage';
import { newPurchaseOrTip } from './sources/newPurchaseOrTip';
import { newSubscriber } from './sources/newSubscriber';
import { newVaultMedia } from './sources/newVaultMedia';
import { readState, remember, selectNew, writeState } from './state';
import type { PollSource } from './types';

/**
 * The poll trigger of every service: on each poll the chosen event's source lists what is newest
 * (through the service's adapter), and what was not seen before starts the workflow once. The first
 * poll after publishing only notes what exists. The cursor and the keys seen live in the node's
 * workflow static data, which n8n saves after each poll.
 */
const SOURCES: Record<string, PollSource> = {
	fanExpired,
	newMessage,
	newPurchaseOrTip,
	newSubscriber,
	newVaultMedia,
};

/** Poll-budget share spent on paging before a poll returns what it found (n8n abandons a poll at its budget). */
const PAGING_SHARE_OF_BUDGET = 0.5;

/** The poll trigger's fields, with %tokens% for describeFor. */
export const pollTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Fan Expired',
				value: 'fanExpired',
				description: "A fan's subscription ended (for a win-back)",
			},
			{ name: 'New Message', value: 'newMessage', description: 'A fan sent a message' },
			{
				name: 'New Purchase or Tip',
				value: 'newPurchaseOrTip',
				description: 'A fan bought a PPV or post, or sent a tip',
			},
			{ name: 'New Subscriber', value: 'newSubscriber', description: 'A fan subscribed' },
			{
				name: 'New Vault Media',
				value: 'newVaultMedia',
				description: 'A photo, video, GIF or audio was added to the vault',
			},
		],
		default: 'newSubscriber',
	},
	{
		...connectionField,
		description:
			'The OnlyFans account to watch. Leave empty to use the %defaultAccountField% of the credential.',
	},
	...Object.entries(SOURCES).flatMap(([event, source]) =>
		source.properties.map((property) => ({
			...property,
			displayOptions: { show: { event: [event] } },
		})),
	),
	{
		displayName:
			'The first check after publishing only notes what already exists: every item that appears after that starts the workflow once. "Fetch Test Event" shows the newest existing item.',
		name: 'firstPollNotice',
		type: 'notice',
		default: '',
	},
];

function pollDeadline(context: IPollFunctions): number {
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : 60_000;
	return Date.now() + Math.max(1_000, budget * PAGING_SHARE_OF_BUDGET);
}

/** One poll: a sample in the editor; else what is new since the last poll (nothing on the first). */
export async function pollForNewItems(
	context: IPollFunctions,
	service: Service,
): Promise<INodeExecutionData[][] | null> {
	const event = context.getNodeParameter('event') as string;
	const source = SOURCES[event];
	if (!source) throw new NodeOperationError(context.getNode(), `Unknown event "${event}"`);

	if (context.getMode() === 'manual') {
		const sample = await source.sample(context);
		return sample ? [[{ json: sample.json }]] : null;
	}

	const settings = readCredentialSettings(
		await context.getCredentials(service.credential),
		service.defaultBaseUrl,
	);
	const scope = [
		event,
		resolveConnectionId(context, settings, undefined),
		source.scope(context),
	].join('|');
	const staticData = context.getWorkflowStaticData('node');
	const state = readState(staticData, scope);
	const deadline = pollDeadline(context);

	if (!state) {
		// first poll (or the event, account or options changed): remember where things stand, emit nothing
		const snapshot = await source.scan(context, { isKnown: () => false, deadline });
		writeState(staticData, {
			scope,
			cursor: Number.isNaN(snapshot.newest) ? 0 : snapshot.newest,
			seen: remember([], [...snapshot.items.map((item) => item.key), ...(snapshot.observed ?? [])]),
		});
		return null;
	}

	const known = new Set(state.seen);
	const result = await source.scan(context, {
		since: state.cursor,
		isKnown: (key) => known.has(key),
		deadline,
	});
	const fresh = selectNew(result.items, state);
	if (result.truncated) {
		context.logger.warn(
			`Poll trigger "${context.getNode().name}": more new items than one poll reads; older ones of this backlog are skipped. Poll more often to avoid this.`,
		);
	}
	writeState(staticData, {
		scope,
		cursor: maxTime(state.cursor, result.newest),
		seen: remember(state.seen, [...fresh.map((item) => item.key), ...(result.observed ?? [])]),
	});
	return fresh.length > 0 ? [fresh.map((item) => ({ json: item.json }))] : null;
}
