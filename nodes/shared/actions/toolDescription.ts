/**
 * The Tool Description an AI model reads about an operation (the node's Tool variant, for AI agents
 * and n8n's MCP Server Trigger), built from what the operator wired: a field the model fills with
 * $fromAI() is explained, a field the operator fixed is stated as fixed, a field left empty is not
 * mentioned (or says what that means, e.g. "sent at once, cannot be scheduled").
 *
 * n8n (2.x) resolves a Tool Description that is an expression when it lists the tools, in the tool
 * node's own context, so the description is an expression over `$rawParameter` (the node's fields
 * as saved, before any expression in them runs). The expression must not contain two closing
 * braces in a row (they end it) nor the literal "$fromAI(" (n8n would read it as a tool argument).
 */

import { AGENT_DEFAULT_GUARDS } from '../model/guards';

/** One field as the model may see it. Sentences may use %s for the value the operator fixed. */
export interface ToolField {
	/** The parameter's path in the node: 'price', 'options.mediaList', 'guards.maxPrice'. */
	parameter: string;
	/** How the sentences name it: 'The price'. */
	name: string;
	/** Said when the model fills it ($fromAI()): what the argument means and its rules. */
	fromModel: string;
	/** Said when the operator set a value: %s is the value. Default: "<name> is fixed by the operator: %s." */
	fixed?: string;
	/** Said when it is neither filled by the model nor set. */
	unset?: string;
	/** Said instead of `unset` by a tool node that holds agents to a default (version 1.3 on, model/guards.ts). */
	agentDefault?: string;
	/** Said when the operator set 0: the guard is off (default: nothing). */
	off?: string;
	/** The field only counts when another parameter has this value (or is filled by the model). */
	onlyWhen?: { parameter: string; equals: string | boolean };
}

export interface ToolDescription {
	/** What the tool does, whatever is wired. */
	summary: string;
	fields: ToolField[];
	/** Said last: how to call it (once per reply, reads only, ...). */
	closing?: string;
}

type FieldRow = [string, string, string, string, string, string | boolean | null, string, string];

/** The expression n8n resolves into the description; evaluated with `$rawParameter` of the tool node. */
const EVALUATOR = `(spec => {
const valueAt = path => path.split('.').reduce((value, key) => (value === undefined || value === null ? undefined : value[key]), $rawParameter);
const fromModel = value => JSON.stringify(value === undefined ? '' : value).toLowerCase().includes('$from' + 'ai(');
const isEmpty = value => value === undefined || value === null || value === '' || value === false || (typeof value === 'object' && Object.values(value).every(isEmpty));
const shown = value => (Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value));
const said = ([parameter, whenFromModel, whenFixed, whenUnset, conditionParameter, conditionValue, whenSetByWorkflow, whenOff]) => {
const condition = conditionParameter ? valueAt(conditionParameter) : undefined;
if (conditionParameter && !fromModel(condition) && condition !== conditionValue) return whenUnset;
const value = valueAt(parameter);
if (fromModel(value)) return whenFromModel;
if (value === 0 || value === '0') return whenOff;
if (isEmpty(value)) return whenUnset;
if (typeof value === 'string' && value.startsWith('=')) return whenSetByWorkflow;
return whenFixed.split('%s').join(shown(value));
};
return [spec[0], ...spec[2].map(said), spec[1]].filter(sentence => sentence).join(' ');
})`;

/**
 * The Tool Description expression of an operation; `agentDefaults`: for a node that holds agents to
 * the default guards (version 1.3 on), so an unset guard says the limit that holds anyway.
 */
