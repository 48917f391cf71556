import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { ServiceLabels } from './apiError';
import { oncePerRun } from './perRun';

/** Every kind of node context that calls the API. */
export type NodeContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

/**
 * What the transport and every text a user reads need to know of the service a node talks to. Each
 * service's folder defines one (nodes/OfAuth/ofAuthService.ts, nodes/OnlyFansApi/onlyFansApiService.ts)
 * and registers it for its node types; nothing here names a service.
 */
export interface Provider extends ServiceLabels {
	/** The credential type of the service (each package has exactly one). */
	credential: string;
	/** The API's address when a credential names none. */
	defaultBaseUrl: string;
	/** The credential as the credential list shows it, e.g. "Acme API". */
	credentialLabel: string;
	/** The node types of the service's package; n8n's tool variants (`...Tool`) follow them. */
	nodeNames: string[];
	/** How the node labels the linked OnlyFans account: its field, an example ID, the credential's default. */
	accountField: string;
	accountIdExample: string;
	defaultAccountField: string;
	/** Where the account goes: a header on the paths under `pathPrefix`, else the path (`{account}` in it). */
	accountHeader?: { name: string; pathPrefix: string };
	/** Reads an answer's payload out of the service's envelope (identity when it has none). */
	unwrap(body: unknown): unknown;
}

const providersByNodeName = new Map<string, Provider>();

/** Called once by each service module: its node types now find it. */
export function registerProvider(provider: Provider): void {
	for (const name of provider.nodeNames) providersByNodeName.set(name, provider);
}

/** The service of a node type (`package.name`, or n8n's tool variant `package.nameTool`). */
export function providerOfNodeType(nodeType: string): Provider {
	const name = nodeType.slice(nodeType.lastIndexOf('.') + 1);
	const provider =
		providersByNodeName.get(name) ?? providersByNodeName.get(name.replace(/Tool$/, ''));
	if (!provider)
		throw new Error(`The node type "${nodeType}" belongs to no service of this package`);
	return provider;
}

/** The service the node at hand talks to, known from its node type. */
export function providerOf(context: NodeContext): Provider {
	return oncePerRun(context, 'provider', () => providerOfNodeType(context.getNode().type));
}

/** An answer's payload when the service wraps answers as `{data, _meta, ...}`. */
export function unwrapDataEnvelope(body: unknown): unknown {
	return body !== null && typeof body === 'object' && !Array.isArray(body) && 'data' in body
		? (body as IDataObject).data
		: body;
}
