/**
 * A helper of the import worker: prepares (parses, renders, links) the clean files it is given, on a
 * core of its own. It opens no database: the import worker writes.
 */
import { servePrepareRequests, type PrepareWorkerScope } from '../../lib/import/prepare-worker-server';

servePrepareRequests(self as unknown as PrepareWorkerScope);
