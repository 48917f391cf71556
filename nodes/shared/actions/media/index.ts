import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as upload from './upload.operation';

export const resourceOption: INodePropertyOptions = { name: 'Media', value: 'media' };

export const operations: Record<string, OperationModule> = { upload };

export const operationOptions: INodePropertyOptions[] = [
	{
		name: 'Upload',
		value: 'upload',
		action: 'Upload media to the vault',
		description:
			'Upload a photo, video or audio file to the vault; its Media Upload ID goes into the Media list of Send Message, Send PPV or Mass Message',
	},
];

export const defaultOperation = 'upload';
