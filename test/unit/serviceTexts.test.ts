/**
 * How a node finds its service (by its node type, tool variants too) and how the shared
 * descriptions get each service's words (describeFor): pure, no server.
 */
import { OnlyFansApi } from '../../nodes/OnlyFansApi/OnlyFansApi.node';
import { OfAuth } from '../../nodes/OfAuth/OfAuth.node';
import { OFAUTH } from '../../nodes/OfAuth/ofAuthService';
import { ONLYFANSAPI } from '../../nodes/OnlyFansApi/onlyFansApiService';
import { describeFor } from '../../nodes/shared/service';
import { providerOfNodeType } from '../../nodes/shared/transport/provider';

describe('a node finds its service from its node type', () => {
	test.each([
		['n8n-nodes-ofauth-messaging.ofAuth', 'OFAuth'],
		['n8n-nodes-ofauth-messaging.ofAuthTool', 'OFAuth'],
		['n8n-nodes-ofauth-messaging.ofAuthTrigger', 'OFAuth'],
		['n8n-nodes-ofauth-messaging.ofAuthPollTrigger', 'OFAuth'],
		['n8n-nodes-onlyfansapi-messaging.onlyFansApi', 'OnlyFansAPI.com'],
		['n8n-nodes-onlyfansapi-messaging.onlyFansApiTool', 'OnlyFansAPI.com'],
		['n8n-nodes-onlyfansapi-messaging.onlyFansApiTrigger', 'OnlyFansAPI.com'],
	])('%s -> %s', (type, label) => {
		expect(providerOfNodeType(type).label).toBe(label);
	});

	test('a node type of no service is an error, never a silent default', () => {
		expect(() => providerOfNodeType('n8n-nodes-base.httpRequest')).toThrow(
			'The node type "n8n-nodes-base.httpRequest" belongs to no service of this package',
		);
	});
});

describe('describeFor fills in the service words', () => {
	test.each([
		['OFAuth', OFAUTH, 'Select a connection... conn_abc123 (Default Connection ID, OFAuth API)'],
		[
			'OnlyFansAPI.com',
			ONLYFANSAPI,
			'Select an account... acct_abc123 (Default Account ID, OnlyFansAPI.com API)',
		],
	])('%s', (_label, service, text) => {
		expect(
			describeFor(service, {
				placeholder:
					'Select %anAccount%... %accountIdExample% (%defaultAccountField%, %credential%)',
			}),
		).toEqual({ placeholder: text });
	});

	test('a token the service has no text for throws when the node is built', () => {
		expect(() => describeFor(OFAUTH, { hint: 'see %nowhere%' })).toThrow(
			'%nowhere% has no text for OFAuth',
		);
	});

	test('each action node offers only its service operations and labels the account its way', () => {
		const operations = (node: OfAuth | OnlyFansApi) =>
			node.description.properties
				.filter((property) => property.name === 'operation')
				.flatMap((property) =>
					(property.options ?? []).map(
						(option) =>
							`${String(property.displayOptions?.show?.resource)}.${String((option as { value: string }).value)}`,
					),
				);
		expect(operations(new OfAuth())).toEqual(expect.arrayContaining(['fan.giveDiscount']));
		expect(operations(new OnlyFansApi())).not.toContain('fan.giveDiscount');
		expect(operations(new OfAuth())).not.toContain('chat.showTyping');
		expect(operations(new OnlyFansApi())).toEqual(
			expect.arrayContaining(['chat.showTyping', 'message.like', 'massMessage.getChart']),
		);
		const account = (node: OfAuth | OnlyFansApi) =>
			node.description.properties.find((property) => property.name === 'connection')?.displayName;
		expect([account(new OfAuth()), account(new OnlyFansApi())]).toEqual(['Connection', 'Account']);
	});
});
