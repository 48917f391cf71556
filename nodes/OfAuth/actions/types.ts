import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ToolDescription } from './toolDescription';

/** The output items of one input item. */
export type ItemOutput = Promise<INodeExecutionData[]>;

/**
 * Sends one checked item; made by a SendOperation's prepare(), run only once every item passed its
 * checks. A Send with a lane may run while other lanes' Sends wait for their answers (see router.ts);
 * a Send without one runs alone, in input order.
 */
export type Send = (() => ItemOutput) & { lane?: SendLane };

/** Who a Send reaches: Sends of one lane (one fan of one account) go one after the other, in input order. */
export interface SendLane {
	/** The account (connection) whose rate limit paces it. */
	account: string;
	/** The recipient, e.g. the fan's ID: never two Sends to it at once. */
	recipient: string;
}

/** Values loaded once per execution and shared by every item (e.g. the creator's user lists). */
export interface ExecutionScope {
	once<T>(key: string, load: () => Promise<T>): Promise<T>;
	/** The first item to claim a key gets undefined; a later one gets the index of that first item. */
	claim(key: string, itemIndex: number): number | undefined;
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
