import { describeExampleWorkflows } from './examplesSuite';
import { RealN8n } from './realN8n';

describeExampleWorkflows(() => RealN8n.create('examples'));
