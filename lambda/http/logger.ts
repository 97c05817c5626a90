// One structured JSON logger for the whole host (Powertools); POWERTOOLS_LOG_LEVEL sets its level.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'wopi-host' });
