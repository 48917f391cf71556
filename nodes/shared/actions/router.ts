import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CANCELLED_IN_FLIGHT, nameOperation } from '../transport';
import { readRequestSettings } from '../transport/requestSettings';
import { invalidField } from '../model/validate';
import { adapterOf, ProviderLimit } from '../service';
import { findOperation, operationOptionsByResource } from './index';
import { runSchedule, type Scheduled } from './sendSchedule';
import type { ExecutionScope, ReadOperation, Send, SendOperation, SendOutcome } from './types';

type NodeError = NodeApiError | NodeOperationError;

/** At most this many invalid items are spelled out in the error that stops a run; the rest are counted. */
const LISTED_INVALID_ITEMS = 20;

function asNodeError(node: INode, error: unknown, itemIndex: number): NodeError {
	if (error instanceof ProviderLimit)
		return invalidField(node, itemIndex, error.field, error.problem);
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	if (error instanceof Error) return new NodeOperationError(node, error, { itemIndex });
	// not an Error at all (a bug somewhere): still an error that names the item
	return new NodeOperationError(node, `Item ${itemIndex} failed unexpectedly: ${String(error)}`, {
		itemIndex,
	});
}

/**
 * Whether a failed send may have reached the API: anything but an answer that refused it (4xx), a
 * stop before it left, or an error raised before any request (NodeOperationError) proves nothing.
 */
function mayHaveBeenTaken(error: NodeError): boolean {
	if (error.context[CANCELLED_IN_FLIGHT] === true) return true;
	if (error instanceof NodeApiError) return !/^4/.test(String(error.httpCode ?? ''));
	return false;
}

/**
 * The item a failed input becomes under Continue On Fail. n8n sends an item out of the error output
 * ("Continue (using error output)") when its JSON has an `error` and no keys but error, message and
 * details (n8n-core's handleNodeErrorOutput), and there merges it into the input row. So the message
 * is `error` and the rest (hint, HTTP code, field, item) goes in `details`, built from the error's
 * message parts only: nothing of the request (headers, key) travels with it.
 */
function errorItem(error: NodeError, itemIndex: number): INodeExecutionData {
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	if (typeof error.context.field === 'string') details.field = error.context.field;
	details.itemIndex = itemIndex;
	return { json: { error: error.message, details }, pairedItem: { item: itemIndex } };
}

function paired(results: INodeExecutionData[], itemIndex: number): INodeExecutionData[] {
	return results.map((result) => ({ ...result, pairedItem: { item: itemIndex } }));
}

function executionScope(): ExecutionScope {
	const loaded = new Map<string, Promise<unknown>>();
	const claimed = new Map<string, number>();
	const tallies = new Map<string, number>();
	const outcomes = new Map<number, SendOutcome>();
	return {
		async once<T>(key: string, load: () => Promise<T>): Promise<T> {
			if (!loaded.has(key)) loaded.set(key, load());
			return (await loaded.get(key)) as T;
		},
		claim(key: string, itemIndex: number): number | undefined {
			const first = claimed.get(key);
			if (first === undefined) claimed.set(key, itemIndex);
			return first;
		},
		tally(key: string): number {
			const before = tallies.get(key) ?? 0;
			tallies.set(key, before + 1);
			return before;
		},
		outcomeOf: (itemIndex) => outcomes.get(itemIndex),
		noteOutcome(itemIndex, outcome) {
			outcomes.set(itemIndex, outcome);
		},
	};
}

