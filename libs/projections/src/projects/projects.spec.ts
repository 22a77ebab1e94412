import { describeProjectsSpecs } from '../../testing/projects-specs';
import { SqliteReadModel } from '../read-model/sqlite-read-model';

describeProjectsSpecs('SQLite', async () => SqliteReadModel.open(':memory:'));
