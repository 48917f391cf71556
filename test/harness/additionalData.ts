import type { ICredentialDataDecryptedObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';

/** The base URL the harness pretends n8n runs on (only used to build URLs; nothing listens there). */
export const HARNESS_N8N_URL = 'http://127.0.0.1:5678';

/**
 * What n8n passes every node context as `additionalData`: the credentials helper that applies the
 * OFAuth credential, and the instance URLs. Shared by the workflow, poll and webhook harnesses.
 */
export function testAdditionalData(
	credentials: ICredentialDataDecryptedObject,
	extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	return {
		// the same values under both services' credential types: each node reads its own
		credentialsHelper: new TestCredentialsHelper({
			ofAuthApi: credentials,
			onlyFansApiMessagingApi: credentials,
		}),
		executeWorkflow: async () => {
			throw new Error('not available in tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${HARNESS_N8N_URL}/rest`,
		instanceBaseUrl: HARNESS_N8N_URL,
		executionId: 'exec-1',
		formBaseUrl: `${HARNESS_N8N_URL}/form`,
		formWaitingBaseUrl: `${HARNESS_N8N_URL}/form-waiting`,
		formTestBaseUrl: `${HARNESS_N8N_URL}/form-test`,
		webhookBaseUrl: `${HARNESS_N8N_URL}/webhook`,
		webhookWaitingBaseUrl: `${HARNESS_N8N_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${HARNESS_N8N_URL}/webhook-test`,
		mcpBaseUrl: `${HARNESS_N8N_URL}/mcp`,
		mcpTestBaseUrl: `${HARNESS_N8N_URL}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}
