import type {
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { OFAUTH } from '../OfAuth/ofAuthService';
import { describeFor } from '../shared/service';
import { readCredentialSettings, resolveConnectionId } from '../shared/transport';
import { maxTime } from './poll/scan';
import { readState, remember, selectNew, writeState } from './poll/state';
import type { PollSource } from './poll/types';
import { newMessage } from './sources/newMessage';
import { newPurchaseOrTip } from './sources/newPurchaseOrTip';
import { newSubscriber } from './sources/newSubscriber';
import { newVaultMedia } from './sources/newVaultMedia';
import { connectionField, searchConnections } from '../shared/connection';

const SOURCES: Record<string, PollSource> = {
	newMessage,
	newPurchaseOrTip,
	newSubscriber,
	newVaultMedia,
};

/** Poll-budget share spent on paging before a poll returns what it found (n8n abandons a poll at its budget). */
const PAGING_SHARE_OF_BUDGET = 0.5;

function eventProperties(): INodeProperties[] {
	return Object.entries(SOURCES).flatMap(([event, source]) =>
		source.properties.map((property) => ({
			...property,
			displayOptions: { show: { event: [event] } },
		})),
	);
}

function pollDeadline(context: IPollFunctions): number {
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : 60_000;
	return Date.now() + Math.max(1_000, budget * PAGING_SHARE_OF_BUDGET);
}

export class OfAuthPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OFAuth Poll Trigger',
		name: 'ofAuthPollTrigger',
		icon: { light: 'file:ofauth.svg', dark: 'file:ofauth.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when a fan subscribes or writes, a PPV is bought or a tip sent, or new media lands in the vault (checked on a schedule)',
		defaults: { name: 'OFAuth Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ofAuthApi', required: true }],
		properties: describeFor(OFAUTH, [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
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
					'The OnlyFans account to watch. Leave empty to use the Default Connection ID of the credential.',
			},
			...eventProperties(),
			{
				displayName:
					'The first check after publishing only notes what already exists: every item that appears after that starts the workflow once. "Fetch Test Event" shows the newest existing item.',
				name: 'firstPollNotice',
				type: 'notice',
				default: '',
			},
		]),
	};

	methods = { listSearch: { searchConnections } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const source = SOURCES[event];
		if (!source) throw new NodeOperationError(this.getNode(), `Unknown event "${event}"`);

		if (this.getMode() === 'manual') {
			const sample = await source.sample(this);
			return sample ? [[{ json: sample.json }]] : null;
		}

		const settings = readCredentialSettings(
			await this.getCredentials(OFAUTH.credential),
			OFAUTH.defaultBaseUrl,
		);
		const scope = [event, resolveConnectionId(this, settings, undefined), source.scope(this)].join(
			'|',
		);
		const staticData = this.getWorkflowStaticData('node');
		const state = readState(staticData, scope);
		const deadline = pollDeadline(this);

		if (!state) {
			// first poll (or the event, account or options changed): remember where things stand, emit nothing
			const snapshot = await source.scan(this, { isKnown: () => false, deadline });
			writeState(staticData, {
				scope,
				cursor: Number.isNaN(snapshot.newest) ? 0 : snapshot.newest,
				seen: remember(
					[],
					[...snapshot.items.map((item) => item.key), ...(snapshot.observed ?? [])],
				),
			});
			return null;
		}

		const known = new Set(state.seen);
		const result = await source.scan(this, {
			since: state.cursor,
			isKnown: (key) => known.has(key),
			deadline,
		});
		const fresh = selectNew(result.items, state);
		if (result.truncated) {
			this.logger.warn(
				`OFAuth Poll Trigger "${this.getNode().name}": more new items than one poll reads; older ones of this backlog are skipped. Poll more often to avoid this.`,
			);
		}
		writeState(staticData, {
			scope,
			cursor: maxTime(state.cursor, result.newest),
			seen: remember(state.seen, [...fresh.map((item) => item.key), ...(result.observed ?? [])]),
		});
		return fresh.length > 0 ? [fresh.map((item) => ({ json: item.json }))] : null;
	}
}
