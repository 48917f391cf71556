import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { testAdditionalData } from './additionalData';
import { actionNodeType, PackageNodeTypes } from './packageTypes';

export interface LoadOptionsSpec {
	/** Parameters of the node as the editor has them when it asks for the options. */
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Node type inside this package; default `ofAuth`. */
	type?: string;
	/** The parameter the editor asks for (n8n's `path`), e.g. `parameters.fan`. */
	path?: string;
}

const nodeTypes = new PackageNodeTypes();

/**
 * Builds n8n-core's own LoadOptionsContext for a node of this package, the context n8n gives
 * listSearch and loadOptions methods when the editor opens a picker.
 */
function loadOptionsContext(spec: LoadOptionsSpec): ILoadOptionsFunctions {
	const node: INode = {
		id: 'node-0',
		name: 'OFAuth',
		type: actionNodeType(spec.type, spec.parameters),
		typeVersion: 1,
		position: [0, 0],
		parameters: spec.parameters,
		credentials: {
			ofAuthApi: { id: 'cred-1', name: 'OFAuth account' },
			onlyFansApiMessagingApi: { id: 'cred-2', name: 'OnlyFansAPI.com account' },
		},
	};
	const workflow = new Workflow({
		id: 'harness-load-options',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const additionalData = testAdditionalData(spec.credentials, {
		currentNodeParameters: workflow.nodes[node.name].parameters,
	});
	return new LoadOptionsContext(
		workflow,
		workflow.nodes[node.name],
		additionalData,
		spec.path ?? 'parameters',
	);
}

function nodeMethods(spec: LoadOptionsSpec) {
	const nodeType = nodeTypes.getByNameAndVersion(actionNodeType(spec.type, spec.parameters));
	return nodeType.methods ?? {};
}

/** Calls a `listSearch` method of the node as the editor does (search text and page token). */
export async function runListSearch(
	method: string,
	spec: LoadOptionsSpec & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const search = nodeMethods(spec).listSearch?.[method];
	if (!search) throw new Error(`The node has no listSearch method ${method}`);
	return await search.call(loadOptionsContext(spec), spec.filter, spec.paginationToken);
}

/** Calls a `loadOptions` method of the node as the editor does. */
export async function runLoadOptions(
	method: string,
	spec: LoadOptionsSpec,
): Promise<INodePropertyOptions[]> {
	const load = nodeMethods(spec).loadOptions?.[method];
	if (!load) throw new Error(`The node has no loadOptions method ${method}`);
	return await load.call(loadOptionsContext(spec));
}
