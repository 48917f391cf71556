import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { ServiceLabels } from './apiError';
import type { NodeContext } from './connection';
import { oncePerRun } from './perRun';

/**
 * The two services that sell this API. A node's "authentication" parameter names the credential
 * of the one it uses; everything provider-specific in the transport is decided from here.
 */
export type ProviderCredential = 'ofAuthApi' | 'onlyFansApi';

export interface Provider extends ServiceLabels {
	credential: ProviderCredential;
	/** Where the account goes: the x-connection-id header (OFAuth) or the path (`{account}` in it). */
	accountIn: 'header' | 'path';
	/** OnlyFansAPI.com wraps every answer as {data, _meta, _pagination}. */
	unwrap(body: unknown): unknown;
}

export const OFAUTH: Provider = {
	credential: 'ofAuthApi',
	label: 'OFAuth',
	accountWord: 'connection',
	keyPage: 'OFAuth dashboard > API keys',
	accountIn: 'header',
	unwrap: (body) => body,
};

export const ONLYFANSAPI: Provider = {
	credential: 'onlyFansApi',
	label: 'OnlyFansAPI.com',
	accountWord: 'account',
	keyPage: 'https://app.onlyfansapi.com/api-keys',
	accountIn: 'path',
	unwrap: (body) =>
		body !== null && typeof body === 'object' && !Array.isArray(body) && 'data' in body
			? (body as IDataObject).data
			: body,
};

/** The provider a node uses: its "authentication" parameter (OFAuth when the node has none, as the triggers). */
export function providerOf(context: NodeContext): Provider {
	// the Authentication field cannot be an expression: one read serves the whole run
	return oncePerRun(context, 'provider', () => readProvider(context));
}

function readProvider(context: NodeContext): Provider {
	let chosen: unknown;
	try {
		if ('getCurrentNodeParameter' in context)
			chosen = context.getCurrentNodeParameter('authentication');
		else if ('getInputData' in context)
			chosen = context.getNodeParameter('authentication', 0, 'ofAuthApi');
		else chosen = (context as IPollFunctions).getNodeParameter('authentication', 'ofAuthApi');
	} catch {
		chosen = 'ofAuthApi';
	}
	return chosen === 'onlyFansApi' ? ONLYFANSAPI : OFAUTH;
}