/** The error that stops a run before anything was sent: every invalid item, how many were checked. */
function nothingSentError(
	node: INode,
	invalid: Array<{ itemIndex: number; error: NodeError }>,
	checked: number,
): NodeOperationError {
	const items = `${checked} item${checked === 1 ? '' : 's'}`;
	const [first] = invalid;
	if (invalid.length === 1) {
		const error = new NodeOperationError(
			node,
			`${first.error.message} (checked ${items}: nothing was sent)`,
			{
				itemIndex: first.itemIndex,
				description:
					`${first.error.description ?? ''} Checked ${items} before sending; nothing was sent.`.trim(),
			},
		);
		error.context.field = first.error.context.field;
		return error;
	}
	const listed = invalid.slice(0, LISTED_INVALID_ITEMS);
	const more = invalid.length - listed.length;
	const lines = listed.map(
		({ error }) => `- ${error.message}${error.description ? `. ${error.description}` : ''}`,
	);
	if (more > 0) lines.push(`- and ${more} more invalid item${more === 1 ? '' : 's'}`);
	return new NodeOperationError(
		node,
		`${invalid.length} of ${items} are invalid, so nothing was sent: ${listed.map(({ error }) => error.message).join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
		{
			itemIndex: first.itemIndex,
			description: `Checked ${items} before sending; nothing was sent to any fan. Fix these and run again:\n${lines.join('\n')}`,
		},
	);
}

/** Reads: one call per item; with Continue On Fail a failed item becomes an error item and the loop goes on. */
async function readEachItem(
	context: IExecuteFunctions,
	operation: ReadOperation,
	itemCount: number,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			output.push(...paired(await operation.execute.call(context, itemIndex), itemIndex));
		} catch (error) {
			const nodeError = asNodeError(context.getNode(), error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			output.push(errorItem(nodeError, itemIndex));
		}
	}
	return output;
}

/** A prepared item: its Send, or why it cannot be sent. */
interface Prepared extends Scheduled {
	send?: Send;
	error?: NodeError;
}

/**
 * Sends and creates: every item is read and checked first, then sent (sendSchedule.ts: several at
 * once per account, one at a time per fan); the output keeps the input order. Checking is in two
 * steps: each item's fields, one after the other in input order; then the checks that read from
 * the API (guards), several at once within each account's bound. An invalid or refused item stops
 * the run before the first send (so a re-run after the fix sends nothing twice), unless Continue
 * On Fail is on: then it becomes an error item and the valid items are sent.
 */
async function checkAllThenSend(
	context: IExecuteFunctions,
	operation: SendOperation,
	itemCount: number,
): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const scope = executionScope();
	// Concurrent Sends per Account is one setting for the run: the first item's
	const concurrency = readRequestSettings(context, 0).concurrentSends;
	const continueOnFail = context.continueOnFail();
	const prepared: Prepared[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const send = await operation.prepare.call(context, itemIndex, scope);
			prepared.push({ itemIndex, send, lane: send.lane });
		} catch (error) {
			prepared.push({ itemIndex, error: asNodeError(node, error, itemIndex) });
		}
	}
	await runSchedule(
		prepared.filter((entry) => entry.send?.check),
		concurrency,
		{
			run: async (entry) => await entry.send!.check!(),
			failed: (entry, error) => {
				entry.error = asNodeError(node, error, entry.itemIndex);
				entry.send = undefined;
			},
			// one refusal stops the run anyway: no more reads for it
			stopped: () => !continueOnFail && prepared.some((entry) => entry.error),
		},
	);
	const invalid = prepared.filter(
		(entry): entry is Prepared & { error: NodeError } => entry.error !== undefined,
	);
	if (invalid.length && !continueOnFail) throw nothingSentError(node, invalid, itemCount);

	const outputs: INodeExecutionData[][] = new Array<INodeExecutionData[]>(prepared.length);
	const sends: Array<Prepared & { send: Send }> = [];
	for (const entry of prepared) {
		if (entry.error) outputs[entry.itemIndex] = [errorItem(entry.error, entry.itemIndex)];
		else sends.push(entry as Prepared & { send: Send });
	}
	const failures: Array<{ itemIndex: number; error: NodeError }> = [];
	const finished = new Set<number>();
	await runSchedule(sends, concurrency, {
		run: async ({ itemIndex, send }) => {
			outputs[itemIndex] = paired(await send(), itemIndex);
			if (scope.outcomeOf(itemIndex) === undefined) scope.noteOutcome(itemIndex, 'sent');
			finished.add(itemIndex);
		},
		failed: ({ itemIndex }, sendError) => {
			const nodeError = asNodeError(node, sendError, itemIndex);
			scope.noteOutcome(itemIndex, mayHaveBeenTaken(nodeError) ? 'maybeSent' : 'notSent');
			if (continueOnFail) outputs[itemIndex] = [errorItem(nodeError, itemIndex)];
			else failures.push({ itemIndex, error: nodeError });
		},
		stopped: () => failures.length > 0,
	});
	if (failures.length) throw stoppedSendingError(failures, finished, sends.length);
	return outputs.flat();
}

/** Item indexes as short ranges: 0-11, 14, 20-22 (at most `shown` ranges, then how many more). */
function itemRanges(indexes: number[], shown = 20): string {
	const ranges: string[] = [];
	for (let start = 0; start < indexes.length; ) {
		let end = start;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		ranges.push(end > start ? `${indexes[start]}-${indexes[end]}` : `${indexes[start]}`);
		start = end + 1;
	}
	const more = ranges.length - shown;
	return more > 0 ? `${ranges.slice(0, shown).join(', ')} and ${more} more` : ranges.join(', ');
}

/**
 * A send failed (or the execution was stopped) and Continue On Fail is off: the first failed
 * item's error, saying (when the run had more than one send) exactly which items were sent (sends
 * already on their way finished) and that no other item was.
 */
function stoppedSendingError(
	failures: Array<{ itemIndex: number; error: NodeError }>,
	finished: Set<number>,
	sendCount: number,
): NodeError {
	const [first] = failures.sort((a, b) => a.itemIndex - b.itemIndex);
	if (sendCount === 1) return first.error;
	const sent = [...finished].sort((a, b) => a - b);
	// a send cut off while waiting for its answer, or another that failed while the run stopped
	// without an answer proving the API refused it, may have been taken
	const maybe = failures
		.filter(
			({ error }) =>
				error.context[CANCELLED_IN_FLIGHT] === true ||
				(error !== first.error && mayHaveBeenTaken(error)),
		)
		.map(({ itemIndex }) => itemIndex);
	const report = [
		sent.length
			? `${sent.length} of ${sendCount} items were sent before it stopped: ${itemRanges(sent)}.`
			: `None of the ${sendCount} items was confirmed sent.`,
		maybe.length
			? `Items ${itemRanges(maybe)} were on their way when it stopped and may have been sent: check in OnlyFans before sending them again.`
			: '',
		'No other item was sent.',
	]
		.filter(Boolean)
		.join(' ');
	first.error.description = [first.error.description, report].filter(Boolean).join(' ');
	return first.error;
}

/** Owns the item loop: pairedItem on every output, Continue On Fail, check-everything-first for sends. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const selected = findOperation(resource, operation);
	if (!selected) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not known`,
		);
	}
	const option = operationOptionsByResource[resource]?.find((entry) => entry.value === operation);
	const operationName = option?.action ?? `${resource} ${operation}`;
	const shownName = operationName.charAt(0).toUpperCase() + operationName.slice(1);
	nameOperation(this, shownName);
	const adapter = adapterOf(this);
	if (!adapter.operations.has(`${resource}.${operation}`)) {
		const unavailable = new NodeOperationError(
			this.getNode(),
			`${shownName} is not available with ${adapter.label}`,
			{
				description: `Nothing was sent. ${adapter.label} has no "${operationName}", so the node does not offer it; this workflow was saved with it. Choose another operation.`,
			},
		);
		if (!this.continueOnFail()) throw unavailable;
		// every item fails the same way, and leaves by the error output when the user chose it
		return [items.map((_, itemIndex) => errorItem(unavailable, itemIndex))];
	}
	if ('prepare' in selected) return [await checkAllThenSend(this, selected, items.length)];
	return [await readEachItem(this, selected, items.length)];
}
