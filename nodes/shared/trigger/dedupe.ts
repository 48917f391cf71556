import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/** How many recent event ids a trigger remembers (services retry a delivery a few times). */
export const REMEMBERED_EVENT_IDS = 1000;

/**
 * Records `id` in the node's static data. Returns false when it was already there
 * (a redelivery). Oldest ids are forgotten first once the memory is full.
 */
export function rememberEventId(
	staticData: IDataObject,
	id: string,
	capacity = REMEMBERED_EVENT_IDS,
): boolean {
	const recent = Array.isArray(staticData.recentEventIds)
		? (staticData.recentEventIds as string[])
		: [];
	if (recent.includes(id)) return false;
	recent.push(id);
	staticData.recentEventIds =
		recent.length > capacity ? recent.slice(recent.length - capacity) : recent;
	return true;
}

/** Workflows whose recent event ids the process keeps at most (oldest dropped first). */
const REMEMBERED_WORKFLOWS = 500;

/**
 * A second memory of recent event ids, in this n8n process: it answers a redelivery that
 * arrives before n8n has finished saving the first delivery's static data, and wherever an n8n
 * version does not save it. The static data, saved by n8n after each delivery (see startRun),
 * is the record every process of the instance shares and that survives a restart.
 */
export class RecentEventIds {
	private readonly byTrigger = new Map<string, string[]>();

	constructor(
		private readonly capacity = REMEMBERED_EVENT_IDS,
		private readonly triggers = REMEMBERED_WORKFLOWS,
	) {}

	/** Records `id` for `trigger`; false when it was already there. */
	remember(trigger: string, id: string): boolean {
		const recent = this.byTrigger.get(trigger) ?? [];
		this.byTrigger.delete(trigger); // re-inserted last: the least recently used trigger goes first
		this.byTrigger.set(trigger, recent);
		if (this.byTrigger.size > this.triggers) {
			const oldest = this.byTrigger.keys().next().value;
			if (oldest !== undefined) this.byTrigger.delete(oldest);
		}
		if (recent.includes(id)) return false;
		recent.push(id);
		if (recent.length > this.capacity) recent.splice(0, recent.length - this.capacity);
		return true;
	}
}

export const recentEventIdsInProcess = new RecentEventIds();

/**
 * Whether a delivery is a repeat: records each of its ids in the node's static data and in this
 * process's memory (both, no short-circuit), and answers true when either already knew any of them.
 */
export function isRepeatDelivery(context: IWebhookFunctions, ids: string[]): boolean {
	const node = context.getNode();
	const trigger = `${context.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
	const staticData = context.getWorkflowStaticData('node');
	let repeat = false;
	for (const id of ids) {
		const newInStaticData = rememberEventId(staticData, id);
		const newInProcess = recentEventIdsInProcess.remember(trigger, id);
		if (!newInStaticData || !newInProcess) repeat = true;
	}
	return repeat;
}
