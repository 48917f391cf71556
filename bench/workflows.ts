/**
 * The workflows the benchmark runs in the real n8n: this package's node and n8n's own nodes
 * wired the way a user would do the same thing by hand.
 */
import type { WorkflowJson } from '../test/e2e/realN8n';
import { onlyFansApiTypeOf, PACKAGE_NAME } from '../test/e2e/realN8n';

type WorkflowNode = WorkflowJson['nodes'][number];
export const FANS = 250; // the seeded fans 100001..100250 take turns
export const OFAUTH_CRED = { id: 'benchOfAuth00001', name: 'OFAuth bench' };
export const LIST_CRED = { id: 'benchOfAuthList1', name: 'OFAuth bench, 10,000 chats' };
export const UPLOAD_CRED = { id: 'benchOfAuthUpld1', name: 'OFAuth bench, upload simulator' };
export const HEADER_CRED = { id: 'benchHeader00001', name: 'OFAuth key as a header' };
export const LIST_HEADER_CRED = { id: 'benchHeaderList1', name: 'OFAuth key, 10,000 chats' };
/** The node whose executionTime is measured in every workflow. */
export const MEASURED = 'Measured';

const manual: WorkflowNode = {
	id: 'b1',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A webhook start, so that two workflows can be started at the same moment in one `n8n start`. */
export function webhookStart(pathSegment: string): WorkflowNode {
	return {
		id: 'b1',
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		parameters: { httpMethod: 'POST', path: pathSegment, responseMode: 'onReceived', options: {} },
		webhookId: `bench-${pathSegment}`,
	};
}

/** Start -> (nodes, in a line). */
export function chain(
	id: string,
	nodes: WorkflowNode[],
	start: WorkflowNode = manual,
): WorkflowJson {
	const all = [start, ...nodes].map((node, index) => ({
		...node,
		id: `b${index + 1}`,
		position: [index * 200, 0] as [number, number],
	}));
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name: id, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

export function rows(count: number): WorkflowNode {
	return {
		id: 'rows',
		name: 'Rows',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [0, 0],
		parameters: {
			jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { fanId: 100001 + (i % ${FANS}), text: 'bench ' + i } }));`,
		},
	};
}

export const ourSend = (): WorkflowNode => ({
	id: 'send',
	name: MEASURED,
	type: `${PACKAGE_NAME}.ofAuth`,
	typeVersion: 1,
	position: [0, 0],
	parameters: {
		resource: 'message',
		operation: 'send',
		fan: { __rl: true, mode: 'id', value: '={{ $json.fanId }}' },
		text: '={{ $json.text }}',
		options: {},
	},
	credentials: { ofAuthApi: OFAUTH_CRED },
});

export const OFAPI_CRED = { id: 'benchOfApi000001', name: 'OnlyFansAPI.com bench' };

/** Send Message with Guards > Duplicate Protection (Minutes) on: each row reads the fan's chat first. */
export const ourGuardedSend = (): WorkflowNode => {
	const node = ourSend();
	node.typeVersion = 1.3;
	node.parameters = { ...node.parameters, guards: { duplicateWindowMinutes: 60 } };
	return node;
};

/** Send Message through OnlyFansAPI.com. */
export const ourOnlyFansApiSend = (): WorkflowNode => {
	const node = ourSend();
	node.typeVersion = 1.3;
	node.type = onlyFansApiTypeOf(node.type);
	node.credentials = { onlyFansApiMessagingApi: OFAPI_CRED };
	return node;
};

/** The same POST with n8n's HTTP Request node and a header credential holding the key. */
export const httpSend = (
	baseUrl: string,
	connectionId: string,
	extra: Partial<WorkflowNode> = {},
): WorkflowNode => ({
	id: 'send',
	name: MEASURED,
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	position: [0, 0],
	parameters: {
		method: 'POST',
		url: `=${baseUrl}/v2/access/chats/{{ $json.fanId }}/messages`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'x-connection-id', value: connectionId }] },
		sendBody: true,
		bodyParameters: { parameters: [{ name: 'text', value: '={{ $json.text }}' }] },
		options: {},
	},
	credentials: { httpHeaderAuth: HEADER_CRED },
	...extra,
});

/** A user's answer to a rate limit with the HTTP Request node: Retry On Fail (5 tries, 1 s apart). */
export const httpSendRetrying = (baseUrl: string, connectionId: string): WorkflowNode =>
	httpSend(baseUrl, connectionId, { retryOnFail: true, maxTries: 5, waitBetweenTries: 1000 });

/** The other answer: its Batching option, 10 requests per second (the bucket's refill rate). */
export function httpSendBatched(baseUrl: string, connectionId: string): WorkflowNode {
	const node = httpSend(baseUrl, connectionId);
	node.parameters = {
		...node.parameters,
		options: { batching: { batch: { batchSize: 10, batchInterval: 1000 } } },
	};
	return node;
}

export const ourListChats = (): WorkflowNode => ({
	id: 'list',
	name: MEASURED,
	type: `${PACKAGE_NAME}.ofAuth`,
	typeVersion: 1,
	position: [0, 0],
	parameters: { resource: 'chat', operation: 'getMany', returnAll: true, filters: {} },
	credentials: { ofAuthApi: LIST_CRED },
});

/** List chats by hand: GET with the pagination option (offset += 20 until hasMore is false), then Split Out. */
export function httpListChats(baseUrl: string, connectionId: string): WorkflowNode[] {
	return [
		{
			id: 'list',
			name: MEASURED,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [0, 0],
			parameters: {
				method: 'GET',
				url: `${baseUrl}/v2/access/chats`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'limit', value: '20' }] },
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'x-connection-id', value: connectionId }] },
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: {
								parameters: [{ type: 'qs', name: 'offset', value: '={{ $pageCount * 20 }}' }],
							},
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.body.hasMore === false }}',
						},
					},
				},
			},
			credentials: { httpHeaderAuth: LIST_HEADER_CRED },
		},
		{
			id: 'split',
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [0, 0],
			parameters: { fieldToSplitOut: 'list', options: {} },
		},
	];
}

/** Read a file from disk (into n8n's binary data store), then this package's Media > Upload. */
export function readAndUpload(filePath: string): WorkflowNode[] {
	return [
		{
			id: 'read',
			name: 'Read File',
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1,
			position: [0, 0],
			parameters: { operation: 'read', fileSelector: filePath, options: { mimeType: 'video/mp4' } },
		},
		{
			id: 'upload',
			name: MEASURED,
			type: `${PACKAGE_NAME}.ofAuth`,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				resource: 'media',
				operation: 'upload',
				binaryPropertyName: 'data',
				options: {},
			},
			credentials: { ofAuthApi: UPLOAD_CRED },
		},
	];
}

/** Rows of an agency sheet: `perCreator` rows for each connection, grouped by creator, fans 100001.. */
export function rowsByCreator(connections: string[], perCreator: number): WorkflowNode {
	return {
		...rows(0),
		parameters: {
			jsCode: `const connections = ${JSON.stringify(connections)}; return connections.flatMap((connection, c) => Array.from({ length: ${perCreator} }, (_, i) => ({ json: { connection, fanId: 100001 + i, text: 'creator ' + c + ' row ' + i } })));`,
		},
	};
}

/** Send Message with the account taken from each row (`connection`). */
export const ourSendPerCreator = (): WorkflowNode => {
	const node = ourSend();
	node.parameters = {
		...node.parameters,
		connection: { __rl: true, mode: 'id', value: '={{ $json.connection }}' },
	};
	return node;
};
