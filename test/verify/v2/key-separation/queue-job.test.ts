import { keySeparationSuiteV2 } from './suite.js';

keySeparationSuiteV2('queue', 'approvals answered through the queue, approved and rejected in turn, compromised model');
