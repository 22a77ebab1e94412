import { describeTraceSpecs } from '../../testing/trace-specs';
import { SqliteReadModel } from '../read-model/sqlite-read-model';

describeTraceSpecs('SQLite', async () => SqliteReadModel.open(':memory:'));
