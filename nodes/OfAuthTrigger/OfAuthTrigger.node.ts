import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { OFAUTH } from '../OfAuth/ofAuthService';
import { connectionField, searchConnections } from '../shared/connection';
import { describeFor } from '../shared/service';
import { isRepeatDelivery } from '../shared/trigger/dedupe';
import { ANY_EVENT, isEventSelected } from '../shared/trigger/events';
import {
	acknowledge,
	parseEvent,
	readRawBody,
	refuse,
	startRun,
} from '../shared/trigger/webhookRequest';
import { eventIdOf } from './deliveryId';
import { EVENT_OPTIONS, eventConnectionId, simplifyEvent } from './events';
import type { SignatureScheme } from './signature';
import { verifyDelivery } from './signature';

const DASHBOARD_URL = 'https://app.ofauth.com/platform/developers/webhooks';

async function signingSecret(context: IHookFunctions | IWebhookFunctions): Promise<string> {
	try {
		const secret = (await context.getCredentials(OFAUTH.credential)).webhookSigningSecret;
		return typeof secret === 'string' ? secret.trim() : '';
	} catch {
		return ''; // no credential selected or it cannot be read: treated as no secret (401), never a crash
	}
}

const NO_SECRET =
	'Verify Signature is on but the OFAuth API credential has no Webhook Signing Secret: copy the signing secret of this endpoint from the OFAuth dashboard (Developers > Webhooks) into the credential, or turn Verify Signature off';

/** The one setup instruction, the same in the trigger panel and in the parameters. */
const SETUP_STEP =
	'Open "Webhook URLs" at the top of the Parameters panel, choose Production URL, copy it and paste it as an endpoint in the OFAuth dashboard under Developers > Webhooks';

export class OfAuthTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OFAuth Trigger',
		name: 'ofAuthTrigger',
		icon: { light: 'file:ofauth.svg', dark: 'file:ofauth.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{($parameter["events"] || []).includes("*") ? "Any event" : ($parameter["events"] || []).join(", ")}}',
		description:
			// n8n's node creator shows this node and the OFAuth node as one entry with this description
			'Send OnlyFans messages and PPVs, read chats, mass-message fans, and start a workflow when a fan writes',
		defaults: { name: 'OFAuth Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ofAuthApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// every answer is given by webhook() itself (see startRun)
				responseData: '',
				path: 'webhook',
			},
		],
		triggerPanel: {
			header: `${SETUP_STEP} (${DASHBOARD_URL}). OFAuth has no API to register webhooks.`,
			executionsHelp: {
				inactive:
					'While building, click "Listen for test event", paste the Test URL into the OFAuth dashboard and send an event. When done, publish the workflow and paste the Production URL there instead: those executions appear in the executions list.',
				active:
					'The workflow is published: OFAuth deliveries to the Production URL start it. Paste the Test URL into the OFAuth dashboard only while you test changes.',
			},
			activationHint:
				'Publish the workflow, then paste its Production URL into the OFAuth dashboard.',
		},
		properties: describeFor(OFAUTH, [
			{
				displayName: `${SETUP_STEP}, then copy that endpoint's signing secret into the OFAuth API credential (Webhook Signing Secret)`,
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: EVENT_OPTIONS,
				default: [ANY_EVENT],
				description:
					'Which events start the workflow. Other events are answered with 200 and start nothing.',
			},
			{
				...connectionField,
				displayName: 'Only for %Account%',
				hint: 'Empty: every %account%',
				description:
					'Only start for events of this OnlyFans account. Leave empty for every account. Events that belong to no account (Rules Updated) always pass.',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to reject (401) deliveries whose OFAuth-Signature or svix-signature does not match the Webhook Signing Secret of the credential, or is older than 5 minutes',
			},
			{
				displayName:
					'Verification needs the Webhook Signing Secret of the OFAuth API credential. Without it every delivery is refused with 401 (the reason is in the n8n log).',
				name: 'signingSecretNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { verifySignature: [true] } },
			},
			{
				displayName:
					'Without verification anyone who knows the URL can start this workflow with a made-up event',
				name: 'verifyOffNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { verifySignature: [false] } },
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description:
					'Whether to output only the event body (data.eventBody for Realtime events, data for account events) instead of the whole envelope with type and timestamp',
			},
		]),
	};

	methods = { listSearch: { searchConnections } };

	webhookMethods = {
		default: {
			/**
			 * Webhooks live in the OFAuth dashboard, so there is nothing to look up or register. A
			 * missing signing secret is logged when the workflow is published; deliveries then get 401.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (
					this.getNodeParameter('verifySignature', true) === true &&
					!(await signingSecret(this))
				) {
					this.logger.warn(`OFAuth Trigger "${this.getNode().name}": ${NO_SECRET}`);
				}
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const headers = this.getHeaderData() as Record<string, string | string[] | undefined>;
		const rawBody = await readRawBody(this);

		let verifiedScheme: SignatureScheme | undefined;
		if (this.getNodeParameter('verifySignature', true) === true) {
			const secret = await signingSecret(this);
			if (!secret) {
				this.logger.warn(
					`OFAuth Trigger "${this.getNode().name}" refused a delivery with 401: ${NO_SECRET}`,
				);
				return refuse(
					this,
					401,
					'Signature verification is on but no signing secret is configured',
				);
			}
			const verification = verifyDelivery(headers, rawBody, secret, Math.floor(Date.now() / 1000));
			if (!verification.valid) {
				this.logger.warn(
					`OFAuth Trigger "${this.getNode().name}" refused a delivery with 401: ${verification.reason}`,
				);
				return refuse(this, 401, verification.reason);
			}
			verifiedScheme = verification.scheme;
		}

		const event = parseEvent(rawBody);
		if (!event)
			return refuse(this, 400, 'The body must be a JSON object with a "type" (an OFAuth event)');

		const selected = this.getNodeParameter('events', [ANY_EVENT]) as string[];
		if (!isEventSelected(selected, event.type as string))
			return acknowledge(`event type ${event.type as string} is not selected`);

		const onlyConnection = String(
			this.getNodeParameter('connection', '', { extractValue: true }) ?? '',
		).trim();
		const connectionId = eventConnectionId(event);
		if (onlyConnection && connectionId && connectionId !== onlyConnection) {
			return acknowledge(`event of connection ${connectionId}, not ${onlyConnection}`);
		}

		if (isRepeatDelivery(this, [eventIdOf(verifiedScheme, headers, event, rawBody)])) {
			return acknowledge('event already received (redelivery)');
		}

		const simplify = this.getNodeParameter('simplify', false) === true;
		const output: IDataObject = simplify ? simplifyEvent(event) : event;
		return startRun(this, [output]);
	}
}
