/**
 * n8n's binary data storage for harness runs, set up the way n8n's own test utilities do
 * (packages/cli/test/integration/shared/utils `initBinaryDataService`): a real
 * BinaryDataService with an explicit config, registered in n8n-core's DI container.
 *
 * - 'default'    (memory): binary data lives base64-encoded in the item (`binary.data`),
 *                nodes read it with `getBinaryDataBuffer`.
 * - 'filesystem' (what self-hosters use for large files): bytes live in files under a
 *                storage folder, the item only carries `binary.id` ("filesystem-v2:<file id>"),
 *                nodes read it with `getBinaryStream(id, chunkSize)`.
 *
 * Input items are made with n8n-core's own `prepareBinaryData` (what a node's
 * `this.helpers.prepareBinaryData` calls), so they look exactly like items coming
 * from an HTTP Request or Read File node.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

import type { BinaryDataConfig, ErrorReporter } from 'n8n-core';
import { BinaryDataService, prepareBinaryData } from 'n8n-core';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { HARNESS_EXECUTION_ID, HARNESS_WORKFLOW_ID } from './runWorkflow';

export type BinaryDataMode = 'default' | 'filesystem';

interface DiContainer {
	set(type: unknown, instance: unknown): void;
	get<T>(type: new (...args: never[]) => T): T;
}

/**
 * n8n-core resolves its services through its own copy of @n8n/di (it may differ from a
 * hoisted one), so the service must be registered in that very container.
 */
function n8nCoreContainer(): DiContainer {
	const requireFromCore = createRequire(require.resolve('n8n-core'));
	return (requireFromCore('@n8n/di') as { Container: DiContainer }).Container;
}

export interface BinaryDataSetup {
	mode: BinaryDataMode;
	/** Folder holding the binary files in filesystem mode (a fresh temp folder). */
	storagePath: string;
	service: BinaryDataService;
	/** Deletes the storage folder. */
	cleanup(): void;
}

const quiet = { error() {}, warn() {}, info() {}, debug() {}, scoped: () => quiet } as unknown;

/** Registers a fresh BinaryDataService in the given mode for the harness runs that follow. */
export async function useBinaryDataMode(
	mode: BinaryDataMode,
	storagePath?: string,
): Promise<BinaryDataSetup> {
	const folder = storagePath ?? mkdtempSync(join(tmpdir(), `ofauth-binary-${mode}-`));
	const config = {
		mode,
		availableModes: [mode],
		localStoragePath: folder,
	} as unknown as BinaryDataConfig;
	const service = new BinaryDataService(config, quiet as ErrorReporter, quiet as never);
	await service.init();
	n8nCoreContainer().set(BinaryDataService, service);
	return {
		mode,
		storagePath: folder,
		service,
		cleanup: () => rmSync(folder, { recursive: true, force: true }),
	};
}

export interface BinaryItemOptions {
	fileName: string;
	mimeType: string;
	/** Binary property name; default `data`. */
	property?: string;
	json?: IDataObject;
}

/**
 * An input item carrying `content` as n8n stores it in the current mode
 * (in memory: base64 in the item; filesystem: a file, the item holds its id).
 */
export async function binaryItem(
	content: Buffer | Readable,
	options: BinaryItemOptions,
): Promise<INodeExecutionData> {
	const binaryData = await prepareBinaryData(
		content,
		HARNESS_EXECUTION_ID,
		HARNESS_WORKFLOW_ID,
		options.fileName,
		options.mimeType,
	);
	return { json: options.json ?? {}, binary: { [options.property ?? 'data']: binaryData } };
}
