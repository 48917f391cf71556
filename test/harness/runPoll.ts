import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IPollFunctions,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { PollContext, runPollInStagingScope, TriggersAndPollers } from 'n8n-core';

import { OfAuthPollTrigger } from '../../nodes/OfAuthPollTrigger/OfAuthPollTrigger.node';
import { OnlyFansApiPollTrigger } from '../../nodes/OnlyFansApiPollTrigger/OnlyFansApiPollTrigger.node';
import { testAdditionalData } from './additionalData';
import { nodeTypeName, PackageNodeTypes, registerNodeType } from './packageTypes';

registerNodeType('ofAuthPollTrigger', () => new OfAuthPollTrigger());
registerNodeType('onlyFansApiPollTrigger', () => new OnlyFansApiPollTrigger());

export interface PollTriggerSpec {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Node type inside its package; default `ofAuthPollTrigger` (or `onlyFansApiPollTrigger`). */
	type?: string;
}

export interface PollTriggerHarness {
	/**
	 * One poll the way n8n's poll executor runs it: a fresh n8n-core PollContext inside the
	 * staging scope, dispatched by n8n-core's TriggersAndPollers. Returns what the node returned
	 * (null: nothing new) and rejects with the node's error. Trigger mode by default; 'manual'
	 * is the editor's "Fetch Test Event".
	 */
	poll(
		mode?: Extract<WorkflowExecuteMode, 'trigger' | 'manual'>,
	): Promise<INodeExecutionData[][] | null>;
	/** The node's static data (getWorkflowStaticData('node')) as stored after the last trigger-mode poll. */
	staticData(): IDataObject;
	readonly node: INode;
}

const nodeTypes = new PackageNodeTypes();

/**
 * A poll trigger of this package inside a real Workflow. Between polls the workflow's static
 * data goes through JSON, as it does when n8n saves it to its database and loads it for the
 * next poll, so the node's cursor must survive serialisation.
 */
export function createPollTrigger(spec: PollTriggerSpec): PollTriggerHarness {
	const node: INode = {
		id: 'poll-node',
		name: 'OFAuth Poll Trigger',
		type: nodeTypeName(spec.type ?? 'ofAuthPollTrigger'),
		typeVersion: 1,
		position: [0, 0],
		parameters: spec.parameters,
		credentials: (spec.type ?? '').startsWith('onlyFansApi')
			? { onlyFansApiMessagingApi: { id: 'cred-2', name: 'OnlyFansAPI.com account' } }
			: { ofAuthApi: { id: 'cred-1', name: 'OFAuth account' } },
	};
	let stored: IDataObject = {};
	const additionalData = testAdditionalData(spec.credentials);
	const triggersAndPollers = new TriggersAndPollers();

	return {
		node,
		staticData: () => JSON.parse(JSON.stringify(stored[`node:${node.name}`] ?? {})) as IDataObject,
		async poll(mode = 'trigger') {
			const workflow = new Workflow({
				id: 'harness-poll',
				name: 'harness-poll',
				nodes: [node],
				connections: {},
				active: mode === 'trigger',
				nodeTypes,
				staticData: JSON.parse(JSON.stringify(stored)) as IDataObject,
				settings: { executionOrder: 'v1' },
			});
			const workflowNode = workflow.getNode(node.name)!;
			const context: IPollFunctions = new PollContext(
				workflow,
				workflowNode,
				additionalData,
				mode,
				mode === 'manual' ? 'manual' : 'update',
				() => {
					throw new Error('the harness returns poll results instead of emitting them');
				},
				(error: Error) => {
					throw error;
				},
			);
			const result = await runPollInStagingScope(
				context,
				async () => await triggersAndPollers.runPollFunction(workflow, workflowNode, context),
			);
			if (mode === 'trigger') {
				// what n8n persists after a poll; a manual poll works on throw-away test data
				stored = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			}
			return result;
		},
	};
}
