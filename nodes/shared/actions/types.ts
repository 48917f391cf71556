import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ToolDescription } from './toolDescription';

/** The output items of one input item. */
export type ItemOutput = Promise<INodeExecutionData[]>;

/**
 * Sends one checked item; made by a SendOperation's prepare(), run only once every item passed its
 * checks. A Send with a lane may run while other lanes' Sends wait for their answers (see router.ts);
 * a Send without one runs alone, in input order.
 */
export type Send = (() => ItemOutput) & {
	lane?: SendLane;
	/**
	 * The item's checks that read from the API (Duplicate Protection, Max PPVs per Fan, Max
	 * Recipients): run after every item was prepared and before the first Send, several at once
	 * within the account's bound (see router.ts). A refusal here stops the item like an invalid one.
	 */
	check?: () => Promise<void>;
};

/** Who a Send reaches: Sends of one lane (one fan of one account) go one after the other, in input order. */
export interface SendLane {
	/** The account (connection) whose rate limit paces it. */
	account: string;
	/** The recipient, e.g. the fan's ID: never two Sends to it at once. */
	recipient: string;
}

/**
 * What became of an item's Send: it was `sent`, `skipped` by a guard, answered as a `dryRun`, or it
 * failed: `notSent` (provably nothing went out) or `maybeSent` (no proof that the API did not take it).
 */
export type SendOutcome = 'sent' | 'skipped' | 'dryRun' | 'notSent' | 'maybeSent';

/** Values loaded once per execution and shared by every item (e.g. the creator's user lists). */
export interface ExecutionScope {
	once<T>(key: string, load: () => Promise<T>): Promise<T>;
	/**
	 * The first item to claim a key gets undefined; a later one gets the index of that first item.
	 * Items are prepared one after the other in input order, so claims are too.
	 */
	claim(key: string, itemIndex: number): number | undefined;
	/** How many items counted this key before (0 for the first), counting this one. */
	tally(key: string): number;
	/** What became of an earlier item's Send; undefined while it has not run. */
	outcomeOf(itemIndex: number): SendOutcome | undefined;
	noteOutcome(itemIndex: number, outcome: SendOutcome): void;
}

/** An operation that only reads: the router calls it item by item. */
export interface ReadOperation {
	description: INodeProperties[];
	/** What an AI agent reads about this operation when the node is its tool (see toolDescriptionFields). */
	toolDescription?: ToolDescription;
	execute(this: IExecuteFunctions, itemIndex: number): ItemOutput;
}

/**
 * An operation that sends or creates something. prepare() reads and checks one item and may
 * read from the API, but sends nothing; the router prepares every item before the first Send.
 */
export interface SendOperation {
	description: INodeProperties[];
	/** What an AI agent reads about this operation when the node is its tool (see toolDescriptionFields). */
	toolDescription?: ToolDescription;
	prepare(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope): Promise<Send>;
}

/** One operation file exports a description and either execute (reads) or prepare (sends). */
export type OperationModule = ReadOperation | SendOperation;
