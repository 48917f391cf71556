import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ONLYFANSAPI } from '../OnlyFansApi/onlyFansApiService';
import { connectionField, searchConnections } from '../shared/connection';
import { describeFor } from '../shared/service';
import { ANY_EVENT } from '../shared/trigger/events';
import {
	createWebhook,
	deleteWebhook,
	ONLYFANSAPI_EVENT_OPTIONS,
	receiveDelivery,
	webhookExists,
} from './webhooks';

/**
 * Starts a workflow on OnlyFansAPI.com webhook events. OnlyFansAPI.com manages webhooks by API:
 * publishing the workflow registers this node's URL for the chosen events (webhooks.ts), and
 * unpublishing removes it; deliveries are verified against a secret made from the API key.
 */
export class OnlyFansApiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OnlyFansAPI.com Trigger',
		name: 'onlyFansApiTrigger',
		icon: { light: 'file:onlyfansapi.svg', dark: 'file:onlyfansapi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{($parameter["events"] || []).includes("*") ? "Any event" : ($parameter["events"] || []).join(", ")}}',
		description:
			// n8n's node creator shows this node and the action node as one entry with this description
			'Send OnlyFans messages and PPVs, read chats, mass-message fans, and start a workflow when a fan writes',
		defaults: { name: 'OnlyFansAPI.com Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlyFansApiMessagingApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// every answer is given by the delivery handler itself (see startRun)
				responseData: '',
				path: 'webhook',
			},
		],
		triggerPanel: {
			header:
				'Publishing the workflow registers this webhook with OnlyFansAPI.com for the chosen events; unpublishing removes it. Nothing to paste anywhere.',
			executionsHelp: {
				inactive:
					'While building, click "Listen for test event": the Test URL is registered with OnlyFansAPI.com until the test ends. Then publish the workflow: its Production URL is registered and those executions appear in the executions list.',
				active:
					'The workflow is published: OnlyFansAPI.com sends the chosen events to its Production URL, which starts it.',
			},
			activationHint:
				'Publish the workflow: its webhook is registered with OnlyFansAPI.com for the chosen events.',
		},
		properties: describeFor(ONLYFANSAPI, [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: ONLYFANSAPI_EVENT_OPTIONS,
				default: [ANY_EVENT],
				description:
					'Which events the webhook is registered for and start the workflow. Any Event registers every documented event.',
			},
			{
				displayName:
					'Publishing this workflow registers its webhook with OnlyFansAPI.com, signed with a secret made from your API key (after changing the key, publish again); unpublishing removes it',
				name: 'registrationNotice',
				type: 'notice',
				default: '',
			},
			{
				...connectionField,
				displayName: 'Only for %Account%',
				hint: 'Empty: every %account%',
				description:
					'Register the webhook for this OnlyFans account only. Leave empty for every account.',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description:
					'Whether to output only the event payload instead of the whole delivery {event, account_id, payload}',
			},
		]),
	};

	methods = { listSearch: { searchConnections } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}
}
