import { describeMetricsSpecs } from '../../testing/metrics-specs';
import { SqliteReadModel } from '../read-model/sqlite-read-model';

describeMetricsSpecs('SQLite', async () => SqliteReadModel.open(':memory:'));
