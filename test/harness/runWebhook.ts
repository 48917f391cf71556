import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { HookContext, WebhookContext } from 'n8n-core';

import { OfAuthTrigger } from '../../nodes/OfAuthTrigger/OfAuthTrigger.node';
import { OnlyFansApiTrigger } from '../../nodes/OnlyFansApiTrigger/OnlyFansApiTrigger.node';
import { testAdditionalData } from './additionalData';
import { nodeTypeName, PackageNodeTypes, registerNodeType } from './packageTypes';

registerNodeType('ofAuthTrigger', () => new OfAuthTrigger());
registerNodeType('onlyFansApiTrigger', () => new OnlyFansApiTrigger());

export interface WebhookTriggerSpec {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Node type inside this package; default `ofAuthTrigger`. */
	type?: string;
}

export interface WebhookDelivery {
	status: number;
	body: string;
}

export interface WebhookTriggerHarness {
	/** Where the trigger listens (POST). */
	url: string;
	/** The workflow data of every delivery that started an execution, in order. */
	started: INodeExecutionData[][][];
	/** The node's static data as stored after the last delivery. */
	staticData(): IDataObject;
	/**
	 * Runs webhookMethods.default[method] in n8n-core's HookContext, as n8n does when a workflow is
	 * published; like n8n, keeps the static data afterwards only when the method changed it.
	 */
	runWebhookMethod(
		method: 'checkExists' | 'create' | 'delete',
		activation?: WorkflowActivateMode,
	): Promise<boolean>;
	/**
	 * How many webhook-method runs changed the static data. n8n saves such a change after registering,
	 * over whatever a delivery saved in the meantime.
	 */
	staticDataSavesByWebhookMethods(): number;
	close(): Promise<void>;
}

const nodeTypes = new PackageNodeTypes();

/** The part of Express's response the node uses, on top of Node's own response object. */
function expressResponse(res: ServerResponse): ServerResponse & {
	status(code: number): unknown;
	json(body: unknown): unknown;
	send(body: unknown): unknown;
} {
	const extended = res as ServerResponse & {
		status(code: number): unknown;
		json(body: unknown): unknown;
		send(body: unknown): unknown;
	};
	extended.status = (code: number) => {
		res.statusCode = code;
		return extended;
	};
	extended.json = (body: unknown) => {
		res.setHeader('content-type', 'application/json; charset=utf-8');
		res.end(JSON.stringify(body));
		return extended;
	};
	extended.send = (body: unknown) => {
		res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
		return extended;
	};
	return extended;
}

/**
 * The OFAuth Trigger behind a real HTTP server on 127.0.0.1. Each request is handled the way
 * n8n's webhook server does: the raw body is read and kept (`req.rawBody`), JSON bodies are
 * parsed (malformed JSON is a 422 before the node runs, as in n8n), then the node's `webhook()`
 * runs in n8n-core's WebhookContext with the real request; `noWebhookResponse` means the node
 * answered itself, `workflowData` starts an execution (200 with the node's webhookResponse, else "Workflow was started"), anything
 * else is a 200 without an execution. Static data is saved through JSON when n8n would save it.
 */
