import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ToolDescription } from './toolDescription';

/** The output items of one input item. */
export type ItemOutput = Promise<INodeExecutionData[]>;

/** Sends one checked item; made by a SendOperation's prepare(), run only once every item passed its checks. */
export type Send = () => ItemOutput;

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