export function toolDescriptionExpression(
	description: ToolDescription,
	{ agentDefaults = false }: { agentDefaults?: boolean } = {},
): string {
	const rows: FieldRow[] = description.fields.map((field) => [
		field.parameter,
		field.fromModel,
		field.fixed ?? `${field.name} is fixed by the operator: %s.`,
		(agentDefaults ? field.agentDefault : undefined) ?? field.unset ?? '',
		field.onlyWhen?.parameter ?? '',
		field.onlyWhen?.equals ?? null,
		`${field.name} is set by the workflow, not by you.`,
		field.off ?? '',
	]);
	const spec = JSON.stringify([description.summary, description.closing ?? '', rows]);
	const expression = `={{ ${EVALUATOR.replace(/\n/g, ' ')}(${spec}) }}`;
	const body = expression.slice(3, -2);
	if (body.includes('}}') || /\$fromai\s*\(/i.test(body)) {
		throw new Error(`A tool description cannot contain "}}" or "$fromAI(": ${description.summary}`);
	}
	return expression;
}

/** Sentences about the fields several operations share, each written once. */
export const TOOL_FIELDS = {
	fan: {
		parameter: 'fan',
		name: 'The fan',
		fromModel:
			"Fan: the fan's numeric OnlyFans user ID, as a number or digits (e.g. 123456789), exactly as List chats gives it (fanId) or a message's fromUser.id; never a name or @username.",
		fixed: 'It always goes to fan %s (fixed by the operator).',
	},
	text: {
		parameter: 'text',
		name: 'The text',
		fromModel:
			'Text: the message exactly as the fan will read it (Markdown **bold** and *italic* work).',
	},
	mediaList: {
		parameter: 'options.mediaList',
		name: 'The media',
		fromModel:
			'Media: vault media IDs (digits from the vault media tool), comma-separated, in the order the fan sees them.',
		fixed: 'The media is fixed by the operator: %s.',
	},
	replyTo: {
		parameter: 'options.replyToMessageId',
		name: 'The message replied to',
		fromModel: 'Reply To: the ID of the message this answers (optional).',
	},
	price: {
		parameter: 'price',
		name: 'The price',
		fromModel:
			'Price: what the fan pays to unlock, in USD, from 3 to 200 with at most 2 decimals (e.g. 9.99).',
		fixed: 'The price is fixed by the operator at %s USD.',
	},
	previewCount: {
		parameter: 'previewMediaCount',
		name: 'The preview count',
		fromModel:
			'Preview Media Count: how many of the first media items the fan sees free before paying (0 = none).',
	},
	dryRun: {
		parameter: 'guards.dryRun',
		name: 'Dry run',
		fromModel: 'Dry Run: true to check and see exactly what would be sent, without sending.',
		fixed:
			'Dry run is on: it checks everything and answers with the exact request it would send, and sends nothing.',
	},
	duplicateWindow: {
		parameter: 'guards.duplicateWindowMinutes',
		name: 'Duplicate protection',
		fromModel: 'Duplicate Protection: minutes within which a repeat is not sent.',
		fixed:
			'The same message again within %s minutes is not sent (the answer says it was skipped and why).',
		agentDefault: `The same message again within ${AGENT_DEFAULT_GUARDS.duplicateWindowMinutes} minutes is not sent (the answer says it was skipped and why): a limit that holds for agents unless the operator changes it.`,
	},
	maxPrice: {
		parameter: 'guards.maxPrice',
		name: 'The price ceiling',
		fromModel: 'Max Price: the highest price allowed, in USD.',
		fixed: 'The operator allows at most %s USD: a higher price is refused.',
		agentDefault: `At most ${AGENT_DEFAULT_GUARDS.maxPrice} USD: a higher price is refused (a limit that holds for agents unless the operator changes it).`,
	},
	maxRecipients: {
		parameter: 'guards.maxRecipients',
		name: 'The recipient cap',
		fromModel: 'Max Recipients: the most fans it may reach.',
		fixed: 'It is refused when it could reach more than %s fans.',
		agentDefault: `It is refused when it could reach more than ${AGENT_DEFAULT_GUARDS.maxRecipients} fans (a limit that holds for agents unless the operator changes it).`,
	},
	maxPpvsPerFan: {
		parameter: 'guards.maxPpvsPerFan',
		name: 'The PPV limit per fan',
		fromModel: 'Max PPVs per Fan: how many PPVs one fan may be offered within the window.',
		fixed:
			'A fan who was offered %s PPVs within the window set by the operator is not offered another: it is refused.',
	},
} satisfies Record<string, ToolField>;
