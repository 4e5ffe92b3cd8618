/** The worker side of `classify` (see isolate.ts): the work of classifyTask.ts, served in a worker thread. */
import { classifyTask } from './classifyTask.ts';
import { serveTask } from './isolate.ts';

serveTask(classifyTask);
