import { keySeparationSuiteV2 } from './suite.js';

keySeparationSuiteV2('degrade', 'automatic approvals, a degrade to classify-only, throttled and skipped tickets, a refused model call');
