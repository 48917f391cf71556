import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { fanField, readFanId } from '../../model/fan';
import { DISCOUNT_RANGE, FAN_LABELS, readDiscount } from '../../model/fanDetails';
import { checkDiscount, discountGuards, readGuards } from '../../model/guards';
import { adapterOf } from '../../service';
import type { ToolDescription } from '../toolDescription';
import type { ExecutionScope, Send } from '../types';
import { fanWrite } from './fanWrite';

export const toolDescription: ToolDescription = {
	summary:
		"Gives one fan a discount on their OnlyFans subscription for some months. The operator's Max Discount guard caps the percentage; a discount above it is refused.",
	fields: [
		{
			parameter: 'fan.value',
			name: 'The fan',
			fromModel: "Fan: the fan's OnlyFans user ID (digits).",
			fixed: 'It discounts fan %s.',
		},
		{
			parameter: 'discountPercent',
			name: 'The discount',
			fromModel: `Discount: a whole percentage, ${DISCOUNT_RANGE.minPercent} to ${DISCOUNT_RANGE.maxPercent}.`,
			fixed: 'The discount is %s percent.',
		},
		{
			parameter: 'guards.maxDiscountPercent',
			name: 'The ceiling',
			fromModel: 'Max Discount: the highest percentage allowed.',
			fixed: 'Discounts above %s percent are refused.',
			unset: 'Discounts above 30 percent are refused.',
		},
	],
	closing: 'Give a discount once per fan and conversation, only when the operator asked for it.',
};

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan whose subscription to discount' }),
	{
		displayName: FAN_LABELS.discountPercent,
		name: 'discountPercent',
		type: 'number',
		required: true,
		typeOptions: { minValue: DISCOUNT_RANGE.minPercent, maxValue: DISCOUNT_RANGE.maxPercent },
		default: 10,
		description: `Percent off the subscription price, ${DISCOUNT_RANGE.minPercent} to ${DISCOUNT_RANGE.maxPercent}. Above the Max Discount guard (30% unless the operator sets it) the item is refused.`,
	},
	{
		displayName: FAN_LABELS.discountMonths,
		name: 'discountMonths',
		type: 'number',
		required: true,
		typeOptions: { minValue: DISCOUNT_RANGE.minMonths, maxValue: DISCOUNT_RANGE.maxMonths },
		default: 1,
		description: `For how many months of the subscription, ${DISCOUNT_RANGE.minMonths} to ${DISCOUNT_RANGE.maxMonths}`,
	},
	discountGuards,
];

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const fanId = readFanId(this, itemIndex);
	const discount = readDiscount(this, itemIndex);
	const guards = readGuards(this, itemIndex);
	checkDiscount(this.getNode(), itemIndex, guards, discount.percent);
	const giveFanDiscount = adapterOf(this).giveFanDiscount;
	if (!giveFanDiscount) throw new Error('Give Discount is not offered by this service');
	return fanWrite(this, itemIndex, scope, {
		fanId,
		request: giveFanDiscount(fanId, discount),
		guards,
		set: { discountPercent: discount.percent, months: discount.months },
	});
}
