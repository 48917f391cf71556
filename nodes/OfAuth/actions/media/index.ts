import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { displayFor } from '../shared/displayFor';
import type { OperationModule } from '../types';
import * as upload from './upload.operation';

export const resourceOption: INodePropertyOptions = { name: 'Media', value: 'media' };

export const operations: Record<string, OperationModule> = { upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload media to the vault',
				description:
					'Upload a photo, video or audio file to the vault; its Media Upload ID goes into the Media list of Send Message, Send PPV or Mass Message',
			},
		],
		default: 'upload',
	},
	...displayFor('media', 'upload', upload.description),
];
