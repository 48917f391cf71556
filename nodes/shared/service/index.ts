import type { IDataObject } from 'n8n-workflow';

import type { NodeContext, Provider } from '../transport';
import { providerOf, registerProvider } from '../transport';
import type { ProviderAdapter } from './adapter';

/**
 * One service that sells the API: everything the shared core needs of it. Each service's folder
 * defines one and registers it (nodes/OfAuth/ofAuthService.ts, nodes/OnlyFansApi/onlyFansApiService.ts);
 * its package holds only that service, so the core never imports a service.
 */
export interface Service extends Provider {
	adapter: ProviderAdapter;
	/** Where the linked OnlyFans accounts are listed (the account picker), and how an entry reads. */
	accounts: {
		path: string;
		pageSize: number;
		pick(account: IDataObject): { name: string; value: string };
	};
	/**
	 * The texts of shared field descriptions that differ per service, by `%name%` token
	 * (describeFor fills them in; see serviceTexts for the tokens every service has).
	 */
	texts: Record<string, string>;
}

const servicesByCredential = new Map<string, Service>();

export function registerService(service: Service): void {
	registerProvider(service);
	servicesByCredential.set(service.credential, service);
}

/** The service of the node at hand (known from its node type). */
export function serviceOf(context: NodeContext): Service {
	const service = servicesByCredential.get(providerOf(context).credential);
	if (!service) throw new Error(`No service is registered for ${providerOf(context).label}`);
	return service;
}

/** The adapter of the node's service: the model -> method, path, query and body of its API. */
export function adapterOf(context: NodeContext): ProviderAdapter {
	return serviceOf(context).adapter;
}

/** The tokens every description may use, and the service's own. */
function serviceTexts(service: Service): Record<string, string> {
	const article = /^[aeiou]/i.test(service.accountWord) ? 'an' : 'a';
	return {
		service: service.label,
		account: service.accountWord,
		anAccount: `${article} ${service.accountWord}`,
		AnAccount: `${article.charAt(0).toUpperCase()}${article.slice(1)} ${service.accountWord}`,
		Account: service.accountField,
		accountIdExample: service.accountIdExample,
		defaultAccountField: service.defaultAccountField,
		credential: service.credentialLabel,
		...service.texts,
	};
}

const TOKEN = /%([A-Za-z]+)%/g;

/**
 * A node description (any value: properties, options, texts) with every `%token%` replaced by the
 * service's text. A token the service lacks is a mistake in the code: it throws when the node is built.
 */
export function describeFor<T>(service: Service, description: T): T {
	const texts = serviceTexts(service);
	const fill = (value: unknown): unknown => {
		if (typeof value === 'string')
			return value.replace(TOKEN, (token, name: string) => {
				if (!(name in texts)) throw new Error(`${token} has no text for ${service.label}`);
				return texts[name];
			});
		if (Array.isArray(value)) return value.map(fill);
		if (value !== null && typeof value === 'object' && !(value instanceof RegExp)) {
			return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fill(entry)]));
		}
		return value;
	};
	return fill(description) as T;
}

export { ProviderLimit } from './adapter';
export type { OneRequestUpload, ProviderAdapter, ProviderList, ProviderRequest } from './adapter';
