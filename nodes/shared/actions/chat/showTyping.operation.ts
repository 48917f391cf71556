import { chatActionOperation } from './chatAction';

export const { description, execute } = chatActionOperation(
	'showTyping',
	'The fan who sees "typing..." for a few seconds',
);
