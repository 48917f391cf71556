import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { oncePerRun } from './perRun';

export const CREDENTIAL_TYPE = 'ofAuthApi';

export type NodeContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface OfAuthCredentialSettings {
	baseUrl: string;
	defaultConnectionId: string;
}

export function readCredentialSettings(
	credentials: ICredentialDataDecryptedObject,
): OfAuthCredentialSettings {
	const chosen = String(credentials.baseUrl ?? 'https://api.ofauth.com');
	const baseUrl = (chosen === 'custom' ? String(credentials.customBaseUrl ?? '') : chosen)
		.trim()
		.replace(/\/+$/, '');
	return { baseUrl, defaultConnectionId: String(credentials.defaultConnectionId ?? '').trim() };
}

function isExecuteContext(context: NodeContext): context is IExecuteFunctions {
	return 'getInputData' in context && 'continueOnFail' in context;
}

function isLoadOptionsContext(context: NodeContext): context is ILoadOptionsFunctions {
	return 'getCurrentNodeParameter' in context;
}

/** The connection the node's Connection field names, or '' when it is empty or absent. */
export function readConnectionField(context: NodeContext, itemIndex: number | undefined): string {
	if (isExecuteContext(context) && itemIndex === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			'An OFAuth request of an action was made without its item index',
		);
	}
	let value: unknown;
	try {
		if (isLoadOptionsContext(context)) {
			value = context.getCurrentNodeParameter('connection', { extractValue: true });
		} else if (isExecuteContext(context)) {
			value = context.getNodeParameter('connection', itemIndex as number, '', {
				extractValue: true,
			});
		} else {
			value = (context as IPollFunctions).getNodeParameter('connection', '', {
				extractValue: true,
			});
		}
	} catch {
		value = '';
	}
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * The OnlyFans account (x-connection-id) a /v2/access call acts as: the node's Connection
 * field, else the credential's default; a clear error when neither is set.
 */
export function resolveConnectionId(
	context: NodeContext,
	settings: OfAuthCredentialSettings,
	itemIndex: number | undefined,
): string {
	const connectionId =
		oncePerRun(context, `connection:${String(itemIndex)}`, () =>
			readConnectionField(context, itemIndex),
		) || settings.defaultConnectionId;
	if (!connectionId) {
		throw new NodeOperationError(context.getNode(), 'No OFAuth connection chosen', {
			description:
				"Pick the OnlyFans account in the node's Connection field, or set a Default Connection ID (conn_...) in the OFAuth API credential.",
			itemIndex,
		});
	}
	return connectionId;
}
