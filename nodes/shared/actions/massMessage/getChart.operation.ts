import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiData } from '../../transport';
import { dateRangeFields, readDateRange } from '../../model/dates';
import { connectionField } from '../../connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../service';

export const description: INodeProperties[] = [connectionField, ...dateRangeFields];

/** The chart of mass messages sent (and bought) over the date range, as one item. */
export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const qs = readDateRange(this, itemIndex);
	const chart = await apiData(this, { ...adapterOf(this).massMessageChart(qs), itemIndex });
	return [{ json: chart }];
}
