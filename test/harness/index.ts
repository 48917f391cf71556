export { runNode, runWorkflow } from './runWorkflow';
export type { RunResult, RunSpec, StepSpec } from './runWorkflow';
export { PACKAGE, registerNodeType } from './packageTypes';
export {
	onlyFansApiCredentials,
	simulatorCredentials,
	uploadInSimulator,
	useSimulator,
} from './simulatorFixture';
export { createPollTrigger } from './runPoll';
export type { PollTriggerHarness, PollTriggerSpec } from './runPoll';
