import type {
	ICredentialDataDecryptedObject,
	IConnections,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IRunExecutionData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { testAdditionalData } from './additionalData';
import { actionNodeType, PackageNodeTypes } from './packageTypes';

export interface StepSpec {
	/** Node name; defaults to "OFAuth", "OFAuth 2", ... */
	name?: string;
	/** Node type name inside this package; default `ofAuth`. */
	type?: string;
	parameters: INodeParameters;
	continueOnFail?: boolean;
	/** The node's version in the workflow (default 1: what workflows saved before 1.1 hold). */
	typeVersion?: number;
	/** Settings > On Error; `continueOnFail: true` means 'continueRegularOutput'. */
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
}

export interface RunSpec {
	/** Nodes run in this order, each fed by the previous one. */
	steps: StepSpec[];
	/** Items given to the first node. */
	items?: INodeExecutionData[];
	/** Values of the OFAuth API credential. */
	credentials: ICredentialDataDecryptedObject;
	/** Cancels the execution (as n8n's Stop button does) once this returns true; checked every 10 ms. */
	cancelWhen?: () => boolean;
}

export interface RunResult {
	run: IRun;
	/** Output items of a node (main output 0, or 1: the error output); the last node when no name is given. */
	output(nodeName?: string, outputIndex?: number): INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error: Error | undefined;
	nodeNames: string[];
}

const nodeTypes = new PackageNodeTypes();

/** Workflow and execution ids of every harness run (binary data is stored under them). */
export const HARNESS_WORKFLOW_ID = 'harness';
export const HARNESS_EXECUTION_ID = 'exec-1';

/**
 * Executes a workflow made of this package's nodes the way n8n does: a real Workflow,
 * n8n-core's WorkflowExecute, the credential applied through its `authenticate` block,
 * and real HTTP from the node (to the simulator).
 */
export async function runWorkflow(spec: RunSpec): Promise<RunResult> {
	const nodes: INode[] = spec.steps.map((step, index) => ({
		id: `node-${index}`,
		name: step.name ?? (index === 0 ? 'OFAuth' : `OFAuth ${index + 1}`),
		type: actionNodeType(step.type, step.parameters),
		typeVersion: step.typeVersion ?? 1,
		position: [index * 220, 0],
		parameters: step.parameters,
		credentials: {
			ofAuthApi: { id: 'cred-1', name: 'OFAuth account' },
			onlyFansApiMessagingApi: { id: 'cred-2', name: 'OnlyFansAPI.com account' },
		},
		...(step.continueOnFail
			? { continueOnFail: true, onError: 'continueRegularOutput' as const }
			: {}),
		...(step.onError ? { onError: step.onError } : {}),
	}));
	const connections: IConnections = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = {
			main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	const workflow = new Workflow({
		id: 'harness',
		name: 'harness',
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {
		id: 'harness',
		name: 'harness',
		nodes,
		connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveFinished(fullRunData));

	const additionalData = testAdditionalData(spec.credentials, { hooks });

	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: nodes[0], data: { main: [spec.items ?? [{ json: {} }]] }, source: null },
			],
		},
	});

	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const running = execution.processRunExecutionData(workflow);
	const watcher = spec.cancelWhen
		? setInterval(() => {
				if (spec.cancelWhen!()) running.cancel();
			}, 10)
		: undefined;
	try {
		await running;
	} catch (error) {
		if (!running.isCanceled) throw error;
	} finally {
		clearInterval(watcher);
	}
	const run = await finished;
	const { runData, error } = run.data.resultData;

	return {
		run,
		nodeNames: nodes.map((node) => node.name),
		error: error as Error | undefined,
		output(nodeName = nodes[nodes.length - 1].name, outputIndex = 0) {
			const task = runData[nodeName]?.[0];
			if (!task) return [];
			return (task.data?.main?.[outputIndex] ?? []) as INodeExecutionData[];
		},
	};
}

/** One OFAuth node fed with `items`. */
export async function runNode(
	parameters: INodeParameters,
	options: Omit<RunSpec, 'steps'> &
		Pick<StepSpec, 'continueOnFail' | 'onError' | 'type' | 'typeVersion'>,
): Promise<RunResult> {
	return await runWorkflow({
		...options,
		steps: [
			{
				parameters,
				continueOnFail: options.continueOnFail,
				onError: options.onError,
				type: options.type,
				typeVersion: options.typeVersion,
			},
		],
	});
}
