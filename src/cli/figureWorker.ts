/** The worker side of `figure` (see isolate.ts): the reading of figureTask.ts, served in a worker thread. */
import { figureTask } from './figureTask.ts';
import { serveTask } from './isolate.ts';

serveTask(figureTask);
