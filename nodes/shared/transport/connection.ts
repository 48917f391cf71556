import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { oncePerRun } from './perRun';
import type { NodeContext } from './provider';
import { providerOf } from './provider';

export type { NodeContext } from './provider';

export interface CredentialSettings {
	baseUrl: string;
	defaultConnectionId: string;
}

export function readCredentialSettings(
	credentials: ICredentialDataDecryptedObject,
	defaultBaseUrl: string,
): CredentialSettings {
	const chosen = String(credentials.baseUrl ?? defaultBaseUrl);
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
			`A ${providerOf(context).label} request of an action was made without its item index`,
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
 * The OnlyFans account a call acts as: the node's account field (Connection, Account), else the
 * credential's default; a clear error when neither is set.
 */
export function resolveConnectionId(
	context: NodeContext,
	settings: CredentialSettings,
	itemIndex: number | undefined,
): string {
	const connectionId =
		oncePerRun(context, `connection:${String(itemIndex)}`, () =>
			readConnectionField(context, itemIndex),
		) || settings.defaultConnectionId;
	if (!connectionId) {
		const provider = providerOf(context);
		throw new NodeOperationError(
			context.getNode(),
			`No ${provider.label} ${provider.accountWord} chosen`,
			{
				description: `Pick the OnlyFans account in the node's ${provider.accountField} field, or set a ${provider.defaultAccountField} (${provider.accountIdExample.replace(/_.*/, '_...')}) in the ${provider.credentialLabel} credential.`,
				itemIndex,
			},
		);
	}
	return connectionId;
}
