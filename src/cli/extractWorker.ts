/** The worker side of `extract` (see isolate.ts): the reading of extractTask.ts, served in a worker thread. */
import { extractTask } from './extractTask.ts';
import { serveTask } from './isolate.ts';

serveTask(extractTask);
