import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	createPollTrigger,
	onlyFansApiCredentials,
	simulatorCredentials,
	uploadInSimulator,
	useSimulator,
} from '../../harness';
import type { OfAuthSimulator } from '../../simulator';
import { FIRST_FAN_ID } from '../../simulator';
import { accountIdOf } from '../../simulator/onlyFansApi';

/**
 * Every event of the poll trigger, with each service's own poll trigger node (one engine, in
 * nodes/shared/poll): the first poll notes what exists, the next delivers what happened since,
 * once, and the one after delivers nothing; the requests are each service's own.
 */
const SERVICES = [
	{
		label: 'OFAuth',
		type: 'ofAuthPollTrigger',
		credentials: (sim: OfAuthSimulator) => simulatorCredentials(sim),
		prefix: () => '/v2/access',
	},
	{
		label: 'OnlyFansAPI.com',
		type: 'onlyFansApiPollTrigger',
		credentials: (sim: OfAuthSimulator) => onlyFansApiCredentials(sim),
		prefix: (sim: OfAuthSimulator) => `/api/${accountIdOf(sim.connectionId)}`,
	},
];

const FAN = FIRST_FAN_ID + 11;

function jsonOf(result: INodeExecutionData[][] | null): IDataObject[] {
	return result === null ? [] : result[0].map((item) => item.json);
}

interface EventCase {
	event: string;
	parameters?: INodeParameters;
	happen: (sim: OfAuthSimulator) => Promise<unknown> | unknown;
	/** the delivered item, as one line */
	delivered: (json: IDataObject) => string;
	expected: (sim: OfAuthSimulator, happened: unknown) => string;
	/** the path polled, per service, after the service prefix */
	paths: [string, string];
}

const CASES: EventCase[] = [
	{
		event: 'newSubscriber',
		happen: (sim) => sim.simulate.newSubscriber('Zoe'),
		delivered: (json) => String(json.name),
		expected: () => 'Zoe',
		paths: ['/subscribers', '/fans/latest'],
	},
	{
		event: 'fanExpired',
		happen: (sim) => sim.simulate.fanExpires(FAN),
		delivered: (json) => String(json.id),
		expected: () => String(FAN),
		paths: ['/subscribers', '/fans/expired'],
	},
	{
		event: 'newMessage',
		happen: (sim) => sim.simulate.incomingMessage(FAN, 'are you there?'),
		delivered: (json) => String(json.text),
		expected: () => 'are you there?',
		paths: ['/chats', '/chats'],
	},
	{
		event: 'newPurchaseOrTip',
		happen: (sim) => sim.simulate.notification('tip', FAN, 'Zoe sent you a $5 tip', 5),
		delivered: (json) => String(json.text),
		expected: () => 'Zoe sent you a $5 tip',
		paths: ['/self/notifications', '/notifications'],
	},
	{
		event: 'newVaultMedia',
		happen: async (sim) => (await uploadInSimulator(sim, 'beach.jpg', 'image/jpeg')).mediaId,
		delivered: (json) => String(json.id),
		expected: (_sim, mediaId) => String(mediaId),
		paths: ['/vault/media', '/media/vault'],
	},
];

describe.each(SERVICES)('$label Poll Trigger', (service) => {
	const sim = useSimulator();

	test.each(CASES)(
		'$event: nothing on the first poll, the new item once, then nothing',
		async ({ event, parameters, happen, delivered, expected, paths }) => {
			const poller = createPollTrigger({
				type: service.type,
				parameters: { event, ...parameters },
				credentials: service.credentials(sim()),
			});
			expect(await poller.poll()).toBeNull();
			const happened = await happen(sim());
			const second = jsonOf(await poller.poll());
			expect(second.map(delivered)).toEqual([expected(sim(), happened)]);
			expect(await poller.poll()).toBeNull();
			const path = `${service.prefix(sim())}${paths[service.label === 'OFAuth' ? 0 : 1]}`;
			expect(sim().requests.some((request) => request.path === path)).toBe(true);
			const otherPrefix = service.label === 'OFAuth' ? '/api/' : '/v2/';
			expect(sim().requests.filter((request) => request.path.startsWith(otherPrefix))).toEqual([]);
		},
	);
});