export async function startWebhookTrigger(
	spec: WebhookTriggerSpec,
): Promise<WebhookTriggerHarness> {
	const node: INode = {
		id: 'webhook-node',
		name: 'OFAuth Trigger',
		type: nodeTypeName(
			spec.type ??
				(spec.parameters.authentication === 'onlyFansApi' ? 'onlyFansApiTrigger' : 'ofAuthTrigger'),
		),
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'b9f2f4f4-7c1e-4f7e-9d43-0f1c2b3a4d5e',
		parameters: spec.parameters,
		credentials: {
			ofAuthApi: { id: 'cred-1', name: 'OFAuth account' },
			onlyFansApiMessagingApi: { id: 'cred-2', name: 'OnlyFansAPI.com account' },
		},
	};
	const nodeType = nodeTypes.getByNameAndVersion(node.type) as INodeType;
	const started: INodeExecutionData[][][] = [];
	let stored: IDataObject = {};
	let webhookMethodSaves = 0;
	// its own workflow id: the trigger also remembers event ids per workflow in the process
	const workflowId = `harness-webhook-${randomUUID()}`;

	const buildWorkflow = () =>
		new Workflow({
			id: workflowId,
			name: 'harness-webhook',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(stored)) as IDataObject,
			settings: { executionOrder: 'v1' },
		});
	const webhookData = (
		workflow: Workflow,
		additionalData: IWebhookData['workflowExecuteAdditionalData'],
	): IWebhookData => ({
		httpMethod: 'POST',
		node: node.name,
		path: `${node.webhookId}/webhook`,
		webhookDescription: nodeType.description.webhooks![0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	});

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		const contentType = String(req.headers['content-type'] ?? '')
			.split(';')[0]
			.trim()
			.toLowerCase();
		const request = req as IncomingMessage & {
			rawBody: Buffer;
			body: unknown;
			contentType?: string;
		};
		request.rawBody = raw;
		request.contentType = contentType;
		request.body = {};
		if (raw.length > 0 && contentType === 'application/json') {
			try {
				request.body = JSON.parse(raw.toString('utf8'));
			} catch {
				res
					.writeHead(422, { 'content-type': 'application/json' })
					.end(JSON.stringify({ message: 'Failed to parse request body' }));
				return;
			}
		} else if (raw.length > 0 && contentType === 'text/plain') {
			request.body = raw.toString('utf8');
		}

		const workflow = buildWorkflow();
		const additionalData = testAdditionalData(spec.credentials, {
			httpRequest: req,
			httpResponse: expressResponse(res),
		});
		const context = new WebhookContext(
			workflow,
			workflow.getNode(node.name)!,
			additionalData,
			'webhook',
			webhookData(workflow, additionalData),
			[],
			null,
		);
		const result = (await nodeType.webhook!.call(context)) as IWebhookResponseData;
		// As n8n 2.41.1's live webhooks: static data that webhook() changed is saved when the answer
		// is given before a run starts (the node answered itself, or nothing starts). An answer deferred
		// until the run has started loses it: n8n re-wraps the static data for the run first.
		if (result.noWebhookResponse || !result.workflowData) {
			stored = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		}
		if (result.workflowData) started.push(result.workflowData);
		if (result.noWebhookResponse) {
			if (!res.writableEnded) res.end();
			return;
		}
		res.setHeader('content-type', 'application/json');
		if (result.workflowData) {
			// as n8n's onReceived response: the node's webhookResponse when it gives one
			res.end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
			return;
		}
		res.end(JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' }));
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => {
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: error.message }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}/webhook/${node.webhookId}/webhook`,
		started,
		staticData: () => JSON.parse(JSON.stringify(stored[`node:${node.name}`] ?? {})) as IDataObject,
		staticDataSavesByWebhookMethods: () => webhookMethodSaves,
		async runWebhookMethod(method, activation = 'activate') {
			const workflow = buildWorkflow();
			// the URL a trigger registers (getNodeWebhookUrl) is this harness server's
			const additionalData = testAdditionalData(spec.credentials, {
				webhookBaseUrl: `http://127.0.0.1:${port}/webhook`,
			});
			const context = new HookContext(
				workflow,
				workflow.getNode(node.name)!,
				additionalData,
				'trigger',
				activation,
				webhookData(workflow, additionalData),
			);
			const fn = nodeType.webhookMethods?.default?.[method];
			if (!fn) throw new Error(`The node has no webhook method ${method}`);
			const result = await fn.call(context);
			// as n8n's WorkflowStaticDataService.saveStaticData: only a changed static data is written
			if (workflow.staticData.__dataChanged === true) {
				stored = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
				webhookMethodSaves += 1;
			}
			return result;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
