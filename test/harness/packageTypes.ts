import type {
	ICredentialType,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { OfAuthApi } from '../../credentials/OfAuthApi.credentials';
import { OnlyFansApiMessagingApi } from '../../credentials/OnlyFansApiMessagingApi.credentials';
import { OfAuth } from '../../nodes/OfAuth/OfAuth.node';
import { OnlyFansApi as OnlyFansApiNode } from '../../nodes/OnlyFansApi/OnlyFansApi.node';

/** The two packages built from this source, one per service. */
export const PACKAGE = 'n8n-nodes-ofauth-messaging';
export const ONLYFANSAPI_PACKAGE = 'n8n-nodes-onlyfansapi-messaging';

/** A node type's full name as real n8n gives it: `package.name` (a full name is kept). */
export function nodeTypeName(name: string): string {
	if (name.includes('.')) return name;
	return `${name.startsWith('onlyFansApi') ? ONLYFANSAPI_PACKAGE : PACKAGE}.${name}`;
}

/**
 * The action node of a test step: the step's type, else the service its `authentication`
 * parameter names (how the tests written for both services pick one: 'ofAuthApi' or 'onlyFansApi').
 */
export function actionNodeType(type: string | undefined, parameters: IDataObject): string {
	if (type) return nodeTypeName(type);
	return nodeTypeName(parameters.authentication === 'onlyFansApi' ? 'onlyFansApi' : 'ofAuth');
}

const nodeClasses: Record<string, () => INodeType> = {
	[nodeTypeName('ofAuth')]: () => new OfAuth(),
	[nodeTypeName('onlyFansApi')]: () => new OnlyFansApiNode(),
};

/** Lets another test file add a node type of a package (e.g. a trigger) before running it. */
export function registerNodeType(name: string, factory: () => INodeType): void {
	nodeClasses[nodeTypeName(name)] = factory;
}

export const credentialTypes: Record<string, ICredentialType> = {
	ofAuthApi: new OfAuthApi(),
	onlyFansApiMessagingApi: new OnlyFansApiMessagingApi(),
};

export class PackageNodeTypes implements INodeTypes {
	private readonly cache = new Map<string, INodeType>();

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		let instance = this.cache.get(nodeType);
		if (!instance) {
			const factory = nodeClasses[nodeType];
			if (!factory) throw new Error(`Unknown node type ${nodeType}`);
			instance = NodeHelpers.getVersionedNodeType(factory(), version) as INodeType;
			this.cache.set(nodeType, instance);
		}
		return instance;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
